package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.gopool.GoPool;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolTuning;
import io.gopool.spring.DurationText;
import io.gopool.spring.GoPoolRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Re-tunes live pools when Spring Cloud refreshes the environment (Spring Cloud Config, a
 * Kubernetes ConfigMap, {@code /actuator/refresh}): no restart, and no task is lost, as
 * {@link GoPool#tune} never drops accepted work.
 * <p>
 * Only a setting whose configured value changed since the last refresh is applied, so a
 * change made meanwhile through the actuator survives refreshes that do not touch it. The
 * four tunables are applied together and checked first, so an invalid refresh changes
 * nothing and says why in the log. Settings that only a restart can change (the rejection
 * policy, say), and pools added or removed, are logged as such.
 */
final class GoPoolRefreshListener implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Log logger = LogFactory.getLog(GoPoolRefreshListener.class);

	private static final Map<String, Function<GoPoolProperties.Pool, Object>> RESTART_ONLY = Map.of("rejection-policy",
			GoPoolProperties.Pool::getRejectionPolicy, "worker-type", GoPoolProperties.Pool::getWorkerType,
			"default-priority", GoPoolProperties.Pool::getDefaultPriority, "default-deadline",
			GoPoolProperties.Pool::getDefaultDeadline, "block-timeout", GoPoolProperties.Pool::getBlockTimeout,
			"max-blocked-submitters", GoPoolProperties.Pool::getMaxBlockedSubmitters, "stuck-threshold",
			GoPoolProperties.Pool::getStuckThreshold, "interrupt-stuck-tasks",
			GoPoolProperties.Pool::getInterruptStuckTasks, "max-extra-workers",
			GoPoolProperties.Pool::getMaxExtraWorkers);

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
			updated = bind();
		}
		catch (RuntimeException ex) {
			logger.error("GoPool settings were not re-applied: the refreshed configuration does not bind: "
					+ ex.getMessage());
			return;
		}
		for (GoPool pool : this.registry.pools()) {
			retune(pool, this.applied, updated);
			warnRestartOnly(pool.name(), this.applied, updated);
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
		String name = pool.name();
		GoPoolSettings current = pool.settings();
		List<String> changes = new ArrayList<>();
		Integer min = changed(name, "min-workers", GoPoolProperties.Pool::getMinWorkers, before, after,
				current.minWorkers(), changes);
		Integer max = changed(name, "max-workers", GoPoolProperties.Pool::getMaxWorkers, before, after,
				current.maxWorkers(), changes);
		Duration keepAlive = changed(name, "keep-alive", GoPoolProperties.Pool::getKeepAlive, before, after,
				current.keepAlive(), changes);
		Integer queueCapacity = changed(name, "queue-capacity", GoPoolProperties.Pool::getQueueCapacity, before, after,
				current.queueCapacity(), changes);
		if (changes.isEmpty()) {
			return;
		}
		try {
			// Only what the refresh changed: a value retuned otherwise (the endpoint,
			// say)
			// is left as it is.
			GoPoolTuning change = GoPoolTuning.create();
			change = (min != null) ? change.minWorkers(min) : change;
			change = (max != null) ? change.maxWorkers(max) : change;
			change = (keepAlive != null) ? change.keepAlive(keepAlive) : change;
			change = (queueCapacity != null) ? change.queueCapacity(queueCapacity) : change;
			pool.tune(change);
			logger.info("GoPool '" + name + "' retuned from configuration: " + String.join(", ", changes));
		}
		catch (IllegalArgumentException ex) {
			logger.error("GoPool '" + name + "' kept its settings: the refreshed configuration ("
					+ String.join(", ", changes) + ") is invalid: " + ex.getMessage());
		}
	}

	/**
	 * Returns the value to apply, {@code null} if none: the newly configured one if the
	 * configuration of this setting changed to something other than the pool's current
	 * value.
	 */
	private static <T> @Nullable T changed(String pool, String key, Function<GoPoolProperties.Pool, T> getter,
			GoPoolProperties before, GoPoolProperties after, T current, List<String> changes) {
		T old = configured(pool, getter, before);
		T updated = configured(pool, getter, after);
		if (Objects.equals(old, updated)) {
			return null;
		}
		if (updated == null) {
			logger.warn("GoPool '" + pool + "' keeps " + key + " " + text(current)
					+ " until a restart: the setting was removed from the configuration");
			return null;
		}
		if (Objects.equals(updated, current)) {
			return null;
		}
		changes.add(key + " " + text(current) + " -> " + text(updated));
		return updated;
	}

	private static void warnRestartOnly(String pool, GoPoolProperties before, GoPoolProperties after) {
		RESTART_ONLY.forEach((key, getter) -> {
			if (!Objects.equals(configured(pool, getter, before), configured(pool, getter, after))) {
				logger.warn("GoPool '" + pool + "' applies " + key + " only at startup; the changed value takes "
						+ "effect after a restart");
			}
		});
	}

	private static String text(Object value) {
		return (value instanceof Duration duration) ? DurationText.print(duration) : String.valueOf(value);
	}

	private static <T> T configured(String pool, Function<GoPoolProperties.Pool, T> getter,
			GoPoolProperties properties) {
		return GoPoolFactory.configured(properties.getPools().get(pool), properties.getDefaults(), getter);
	}

}
