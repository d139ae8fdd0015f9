package io.gopool.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.gopool.TaskOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenarios A and D: a million tiny tasks ({@code Blackhole.consumeCPU(10)}) through each
 * contender from one or two submitting threads; the score is tasks per second, from the
 * first submit to the last task's end. With {@code prioritized=true} each task gets a
 * random priority (scenario D, for {@code GOPOOL} and {@code TPE_PBQ}).
 * <p>
 * Run:
 * {@code java -jar target/benchmarks.jar ThroughputBenchmark -p type=TPE_LBQ,GOPOOL -p submitters=2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ThroughputBenchmark.TASKS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ThroughputBenchmark {

	static final int TASKS = 1_000_000;

	private static final int PRIORITY_MASK = 1023;

	@Param({ "TPE_LBQ", "TPE_ABQ", "FORK_JOIN", "SPRING_TPTE", "GOPOOL" })
	ExecutorType type;

	@Param("2")
	int workers;

	@Param({ "1", "2" })
	int submitters;

	@Param("false")
	boolean prioritized;

	private Contender contender;

	private ExecutorService helpers;

	private final int[] priorities = new int[PRIORITY_MASK + 1];

	@Setup(Level.Trial)
	public void setUp() {
		this.contender = this.type.create(this.workers, TASKS);
		this.helpers = (this.submitters > 1) ? Executors.newFixedThreadPool(this.submitters - 1) : null;
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < this.priorities.length; i++) {
			this.priorities[i] = random.nextInt(TaskOptions.MOST_URGENT, TaskOptions.LEAST_URGENT + 1);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		if (this.helpers != null) {
			this.helpers.shutdown();
		}
		this.contender.shutdown();
	}

	@Benchmark
	public long tinyTasks() throws Exception {
		LongAdder done = new LongAdder();
		Runnable task = () -> {
			Blackhole.consumeCPU(10);
			done.increment();
		};
		int share = TASKS / this.submitters;
		Future<?>[] others = new Future<?>[this.submitters - 1];
		for (int s = 1; s < this.submitters; s++) {
			int from = s * share;
			others[s - 1] = this.helpers.submit(() -> submit(task, from, share));
		}
		submit(task, 0, share);
		for (Future<?> other : others) {
			other.get();
		}
		while (done.sum() < TASKS) {
			// Park rather than spin: on two cores a spinning waiter would take a worker's
			// CPU.
			LockSupport.parkNanos(20_000);
		}
		return done.sum();
	}

	private void submit(Runnable task, int from, int count) {
		for (int i = from; i < from + count; i++) {
			this.contender.execute(task, this.prioritized ? this.priorities[i & PRIORITY_MASK] : Contender.NO_PRIORITY);
		}
	}

}
