package io.gopool.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.gopool.GoPool;
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
 * Keyed execution: tasks of one key one at a time, in order, on 8 workers. Contenders:
 * {@code GOPOOL} (keyed tasks, {@code TaskOptions.withKey}) and {@code HASHED}, the
 * baseline written here: keys hashed onto 8 single-thread executors, as dynamic-tp's
 * ordered executor does; {@code GOPOOL_UNKEYED}, the same tasks without keys (so without
 * order), shows what keys cost. One invocation submits 20,000 tasks from one thread; the
 * score is tasks per second, from the first submission until the last fast task has ended
 * (slow tasks still running then are waited for outside the measurement, so that no
 * backlog carries over to the next invocation).
 * <ul>
 * <li>{@code EVEN}: 1,000 keys, every task a little CPU ({@code consumeCPU(200)}).</li>
 * <li>{@code HOT}: the same, but one key in fifty tasks is a slow key whose tasks sleep 2
 * ms (a slow downstream); only the other 999 keys' tasks are scored. With hashing, the
 * fast keys that share the slow key's thread wait behind it (head-of-line blocking).</li>
 * </ul>
 * Run: {@code java -jar target/benchmarks.jar KeyedBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@OperationsPerInvocation(KeyedBenchmark.TASKS)
public class KeyedBenchmark {

	static final int TASKS = 20_000;

	static final int KEYS = 1_000;

	static final int WORKERS = 8;

	/** One task in this many belongs to the slow key, in the {@code HOT} shape. */
	static final int SLOW_EVERY = 50;

	static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	@Param({ "GOPOOL", "HASHED", "GOPOOL_UNKEYED" })
	String type;

	@Param({ "EVEN", "HOT" })
	String shape;

	private GoPool pool;

	private ExecutorService[] hashed;

	private final TaskOptions[] keyOptions = new TaskOptions[KEYS];

	private final LongAdder slowDone = new LongAdder();

	private long slowSubmitted;

	@Setup(Level.Trial)
	public void setUp() {
		for (int key = 0; key < KEYS; key++) {
			this.keyOptions[key] = TaskOptions.defaults().withKey(key);
		}
		if (this.type.startsWith("GOPOOL")) {
			this.pool = GoPool.newBuilder()
				.minWorkers(WORKERS)
				.maxWorkers(WORKERS)
				.queueCapacity(TASKS * 2)
				.build("keyed");
		}
		else {
			this.hashed = new ExecutorService[WORKERS];
			for (int i = 0; i < WORKERS; i++) {
				this.hashed[i] = Executors.newSingleThreadExecutor();
			}
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.pool != null) {
			this.pool.shutdown();
		}
		if (this.hashed != null) {
			for (ExecutorService executor : this.hashed) {
				executor.shutdown();
			}
		}
	}

	/** Waits, outside the measurement, for the slow tasks of the last invocation. */
	@TearDown(Level.Invocation)
	public void awaitSlowTasks() {
		while (this.slowDone.sum() < this.slowSubmitted) {
			LockSupport.parkNanos(100_000);
		}
	}

	@Benchmark
	public long keyedTasks() {
		boolean hot = this.shape.equals("HOT");
		LongAdder fastDone = new LongAdder();
		Runnable fast = () -> {
			Blackhole.consumeCPU(200);
			fastDone.increment();
		};
		Runnable slow = () -> {
			LockSupport.parkNanos(SLOW_NANOS);
			this.slowDone.increment();
		};
		long fastTasks = 0;
		for (int i = 0; i < TASKS; i++) {
			boolean isSlow = hot && i % SLOW_EVERY == 0;
			// Key 0 is the slow key; fast tasks take keys 1 to 999 (and 0 too when EVEN).
			int key = isSlow ? 0 : (hot ? 1 + i % (KEYS - 1) : i % KEYS);
			fastTasks += isSlow ? 0 : 1;
			this.slowSubmitted += isSlow ? 1 : 0;
			submit(isSlow ? slow : fast, key);
		}
		while (fastDone.sum() < fastTasks) {
			LockSupport.parkNanos(20_000);
		}
		return fastTasks;
	}

	private void submit(Runnable task, int key) {
		if (this.type.equals("GOPOOL_UNKEYED")) {
			this.pool.execute(task);
		}
		else if (this.pool != null) {
			this.pool.execute(task, this.keyOptions[key]);
		}
		else {
			this.hashed[Integer.hashCode(key) % WORKERS].execute(task);
		}
	}

}
