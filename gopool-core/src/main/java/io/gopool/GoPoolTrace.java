package io.gopool;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A periodic one-line summary per pool, in the spirit of Go's
 * {@code GODEBUG=schedtrace=1000}:
 *
 * <pre class="code">
 * GOPOOL 1000ms orders: workers=8 idle=2 busy=6 stuck=0 queue=120/1000 done=+5321 failed=+0 rejected=+12 expired=+3 wait.p99=4.1ms
 * </pre>
 *
 * Counts marked {@code +} are since the previous line; {@code wait.p99} is the 99th
 * percentile of the queue wait of the tasks started since then (an estimate, see
 * {@link DurationHistogram}, which every pool keeps). Tracing only reads each pool's
 * stats on one daemon thread, so a pool that is not traced pays nothing more.
 */
public final class GoPoolTrace implements AutoCloseable {

	private final ScheduledExecutorService timer;

	private final Map<String, Snapshot> previous = new HashMap<>();

	private final Supplier<? extends Collection<GoPool>> pools;

	private final Consumer<String> sink;

	private long lastNanos = System.nanoTime();

	private GoPoolTrace(Duration interval, Supplier<? extends Collection<GoPool>> pools, Consumer<String> sink) {
		this.pools = pools;
		this.sink = sink;
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "gopool-trace");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = interval.toNanos();
		this.timer.scheduleAtFixedRate(this::trace, nanos, nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Starts writing a line per pool to the sink every interval, until closed.
	 * @param interval how often, at least one millisecond
	 * @param pools the pools to trace, read again each time (pools may come and go)
	 * @param sink where each line goes, such as a logger
	 * @return the running trace; close it to stop
	 * @throws IllegalArgumentException if the interval is under one millisecond
	 */
	public static GoPoolTrace start(Duration interval, Supplier<? extends Collection<GoPool>> pools,
			Consumer<String> sink) {
		GoPoolBuilder.requireNonNull(interval, "trace interval");
		GoPoolBuilder.requireArgument(interval.compareTo(Duration.ofMillis(1)) >= 0,
				"trace interval must be at least 1ms (was %s)", interval);
		return new GoPoolTrace(interval, Objects.requireNonNull(pools, "pools must not be null"),
				Objects.requireNonNull(sink, "sink must not be null"));
	}

	/**
	 * Returns the line for a pool, given its stats at the previous line (or {@code null}
	 * for the first) and now.
	 * @param before the stats at the previous line, or {@code null}
	 * @param now the stats now
	 * @param queueCapacity the pool's queue capacity now
	 * @param waits the waits of the tasks started since the previous line
	 * @param elapsed the time since the previous line
	 * @return the line
	 */
	public static String line(@Nullable GoPoolStats before, GoPoolStats now, int queueCapacity, DurationHistogram waits,
			Duration elapsed) {
		GoPoolLevels levels = now.levels();
		TaskCounts counts = (before != null) ? now.counts().since(before.counts()) : now.counts();
		return String.format(Locale.ROOT,
				"GOPOOL %dms %s: workers=%d idle=%d busy=%d stuck=%d queue=%d/%d done=+%d failed=+%d rejected=+%d "
						+ "expired=+%d wait.p99=%s",
				elapsed.toMillis(), now.poolName(), levels.workers(), levels.idleWorkers(), levels.busyWorkers(),
				levels.stuckTasks(), levels.queueSize(), queueCapacity, counts.completed(), counts.failed(),
				counts.rejected(), counts.expired(), format(waits.valueAtQuantile(0.99)));
	}

	/** A wait with three significant figures in a unit that suits it. */
	static String format(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos < 1_000) {
			return nanos + "ns";
		}
		if (nanos < 1_000_000) {
			return String.format(Locale.ROOT, "%.1fus", nanos / 1e3);
		}
		if (nanos < 1_000_000_000) {
			return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
		}
		return String.format(Locale.ROOT, "%.2fs", nanos / 1e9);
	}

	private void trace() {
		long nowNanos = System.nanoTime();
		Duration elapsed = Duration.ofNanos(nowNanos - this.lastNanos);
		this.lastNanos = nowNanos;
		for (GoPool pool : this.pools.get()) {
			Snapshot now = new Snapshot(pool.stats(), pool.waitHistogram());
			Snapshot before = this.previous.put(pool.name(), now);
			DurationHistogram waits = (before != null) ? now.waits().since(before.waits()) : now.waits();
			try {
				this.sink.accept(line((before != null) ? before.stats() : null, now.stats(),
						pool.settings().queueCapacity(), waits, elapsed));
			}
			catch (RuntimeException ex) {
				// A failing sink must not stop the trace: the next line may get through.
			}
		}
	}

	/**
	 * Stops the trace.
	 */
	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/**
	 * A pool's stats and waits at one line.
	 */
	private record Snapshot(GoPoolStats stats, DurationHistogram waits) {
	}

}
