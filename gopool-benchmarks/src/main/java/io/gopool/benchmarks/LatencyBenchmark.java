package io.gopool.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario B, closed loop: one task outstanding at a time; each sample is the time from
 * submit until the task has started (its first action is seen by the submitter), reported
 * as percentiles.
 * <p>
 * Run:
 * {@code java -jar target/benchmarks.jar LatencyBenchmark -p type=TPE_LBQ,FORK_JOIN,GOPOOL}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LatencyBenchmark {

	@Param({ "TPE_LBQ", "TPE_ABQ", "FORK_JOIN", "SPRING_TPTE", "GOPOOL" })
	ExecutorType type;

	@Param("2")
	int workers;

	private Contender contender;

	private volatile boolean started;

	private final Runnable task = () -> this.started = true;

	@Setup(Level.Trial)
	public void setUp() {
		this.contender = this.type.create(this.workers, 1024);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		this.contender.shutdown();
	}

	@Benchmark
	public boolean submitToStart() {
		this.started = false;
		this.contender.execute(this.task, Contender.NO_PRIORITY);
		while (!this.started) {
			Thread.onSpinWait();
		}
		return true;
	}

}
