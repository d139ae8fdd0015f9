package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.gopool.GoPool;
import io.gopool.GoPoolBuilder;
import io.gopool.spring.autoconfigure.GoPoolProperties.Pool;
import org.jspecify.annotations.Nullable;

/**
 * Checks every {@code gopool.*} value in one step, when the pool beans are registered
 * (before any bean is created) and again on each refresh, so that a bad value fails
 * startup (or is refused by a refresh) naming its property, whichever feature uses it,
 * and even when that feature is switched off. Pool settings are checked by the core
 * builder's own setters, through the {@link PoolSetting} table; the rules that tie
 * settings together are checked here.
 */
final class GoPoolPropertiesValidator {

	private static final Duration MIN_TRACE_INTERVAL = Duration.ofMillis(1);

	private static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(100);

	private GoPoolPropertiesValidator() {
	}

	/**
	 * Checks the properties.
	 * @throws InvalidGoPoolPropertyException for the first value GoPool cannot use
	 */
	static void validate(GoPoolProperties properties) {
		Pool defaults = properties.getDefaults();
		validatePool("defaults", null, defaults);
		for (Map.Entry<String, Pool> pool : properties.getPools().entrySet()) {
			validatePool(pool.getKey(), pool.getValue(), defaults);
		}
		String applicationExecutor = properties.getApplicationExecutor();
		if (applicationExecutor != null && !properties.getPools().containsKey(applicationExecutor)) {
			throw new InvalidGoPoolPropertyException("gopool.application-executor", applicationExecutor,
					"no pool of that name is declared",
					"the name of a pool under gopool.pools " + properties.getPools().keySet());
		}
		validateShutdown(properties.getShutdown());
		validateTrace(properties.getTrace());
		validateHealth(properties.getHealth());
		validateDashboard(properties.getDashboard());
		Duration retryAfter = properties.getWeb().getRetryAfter();
		if (retryAfter == null || retryAfter.isNegative()) {
			throw new InvalidGoPoolPropertyException("gopool.web.retry-after", retryAfter, "a negative wait",
					"zero (no Retry-After header) or more");
		}
		Duration overloadLog = properties.getOverloadLogInterval();
		if (overloadLog == null || overloadLog.isNegative()
				|| (!overloadLog.isZero() && overloadLog.toMillis() < 100)) {
			throw new InvalidGoPoolPropertyException("gopool.overload-log-interval", overloadLog,
					"too short a log interval", "zero (off) or at least 100ms");
		}
	}

	/** A pool's settings, or with {@code pool} null the defaults on their own. */
	private static void validatePool(String name, @Nullable Pool pool, Pool defaults) {
		GoPoolBuilder probe = GoPool.newBuilder();
		for (PoolSetting<?> setting : PoolSetting.ALL) {
			try {
				setting.apply(probe, pool, defaults);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				throw new InvalidGoPoolPropertyException(setting.source(name, pool, defaults),
						setting.configured(pool, defaults), ex.getMessage(), setting.allowed());
			}
		}
		if (PoolSetting.STUCK_THRESHOLD.configured(pool, defaults) == null) {
			requireStuckThreshold(name, pool, defaults, PoolSetting.INTERRUPT_STUCK_TASKS, Boolean.TRUE);
			Integer extra = PoolSetting.MAX_EXTRA_WORKERS.configured(pool, defaults);
			if (extra != null && extra > 0) {
				requireStuckThreshold(name, pool, defaults, PoolSetting.MAX_EXTRA_WORKERS, extra);
			}
		}
		Integer min = PoolSetting.MIN_WORKERS.configured(pool, defaults);
		Integer max = PoolSetting.MAX_WORKERS.configured(pool, defaults);
		// Either one alone cannot clash: the builder derives the other from it.
		if (min != null && max != null && min > max) {
			throw new InvalidGoPoolPropertyException(PoolSetting.MIN_WORKERS.source(name, pool, defaults), min,
					"min workers (" + min + ") must not exceed max workers (" + max + ")",
					"no more than max-workers (" + max + ")");
		}
	}

	private static <T> void requireStuckThreshold(String name, @Nullable Pool pool, Pool defaults,
			PoolSetting<T> setting, T inUse) {
		if (inUse.equals(setting.configured(pool, defaults))) {
			throw new InvalidGoPoolPropertyException(setting.source(name, pool, defaults), inUse,
					setting.key() + " requires a stuck threshold", "only together with stuck-threshold");
		}
	}

	private static void validateShutdown(GoPoolProperties.Shutdown shutdown) {
		Duration period = shutdown.getAwaitTerminationPeriod();
		if (period == null || period.isNegative()) {
			throw new InvalidGoPoolPropertyException("gopool.shutdown.await-termination-period", period,
					"a negative wait", "zero (stop at once) or more");
		}
	}

	private static void validateTrace(GoPoolProperties.Trace trace) {
		Duration interval = trace.getInterval();
		if (interval != null && interval.compareTo(MIN_TRACE_INTERVAL) < 0) {
			throw new InvalidGoPoolPropertyException("gopool.trace.interval", interval,
					"trace interval must be at least 1ms (was " + interval + ")", "at least 1ms");
		}
	}

	private static void validateHealth(GoPoolProperties.Health health) {
		check(health.getQueueFillThreshold() >= 0 && health.getQueueFillThreshold() <= 1,
				"gopool.health.queue-fill-threshold", health.getQueueFillThreshold(), "from 0 to 1");
		check(health.getRejectionWindow() != null && !health.getRejectionWindow().isNegative(),
				"gopool.health.rejection-window", health.getRejectionWindow(), "zero or more");
		check(health.getSaturatedStatus() != null && !health.getSaturatedStatus().isBlank(),
				"gopool.health.saturated-status", "'" + health.getSaturatedStatus() + "'",
				"a health status, such as OUT_OF_SERVICE or UP");
	}

	private static void check(boolean valid, String property, @Nullable Object value, String allowed) {
		if (!valid) {
			throw new InvalidGoPoolPropertyException(property, value, "out of range", allowed);
		}
	}

	private static void validateDashboard(GoPoolProperties.Dashboard dashboard) {
		Duration interval = dashboard.getSampleInterval();
		if (interval == null || interval.compareTo(MIN_SAMPLE_INTERVAL) < 0) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.sample-interval", interval,
					"too short a sample interval", "at least 100ms");
		}
		Duration history = dashboard.getHistory();
		if (history == null || history.compareTo(interval) < 0) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.history", history,
					"shorter than the sample interval", "at least gopool.dashboard.sample-interval (" + interval + ")");
		}
		String path = dashboard.getPath();
		if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.path", path, "not a usable path",
					"a path that starts with / and does not end with it, such as /gopool");
		}
	}

}
