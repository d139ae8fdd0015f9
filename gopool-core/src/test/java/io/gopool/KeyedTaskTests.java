package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Keyed tasks: one at a time and in order per key, in parallel across keys, waiting
 * without a worker, counted in the queue's capacity, and forgotten when done.
 */
@Timeout(120)
class KeyedTaskTests {

	private static final long WAIT_SECONDS = 10;

	@Test
	void tasksOfAKeyRunOneAtATimeInSubmissionOrderUnderEightSubmittersAndRandomPriorities() throws Exception {
		int submitters = 8;
		int tasksEach = 2_000;
		int keys = 16;
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(4).queueCapacity(100_000).build("ordered")) {
			for (int round = 0; round < 5; round++) {
				Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
				Map<String, List<Integer>> runOrder = new ConcurrentHashMap<>();
				List<String> overlaps = new CopyOnWriteArrayList<>();
				ExecutorService threads = Executors.newFixedThreadPool(submitters);
				try {
					List<Future<?>> done = new ArrayList<>();
					for (int s = 0; s < submitters; s++) {
						int submitter = s;
						done.add(threads.submit(() -> {
							SplittableRandom random = new SplittableRandom(submitter);
							for (int i = 0; i < tasksEach; i++) {
								int key = random.nextInt(keys);
								int sequence = i;
								TaskOptions options = TaskOptions.defaults()
									.withKey(key)
									.withPriority(
											random.nextInt(TaskOptions.MOST_URGENT, TaskOptions.LEAST_URGENT + 1));
								pool.execute(() -> {
									AtomicInteger onKey = running.computeIfAbsent(key, (k) -> new AtomicInteger());
									if (onKey.incrementAndGet() != 1) {
										overlaps.add("key " + key);
									}
									runOrder.computeIfAbsent(key + "/" + submitter, (k) -> new CopyOnWriteArrayList<>())
										.add(sequence);
									onKey.decrementAndGet();
								}, options);
							}
						}));
					}
					for (Future<?> submitted : done) {
						submitted.get(WAIT_SECONDS, TimeUnit.SECONDS);
					}
				}
				finally {
					threads.shutdown();
				}
				long expected = (round + 1L) * submitters * tasksEach;
				await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
					.until(() -> pool.stats().counts().completed() == expected);
				assertThat(overlaps).as("a key ran two tasks at once").isEmpty();
				assertThat(runOrder.values()).allSatisfy((sequences) -> assertThat(sequences).isSorted());
				assertThat(runOrder.values().stream().mapToInt(List::size).sum()).isEqualTo(submitters * tasksEach);
				assertThat(((WorkerPool) pool).keyCount()).isZero();
			}
		}
	}

	@Test
	void aTaskWaitingForItsKeyHoldsNoWorkerAndOtherKeysRunMeanwhile() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).queueCapacity(10).build("parallel")) {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch firstRunning = new CountDownLatch(1);
			CompletableFuture<String> first = pool.submit(() -> {
				firstRunning.countDown();
				assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				return "first";
			}, TaskOptions.defaults().withKey("account-1"));
			assertThat(firstRunning.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<String> second = pool.submit(() -> "second", TaskOptions.defaults().withKey("account-1"));
			GoPoolLevels levels = pool.stats().levels();
			assertThat(levels.queueSize()).isEqualTo(1);
			assertThat(levels.waitingBehindKey()).isEqualTo(1);
			// The second worker is free for another key while account-1's second task
			// waits.
			CompletableFuture<String> other = pool.submit(() -> "other", TaskOptions.defaults().withKey("account-2"));
			assertThat(PoolAssertions.await(pool, other)).isEqualTo("other");
			assertThat(second).isNotDone();
			release.countDown();
			assertThat(PoolAssertions.await(pool, second)).isEqualTo("second");
			assertThat(first).isCompletedWithValue("first");
			assertThat(pool.stats().levels().waitingBehindKey()).isZero();
		}
	}

	@Test
	void aFailedExpiredOrCancelledTaskDoesNotHoldUpItsKey() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(10).build("successors")) {
			TaskOptions key = TaskOptions.defaults().withKey(42);
			CountDownLatch release = new CountDownLatch(1);
			List<String> ran = new CopyOnWriteArrayList<>();
			pool.submit(() -> {
				ran.add("holder");
				return release.await(WAIT_SECONDS, TimeUnit.SECONDS);
			}, key);
			CompletableFuture<?> expiring = pool.submit(() -> ran.add("expiring"),
					key.withDeadline(Duration.ofMillis(1)));
			CompletableFuture<?> cancelled = pool.submit(() -> ran.add("cancelled"), key);
			CompletableFuture<?> failing = pool.submit(() -> {
				ran.add("failing");
				throw new IllegalStateException("boom");
			}, key);
			CompletableFuture<?> last = pool.submit(() -> ran.add("last"), key);
			assertThat(expiring).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS)
				.withThrowableThat()
				.withCauseInstanceOf(TaskExpiredException.class);
			assertThat(cancelled.cancel(false)).isTrue();
			// Each left its key's queue as the last step of its ending, after its future.
			await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(() -> pool.stats().levels().waitingBehindKey() == 2);
			release.countDown();
			PoolAssertions.await(pool, last);
			assertThat(failing).isCompletedExceptionally();
			assertThat(ran).containsExactly("holder", "failing", "last");
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.expired()).isEqualTo(1);
			assertThat(counts.cancelled()).isEqualTo(1);
			assertThat(counts.failed()).isEqualTo(1);
			assertThat(counts.completed()).isEqualTo(2);
			assertThat(counts.finished()).isEqualTo(counts.submitted());
			assertThat(pool.stats().levels().queueSize()).isZero();
		}
	}

	@Test
	void tasksWaitingBehindTheirKeyCountInTheQueuesCapacityExactly() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(2)
			.rejectionPolicy(RejectionPolicy.CALLER_RUNS)
			.build("capacity")) {
			try {
				TaskOptions key = TaskOptions.defaults().withKey("k");
				pool.submit(() -> release.await(WAIT_SECONDS, TimeUnit.SECONDS), key);
				pool.submit(() -> "second", key);
				pool.submit(() -> "third", key);
				assertThat(pool.stats().levels().queueSize()).isEqualTo(2);
				assertThatExceptionOfType(TaskRejectedException.class)
					.isThrownBy(() -> pool.submit(() -> "fourth", key))
					.withMessageContaining("a task whose key is busy cannot run in the caller");
				// An unkeyed task finds the queue full too, and runs in the caller.
				assertThat(pool.submit(() -> Thread.currentThread().getName()).get())
					.isEqualTo(Thread.currentThread().getName());
			}
			finally {
				release.countDown();
			}
		}
	}

	@Test
	void aKeyIsForgottenWhenItsLastTaskEndsEvenAfterAMillionKeys() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).queueCapacity(2_000_000).build("keys")) {
			int tasks = 1_000_000;
			for (int i = 0; i < tasks; i++) {
				pool.execute(() -> {
				}, TaskOptions.defaults().withKey(i));
			}
			for (int i = 0; i < 10_000; i++) {
				pool.execute(() -> {
				}, TaskOptions.defaults().withKey("hot"));
			}
			await().atMost(60, TimeUnit.SECONDS).until(() -> pool.stats().counts().completed() == tasks + 10_000);
			assertThat(((WorkerPool) pool).keyCount()).isZero();
			assertThat(pool.stats().levels().waitingBehindKey()).isZero();
			assertThat(pool.stats().levels().queueSize()).isZero();
		}
	}

	@Test
	void shutdownNowReturnsTasksWaitingBehindTheirKeyAndGracefulShutdownRunsThem() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(10).build("stopping");
		try {
			TaskOptions key = TaskOptions.defaults().withKey("k");
			pool.submit(() -> awaitUninterruptibly(release), key);
			pool.submit(() -> "parked 1", key);
			pool.submit(() -> "parked 2", key);
			pool.submit(() -> "unkeyed");
			assertThat(pool.shutdownNow()).hasSize(3);
		}
		finally {
			release.countDown();
		}
		PoolAssertions.assertTerminates(pool);
		assertThat(pool.stats().counts().returned()).isEqualTo(3);

		CountDownLatch release2 = new CountDownLatch(1);
		GoPool graceful = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(10).build("graceful");
		TaskOptions key = TaskOptions.defaults().withKey("k");
		graceful.submit(() -> release2.await(WAIT_SECONDS, TimeUnit.SECONDS), key);
		CompletableFuture<String> parked = graceful.submit(() -> "parked ran", key);
		graceful.shutdown();
		release2.countDown();
		assertThat(PoolAssertions.await(graceful, parked)).isEqualTo("parked ran");
		PoolAssertions.assertTerminates(graceful);
	}

	@Test
	void evictionTakesAKeysQueuedTaskAndLetsItsNextOneGo() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(2)
			.rejectionPolicy(RejectionPolicy.DISCARD_OLDEST)
			.build("evicting")) {
			CompletableFuture<Boolean> holder;
			CompletableFuture<String> queued;
			CompletableFuture<String> parked;
			CompletableFuture<String> newer;
			try {
				holder = pool.submit(() -> release.await(WAIT_SECONDS, TimeUnit.SECONDS));
				TaskOptions key = TaskOptions.defaults().withKey("k");
				queued = pool.submit(() -> "queued", key);
				parked = pool.submit(() -> "parked", key);
				// Full: the oldest task in the queue's lanes, the key's queued one, makes
				// room; the key's next task takes its own reserved place in the lane.
				newer = pool.submit(() -> "newer");
			}
			finally {
				release.countDown();
			}
			assertThat(queued).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS);
			assertThat(PoolAssertions.await(pool, parked)).isEqualTo("parked");
			assertThat(PoolAssertions.await(pool, newer)).isEqualTo("newer");
			assertThat(PoolAssertions.await(pool, holder)).isTrue();
			assertThat(pool.stats().counts().evicted()).isEqualTo(1);
		}
	}

	@Test
	void underBlockATaskWhoseKeyIsBusyWaitsForAQueuePlaceNotForAnIdleWorker() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(2)
			.maxWorkers(2)
			.queueCapacity(1)
			.rejectionPolicy(RejectionPolicy.BLOCK)
			.build("blocking")) {
			TaskOptions key = TaskOptions.defaults().withKey("k");
			List<String> ran = new CopyOnWriteArrayList<>();
			CompletableFuture<?> first;
			CompletableFuture<CompletableFuture<?>> third;
			try {
				first = pool.submit(() -> {
					assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
					return ran.add("first");
				}, key);
				pool.submit(() -> ran.add("second"), key);
				// The queue is full and a worker is idle: the third task of the key must
				// wait for a queue place, blocked, rather than spin on the idle worker.
				third = CompletableFuture.supplyAsync(() -> pool.submit(() -> ran.add("third"), key));
				await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
					.until(() -> pool.stats().levels().blockedSubmitters() == 1);
				assertThat(third).isNotDone();
			}
			finally {
				release.countDown();
			}
			PoolAssertions.await(pool, third.get(WAIT_SECONDS, TimeUnit.SECONDS));
			assertThat(first).isDone();
			assertThat(ran).containsExactly("first", "second", "third");
		}
	}

	private static boolean awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
