package io.gopool.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Scenario B, open loop: one task every 10 µs on a fixed schedule, whatever the executor
 * does, for 2 s after 1 s of warm-up, 2 workers. Each task records two latencies:
 * <ul>
 * <li>from its actual submit to its start (what a naive benchmark reports), and</li>
 * <li>from its <em>intended</em> submit time to its start, corrected for coordinated
 * omission: when a submit stalls, the tasks that should have gone out meanwhile are
 * charged the stall instead of silently going out late.</li>
 * </ul>
 * Not a JMH benchmark: a fixed-rate schedule is what it measures, and JMH's modes do not
 * offer one. Run:
 * {@code java -cp target/benchmarks.jar io.gopool.benchmarks.OpenLoopLatency} (all
 * contenders), or name contenders as arguments.
 */
public final class OpenLoopLatency {

	static final long INTERVAL_NANOS = TimeUnit.MICROSECONDS.toNanos(10);

	private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(2);

	static final String[] CONTENDERS = { "TPE_LBQ", "TPE_ABQ", "FORK_JOIN", "VIRTUAL_PER_TASK", "SPRING_TPTE", "GOPOOL",
			"GOPOOL_VIRTUAL" };

	private OpenLoopLatency() {
	}

	public static void main(String[] args) throws InterruptedException {
		String[] contenders = (args.length > 0) ? args : CONTENDERS;
		for (String[] row : measureAll(contenders)) {
			System.out.println(String.join(" | ", row));
		}
	}

	/**
	 * Measures each contender in turn; each row is the contender, then p50, p99 and p99.9
	 * in microseconds from actual submit, then the same from intended submit.
	 */
	static List<String[]> measureAll(String[] contenders) throws InterruptedException {
		List<String[]> rows = new ArrayList<>();
		for (String contender : contenders) {
			rows.add(measure(ExecutorType.valueOf(contender)));
		}
		return rows;
	}

	private static String[] measure(ExecutorType type) throws InterruptedException {
		Contender contender = type.create(2, 1 << 20);
		Recorder fromSubmit = new Recorder(3);
		Recorder fromIntended = new Recorder(3);
		LongAdder started = new LongAdder();
		long submitted = 0;
		long begin = System.nanoTime();
		long measureFrom = begin + WARMUP_NANOS;
		long end = measureFrom + MEASURE_NANOS;
		for (long intended = begin; intended < end; intended += INTERVAL_NANOS) {
			while (System.nanoTime() < intended) {
				Thread.onSpinWait();
			}
			long intendedAt = intended;
			long submittedAt = System.nanoTime();
			boolean record = intended >= measureFrom;
			contender.execute(() -> {
				long now = System.nanoTime();
				if (record) {
					fromSubmit.recordValue(now - submittedAt);
					fromIntended.recordValue(now - intendedAt);
				}
				started.increment();
			}, Contender.NO_PRIORITY);
			submitted++;
		}
		long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (started.sum() < submitted && System.nanoTime() < drainDeadline) {
			LockSupport.parkNanos(1_000_000);
		}
		contender.shutdown();
		Histogram naive = fromSubmit.getIntervalHistogram();
		Histogram corrected = fromIntended.getIntervalHistogram();
		return new String[] { type.name(), micros(naive, 50), micros(naive, 99), micros(naive, 99.9),
				micros(corrected, 50), micros(corrected, 99), micros(corrected, 99.9) };
	}

	private static String micros(Histogram histogram, double percentile) {
		return String.format(Locale.ROOT, "%.2f", histogram.getValueAtPercentile(percentile) / 1000.0);
	}

}
