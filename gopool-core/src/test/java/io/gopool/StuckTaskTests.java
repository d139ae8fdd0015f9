package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The in-flight view and the sysmon: stuck-task reports, interrupts and hand-off. Scans
 * are driven by the test with a fake ticker (the shared monitor thread may scan too; a
 * task is reported once whoever scans).
 */
@Timeout(60)
class StuckTaskTests {

	private final FakeTicker ticker = new FakeTicker();

	private final List<RunningTask> reported = new CopyOnWriteArrayList<>();

	private GoPoolBuilder monitored(int maxWorkers) {
		return GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(maxWorkers)
			.ticker(this.ticker)
			.stuckThreshold(Duration.ofSeconds(1))
			.listener(new GoPoolListener() {

				@Override
				public void taskStuck(RunningTask task) {
					StuckTaskTests.this.reported.add(task);
				}

			});
	}

	private static WorkerPool engine(GoPool pool) {
		return (WorkerPool) pool;
	}

	@Test
	void runningTasksShowsNameThreadTimesAndStackOnlyWhenAskedFor() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).ticker(this.ticker).build("inflight")) {
			assertThat(pool.runningTasks(true)).isEmpty();
			pool.execute(gate.task(), TaskOptions.defaults().withName("report-job").withPriority(-3));
			gate.awaitEntered();
			this.ticker.advance(Duration.ofSeconds(5));
			List<RunningTask> running = pool.runningTasks(false);
			assertThat(running).singleElement().satisfies((task) -> {
				assertThat(task.poolName()).isEqualTo("inflight");
				assertThat(task.task()).isEqualTo("report-job");
				assertThat(task.priority()).isEqualTo(-3);
				assertThat(task.threadName()).startsWith("gopool-inflight-");
				assertThat(task.waited()).isZero();
				assertThat(task.running()).isEqualTo(Duration.ofSeconds(5));
				assertThat(task.stuck()).isFalse();
				assertThat(task.stackTrace()).isEmpty();
			});
			assertThat(pool.runningTasks(true)).singleElement()
				.satisfies((task) -> assertThat(task.stackTrace()).extracting(StackTraceElement::getClassName)
					.contains(Gate.class.getName(), CountDownLatch.class.getName()));
			gate.open();
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.runningTasks(false).isEmpty());
		}
	}

	@Test
	void runningTasksListsLongestRunningFirst() throws Exception {
		Gate first = new Gate(1);
		Gate second = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(2).ticker(this.ticker).build("order")) {
			pool.execute(first.task(), TaskOptions.defaults().withName("older"));
			first.awaitEntered();
			this.ticker.advance(Duration.ofSeconds(3));
			pool.execute(second.task(), TaskOptions.defaults().withName("newer"));
			second.awaitEntered();
			this.ticker.advance(Duration.ofSeconds(1));
			assertThat(pool.runningTasks(false)).extracting(RunningTask::task, RunningTask::running)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("older", Duration.ofSeconds(4)),
						org.assertj.core.groups.Tuple.tuple("newer", Duration.ofSeconds(1)));
			first.open();
			second.open();
		}
	}

	@Test
	void aTaskPastTheThresholdIsReportedOnceWithItsStackAndCountedUntilItEnds() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = monitored(1).build("stuck")) {
			pool.execute(gate.task(), TaskOptions.defaults().withName("hanging"));
			gate.awaitEntered();
			this.ticker.advance(Duration.ofMillis(999));
			engine(pool).scanForStuckTasks();
			assertThat(this.reported).isEmpty();
			assertThat(pool.stats().levels().stuckTasks()).isZero();
			this.ticker.advance(Duration.ofMillis(1));
			engine(pool).scanForStuckTasks();
			engine(pool).scanForStuckTasks();
			assertThat(this.reported).singleElement().satisfies((task) -> {
				assertThat(task.task()).isEqualTo("hanging");
				assertThat(task.stuck()).isTrue();
				assertThat(task.running()).isEqualTo(Duration.ofSeconds(1));
				assertThat(task.stackTrace()).extracting(StackTraceElement::getClassName)
					.contains(Gate.class.getName());
			});
			assertThat(pool.stats().levels().stuckTasks()).isEqualTo(1);
			assertThat(pool.runningTasks(false)).singleElement().satisfies((task) -> assertThat(task.stuck()).isTrue());
			gate.open();
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().stuckTasks() == 0);
			assertThat(this.reported).hasSize(1);
		}
	}

	@Test
	void theSharedMonitorThreadFindsStuckTasksOnItsOwn() throws Exception {
		Gate gate = new Gate(1);
		CountDownLatch reportedLatch = new CountDownLatch(1);
		AtomicBoolean onMonitorThread = new AtomicBoolean();
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(1)
			.stuckThreshold(Duration.ofMillis(20))
			.listener(new GoPoolListener() {

				@Override
				public void taskStuck(RunningTask task) {
					onMonitorThread.set(Thread.currentThread().getName().equals("gopool-sysmon"));
					reportedLatch.countDown();
				}

			})
			.build("sysmon")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			assertThat(reportedLatch.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(onMonitorThread).isTrue();
			gate.open();
		}
	}

	@Test
	void interruptingAStuckTaskEndsItAndTheWorkerServesOn() throws Exception {
		try (GoPool pool = monitored(1).interruptStuckTasks(true).build("interrupt")) {
			CountDownLatch started = new CountDownLatch(1);
			CompletableFuture<String> stuck = pool.submit(() -> {
				started.countDown();
				new CountDownLatch(1).await(30, TimeUnit.SECONDS);
				return "not interrupted";
			});
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			this.ticker.advance(Duration.ofSeconds(2));
			engine(pool).scanForStuckTasks();
			assertThat(stuck).failsWithin(10, TimeUnit.SECONDS)
				.withThrowableThat()
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS)).isFalse();
			// A task that keeps its interrupt flag set when it returns: the worker clears
			// it.
			Gate gate = new Gate(1);
			CompletableFuture<?> keepsFlag = pool.submit(gate.task());
			gate.awaitEntered();
			this.ticker.advance(Duration.ofSeconds(2));
			engine(pool).scanForStuckTasks();
			keepsFlag.get(10, TimeUnit.SECONDS);
			assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS)).isFalse();
			assertThat(this.reported).hasSize(2);
			assertThat(pool.stats().counts().failed()).isEqualTo(1);
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().stuckTasks() == 0);
		}
	}

	/**
	 * A scan racing the end of a stuck task must never interrupt the worker's next task:
	 * the next task starts after the ticker moved, so it is never stuck itself.
	 */
	@Test
	void anInterruptNeverReachesTheNextTaskWhenTheStuckOneEndsDuringTheScan() throws Exception {
		try (GoPool pool = monitored(1).interruptStuckTasks(true).build("interrupt-race")) {
			for (int i = 0; i < 300; i++) {
				CountDownLatch started = new CountDownLatch(1);
				CountDownLatch advanced = new CountDownLatch(1);
				int spins = (i % 50) * 200;
				pool.execute(() -> {
					started.countDown();
					try {
						advanced.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						// interrupted as stuck: end at once
						return;
					}
					for (int spin = 0; spin < spins; spin++) {
						Thread.onSpinWait();
					}
				});
				CompletableFuture<Boolean> next = pool.submit(() -> {
					boolean interrupted = Thread.currentThread().isInterrupted();
					for (int spin = 0; spin < 2_000; spin++) {
						Thread.onSpinWait();
					}
					return interrupted || Thread.currentThread().isInterrupted();
				});
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				this.ticker.advance(Duration.ofSeconds(2));
				advanced.countDown();
				// Scans as fast as the test thread can, to race the task's end; bounded,
				// because a busy loop cannot be stopped by the test's timeout.
				long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (!next.isDone()) {
					engine(pool).scanForStuckTasks();
					assertThat(System.nanoTime() - giveUp)
						.as("iteration %d: the next task never ended: %s, %s", i, pool.stats(),
								engine(pool).runningTasks(true))
						.isNegative();
				}
				assertThat(next.get()).as("iteration %d: next task interrupted", i).isFalse();
			}
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().stuckTasks() == 0);
			assertThat(pool.stats().counts().failed()).isZero();
		}
	}

	@Test
	void whenEveryWorkerIsStuckExtraWorkersServeTheQueueAndRetireAfterwards() throws Exception {
		Gate gate = new Gate(2);
		try (GoPool pool = monitored(2).maxExtraWorkers(1).build("hand-off")) {
			pool.execute(gate.task());
			pool.execute(gate.task());
			gate.awaitEntered();
			AtomicInteger ran = new AtomicInteger();
			List<CompletableFuture<Integer>> queued = List.of(pool.submit(ran::incrementAndGet),
					pool.submit(ran::incrementAndGet), pool.submit(ran::incrementAndGet));
			assertThat(pool.stats().levels().queueSize()).isEqualTo(3);
			this.ticker.advance(Duration.ofSeconds(2));
			engine(pool).scanForStuckTasks();
			CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			assertThat(ran).hasValue(3);
			GoPoolStats stats = pool.stats();
			assertThat(stats.levels().stuckTasks()).isEqualTo(2);
			assertThat(stats.levels().workers()).as("max 2 plus 1 extra").isEqualTo(3);
			assertThat(stats.levels().largestWorkers()).isEqualTo(3);
			gate.open();
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> pool.stats().levels().stuckTasks() == 0 && pool.stats().levels().workers() <= 2);
		}
	}

	@Test
	void noHandOffWhileSomeWorkerIsNotStuck() throws Exception {
		Gate old = new Gate(1);
		Gate recent = new Gate(1);
		try (GoPool pool = monitored(2).maxExtraWorkers(4).build("partial")) {
			pool.execute(old.task());
			old.awaitEntered();
			this.ticker.advance(Duration.ofSeconds(2));
			pool.execute(recent.task());
			recent.awaitEntered();
			CompletableFuture<String> queued = pool.submit(() -> "ran");
			engine(pool).scanForStuckTasks();
			GoPoolStats stats = pool.stats();
			assertThat(stats.levels().stuckTasks()).isEqualTo(1);
			assertThat(stats.levels().workers()).isEqualTo(2);
			assertThat(stats.levels().queueSize()).isEqualTo(1);
			recent.open();
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
			old.open();
		}
	}

	@Test
	void withoutHandOffAStuckPoolOnlyReports() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = monitored(1).build("no-hand-off")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			CompletableFuture<String> queued = pool.submit(() -> "ran");
			this.ticker.advance(Duration.ofSeconds(2));
			engine(pool).scanForStuckTasks();
			assertThat(pool.stats().levels().workers()).isEqualTo(1);
			assertThat(queued).isNotDone();
			gate.open();
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
		}
	}

	@Test
	void stuckSettingsAreValidatedAtTheSetterAndTogetherAtBuild() {
		GoPoolBuilder builder = GoPool.newBuilder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.stuckThreshold(Duration.ZERO))
			.withMessage("stuck threshold must be positive (was PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.stuckThreshold(Duration.ofMillis(-1)))
			.withMessage("stuck threshold must be positive (was PT-0.001S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxExtraWorkers(-1))
			.withMessage("max extra workers must not be negative (was -1)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxExtraWorkers(GoPoolBuilder.MAX_WORKERS + 1))
			.withMessage("max extra workers must be at most 1000000 (was 1000001)");
		assertThatIllegalStateException()
			.isThrownBy(() -> GoPool.newBuilder().interruptStuckTasks(true).build("no-threshold"))
			.withMessage("interrupting stuck tasks requires a stuck threshold");
		assertThatIllegalStateException().isThrownBy(() -> GoPool.newBuilder().maxExtraWorkers(1).build("no-threshold"))
			.withMessage("max extra workers requires a stuck threshold");
		try (GoPool pool = GoPool.newBuilder()
			.stuckThreshold(Duration.ofDays(365_000_000))
			.interruptStuckTasks(true)
			.maxExtraWorkers(GoPoolBuilder.MAX_WORKERS)
			.build("extreme")) {
			GoPoolSettings settings = pool.settings();
			assertThat(settings.stuckThreshold()).isEqualTo(Duration.ofDays(365_000_000));
			assertThat(settings.interruptStuckTasks()).isTrue();
			assertThat(settings.maxExtraWorkers()).isEqualTo(GoPoolBuilder.MAX_WORKERS);
		}
	}

}
