package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.gopool.GoPoolBuilder;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolTuning;
import io.gopool.RejectionPolicy;
import io.gopool.WorkerType;
import io.gopool.spring.autoconfigure.GoPoolProperties.Pool;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a pool, each spelled out once: its key under
 * {@code gopool.pools.<name>}, how it is read from the properties, how it is handed to
 * the builder, what it allows (in words, for the startup failure report), how the pool
 * reports its current value and, for the settings a live pool can change, how it is
 * retuned. Validation, the factory, the refresh listener, the endpoint and the dashboard
 * all go through this table, so that a new setting is one row here (plus its property).
 * <p>
 * Values print as they are written in YAML: durations in their largest exact unit, enums
 * in lower case with dashes ({@code caller-runs}), so that what the endpoint, the
 * dashboard and the log show can be pasted back into the configuration.
 *
 * @param <T> the type of the setting's value
 */
final class PoolSetting<T> {

	static final PoolSetting<Integer> MIN_WORKERS = new PoolSetting<>("min-workers", Pool::getMinWorkers,
			GoPoolBuilder::minWorkers, "from 0 to " + GoPoolBuilder.MAX_WORKERS, GoPoolSettings::minWorkers,
			GoPoolTuning::minWorkers);

	static final PoolSetting<Integer> MAX_WORKERS = new PoolSetting<>("max-workers", Pool::getMaxWorkers,
			GoPoolBuilder::maxWorkers, "from 1 to " + GoPoolBuilder.MAX_WORKERS, GoPoolSettings::maxWorkers,
			GoPoolTuning::maxWorkers);

	static final PoolSetting<Duration> KEEP_ALIVE = new PoolSetting<>("keep-alive", Pool::getKeepAlive,
			GoPoolBuilder::keepAlive, "zero or more", GoPoolSettings::keepAlive, GoPoolTuning::keepAlive);

	static final PoolSetting<Integer> QUEUE_CAPACITY = new PoolSetting<>("queue-capacity", Pool::getQueueCapacity,
			GoPoolBuilder::queueCapacity, "0 or more (0 means direct hand-off)", GoPoolSettings::queueCapacity,
			GoPoolTuning::queueCapacity);

	static final PoolSetting<RejectionPolicy> REJECTION_POLICY = new PoolSetting<>("rejection-policy",
			Pool::getRejectionPolicy, GoPoolBuilder::rejectionPolicy,
			"one of abort, caller-runs, discard, discard-oldest, block", GoPoolSettings::rejectionPolicy, null);

	static final PoolSetting<WorkerType> WORKER_TYPE = new PoolSetting<>("worker-type", Pool::getWorkerType,
			GoPoolBuilder::workerType, "platform, or virtual on Java 21 or later", GoPoolSettings::workerType, null);

	static final PoolSetting<Integer> DEFAULT_PRIORITY = new PoolSetting<>("default-priority", Pool::getDefaultPriority,
			GoPoolBuilder::defaultPriority, "from -20 (most urgent) to 19 (least urgent)",
			GoPoolSettings::defaultPriority, null);

	static final PoolSetting<Duration> DEFAULT_DEADLINE = new PoolSetting<>("default-deadline",
			Pool::getDefaultDeadline, GoPoolBuilder::defaultDeadline, "a positive duration",
			GoPoolSettings::defaultDeadline, null);

	static final PoolSetting<Duration> BLOCK_TIMEOUT = new PoolSetting<>("block-timeout", Pool::getBlockTimeout,
			GoPoolBuilder::blockTimeout, "a positive duration", GoPoolSettings::blockTimeout, null);

	static final PoolSetting<Integer> MAX_BLOCKED_SUBMITTERS = new PoolSetting<>("max-blocked-submitters",
			Pool::getMaxBlockedSubmitters, GoPoolBuilder::maxBlockedSubmitters, "1 or more",
			GoPoolSettings::maxBlockedSubmitters, null);

	static final PoolSetting<Duration> STUCK_THRESHOLD = new PoolSetting<>("stuck-threshold", Pool::getStuckThreshold,
			GoPoolBuilder::stuckThreshold, "a positive duration", GoPoolSettings::stuckThreshold, null);

	static final PoolSetting<Boolean> INTERRUPT_STUCK_TASKS = new PoolSetting<>("interrupt-stuck-tasks",
			Pool::getInterruptStuckTasks, GoPoolBuilder::interruptStuckTasks, "true or false",
			GoPoolSettings::interruptStuckTasks, null);

	static final PoolSetting<Integer> MAX_EXTRA_WORKERS = new PoolSetting<>("max-extra-workers",
			Pool::getMaxExtraWorkers, GoPoolBuilder::maxExtraWorkers, "from 0 to " + GoPoolBuilder.MAX_WORKERS,
			GoPoolSettings::maxExtraWorkers, null);

	/** Every setting, in the order they are applied, validated and shown. */
	static final List<PoolSetting<?>> ALL = List.of(MIN_WORKERS, MAX_WORKERS, KEEP_ALIVE, QUEUE_CAPACITY,
			REJECTION_POLICY, WORKER_TYPE, DEFAULT_PRIORITY, DEFAULT_DEADLINE, BLOCK_TIMEOUT, MAX_BLOCKED_SUBMITTERS,
			STUCK_THRESHOLD, INTERRUPT_STUCK_TASKS, MAX_EXTRA_WORKERS);

	private final String key;

	private final Function<Pool, @Nullable T> property;

	private final BiConsumer<GoPoolBuilder, T> builder;

	private final String allowed;

	private final Function<GoPoolSettings, @Nullable T> current;

	private final @Nullable BiFunction<GoPoolTuning, T, GoPoolTuning> tuning;

	private PoolSetting(String key, Function<Pool, @Nullable T> property, BiConsumer<GoPoolBuilder, T> builder,
			String allowed, Function<GoPoolSettings, @Nullable T> current,
			@Nullable BiFunction<GoPoolTuning, T, GoPoolTuning> tuning) {
		this.key = key;
		this.property = property;
		this.builder = builder;
		this.allowed = allowed;
		this.current = current;
		this.tuning = tuning;
	}

	/** The setting's key, such as {@code max-workers}. */
	String key() {
		return this.key;
	}

	/** What the setting allows, in words. */
	String allowed() {
		return this.allowed;
	}

	/**
	 * The value a pool is configured with: its own, else the default it inherits, else
	 * {@code null} (the builder's default applies); {@code pool} is {@code null} for a
	 * pool not configured (any more).
	 */
	@Nullable T configured(@Nullable Pool pool, Pool defaults) {
		T own = (pool != null) ? this.property.apply(pool) : null;
		return (own != null) ? own : this.property.apply(defaults);
	}

	/**
	 * The property a pool's value comes from: the pool's own, or the default it inherits.
	 */
	String source(String poolName, @Nullable Pool pool, Pool defaults) {
		boolean inherited = (pool == null || this.property.apply(pool) == null)
				&& this.property.apply(defaults) != null;
		return inherited ? "gopool.defaults." + this.key : "gopool.pools." + poolName + "." + this.key;
	}

	/**
	 * Hands the configured value, if there is one, to the builder, whose setter checks
	 * it.
	 * @throws IllegalArgumentException if the builder refuses the value
	 * @throws IllegalStateException if this JVM cannot have the value (virtual workers)
	 */
	void apply(GoPoolBuilder target, @Nullable Pool pool, Pool defaults) {
		T value = configured(pool, defaults);
		if (value != null) {
			this.builder.accept(target, value);
		}
	}

	/** Whether a live pool can change this setting, or only a restart. */
	boolean tunable() {
		return this.tuning != null;
	}

	/**
	 * Adds the value to a tuning; only for a {@link #tunable()} setting.
	 */
	GoPoolTuning tune(GoPoolTuning change, T value) {
		if (this.tuning == null) {
			throw new IllegalStateException(this.key + " is applied only at startup");
		}
		return this.tuning.apply(change, value);
	}

	/** The pool's value now, {@code null} if unset (no default deadline, say). */
	@Nullable T current(GoPoolSettings settings) {
		return this.current.apply(settings);
	}

	/**
	 * A pool's settings as they are written in YAML, keyed by property; settings without
	 * a value (no stuck threshold, say) are left out.
	 */
	static Map<String, Object> print(GoPoolSettings settings) {
		Map<String, Object> printed = new LinkedHashMap<>();
		for (PoolSetting<?> setting : ALL) {
			Object value = setting.current(settings);
			if (value != null) {
				printed.put(setting.key, printable(value));
			}
		}
		return printed;
	}

	/** A value as it is written in YAML, in words (for log lines). */
	static String text(@Nullable Object value) {
		return String.valueOf((value != null) ? printable(value) : null);
	}

	private static Object printable(Object value) {
		if (value instanceof Duration duration) {
			return DurationText.print(duration);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		return value;
	}

}
