package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.gopool.DrainReport;
import io.gopool.GoPool;
import io.gopool.GoPoolStats;
import io.gopool.TaskCounts;
import io.gopool.spring.GoPoolRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Drains every pool when the application context closes: intake stops, queued and running
 * tasks get the configured period to finish, and what is left is stopped and reported in
 * the log (task by task), so that no accepted task is lost without a word.
 * <p>
 * It stops in {@link #PHASE}, after a web server's graceful shutdown, so requests still
 * in flight can hand their work to the pools first. Pools drain in parallel and share one
 * deadline.
 */
public final class GoPoolShutdownLifecycle implements SmartLifecycle {

	/**
	 * The lifecycle phase: below the phases in which web servers shut down gracefully and
	 * stop.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(GoPoolShutdownLifecycle.class);

	private final GoPoolRegistry registry;

	private final Duration awaitTerminationPeriod;

	private final Map<String, DrainReport> reports = Collections.synchronizedMap(new LinkedHashMap<>());

	private volatile boolean running;

	/**
	 * Creates a lifecycle that drains the pools of the registry.
	 * @param registry the pools
	 * @param awaitTerminationPeriod how long the pools get to finish their tasks
	 */
	public GoPoolShutdownLifecycle(GoPoolRegistry registry, Duration awaitTerminationPeriod) {
		this.registry = registry;
		this.awaitTerminationPeriod = awaitTerminationPeriod;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		drain();
	}

	@Override
	public void stop(Runnable callback) {
		Thread drainer = new Thread(() -> {
			try {
				drain();
			}
			finally {
				callback.run();
			}
		}, "gopool-shutdown");
		drainer.start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The drain period, as fitted into Spring's shutdown phase. */
	Duration awaitTerminationPeriod() {
		return this.awaitTerminationPeriod;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Returns the drain report of each pool, once the lifecycle has stopped.
	 * @return the reports by pool name
	 */
	public Map<String, DrainReport> reports() {
		synchronized (this.reports) {
			return Map.copyOf(this.reports);
		}
	}

	private void drain() {
		this.registry.pools().forEach(GoPool::shutdown);
		long deadline = System.nanoTime() + this.awaitTerminationPeriod.toNanos();
		for (GoPool pool : this.registry.pools()) {
			long remaining = Math.max(0, deadline - System.nanoTime());
			DrainReport report = pool.drain(Duration.ofNanos(remaining));
			this.reports.put(pool.name(), report);
			log(pool, report);
		}
		this.running = false;
	}

	private void log(GoPool pool, DrainReport report) {
		if (report.terminated()) {
			GoPoolStats stats = pool.stats();
			logger.info("GoPool '" + pool.name() + "' drained in " + report.elapsed().toMillis() + " ms: "
					+ tally(stats) + ", none left unrun (" + stats.counts().submitted() + " accepted in all)");
			return;
		}
		// Interrupted tasks usually end at once: wait a little so that the figures are
		// final.
		boolean terminated = awaitQuietly(pool);
		GoPoolStats stats = pool.stats();
		logger.warn("GoPool '" + pool.name() + "' did not drain within " + this.awaitTerminationPeriod.toMillis()
				+ " ms: " + tally(stats) + ", " + report.notStarted().size() + " queued task(s) never ran ("
				+ stats.counts().submitted() + " accepted in all); " + report.interrupted()
				+ " running task(s) were interrupted");
		Map<String, Long> neverRan = report.notStarted()
			.stream()
			.collect(Collectors.groupingBy(Object::toString, LinkedHashMap::new, Collectors.counting()));
		neverRan.forEach((task, count) -> logger
			.warn("GoPool '" + pool.name() + "' never ran: " + task + ((count > 1) ? " (x" + count + ")" : "")));
		if (!terminated) {
			logger.warn("GoPool '" + pool.name() + "' still has running tasks that ignore interrupts");
		}
	}

	/**
	 * What ended, so that with the tasks that never ran it adds up to what was accepted.
	 */
	private static String tally(GoPoolStats stats) {
		TaskCounts counts = stats.counts();
		return (counts.completed() + counts.failed()) + " task(s) finished, "
				+ (counts.expired() + counts.cancelled() + counts.evicted()) + " expired or were cancelled";
	}

	private static boolean awaitQuietly(GoPool pool) {
		try {
			return pool.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
