package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class RejectionPolicyTests {

	private final Gate gate = new Gate(1);

	/** One worker, held by the gate, and a queue of one that is already full. */
	private GoPool fullPool(RejectionPolicy policy, GoPoolBuilder builder) throws InterruptedException {
		GoPool pool = builder.minWorkers(1).maxWorkers(1).queueCapacity(1).rejectionPolicy(policy).build("full");
		pool.execute(this.gate.task());
		this.gate.awaitEntered();
		return pool;
	}

	@Test
	void abortThrowsAnExceptionNamingThePoolAndItsState() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.ABORT, GoPool.newBuilder())) {
			pool.execute(() -> {
			});
			assertThatExceptionOfType(TaskRejectedException.class)
				.isThrownBy(() -> pool.submit(() -> "x", TaskOptions.defaults().withName("checkout")))
				.withMessage("pool 'full' rejected task checkout: the pool is full "
						+ "(state running, workers 1/1, queue 1/1)")
				.satisfies((ex) -> {
					assertThat(ex.getPoolName()).isEqualTo("full");
					assertThat(ex.getTaskName()).isEqualTo("checkout");
					assertThat(ex.getReason()).isEqualTo("the pool is full");
					assertThat(ex.getPoolState()).isEqualTo("state running, workers 1/1, queue 1/1");
				});
			assertThat(pool.stats().counts().rejected()).isEqualTo(1);
			this.gate.open();
		}
	}

	@Test
	void callerRunsRunsTheTaskOnTheSubmittingThread() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.CALLER_RUNS, GoPool.newBuilder())) {
			pool.execute(() -> {
			});
			assertThat(pool.submit(() -> Thread.currentThread()).get()).isSameAs(Thread.currentThread());
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().rejected()).isZero();
			assertThat(stats.counts().completed()).isEqualTo(1);
			this.gate.open();
		}
	}

	@Test
	void discardDropsTheTaskButItsFutureNeverHangs() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.DISCARD, GoPool.newBuilder())) {
			pool.execute(() -> {
			});
			pool.execute(() -> {
				throw new AssertionError("discarded task ran");
			});
			CompletableFuture<String> discarded = pool.submit(() -> "x");
			assertThat(discarded).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(discarded::get)
				.withCauseInstanceOf(TaskRejectedException.class);
			assertThat(pool.stats().counts().rejected()).isEqualTo(2);
			this.gate.open();
		}
	}

	@Test
	void discardOldestEvictsTheOldestLeastUrgentTaskAndCompletesItsFuture() throws Exception {
		List<TaskOutcome> outcomes = new CopyOnWriteArrayList<>();
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(3)
			.rejectionPolicy(RejectionPolicy.DISCARD_OLDEST)
			.build("evict")) {
			pool.execute(this.gate.task());
			this.gate.awaitEntered();
			CompletableFuture<String> urgent = pool.submit(() -> "urgent", TaskOptions.defaults().withPriority(-5));
			CompletableFuture<String> oldestLow = pool.submit(() -> "old low",
					TaskOptions.defaults()
						.withPriority(5)
						.withCallback((outcome, result, failure) -> outcomes.add(outcome)));
			CompletableFuture<String> newerLow = pool.submit(() -> "new low", TaskOptions.defaults().withPriority(5));
			CompletableFuture<String> incoming = pool.submit(() -> "incoming");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> oldestLow.get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskRejectedException.class)
				.withMessageContaining("evicted");
			assertThat(outcomes).containsExactly(TaskOutcome.EVICTED);
			this.gate.open();
			assertThat(urgent.get(10, TimeUnit.SECONDS)).isEqualTo("urgent");
			assertThat(newerLow.get(10, TimeUnit.SECONDS)).isEqualTo("new low");
			assertThat(incoming.get(10, TimeUnit.SECONDS)).isEqualTo("incoming");
			assertThat(pool.stats().counts().evicted()).isEqualTo(1);
		}
	}

	@Test
	void discardOldestWithNothingQueuedRejects() throws Exception {
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(0)
			.rejectionPolicy(RejectionPolicy.DISCARD_OLDEST)
			.build("nothing-to-evict")) {
			pool.execute(this.gate.task());
			this.gate.awaitEntered();
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			})).withMessageContaining("nothing to evict");
			this.gate.open();
		}
	}

	@Test
	void blockWaitsForRoomAndProceedsWhenAWorkerFrees() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.BLOCK, GoPool.newBuilder().blockTimeout(Duration.ofSeconds(30)))) {
			pool.execute(() -> {
			});
			CompletableFuture<CompletableFuture<String>> blockedSubmit = CompletableFuture
				.supplyAsync(() -> pool.submit(() -> "after waiting"));
			awaitBlockedSubmitters(pool, 1);
			assertThat(blockedSubmit).isNotDone();
			this.gate.open();
			assertThat(blockedSubmit.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo("after waiting");
		}
	}

	@Test
	void blockRejectsAfterTheTimeout() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.BLOCK, GoPool.newBuilder().blockTimeout(Duration.ofMillis(100)))) {
			pool.execute(() -> {
			});
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			})).withMessageContaining("no room within the block timeout");
			this.gate.open();
		}
	}

	@Test
	void blockRejectsAtOnceBeyondTheMaximumNumberOfBlockedSubmitters() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.BLOCK,
				GoPool.newBuilder().blockTimeout(Duration.ofSeconds(30)).maxBlockedSubmitters(1))) {
			pool.execute(() -> {
			});
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> pool.execute(() -> {
			}));
			awaitBlockedSubmitters(pool, 1);
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}));
			this.gate.open();
			first.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void shutdownWakesBlockedSubmittersWithARejection() throws Exception {
		for (int round = 0; round < 20; round++) {
			Gate roundGate = new Gate(1);
			GoPool pool = GoPool.newBuilder()
				.minWorkers(1)
				.maxWorkers(1)
				.queueCapacity(0)
				.rejectionPolicy(RejectionPolicy.BLOCK)
				.blockTimeout(Duration.ofMinutes(5))
				.build("block-shutdown");
			pool.execute(roundGate.task());
			roundGate.awaitEntered();
			AtomicReference<Throwable> outcome = new AtomicReference<>();
			CountDownLatch done = new CountDownLatch(3);
			for (int i = 0; i < 3; i++) {
				Thread submitter = new Thread(() -> {
					try {
						pool.execute(() -> {
						});
					}
					catch (Throwable ex) {
						outcome.set(ex);
					}
					done.countDown();
				});
				submitter.start();
			}
			awaitBlockedSubmitters(pool, 3);
			pool.shutdown();
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(outcome.get()).isInstanceOf(TaskRejectedException.class)
				.hasMessageContaining("pool is shut down");
			roundGate.open();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void growingTheQueueWakesBlockedSubmitters() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.BLOCK, GoPool.newBuilder().blockTimeout(Duration.ofSeconds(30)))) {
			pool.execute(() -> {
			});
			CompletableFuture<Void> blockedSubmit = CompletableFuture.runAsync(() -> pool.execute(() -> {
			}));
			awaitBlockedSubmitters(pool, 1);
			pool.tune(GoPoolTuning.create().queueCapacity(2));
			blockedSubmit.get(10, TimeUnit.SECONDS);
			assertThat(pool.stats().levels().queueSize()).isEqualTo(2);
			this.gate.open();
		}
	}

	@Test
	void raisingMaxWorkersWakesBlockedSubmittersOntoANewWorker() throws Exception {
		try (GoPool pool = fullPool(RejectionPolicy.BLOCK, GoPool.newBuilder().blockTimeout(Duration.ofSeconds(30)))) {
			pool.execute(() -> {
			});
			CompletableFuture<CompletableFuture<String>> blockedSubmit = CompletableFuture
				.supplyAsync(() -> pool.submit(() -> Thread.currentThread().getName()));
			awaitBlockedSubmitters(pool, 1);
			pool.tune(GoPoolTuning.create().minWorkers(1).maxWorkers(2));
			assertThat(blockedSubmit.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo("gopool-full-2");
			this.gate.open();
		}
	}

	static void awaitBlockedSubmitters(GoPool pool, int count) {
		await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().blockedSubmitters() == count);
	}

}
