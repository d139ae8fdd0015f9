package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Timeout(60)
class LifecycleTests {

	@Test
	void shutdownStopsIntakeAndDrainsQueuedTasks() throws Exception {
		Gate gate = new Gate(1);
		AtomicInteger ran = new AtomicInteger();
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("drain");
		pool.execute(gate.task());
		gate.awaitEntered();
		for (int i = 0; i < 10; i++) {
			pool.execute(ran::incrementAndGet);
		}
		pool.shutdown();
		assertThat(pool.isShutdown()).isTrue();
		assertThat(pool.isTerminated()).isFalse();
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(ran::incrementAndGet))
			.withMessageContaining("pool is shut down");
		gate.open();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).hasValue(10);
		GoPoolStats stats = pool.stats();
		assertThat(stats.levels().workers()).isZero();
		assertThat(stats.counts().completed()).isEqualTo(11);
		assertThat(stats.counts().rejected()).isEqualTo(1);
	}

	@Test
	void shutdownNowReturnsTheVeryRunnablesPassedToExecuteAndCancelsSubmittedFutures() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("now");
		pool.execute(() -> {
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		Runnable first = () -> {
		};
		Runnable second = () -> {
		};
		pool.execute(first);
		CompletableFuture<String> submitted = pool.submit(() -> "never");
		pool.execute(second);
		List<Runnable> unstarted = pool.shutdownNow();
		assertThat(unstarted).hasSize(3);
		assertThat(unstarted.get(0)).isSameAs(first);
		assertThat(unstarted.get(2)).isSameAs(second);
		assertThat(submitted).isCancelled();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(submitted::join);
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(interrupted).isTrue();
		GoPoolStats stats = pool.stats();
		assertThat(stats.counts().returned()).isEqualTo(3);
		assertThat(stats.counts().finished()).isEqualTo(stats.counts().submitted());
	}

	@Test
	void awaitTerminationHandlesExtremeTimeouts() throws Exception {
		Gate gate = new Gate(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("await");
		pool.execute(gate.task());
		gate.awaitEntered();
		pool.shutdown();
		assertThat(pool.awaitTermination(0, TimeUnit.NANOSECONDS)).isFalse();
		assertThat(pool.awaitTermination(-1, TimeUnit.SECONDS)).isFalse();
		assertThat(pool.awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS)).isFalse();
		assertThat(pool.awaitTermination(Long.MIN_VALUE, TimeUnit.DAYS)).isFalse();
		gate.open();
		assertThat(pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)).isTrue();
		assertThat(pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)).isTrue();
		assertThat(pool.awaitTermination(0, TimeUnit.NANOSECONDS)).isTrue();
	}

	@Test
	void closeWaitsForRunningTasks() throws Exception {
		AtomicBoolean finished = new AtomicBoolean();
		CountDownLatch started = new CountDownLatch(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("close");
		pool.execute(() -> {
			started.countDown();
			for (long i = 0; i < 10_000_000L; i++) {
				Thread.onSpinWait();
			}
			finished.set(true);
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		pool.close();
		assertThat(finished).isTrue();
		assertThat(pool.isTerminated()).isTrue();
	}

	@Test
	void closeWhenInterruptedStopsThePoolWaitsAndKeepsTheInterruptFlag() throws Exception {
		Gate gate = new Gate(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("close-interrupted");
		pool.execute(gate.task());
		gate.awaitEntered();
		AtomicBoolean flagKept = new AtomicBoolean();
		Thread closer = new Thread(() -> {
			Thread.currentThread().interrupt();
			pool.close();
			flagKept.set(Thread.currentThread().isInterrupted());
		});
		closer.start();
		closer.join(10_000);
		assertThat(closer.isAlive()).isFalse();
		assertThat(pool.isTerminated()).isTrue();
		assertThat(flagKept).isTrue();
	}

	@Test
	void drainWithinTheTimeoutReportsEverythingDone() throws Exception {
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(2).build("drain-ok");
		List<CompletableFuture<Integer>> futures = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			int value = i;
			futures.add(pool.submit(() -> value));
		}
		DrainReport report = pool.drain(Duration.ofSeconds(10));
		assertThat(report.terminated()).isTrue();
		assertThat(report.notStarted()).isEmpty();
		assertThat(report.interrupted()).isZero();
		assertThat(futures).allSatisfy((future) -> assertThat(future).isCompleted());
	}

	@Test
	void drainPastTheTimeoutReportsWhatNeverStartedAndWhatWasInterrupted() throws Exception {
		Gate gate = new Gate(2);
		GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("drain-late");
		pool.execute(gate.task());
		pool.execute(gate.task());
		gate.awaitEntered();
		pool.submit(() -> "a", TaskOptions.defaults().withName("report-a"));
		pool.submit(() -> "b", TaskOptions.defaults().withName("report-b"));
		DrainReport report = pool.drain(Duration.ofMillis(50));
		assertThat(report.terminated()).isFalse();
		assertThat(report.interrupted()).isEqualTo(2);
		assertThat(report.notStarted()).extracting(Object::toString).containsExactly("report-a", "report-b");
		assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void shutdownOfAnIdlePoolTerminatesAtOnceAndRepeatedShutdownsAreHarmless() throws Exception {
		GoPool pool = GoPool.newBuilder().minWorkers(4).maxWorkers(4).build("idle");
		pool.shutdown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(pool.shutdownNow()).isEmpty();
		pool.close();
		assertThat(pool.isTerminated()).isTrue();
	}

	@Test
	void idleWorkersInterruptedFromOutsideStayIdleAndUsable() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("poked")) {
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> pool.stats().levels().idleWorkers() == 2);
			for (int round = 0; round < 20; round++) {
				Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter((thread) -> thread.getName().startsWith("gopool-poked-"))
					.forEach(Thread::interrupt);
			}
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> pool.stats().levels().idleWorkers() == 2);
			for (int i = 0; i < 100; i++) {
				assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS))
					.as("a task never starts with a stray interrupt")
					.isFalse();
			}
			assertThat(pool.stats().levels().workers()).isEqualTo(2);
			assertThat(pool.stats().levels().largestWorkers()).isEqualTo(2);
		}
	}

	@Test
	void aTaskThatSwallowsInterruptsDelaysTerminationButNothingIsLost() throws Exception {
		AtomicBoolean release = new AtomicBoolean();
		AtomicInteger interruptsSwallowed = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("stubborn");
		pool.execute(() -> {
			started.countDown();
			while (!release.get()) {
				if (Thread.interrupted()) {
					interruptsSwallowed.incrementAndGet();
				}
				Thread.onSpinWait();
			}
		});
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		pool.execute(() -> {
		});
		assertThat(pool.shutdownNow()).hasSize(1);
		assertThat(pool.awaitTermination(100, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(interruptsSwallowed.get()).isPositive();
		release.set(true);
		PoolAssertions.assertTerminates(pool);
		GoPoolStats stats = pool.stats();
		assertThat(stats.counts().completed()).isEqualTo(1);
		assertThat(stats.counts().returned()).isEqualTo(1);
		assertThat(stats.counts().finished()).isEqualTo(stats.counts().submitted());
	}

	@Test
	void createAndShutdownManyPoolsLeaksNoThreads() throws Exception {
		int before = Thread.activeCount();
		for (int i = 0; i < 1_000; i++) {
			GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(4).build("churn-" + i);
			pool.execute(() -> {
			});
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		org.awaitility.Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((t) -> t.getName().startsWith("gopool-churn-")));
		assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 2);
	}

}
