package io.gopool;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class TuningTests {

	@Test
	void invalidResizeIsRefusedAndChangesNothing() {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(4).build("tune")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> pool.tune(GoPoolTuning.create().minWorkers(5).maxWorkers(4)))
				.withMessage("min workers (5) must not exceed max workers (4)");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> pool.tune(GoPoolTuning.create().minWorkers(-1).maxWorkers(4)))
				.withMessage("min workers must not be negative (was -1)");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(0)))
				.withMessage("max workers must be positive (was 0)");
			assertThatIllegalArgumentException().isThrownBy(() -> pool.tune(GoPoolTuning.create().queueCapacity(-1)))
				.withMessage("queue capacity must not be negative (was -1)");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> pool.tune(GoPoolTuning.create().keepAlive(Duration.ofSeconds(-1))))
				.withMessage("keep alive must not be negative (was PT-1S)");
			assertThat(pool.settings().minWorkers()).isEqualTo(1);
			assertThat(pool.settings().maxWorkers()).isEqualTo(4);
		}
	}

	@Test
	void tuneAppliesEverySettingOrNone() {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(2).queueCapacity(10).build("tune-all")) {
			GoPoolTuning refused = GoPoolTuning.create()
				.minWorkers(3)
				.keepAlive(Duration.ofSeconds(5))
				.queueCapacity(20);
			assertThatIllegalArgumentException().isThrownBy(() -> pool.tune(refused))
				.withMessage("min workers (3) must not exceed max workers (2)");
			assertThat(pool.settings().minWorkers()).isEqualTo(1);
			assertThat(pool.settings().maxWorkers()).isEqualTo(2);
			assertThat(pool.settings().keepAlive()).isEqualTo(Duration.ofSeconds(60));
			assertThat(pool.settings().queueCapacity()).isEqualTo(10);
			GoPoolSettings tuned = pool.tune(GoPoolTuning.create()
				.minWorkers(2)
				.maxWorkers(6)
				.keepAlive(Duration.ofSeconds(5))
				.queueCapacity(20));
			assertThat(tuned).isEqualTo(pool.settings());
			assertThat(tuned.minWorkers()).isEqualTo(2);
			assertThat(tuned.maxWorkers()).isEqualTo(6);
			assertThat(tuned.keepAlive()).isEqualTo(Duration.ofSeconds(5));
			assertThat(tuned.queueCapacity()).isEqualTo(20);
			assertThat(pool.stats().levels().workers()).isEqualTo(2);
		}
	}

	@Test
	void aTuningChangesOnlyTheValuesItSets() {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(4).queueCapacity(10).build("tune-some")) {
			GoPoolSettings before = pool.settings();
			assertThat(pool.tune(GoPoolTuning.create())).isEqualTo(before);
			GoPoolSettings tuned = pool.tune(GoPoolTuning.create().queueCapacity(30));
			assertThat(tuned).isEqualTo(before.tuned(1, 4, before.keepAlive(), 30));
			// The minimum is checked against the current maximum, and the reverse.
			assertThatIllegalArgumentException().isThrownBy(() -> pool.tune(GoPoolTuning.create().minWorkers(5)))
				.withMessage("min workers (5) must not exceed max workers (4)");
			pool.tune(GoPoolTuning.create().minWorkers(3));
			assertThatIllegalArgumentException().isThrownBy(() -> pool.tune(GoPoolTuning.create().maxWorkers(2)))
				.withMessage("min workers (3) must not exceed max workers (2)");
			assertThat(pool.settings()).isEqualTo(before.tuned(3, 4, before.keepAlive(), 30));
			assertThat(GoPoolTuning.create().maxWorkers(8).queueCapacity(0))
				.hasToString("GoPoolTuning[maxWorkers=8, queueCapacity=0]");
		}
	}

	@Test
	void raisingMinStartsWorkersAtOnce() {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(2).build("grow-min")) {
			pool.tune(GoPoolTuning.create().minWorkers(6).maxWorkers(8));
			assertThat(pool.stats().levels().workers()).isEqualTo(6);
			assertThat(pool.settings().minWorkers()).isEqualTo(6);
			assertThat(pool.settings().maxWorkers()).isEqualTo(8);
		}
	}

	@Test
	void raisingMaxStartsWorkersForQueuedTasks() throws Exception {
		Gate gate = new Gate(3);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("grow-max")) {
			for (int i = 0; i < 3; i++) {
				pool.execute(gate.task());
			}
			assertThat(pool.stats().levels().queueSize()).isEqualTo(2);
			pool.tune(GoPoolTuning.create().minWorkers(1).maxWorkers(3));
			gate.awaitEntered();
			assertThat(pool.stats().levels().workers()).isEqualTo(3);
			assertThat(pool.stats().levels().queueSize()).isZero();
			gate.open();
		}
	}

	@Test
	void loweringMaxRetiresSurplusWorkersAndRunningNeverExceedsMax() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peakAfterShrink = new AtomicInteger();
		AtomicReference<Boolean> shrunk = new AtomicReference<>(false);
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(8).queueCapacity(100_000).build("shrink")) {
			CountDownLatch done = new CountDownLatch(20_000);
			for (int i = 0; i < 20_000; i++) {
				if (i == 2_000) {
					pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(2));
					// Tasks already running may finish; from the next wave on at most 2
					// run at once.
					await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().busyWorkers() <= 2);
					shrunk.set(true);
				}
				pool.execute(() -> {
					int now = running.incrementAndGet();
					if (shrunk.get()) {
						peakAfterShrink.accumulateAndGet(now, Math::max);
					}
					running.decrementAndGet();
					done.countDown();
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(peakAfterShrink.get()).isLessThanOrEqualTo(2);
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() <= 2);
		}
	}

	/**
	 * Resizes race a burst from two submitters: the pool never has more workers, nor runs
	 * more tasks at once, than the largest maximum set, every task runs exactly once, and
	 * once the resizing stops the last maximum holds.
	 */
	@Test
	void resizingDuringABurstNeverExceedsTheLargestMaxAndSettlesOnTheLast() throws Exception {
		int tasks = 40_000;
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peakRunning = new AtomicInteger();
		AtomicInteger peakWorkers = new AtomicInteger();
		AtomicInteger ran = new AtomicInteger();
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(4).queueCapacity(tasks).build("resize-burst")) {
			CountDownLatch done = new CountDownLatch(tasks);
			Runnable task = () -> {
				peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
				AccountingTests.busyWork(200);
				running.decrementAndGet();
				ran.incrementAndGet();
				done.countDown();
			};
			AtomicBoolean submitting = new AtomicBoolean(true);
			Thread resizer = new Thread(() -> {
				for (int i = 0; submitting.get(); i++) {
					pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(1 + i % 4));
					peakWorkers.accumulateAndGet(pool.stats().levels().workers(), Math::max);
				}
			});
			resizer.start();
			Thread[] submitters = new Thread[2];
			for (int s = 0; s < submitters.length; s++) {
				submitters[s] = new Thread(() -> {
					for (int i = 0; i < tasks / submitters.length; i++) {
						pool.execute(task);
					}
				});
				submitters[s].start();
			}
			for (Thread submitter : submitters) {
				submitter.join(TimeUnit.SECONDS.toMillis(30));
			}
			submitting.set(false);
			resizer.join(TimeUnit.SECONDS.toMillis(30));
			pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(2));
			assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
			assertThat(peakRunning.get()).isLessThanOrEqualTo(4);
			assertThat(peakWorkers.get()).isLessThanOrEqualTo(4);
			assertThat(ran).hasValue(tasks);
			assertThat(pool.stats().levels().largestWorkers()).isLessThanOrEqualTo(4);
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() <= 2);
			peakRunning.set(0);
			CountDownLatch settled = new CountDownLatch(2_000);
			for (int i = 0; i < 2_000; i++) {
				pool.execute(() -> {
					peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
					AccountingTests.busyWork(200);
					running.decrementAndGet();
					settled.countDown();
				});
			}
			assertThat(settled.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(peakRunning.get()).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void shorteningKeepAliveRetiresIdleWorkersWithoutWaitingForTheOldPeriod() throws Exception {
		Gate gate = new Gate(3);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(3)
			.keepAlive(Duration.ofHours(1))
			.build("keep-alive")) {
			for (int i = 0; i < 3; i++) {
				pool.execute(gate.task());
			}
			gate.awaitEntered();
			gate.open();
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().idleWorkers() == 3);
			pool.tune(GoPoolTuning.create().keepAlive(Duration.ofMillis(10)));
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 0);
			assertThat(pool.settings().keepAlive()).isEqualTo(Duration.ofMillis(10));
		}
	}

	@Test
	void shrinkingTheQueueKeepsQueuedTasksAndAdmitsNewOnesOnceBelowTheNewCapacity() throws Exception {
		Gate gate = new Gate(1);
		AtomicInteger ran = new AtomicInteger();
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(5).build("queue")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			for (int i = 0; i < 5; i++) {
				pool.execute(ran::incrementAndGet);
			}
			pool.tune(GoPoolTuning.create().queueCapacity(2));
			assertThat(pool.settings().queueCapacity()).isEqualTo(2);
			assertThat(pool.stats().levels().queueSize()).isEqualTo(5);
			org.assertj.core.api.Assertions.assertThatExceptionOfType(TaskRejectedException.class)
				.isThrownBy(() -> pool.execute(ran::incrementAndGet));
			gate.open();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(ran).hasValue(5);
		}
	}

}
