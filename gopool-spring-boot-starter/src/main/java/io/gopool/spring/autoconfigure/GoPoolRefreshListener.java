package io.gopool.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.gopool.GoPool;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolTuning;
import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.autoconfigure.GoPoolProperties.Pool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Re-tunes live pools when Spring Cloud refreshes the environment (Spring Cloud Config, a
 * Kubernetes ConfigMap, {@code /actuator/refresh}): no restart, and no task is lost, as
 * {@link GoPool#tune} never drops accepted work.
 * <p>
 * The refreshed configuration is checked as a whole first, as at startup, so an invalid
 * refresh changes nothing and says why in the log. Only a setting whose configured value
 * changed since the last refresh is applied, so a change made meanwhile through the
 * actuator survives refreshes that do not touch it. The {@link PoolSetting#tunable()
 * tunable} settings are applied together; the others (the rejection policy, say), and
 * pools added or removed, are logged as needing a restart.
 */
final class GoPoolRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Log logger = LogFactory.getLog(GoPoolRefreshListener.class);

	private final GoPoolRegistry registry;

	private final Environment environment;

	/** The configuration last applied; guarded by {@code this}. */
	private GoPoolProperties applied;

	GoPoolRefreshListener(GoPoolRegistry registry, Environment environment) {
		this.registry = registry;
		this.environment = environment;
		this.applied = bind();
	}

	private GoPoolProperties bind() {
		return Binder.get(this.environment).bindOrCreate("gopool", GoPoolProperties.class);
	}

	@Override
	public synchronized void onApplicationEvent(EnvironmentChangeEvent event) {
		GoPoolProperties updated;
		try {
			UnknownGoPoolKeys.check(ConfigurationPropertySources.get(this.environment));
			updated = bind();
			GoPoolPropertiesValidator.validate(updated);
		}
		catch (RuntimeException ex) {
			logger.error(
					"GoPool settings were not re-applied: the refreshed configuration is invalid: " + ex.getMessage());
			return;
		}
		for (GoPool pool : this.registry.pools()) {
			retune(pool, this.applied, updated);
		}
		Set<String> added = new TreeSet<>(updated.getPools().keySet());
		added.removeAll(this.registry.names());
		Set<String> removed = new TreeSet<>(this.registry.names());
		removed.removeAll(updated.getPools().keySet());
		if (!added.isEmpty() || !removed.isEmpty()) {
			logger.warn("GoPool pools are created and removed only at startup; a restart is needed for "
					+ "added pools " + added + " and removed pools " + removed);
		}
		this.applied = updated;
	}

	private static void retune(GoPool pool, GoPoolProperties before, GoPoolProperties after) {
		Retuning retuning = new Retuning(pool.name(), pool.settings(), before, after);
		PoolSetting.ALL.forEach(retuning::consider);
		if (retuning.changes.isEmpty()) {
			return;
		}
		try {
			pool.tune(retuning.change);
			logger.info(
					"GoPool '" + pool.name() + "' retuned from configuration: " + String.join(", ", retuning.changes));
		}
		catch (IllegalArgumentException ex) {
			logger.error("GoPool '" + pool.name() + "' kept its settings: the refreshed configuration ("
					+ String.join(", ", retuning.changes) + ") is invalid: " + ex.getMessage());
		}
	}

	/**
	 * The changes a refresh makes to one pool, gathered setting by setting.
	 */
	private static final class Retuning {

		private final String pool;

		private final GoPoolSettings current;

		private final GoPoolProperties before;

		private final GoPoolProperties after;

		private GoPoolTuning change = GoPoolTuning.create();

		private final List<String> changes = new ArrayList<>();

		Retuning(String pool, GoPoolSettings current, GoPoolProperties before, GoPoolProperties after) {
			this.pool = pool;
			this.current = current;
			this.before = before;
			this.after = after;
		}

		/**
		 * Adds the setting to the change if its configuration changed to something other
		 * than the pool's current value; a value retuned otherwise (the endpoint, say) is
		 * left as it is unless the refresh changed this very setting.
		 */
		<T> void consider(PoolSetting<T> setting) {
			T old = configured(setting, this.before);
			T updated = configured(setting, this.after);
			if (Objects.equals(old, updated)) {
				return;
			}
			T now = setting.current(this.current);
			if (!setting.tunable()) {
				logger.warn("GoPool '" + this.pool + "' applies " + setting.key() + " only at startup; the "
						+ "changed value takes effect after a restart");
			}
			else if (updated == null) {
				logger.warn("GoPool '" + this.pool + "' keeps " + setting.key() + " " + PoolSetting.text(now)
						+ " until a restart: the setting was removed from the configuration");
			}
			else if (!updated.equals(now)) {
				this.changes.add(setting.key() + " " + PoolSetting.text(now) + " -> " + PoolSetting.text(updated));
				this.change = setting.tune(this.change, updated);
			}
		}

		private <T> @Nullable T configured(PoolSetting<T> setting, GoPoolProperties properties) {
			Pool own = properties.getPools().get(this.pool);
			return setting.configured(own, properties.getDefaults());
		}

	}

}
