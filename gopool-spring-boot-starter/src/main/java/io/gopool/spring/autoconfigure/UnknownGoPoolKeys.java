package io.gopool.spring.autoconfigure;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds a {@code gopool.*} key that is no GoPool setting ({@code max-worker},
 * {@code gopool.pool.orders...}), which binding would silently ignore, and suggests the
 * nearest one that is. The valid keys are read off {@link GoPoolProperties} itself, so
 * they cannot drift from what binds; names compare as Spring Boot's relaxed binding does
 * ({@code maxWorkers}, {@code max_workers}, ...). Environment variables are not checked.
 */
final class UnknownGoPoolKeys {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("gopool");

	/** The most edits a suggestion may be away from what was written. */
	private static final int MAX_DISTANCE = 3;

	/** Every valid key but those of a named pool, in canonical form. */
	private static final List<String> KEYS = keys("gopool", GoPoolProperties.class);

	private static final Set<ConfigurationPropertyName> NAMES = names(KEYS);

	private UnknownGoPoolKeys() {
	}

	/**
	 * Fails on the first {@code gopool.*} key that is no setting.
	 * @throws InvalidGoPoolPropertyException naming the key and the nearest valid one
	 */
	static void check(Iterable<ConfigurationPropertySource> sources) {
		for (ConfigurationPropertySource source : sources) {
			// Environment variables are left out: a GOPOOL_* variable may belong to
			// anything on the machine, and failing startup over it would be worse.
			if (source instanceof IterableConfigurationPropertySource iterable
					&& !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
				iterable.filter(ROOT::isAncestorOf).forEach((name) -> {
					if (!isKnown(name)) {
						ConfigurationProperty property = iterable.getConfigurationProperty(name);
						throw unknown(name, (property != null) ? property.getValue() : null);
					}
				});
			}
		}
	}

	private static boolean isKnown(ConfigurationPropertyName name) {
		if (NAMES.contains(name)) {
			return true;
		}
		if (name.getNumberOfElements() < 3 || !"pools".equals(name.getElement(1, Form.UNIFORM))) {
			return false;
		}
		// gopool.pools.<pool> (a pool with no settings of its own), or
		// gopool.pools.<pool>.<key> with a key of the defaults.
		return name.getNumberOfElements() == 3
				|| name.getNumberOfElements() == 4 && "pools".equals(name.getElement(1, Form.UNIFORM)) && NAMES
					.contains(ConfigurationPropertyName.of("gopool.defaults").append(name.getElement(3, Form.DASHED)));
	}

	private static InvalidGoPoolPropertyException unknown(ConfigurationPropertyName name, @Nullable Object value) {
		String written = name.toString();
		String suggestion = nearest(name);
		String reason = "not a GoPool setting, so it would be ignored"
				+ ((suggestion != null) ? "; did you mean '" + suggestion + "'?" : "");
		return new InvalidGoPoolPropertyException(written, value, reason,
				"a GoPool setting (your IDE completes them; the README lists them under Properties)");
	}

	/**
	 * The valid key nearest to what was written: just its last part when only that
	 * differs ({@code max-workers}), else the whole key.
	 */
	private static @Nullable String nearest(ConfigurationPropertyName name) {
		List<String> candidates = new ArrayList<>(KEYS);
		if (name.getNumberOfElements() == 4) {
			String pool = name.getElement(2, Form.ORIGINAL);
			KEYS.stream()
				.filter((key) -> key.startsWith("gopool.defaults."))
				.forEach((key) -> candidates.add("gopool.pools." + pool + key.substring("gopool.defaults".length())));
		}
		String written = uniform(name.toString());
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(written, uniform(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		if (best == null || bestDistance > MAX_DISTANCE) {
			return null;
		}
		ConfigurationPropertyName suggested = ConfigurationPropertyName.of(best);
		boolean sameParent = suggested.getNumberOfElements() == name.getNumberOfElements()
				&& suggested.getParent().equals(name.getParent());
		return sameParent ? suggested.getLastElement(Form.DASHED) : best;
	}

	private static String uniform(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The keys of a properties class, from its getters: a nested properties class adds
	 * its own keys under the getter's; a map (the pools) adds none, as its keys are the
	 * pools' names.
	 */
	private static List<String> keys(String prefix, Class<?> type) {
		List<String> keys = new ArrayList<>();
		for (Method getter : type.getMethods()) {
			String property = propertyName(getter);
			if (property == null) {
				continue;
			}
			String key = prefix + "." + property;
			Class<?> valueType = getter.getReturnType();
			if (valueType.getEnclosingClass() == GoPoolProperties.class) {
				keys.addAll(keys(key, valueType));
			}
			else {
				keys.add(key);
			}
		}
		return keys;
	}

	private static @Nullable String propertyName(Method method) {
		if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
				|| method.getDeclaringClass() == Object.class) {
			return null;
		}
		String name = method.getName();
		String bare = name.startsWith("get") ? name.substring(3)
				: (name.startsWith("is") && method.getReturnType() == boolean.class) ? name.substring(2) : null;
		if (bare == null || bare.isEmpty()) {
			return null;
		}
		return Introspector.decapitalize(bare).replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	private static Set<ConfigurationPropertyName> names(List<String> keys) {
		Set<ConfigurationPropertyName> names = new HashSet<>();
		keys.forEach((key) -> names.add(ConfigurationPropertyName.of(key)));
		return names;
	}

	/** For tests: the keys that are valid outside a named pool. */
	static List<String> keys() {
		return KEYS;
	}

}
