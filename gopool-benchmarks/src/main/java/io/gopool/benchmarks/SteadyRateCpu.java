package io.gopool.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario E, CPU cost per task at a steady, moderate rate: one submitter releases 50
 * tasks every millisecond (50,000 a second, far below what any contender can take), each
 * task burns about 2 µs of CPU, on 64 workers, the shape of an I/O pool that is mostly
 * idle. The score is the process's CPU time over a 5 s window (after 2 s of warm-up)
 * divided by the tasks run in it: what each task costs the machine, its own 2 µs
 * included. Pools that spin or wake many threads per task pay here, not in throughput.
 * <p>
 * Not a JMH benchmark: JMH measures time per operation, not CPU time of the whole process
 * at a fixed rate. Run:
 * {@code java -cp target/benchmarks.jar io.gopool.benchmarks.SteadyRateCpu} (all
 * contenders), or name contenders as arguments.
 */
public final class SteadyRateCpu {

	static final String[] CONTENDERS = { "TPE_LBQ", "FORK_JOIN", "SPRING_TPTE", "GOPOOL", "GOPOOL_VIRTUAL" };

	private static final int WORKERS = 64;

	private static final int TASKS_PER_TICK = 50;

	private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long TASK_CPU_NANOS = 2_000;

	private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);

	private static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(5);

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private SteadyRateCpu() {
	}

	public static void main(String[] args) throws InterruptedException {
		String[] contenders = (args.length > 0) ? args : CONTENDERS;
		for (String[] row : measureAll(contenders)) {
			System.out.println(String.join(" | ", row));
		}
	}

	/**
	 * Measures each contender in turn; each row is the contender, the CPU µs per task,
	 * the overhead above the task's own work, and the ratio to the first contender.
	 */
	static List<String[]> measureAll(String[] contenders) throws InterruptedException {
		long tokens = tokensFor(TASK_CPU_NANOS);
		List<double[]> results = new ArrayList<>();
		for (String contender : contenders) {
			results.add(measure(ExecutorType.valueOf(contender), tokens));
		}
		List<String[]> rows = new ArrayList<>();
		double base = results.get(0)[0];
		for (int i = 0; i < contenders.length; i++) {
			double perTask = results.get(i)[0];
			rows.add(new String[] { contenders[i], format("%.2f", perTask / 1000),
					format("%.2f", (perTask - TASK_CPU_NANOS) / 1000), format("%.2fx", perTask / base) });
		}
		return rows;
	}

	/** Returns the CPU nanoseconds per task over the measured window. */
	private static double[] measure(ExecutorType type, long tokens) throws InterruptedException {
		Contender contender = type.create(WORKERS, 1 << 20);
		LongAdder done = new LongAdder();
		Runnable task = () -> {
			Blackhole.consumeCPU(tokens);
			done.increment();
		};
		long begin = System.nanoTime();
		long measureFrom = begin + WARMUP_NANOS;
		long end = measureFrom + MEASURE_NANOS;
		long cpuAtStart = -1;
		long doneAtStart = 0;
		for (long tick = begin; tick < end; tick += TICK_NANOS) {
			long wait = tick - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (cpuAtStart < 0 && tick >= measureFrom) {
				cpuAtStart = OS.getProcessCpuTime();
				doneAtStart = done.sum();
			}
			for (int i = 0; i < TASKS_PER_TICK; i++) {
				contender.execute(task, Contender.NO_PRIORITY);
			}
		}
		long cpu = OS.getProcessCpuTime() - cpuAtStart;
		long tasks = done.sum() - doneAtStart;
		contender.shutdown();
		return new double[] { (double) cpu / tasks };
	}

	/** How many {@code consumeCPU} tokens take about the given CPU time here. */
	private static long tokensFor(long nanos) {
		int rounds = 20_000;
		long tokens = 100;
		for (int i = 0; i < rounds; i++) {
			Blackhole.consumeCPU(tokens);
		}
		long start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			Blackhole.consumeCPU(tokens);
		}
		double perToken = (double) (System.nanoTime() - start) / (rounds * tokens);
		return Math.max(1, Math.round(nanos / perToken));
	}

	private static String format(String pattern, double value) {
		return String.format(Locale.ROOT, pattern, value);
	}

}
