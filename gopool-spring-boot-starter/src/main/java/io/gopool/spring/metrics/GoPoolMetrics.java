package io.gopool.spring.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.gopool.DurationHistogram;
import io.gopool.GoPool;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolStats;
import io.gopool.GroupOutcome;
import io.gopool.TaskCounts;
import io.gopool.spring.GoPoolRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes each pool's figures, tagged {@code name=<pool>}: the {@code executor.*}
 * meters that Micrometer's {@code ExecutorServiceMetrics} publishes for a
 * {@code ThreadPoolExecutor}, so that existing dashboards work, and GoPool's own
 * {@code gopool.tasks} (by {@code result}), {@code gopool.task.wait} and
 * {@code gopool.task.run}, {@code gopool.groups} (task groups that ended, by
 * {@code outcome}), and the wait and run-time distributions as cumulative
 * {@code gopool.task.wait.histogram} and {@code gopool.task.run.histogram} buckets (tag
 * {@code le}) that PromQL's {@code histogram_quantile} reads, taken from the pool's own
 * histograms. The meters read the pool's stats when they are scraped, once per scrape for
 * all of a pool's meters; nothing is recorded per task.
 */
public class GoPoolMetrics implements MeterBinder {

	private static final String TASKS = "tasks";

	private static final String THREADS = "threads";

	private final GoPoolRegistry registry;

	/**
	 * The distributions' bucket bounds: 2^10 ns (about 1 µs) to 2^36 ns (about 69 s),
	 * every fourfold, exact edges of the pool's own power-of-two histogram.
	 */
	private static final int FIRST_BOUND = 10;

	private static final int LAST_BOUND = 36;

	private static final int BOUND_STEP = 2;

	private final List<PoolReading> readings = new CopyOnWriteArrayList<>();

	/**
	 * Creates the binder.
	 * @param registry the pools to publish
	 */
	public GoPoolMetrics(GoPoolRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		for (GoPool pool : this.registry.pools()) {
			PoolReading reading = new PoolReading(pool);
			// Function meters hold their state object weakly: the binder keeps it.
			this.readings.add(reading);
			bind(reading, Tags.of("name", pool.name()), meterRegistry);
		}
	}

	private static void bind(PoolReading pool, Tags tags, MeterRegistry registry) {
		counter("executor.completed", "The approximate total number of tasks that have completed execution", pool,
				(counts) -> counts.completed(), tags, registry);
		gauge("executor.active", "The approximate number of threads that are actively executing tasks", THREADS, pool,
				(reading) -> reading.stats().levels().busyWorkers(), tags, registry);
		gauge("executor.queued", "The approximate number of tasks that are queued for execution", TASKS, pool,
				(reading) -> reading.stats().levels().queueSize(), tags, registry);
		gauge("executor.queue.remaining",
				"The number of additional elements that this queue can ideally accept without blocking", TASKS, pool,
				(reading) -> Math.max(0, reading.settings().queueCapacity() - reading.stats().levels().queueSize()),
				tags, registry);
		gauge("executor.pool.size", "The current number of threads in the pool", THREADS, pool,
				(reading) -> reading.stats().levels().workers(), tags, registry);
		gauge("executor.pool.core", "The core number of threads for the pool", THREADS, pool,
				(reading) -> reading.settings().minWorkers(), tags, registry);
		gauge("executor.pool.max", "The maximum allowed number of threads in the pool", THREADS, pool,
				(reading) -> reading.settings().maxWorkers(), tags, registry);
		gauge("gopool.tasks.stuck", "The running tasks reported stuck (running past the stuck threshold)", TASKS, pool,
				(reading) -> reading.stats().levels().stuckTasks(), tags, registry);
		gauge("gopool.keys.waiting", "The queued tasks waiting for an earlier task of their key to end", TASKS, pool,
				(reading) -> reading.stats().levels().waitingBehindKey(), tags, registry);
		gauge("gopool.groups.active", "The task groups with members that have not ended", "groups", pool,
				(reading) -> reading.stats().levels().activeGroups(), tags, registry);
		gauge("gopool.shutdown", "1 once the pool is shut down and accepts no tasks, else 0", null, pool,
				(reading) -> reading.shutdown() ? 1 : 0, tags, registry);
		tasks("completed", TaskCounts::completed, pool, tags, registry);
		tasks("failed", TaskCounts::failed, pool, tags, registry);
		tasks("rejected", TaskCounts::rejected, pool, tags, registry);
		tasks("expired", TaskCounts::expired, pool, tags, registry);
		tasks("cancelled", TaskCounts::cancelled, pool, tags, registry);
		tasks("evicted", TaskCounts::evicted, pool, tags, registry);
		tasks("returned", TaskCounts::returned, pool, tags, registry);
		for (GroupOutcome outcome : GroupOutcome.values()) {
			FunctionCounter.builder("gopool.groups", pool, (p) -> p.read().stats().groups().of(outcome))
				.description("Task groups that ended, by outcome")
				.baseUnit("groups")
				.tags(tags.and("outcome", outcome.name().toLowerCase(Locale.ROOT)))
				.register(registry);
		}
		histogram("gopool.task.wait.histogram", "Tasks that started after waiting less than le seconds", pool,
				Reading::waits, tags, registry);
		histogram("gopool.task.run.histogram", "Tasks that ran for less than le seconds", pool, Reading::runs, tags,
				registry);
		FunctionTimer
			.builder("gopool.task.wait", pool, (p) -> p.read().stats().counts().started(),
					(p) -> p.read().stats().counts().totalWaitNanos(), TimeUnit.NANOSECONDS)
			.description("Time tasks waited between submission and start")
			.tags(tags)
			.register(registry);
		FunctionTimer
			.builder("gopool.task.run", pool, (p) -> finishedRuns(p.read().stats()),
					(p) -> p.read().stats().counts().totalRunNanos(), TimeUnit.NANOSECONDS)
			.description("Time tasks ran")
			.tags(tags)
			.register(registry);
	}

	/** Runs that have ended: started tasks that are not running now. */
	private static long finishedRuns(GoPoolStats stats) {
		return Math.max(0, stats.counts().started() - stats.levels().busyWorkers());
	}

	private static void counter(String name, String description, PoolReading pool, ToLongFunction<TaskCounts> value,
			Tags tags, MeterRegistry registry) {
		FunctionCounter.builder(name, pool, (p) -> value.applyAsLong(p.read().stats().counts()))
			.description(description)
			.baseUnit(TASKS)
			.tags(tags)
			.register(registry);
	}

	private static void tasks(String result, ToLongFunction<TaskCounts> value, PoolReading pool, Tags tags,
			MeterRegistry registry) {
		FunctionCounter.builder("gopool.tasks", pool, (p) -> value.applyAsLong(p.read().stats().counts()))
			.description("Tasks that ended, or were rejected, by result")
			.baseUnit(TASKS)
			.tags(tags.and("result", result))
			.register(registry);
	}

	/**
	 * A distribution as cumulative buckets, as Prometheus histograms are, so that
	 * {@code histogram_quantile} computes percentiles from it.
	 */
	private static void histogram(String name, String description, PoolReading pool,
			Function<Reading, DurationHistogram> histogram, Tags tags, MeterRegistry registry) {
		for (int exponent = FIRST_BOUND; exponent <= LAST_BOUND; exponent += BOUND_STEP) {
			Duration bound = Duration.ofNanos(1L << exponent);
			bucket(name, description, seconds(bound), pool, (reading) -> histogram.apply(reading).countBelow(bound),
					tags, registry);
		}
		bucket(name, description, "+Inf", pool, (reading) -> histogram.apply(reading).count(), tags, registry);
	}

	private static void bucket(String name, String description, String le, PoolReading pool,
			ToLongFunction<Reading> value, Tags tags, MeterRegistry registry) {
		FunctionCounter.builder(name, pool, (p) -> value.applyAsLong(p.read()))
			.description(description + " (cumulative, as a Prometheus histogram's buckets)")
			.tags(tags)
			.tag("le", le)
			.register(registry);
	}

	/**
	 * A bound in seconds, written out as Prometheus writes {@code le}
	 * ({@code 0.000001024}).
	 */
	private static String seconds(Duration bound) {
		return BigDecimal.valueOf(bound.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
	}

	private static void gauge(String name, String description, @Nullable String baseUnit, PoolReading pool,
			ToDoubleFunction<Reading> value, Tags tags, MeterRegistry registry) {
		Gauge.builder(name, pool, (p) -> value.applyAsDouble(p.read()))
			.description(description)
			.baseUnit(baseUnit)
			.tags(tags)
			.register(registry);
	}

	/**
	 * A pool's stats, settings and state, read together at {@code readAt}
	 * ({@link System#nanoTime}).
	 */
	private record Reading(GoPoolStats stats, GoPoolSettings settings, DurationHistogram waits, DurationHistogram runs,
			boolean shutdown, long readAt) {
	}

	/**
	 * Reads a pool once per scrape rather than once per meter: a scrape asks each of a
	 * pool's meters in turn, within a few milliseconds, and taking the stats walks every
	 * worker, so a reading is reused for {@link #REUSE_NANOS}. Scrapes come seconds
	 * apart, so no scrape sees the previous one's figures.
	 */
	static final class PoolReading {

		static final long REUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

		private final GoPool pool;

		private volatile @Nullable Reading last;

		PoolReading(GoPool pool) {
			this.pool = pool;
		}

		Reading read() {
			long now = System.nanoTime();
			Reading reading = this.last;
			if (reading == null || now - reading.readAt() > REUSE_NANOS) {
				reading = new Reading(this.pool.stats(), this.pool.settings(), this.pool.waitHistogram(),
						this.pool.runHistogram(), this.pool.isShutdown(), now);
				this.last = reading;
			}
			return reading;
		}

	}

}
