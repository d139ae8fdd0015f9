package io.gopool.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.gopool.GoPool;
import io.gopool.GoPoolBuilder;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.GoPoolRegistry;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Builds the pools declared under {@code gopool.pools}. Each value is taken from the
 * pool, else from {@code gopool.defaults}, and handed to the core builder, whose setters
 * validate it; a refusal is reported against the property the value came from, with what
 * that property allows.
 */
final class GoPoolFactory {

	private final GoPoolProperties properties;

	private final List<GoPoolBuilderCustomizer> customizers;

	GoPoolFactory(GoPoolProperties properties, List<GoPoolBuilderCustomizer> customizers) {
		this.properties = properties;
		this.customizers = customizers;
	}

	/**
	 * Builds every declared pool; if one fails, the ones already built are stopped.
	 */
	GoPoolRegistry createRegistry() {
		List<GoPool> pools = new ArrayList<>();
		try {
			for (String name : this.properties.getPools().keySet()) {
				pools.add(create(name));
			}
		}
		catch (RuntimeException ex) {
			pools.forEach(GoPool::shutdownNow);
			throw ex;
		}
		return new GoPoolRegistry(pools);
	}

	private GoPool create(String name) {
		Settings settings = new Settings(name, this.properties.getPools().get(name), this.properties.getDefaults());
		GoPoolBuilder builder = GoPool.newBuilder();
		settings.apply("min-workers", GoPoolProperties.Pool::getMinWorkers, builder::minWorkers,
				"from 0 to " + GoPoolBuilder.MAX_WORKERS);
		settings.apply("max-workers", GoPoolProperties.Pool::getMaxWorkers, builder::maxWorkers,
				"from 1 to " + GoPoolBuilder.MAX_WORKERS);
		settings.apply("keep-alive", GoPoolProperties.Pool::getKeepAlive, builder::keepAlive, "zero or more");
		settings.apply("queue-capacity", GoPoolProperties.Pool::getQueueCapacity, builder::queueCapacity,
				"0 or more (0 means direct hand-off)");
		settings.apply("rejection-policy", GoPoolProperties.Pool::getRejectionPolicy, builder::rejectionPolicy,
				"one of abort, caller-runs, discard, discard-oldest, block");
		settings.apply("worker-type", GoPoolProperties.Pool::getWorkerType, builder::workerType,
				"platform, or virtual on Java 21 or later");
		settings.apply("default-priority", GoPoolProperties.Pool::getDefaultPriority, builder::defaultPriority,
				"from -20 (most urgent) to 19 (least urgent)");
		settings.apply("default-deadline", GoPoolProperties.Pool::getDefaultDeadline, builder::defaultDeadline,
				"a positive duration");
		settings.apply("block-timeout", GoPoolProperties.Pool::getBlockTimeout, builder::blockTimeout,
				"a positive duration");
		settings.apply("max-blocked-submitters", GoPoolProperties.Pool::getMaxBlockedSubmitters,
				builder::maxBlockedSubmitters, "1 or more");
		settings.apply("stuck-threshold", GoPoolProperties.Pool::getStuckThreshold, builder::stuckThreshold,
				"a positive duration");
		settings.apply("interrupt-stuck-tasks", GoPoolProperties.Pool::getInterruptStuckTasks,
				builder::interruptStuckTasks, "true or false");
		settings.apply("max-extra-workers", GoPoolProperties.Pool::getMaxExtraWorkers, builder::maxExtraWorkers,
				"from 0 to " + GoPoolBuilder.MAX_WORKERS);
		if (settings.value(GoPoolProperties.Pool::getStuckThreshold) != null) {
			builder.listener(new StuckTaskLogger());
		}
		else {
			settings.requireStuckThreshold("interrupt-stuck-tasks", GoPoolProperties.Pool::getInterruptStuckTasks,
					Boolean.TRUE::equals);
			settings.requireStuckThreshold("max-extra-workers", GoPoolProperties.Pool::getMaxExtraWorkers,
					(extra) -> extra > 0);
		}
		for (GoPoolBuilderCustomizer customizer : this.customizers) {
			customizer.customize(name, builder);
		}
		try {
			return builder.build(name);
		}
		catch (IllegalArgumentException ex) {
			// The one rule that ties two settings together: min-workers <= max-workers.
			String property = settings.source("min-workers", GoPoolProperties.Pool::getMinWorkers);
			throw new InvalidGoPoolPropertyException(property, settings.value(GoPoolProperties.Pool::getMinWorkers),
					ex.getMessage(),
					"no more than max-workers (" + settings.value(GoPoolProperties.Pool::getMaxWorkers) + ")");
		}
	}

	/**
	 * A pool's own value of a setting, or the default it inherits; {@code pool} may be
	 * {@code null} (a pool no longer configured).
	 */
	static <T> T configured(GoPoolProperties.Pool pool, GoPoolProperties.Pool defaults,
			Function<GoPoolProperties.Pool, T> getter) {
		T own = (pool != null) ? getter.apply(pool) : null;
		return (own != null) ? own : getter.apply(defaults);
	}

	/**
	 * The settings of one pool: its own values, falling back to the defaults.
	 */
	private static final class Settings {

		private static final PropertyMapper map = PropertyMapper.get();

		private final String poolName;

		private final GoPoolProperties.Pool pool;

		private final GoPoolProperties.Pool defaults;

		Settings(String poolName, GoPoolProperties.Pool pool, GoPoolProperties.Pool defaults) {
			this.poolName = poolName;
			this.pool = pool;
			this.defaults = defaults;
		}

		<T> void apply(String key, Function<GoPoolProperties.Pool, T> getter, Consumer<T> setter, String allowed) {
			String property = source(key, getter);
			map.from(value(getter)).to((value) -> {
				try {
					setter.accept(value);
				}
				catch (IllegalArgumentException | IllegalStateException ex) {
					throw new InvalidGoPoolPropertyException(property, value, ex.getMessage(), allowed);
				}
			});
		}

		/**
		 * Refuses a setting that only works with a stuck threshold when there is none.
		 */
		<T> void requireStuckThreshold(String key, Function<GoPoolProperties.Pool, T> getter, Predicate<T> inUse) {
			T value = value(getter);
			if (value != null && inUse.test(value)) {
				throw new InvalidGoPoolPropertyException(source(key, getter), value,
						key + " requires a stuck threshold", "only together with stuck-threshold");
			}
		}

		<T> T value(Function<GoPoolProperties.Pool, T> getter) {
			return configured(this.pool, this.defaults, getter);
		}

		/**
		 * The property a value comes from: the pool's own, or the default it inherits.
		 */
		<T> String source(String key, Function<GoPoolProperties.Pool, T> getter) {
			return (getter.apply(this.pool) != null || getter.apply(this.defaults) == null)
					? "gopool.pools." + this.poolName + "." + key : "gopool.defaults." + key;
		}

	}

}
