package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.gopool.GoPool;
import io.gopool.GoPoolLevels;
import io.gopool.GoPoolStats;
import io.gopool.TaskCounts;
import io.gopool.spring.GoPoolRegistry;

/**
 * Logs overload as an operator wants to read it: at most one line per pool per interval,
 * with how many tasks it rejected, let expire and evicted since the last line, and how
 * full it was; no stack traces, since under load these are expected outcomes, not bugs.
 * It reads each pool's counters on a timer of its own, so the pools' hot path does
 * nothing for it.
 */
final class GoPoolOverloadLog implements AutoCloseable {

	private final GoPoolRegistry registry;

	private final Duration interval;

	private final Consumer<String> sink;

	private final Map<String, TaskCounts> previous = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer;

	GoPoolOverloadLog(GoPoolRegistry registry, Duration interval, Consumer<String> sink, boolean start) {
		this.registry = registry;
		this.interval = interval;
		this.sink = sink;
		registry.pools().forEach((pool) -> this.previous.put(pool.name(), pool.stats().counts()));
		this.timer = start ? startTimer() : null;
	}

	private ScheduledExecutorService startTimer() {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "gopool-overload-log");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = this.interval.toNanos();
		timer.scheduleAtFixedRate(this::logQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
		return timer;
	}

	private void logQuietly() {
		try {
			log();
		}
		catch (RuntimeException ex) {
			// A missed line; the next one covers the same counters.
		}
	}

	/** Logs a line for every pool that rejected, expired or evicted since the last. */
	void log() {
		for (GoPool pool : this.registry.pools()) {
			GoPoolStats stats = pool.stats();
			TaskCounts now = stats.counts();
			TaskCounts before = this.previous.put(pool.name(), now);
			TaskCounts since = (before != null) ? now.since(before) : now;
			if (since.rejected() > 0 || since.expired() > 0 || since.evicted() > 0) {
				this.sink.accept(line(pool, stats.levels(), since));
			}
		}
	}

	private String line(GoPool pool, GoPoolLevels levels, TaskCounts since) {
		return "GoPool '" + pool.name() + "' is overloaded: " + since.rejected() + " tasks rejected, " + since.expired()
				+ " expired and " + since.evicted() + " evicted in the last " + DurationText.print(this.interval)
				+ " (queue " + levels.queueSize() + "/" + pool.settings().queueCapacity() + ", workers "
				+ levels.busyWorkers() + "/" + pool.settings().maxWorkers() + " busy)";
	}

	@Override
	public void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

}
