package io.gopool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A task starts with its interrupt flag clear unless the pool is stopping: an interrupt
 * that reaches an idle worker from outside (a late {@code cancel(true)}, a library that
 * interrupts "its" thread, a debugger) must not fail the next task. The stray interrupt
 * lands while the worker spins, parks or is being handed a task, so each race is run
 * thousands of times; before the fix about one round in a thousand leaked.
 */
@Timeout(120)
class InterruptLeakTests {

	private static final int ROUNDS = 20_000;

	private static final int PROBES = 20;

	@ParameterizedTest
	@EnumSource(WorkerType.class)
	void anInterruptSentToIdleWorkersNeverReachesTheirNextTasks(WorkerType type) throws Exception {
		try (GoPool pool = twoWorkers(type, "stray")) {
			List<Thread> workers = meetOnBothWorkers(pool);
			int leaks = 0;
			for (int round = 0; round < ROUNDS; round++) {
				// Both tasks of the last round have completed: the workers are idle now.
				workers.forEach(Thread::interrupt);
				try {
					workers = meetOnBothWorkers(pool);
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOfAny(InterruptedException.class, BrokenBarrierException.class);
					leaks++;
				}
				leaks += interruptedProbes(pool);
			}
			assertThat(leaks).as("tasks that saw an interrupt aimed at an idle worker").isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(WorkerType.class)
	void aCancelWithInterruptThatRacesTheEndOfItsTaskNeverReachesTheNextTasks(WorkerType type) throws Exception {
		try (GoPool pool = twoWorkers(type, "late-cancel")) {
			int leaks = 0;
			for (int round = 0; round < ROUNDS / 4; round++) {
				CountDownLatch ending = new CountDownLatch(1);
				CompletableFuture<Integer> task = pool.submit(() -> {
					ending.countDown();
					return 1;
				});
				assertThat(ending.await(10, TimeUnit.SECONDS)).isTrue();
				task.cancel(true);
				leaks += interruptedProbes(pool);
			}
			assertThat(leaks).as("tasks that saw a cancel aimed at the task before them").isZero();
		}
	}

	/** The pool of the reproduction: two workers, a queue of 100. */
	private static GoPool twoWorkers(WorkerType type, String name) {
		assumeTrue(type == WorkerType.PLATFORM || Runtime.version().feature() >= 21, "virtual workers need Java 21");
		return GoPool.newBuilder().workerType(type).minWorkers(2).maxWorkers(2).queueCapacity(100).build(name);
	}

	/**
	 * Runs two tasks that must meet, so that both workers run one; returns their threads.
	 */
	private static List<Thread> meetOnBothWorkers(GoPool pool) throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<CompletableFuture<Thread>> meetings = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			meetings.add(pool.submit(() -> {
				barrier.await(10, TimeUnit.SECONDS);
				return Thread.currentThread();
			}));
		}
		List<Thread> threads = new ArrayList<>();
		for (CompletableFuture<Thread> meeting : meetings) {
			threads.add(PoolAssertions.await(pool, meeting));
		}
		return threads;
	}

	/** Runs tasks that report whether they started interrupted; returns how many did. */
	private static int interruptedProbes(GoPool pool) throws Exception {
		List<CompletableFuture<Boolean>> probes = new ArrayList<>();
		for (int i = 0; i < PROBES; i++) {
			probes.add(pool.submit(() -> Thread.currentThread().isInterrupted()));
		}
		int interrupted = 0;
		for (CompletableFuture<Boolean> probe : probes) {
			interrupted += PoolAssertions.await(pool, probe) ? 1 : 0;
		}
		return interrupted;
	}

}
