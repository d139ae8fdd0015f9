package io.gopool.spring.actuate;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.gopool.GoPool;
import io.gopool.GoPoolStats;
import io.gopool.spring.GoPoolRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes each pool's figures, tagged {@code name=<pool>}: the {@code executor.*}
 * meters that Micrometer's {@code ExecutorServiceMetrics} publishes for a
 * {@code ThreadPoolExecutor}, so that existing dashboards work, and GoPool's own
 * {@code gopool.tasks} (by {@code result}), {@code gopool.task.wait} and
 * {@code gopool.task.run}. Every meter reads the pool's stats when it is scraped; nothing
 * is recorded per task.
 */
public class GoPoolMetrics implements MeterBinder {

	private static final String TASKS = "tasks";

	private static final String THREADS = "threads";

	private final GoPoolRegistry registry;

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
			bind(pool, Tags.of("name", pool.name()), meterRegistry);
		}
	}

	private static void bind(GoPool pool, Tags tags, MeterRegistry registry) {
		counter("executor.completed", "The approximate total number of tasks that have completed execution", pool,
				GoPoolStats::completed, tags, registry);
		gauge("executor.active", "The approximate number of threads that are actively executing tasks", THREADS, pool,
				GoPoolStats::busyWorkers, tags, registry);
		gauge("executor.queued", "The approximate number of tasks that are queued for execution", TASKS, pool,
				GoPoolStats::queueSize, tags, registry);
		gauge("executor.queue.remaining",
				"The number of additional elements that this queue can ideally accept " + "without blocking", TASKS,
				pool, (stats) -> Math.max(0, stats.queueCapacity() - stats.queueSize()), tags, registry);
		gauge("executor.pool.size", "The current number of threads in the pool", THREADS, pool, GoPoolStats::workers,
				tags, registry);
		gauge("executor.pool.core", "The core number of threads for the pool", THREADS, pool, GoPoolStats::minWorkers,
				tags, registry);
		gauge("executor.pool.max", "The maximum allowed number of threads in the pool", THREADS, pool,
				GoPoolStats::maxWorkers, tags, registry);
		gauge("gopool.tasks.stuck", "The running tasks reported stuck (running past the stuck threshold)", TASKS, pool,
				GoPoolStats::stuckTasks, tags, registry);
		tasks("completed", GoPoolStats::completed, pool, tags, registry);
		tasks("failed", GoPoolStats::failed, pool, tags, registry);
		tasks("rejected", GoPoolStats::rejected, pool, tags, registry);
		tasks("expired", GoPoolStats::expired, pool, tags, registry);
		tasks("cancelled", GoPoolStats::cancelled, pool, tags, registry);
		tasks("evicted", GoPoolStats::evicted, pool, tags, registry);
		tasks("returned", GoPoolStats::returned, pool, tags, registry);
		FunctionTimer
			.builder("gopool.task.wait", pool, (p) -> p.stats().started(), (p) -> p.stats().totalWaitNanos(),
					TimeUnit.NANOSECONDS)
			.description("Time tasks waited between submission and start")
			.tags(tags)
			.register(registry);
		FunctionTimer
			.builder("gopool.task.run", pool, (p) -> finishedRuns(p.stats()), (p) -> p.stats().totalRunNanos(),
					TimeUnit.NANOSECONDS)
			.description("Time tasks ran")
			.tags(tags)
			.register(registry);
	}

	/** Runs that have ended: started tasks that are not running now. */
	private static long finishedRuns(GoPoolStats stats) {
		return Math.max(0, stats.started() - stats.busyWorkers());
	}

	private static void counter(String name, String description, GoPool pool, ToLongFunction<GoPoolStats> value,
			Tags tags, MeterRegistry registry) {
		FunctionCounter.builder(name, pool, (p) -> value.applyAsLong(p.stats()))
			.description(description)
			.baseUnit(TASKS)
			.tags(tags)
			.register(registry);
	}

	private static void tasks(String result, ToLongFunction<GoPoolStats> value, GoPool pool, Tags tags,
			MeterRegistry registry) {
		FunctionCounter.builder("gopool.tasks", pool, (p) -> value.applyAsLong(p.stats()))
			.description("Tasks that ended, or were rejected, by result")
			.baseUnit(TASKS)
			.tags(tags.and("result", result))
			.register(registry);
	}

	private static void gauge(String name, String description, String baseUnit, GoPool pool,
			ToDoubleFunction<GoPoolStats> value, Tags tags, MeterRegistry registry) {
		Gauge.builder(name, pool, (p) -> value.applyAsDouble(p.stats()))
			.description(description)
			.baseUnit(baseUnit)
			.tags(tags)
			.register(registry);
	}

}
