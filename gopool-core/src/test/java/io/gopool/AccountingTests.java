package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class AccountingTests {

	@Test
	void everyAcceptedTaskEndsExactlyOnceUnderARandomMixedLoad() throws Exception {
		for (int round = 0; round < 5; round++) {
			CountingListener listener = new CountingListener();
			AtomicInteger callbacks = new AtomicInteger();
			GoPool pool = GoPool.newBuilder()
				.minWorkers(1)
				.maxWorkers(4)
				.queueCapacity(64)
				.keepAlive(Duration.ofMillis(1))
				.rejectionPolicy(RejectionPolicy.values()[round % RejectionPolicy.values().length])
				.blockTimeout(Duration.ofMillis(5))
				.listener(listener)
				.uncaughtExceptionHandler((thread, ex) -> {
				})
				.build("mixed-" + round);
			int submitters = 3;
			int perSubmitter = 3_000;
			CountDownLatch done = new CountDownLatch(submitters);
			AtomicLong rejectedSeen = new AtomicLong();
			for (int s = 0; s < submitters; s++) {
				long seed = round * 31L + s;
				Thread submitter = new Thread(() -> {
					SplittableRandom random = new SplittableRandom(seed);
					List<CompletableFuture<?>> toCancel = new ArrayList<>();
					for (int i = 0; i < perSubmitter; i++) {
						String name = Thread.currentThread().getName() + "-" + i;
						TaskOptions options = TaskOptions.defaults()
							.withName(name)
							.withPriority(random.nextInt(-3, 4))
							.withCallback((outcome, result, failure) -> callbacks.incrementAndGet());
						if (random.nextInt(4) == 0) {
							options = options.withDeadline(Duration.ofNanos(random.nextLong(0, 2_000_000)));
						}
						if (random.nextInt(3) == 0) {
							options = options.withKey(random.nextInt(5));
						}
						int kind = random.nextInt(10);
						try {
							CompletableFuture<?> future = pool.submit(() -> {
								switch (kind) {
									case 0 -> throw new IllegalStateException("failure");
									case 1 -> throw new AssertionError("error");
									case 2 -> busyWork(20_000);
									default -> busyWork(100);
								}
								return kind;
							}, options);
							if (random.nextInt(10) == 0) {
								toCancel.add(future);
							}
						}
						catch (TaskRejectedException ex) {
							rejectedSeen.incrementAndGet();
						}
						if (!toCancel.isEmpty() && random.nextBoolean()) {
							toCancel.remove(toCancel.size() - 1).cancel(random.nextBoolean());
						}
					}
					done.countDown();
				}, "submitter-" + round + "-" + s);
				submitter.start();
			}
			if (round % 2 == 1) {
				pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(2));
				pool.tune(GoPoolTuning.create().minWorkers(2).maxWorkers(6));
			}
			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
			pool.shutdown();
			assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			GoPoolStats stats = pool.stats();
			long total = (long) submitters * perSubmitter;
			assertThat(stats.counts().submitted() + rejectedSeen.get()).as("accepted + thrown rejections")
				.isLessThanOrEqualTo(total);
			assertThat(stats.counts().finished()).as("every accepted task ended: %s", stats)
				.isEqualTo(stats.counts().submitted());
			assertThat(stats.levels().queueSize()).isZero();
			assertThat(((WorkerPool) pool).keyCount()).as("no key left").isZero();
			assertThat(stats.levels().workers()).isZero();
			assertThat(callbacks.get()).as("one callback per accepted task").isEqualTo(stats.counts().submitted());
			assertThat(listener.submitted.get()).isEqualTo(stats.counts().submitted());
			assertThat(listener.rejected.get()).isEqualTo(stats.counts().rejected());
			assertThat(listener.started.get()).as("started events").isEqualTo(stats.counts().started());
			assertThat(listener.started.get()).isEqualTo(stats.counts().completed() + stats.counts().failed()
					+ listener.finished(TaskOutcome.CANCELLED) - cancelledBeforeStart(listener, stats));
			assertThat(listener.finished(TaskOutcome.COMPLETED)).isEqualTo(stats.counts().completed());
			assertThat(listener.finished(TaskOutcome.FAILED)).isEqualTo(stats.counts().failed());
			assertThat(listener.finished(TaskOutcome.EXPIRED)).isEqualTo(stats.counts().expired());
			assertThat(listener.finished(TaskOutcome.CANCELLED)).isEqualTo(stats.counts().cancelled());
			assertThat(listener.finished(TaskOutcome.EVICTED)).isEqualTo(stats.counts().evicted());
			assertThat(listener.finishesByTask.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
			assertThat(listener.finishesByTask).hasSize((int) stats.counts().submitted());
		}
	}

	/** Tasks cancelled while queued never started; the rest of the cancelled ones did. */
	private static long cancelledBeforeStart(CountingListener listener, GoPoolStats stats) {
		return listener.finished(TaskOutcome.CANCELLED)
				- (listener.started.get() - stats.counts().completed() - stats.counts().failed());
	}

	@Test
	void concurrentSubmittersAgainstShutdownNowEveryAcceptedTaskRanOrWasReturnedExactlyOnce() throws Exception {
		for (int round = 0; round < 200; round++) {
			GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(2).queueCapacity(10_000).build("race");
			Map<Runnable, AtomicInteger> runs = new ConcurrentHashMap<>();
			List<Runnable> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
			CountDownLatch start = new CountDownLatch(1);
			List<Thread> submitters = new ArrayList<>();
			for (int s = 0; s < 2; s++) {
				Thread submitter = new Thread(() -> {
					PoolAssertions.awaitQuietly(start);
					for (int i = 0; i < 500; i++) {
						AtomicInteger counter = new AtomicInteger();
						Runnable task = counter::incrementAndGet;
						runs.put(task, counter);
						try {
							pool.execute(task);
							accepted.add(task);
						}
						catch (TaskRejectedException ex) {
							// rejected after shutdown: must never run
						}
					}
				});
				submitter.start();
				submitters.add(submitter);
			}
			start.countDown();
			Thread.yield();
			List<Runnable> returned = pool.shutdownNow();
			for (Thread submitter : submitters) {
				submitter.join(10_000);
			}
			PoolAssertions.assertTerminates(pool);
			java.util.Set<Runnable> returnedSet = java.util.Collections
				.newSetFromMap(new java.util.IdentityHashMap<>());
			returnedSet.addAll(returned);
			assertThat(returnedSet).hasSameSizeAs(returned);
			for (Map.Entry<Runnable, AtomicInteger> entry : runs.entrySet()) {
				boolean wasAccepted = accepted.contains(entry.getKey());
				int ranTimes = entry.getValue().get();
				boolean wasReturned = returnedSet.contains(entry.getKey());
				if (wasAccepted) {
					assertThat(ranTimes + (wasReturned ? 1 : 0)).as("ran or returned exactly once").isEqualTo(1);
				}
				else {
					assertThat(ranTimes).as("a rejected task never runs").isZero();
					assertThat(wasReturned).isFalse();
				}
			}
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().submitted()).isEqualTo(accepted.size());
			assertThat(stats.counts().finished()).isEqualTo(stats.counts().submitted());
			assertThat(stats.counts().returned()).isEqualTo(returned.size());
		}
	}

	static void busyWork(int iterations) {
		for (int i = 0; i < iterations; i++) {
			Thread.onSpinWait();
		}
	}

	/**
	 * Counts listener events by kind and checks that each accepted task finishes exactly
	 * once.
	 */
	static final class CountingListener implements GoPoolListener {

		final AtomicLong submitted = new AtomicLong();

		final AtomicLong rejected = new AtomicLong();

		final AtomicLong started = new AtomicLong();

		final Map<TaskOutcome, AtomicLong> finished = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> finishesByTask = new ConcurrentHashMap<>();

		@Override
		public void taskSubmitted(TaskEvent.Submitted event) {
			this.submitted.incrementAndGet();
		}

		@Override
		public void taskRejected(TaskEvent.Rejected event) {
			this.rejected.incrementAndGet();
		}

		@Override
		public void taskStarted(TaskEvent.Started event) {
			this.started.incrementAndGet();
		}

		@Override
		public void taskFinished(TaskEvent.Finished event) {
			this.finished.computeIfAbsent(event.outcome(), (outcome) -> new AtomicLong()).incrementAndGet();
			if (event.taskName() != null) {
				this.finishesByTask.computeIfAbsent(event.taskName(), (name) -> new AtomicInteger()).incrementAndGet();
			}
		}

		long finished(TaskOutcome outcome) {
			AtomicLong count = this.finished.get(outcome);
			return (count != null) ? count.get() : 0;
		}

	}

}
