package io.gopool.spring.async;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.gopool.TaskOptions;
import io.gopool.spring.GoPoolRegistry;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;

/**
 * Resolves and checks {@code @GoAsync} methods, once each: the pool must exist, the
 * priority be in range, the deadline be a duration (after placeholders are resolved), the
 * key expression parse and read only the method's arguments, and the return type be able
 * to carry the result.
 */
final class GoAsyncMethods {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	/** A SpEL variable reference, {@code #name}, not a method call on one. */
	private static final Pattern VARIABLE = Pattern.compile("#([A-Za-z_$][A-Za-z0-9_$]*+)(?!\\s*\\()");

	private final ConfigurableBeanFactory beanFactory;

	private final Supplier<GoPoolRegistry> registry;

	private final Map<Method, GoAsyncMethod> resolved = new ConcurrentHashMap<>();

	GoAsyncMethods(ConfigurableBeanFactory beanFactory, Supplier<GoPoolRegistry> registry) {
		this.beanFactory = beanFactory;
		this.registry = registry;
	}

	/**
	 * Resolves every {@code @GoAsync} method of the class, so that a mistake fails
	 * startup.
	 */
	void check(Class<?> targetClass) {
		for (Method method : targetClass.getMethods()) {
			if (method.getDeclaringClass() != Object.class && findAnnotation(method, targetClass) != null) {
				resolve(method, targetClass);
			}
		}
	}

	/**
	 * Returns the resolved form of a method called through a proxy of the given class.
	 */
	GoAsyncMethod resolve(Method method, Class<?> targetClass) {
		Method specific = BridgeMethodResolver.findBridgedMethod(ClassUtils.getMostSpecificMethod(method, targetClass));
		return this.resolved.computeIfAbsent(specific, (key) -> create(key, targetClass));
	}

	private GoAsyncMethod create(Method method, Class<?> targetClass) {
		GoAsync annotation = findAnnotation(method, targetClass);
		String description = describe(method, targetClass);
		GoPoolRegistry pools = this.registry.get();
		String poolName = annotation.pool();
		if (poolName.isEmpty()) {
			if (pools.names().size() != 1) {
				throw new InvalidGoAsyncMethodException(description,
						"names no pool, and the application has " + pools.names().size() + " pools " + pools.names(),
						"Name one of the pools " + pools.names() + " in @GoAsync(pool = ...).");
			}
			poolName = pools.names().iterator().next();
		}
		if (!pools.names().contains(poolName)) {
			throw new InvalidGoAsyncMethodException(description,
					"names pool '" + poolName + "', which does not exist; the pools are " + pools.names(),
					"Declare the pool under gopool.pools." + poolName + ", or name one of " + pools.names() + ".");
		}
		TaskOptions options = TaskOptions.defaults().withName(description);
		if (annotation.priority() != GoAsync.POOL_DEFAULT_PRIORITY) {
			try {
				options = options.withPriority(annotation.priority());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidGoAsyncMethodException(description,
						"has priority " + annotation.priority() + ", which is out of range",
						"Use a priority from " + TaskOptions.MOST_URGENT + " (most urgent) to "
								+ TaskOptions.LEAST_URGENT + " (least urgent).");
			}
		}
		if (!annotation.deadline().isEmpty()) {
			options = options.withDeadline(parseDeadline(annotation.deadline(), description));
		}
		Class<?> returnType = method.getReturnType();
		boolean returnsVoid = returnType == void.class;
		if (!returnsVoid && !returnType.isAssignableFrom(CompletableFuture.class)) {
			throw new InvalidGoAsyncMethodException(description,
					"returns " + returnType.getSimpleName() + ", which cannot carry a result computed later",
					"Return void, Future, CompletableFuture or CompletionStage.");
		}
		Expression key = annotation.key().isEmpty() ? null : parseKey(annotation.key(), method, description);
		return new GoAsyncMethod(method, poolName, options, returnsVoid, key, annotation.key());
	}

	/**
	 * Parses a key expression and checks that every variable it reads is an argument of
	 * the method, by name or position, so that a typo fails startup rather than every
	 * call.
	 */
	private static Expression parseKey(String source, Method method, String description) {
		Expression expression;
		try {
			expression = PARSER.parseExpression(source);
		}
		catch (ParseException ex) {
			throw new InvalidGoAsyncMethodException(description,
					"has key expression '" + source + "', which does not parse: " + ex.getSimpleMessage(),
					"Use a SpEL expression over the arguments, such as #event.accountId or #p0.");
		}
		String[] names = PARAMETER_NAMES.getParameterNames(method);
		Set<String> known = new LinkedHashSet<>();
		if (names != null) {
			known.addAll(Arrays.asList(names));
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			known.add("p" + i);
			known.add("a" + i);
		}
		Matcher variables = VARIABLE.matcher(source);
		while (variables.find()) {
			String variable = variables.group(1);
			if (!known.contains(variable) && !"root".equals(variable) && !"this".equals(variable)) {
				throw new InvalidGoAsyncMethodException(description,
						"has key expression '" + source + "', which reads #" + variable
								+ ", not an argument of the method",
						"Name an argument: " + ((names != null) ? "#" + String.join(", #", names) + ", or " : "")
								+ "#p0 to #p" + Math.max(0, method.getParameterCount() - 1) + " by position.");
			}
		}
		return expression;
	}

	private Duration parseDeadline(String deadline, String description) {
		String value = this.beanFactory.resolveEmbeddedValue(deadline);
		try {
			Duration parsed = DurationStyle.detectAndParse(value);
			if (parsed.isNegative() || parsed.isZero()) {
				throw new IllegalArgumentException("not positive");
			}
			return parsed;
		}
		catch (RuntimeException ex) {
			throw new InvalidGoAsyncMethodException(description,
					"has deadline '" + value + "', which is not a positive duration",
					"Use a duration such as 500ms or 2s in @GoAsync(deadline = ...).");
		}
	}

	private static GoAsync findAnnotation(Method method, Class<?> targetClass) {
		GoAsync annotation = AnnotatedElementUtils.findMergedAnnotation(method, GoAsync.class);
		if (annotation == null && Modifier.isPublic(method.getModifiers())) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, GoAsync.class);
		}
		return annotation;
	}

	private static String describe(Method method, Class<?> targetClass) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return ClassUtils.getShortName(ClassUtils.getUserClass(targetClass)) + "." + method.getName() + "(" + parameters
				+ ")";
	}

}
