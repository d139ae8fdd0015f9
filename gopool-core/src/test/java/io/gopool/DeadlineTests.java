package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class DeadlineTests {

	private final FakeTicker ticker = new FakeTicker();

	private GoPool singleWorkerPool(int queueCapacity) {
		return GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(queueCapacity)
			.ticker(this.ticker)
			.build("deadline");
	}

	@Test
	void queuedTaskWhoseDeadlinePassesNeverRunsAndItsCallbackAndCounterMove() throws Exception {
		Gate gate = new Gate(1);
		List<TaskOutcome> outcomes = new CopyOnWriteArrayList<>();
		AtomicBoolean ran = new AtomicBoolean();
		try (GoPool pool = singleWorkerPool(10)) {
			pool.execute(gate.task());
			gate.awaitEntered();
			CompletableFuture<Object> future = pool.submit(() -> ran.getAndSet(true),
					TaskOptions.defaults()
						.withDeadline(Duration.ofSeconds(1))
						.withName("report")
						.withCallback((outcome, result, failure) -> outcomes.add(outcome)));
			this.ticker.advance(Duration.ofSeconds(2));
			gate.open();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TaskExpiredException.class)
				.withMessage("task report in pool 'deadline' expired before it started (1000.0 ms past its deadline)")
				.satisfies((ex) -> {
					TaskExpiredException expired = (TaskExpiredException) ex;
					assertThat(expired.getPoolName()).isEqualTo("deadline");
					assertThat(expired.getTaskName()).isEqualTo("report");
					assertThat(expired.getOverdueNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
				});
			assertThat(ran).isFalse();
			assertThat(outcomes).containsExactly(TaskOutcome.EXPIRED);
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().expired()).isEqualTo(1);
			assertThat(stats.counts().completed()).isEqualTo(1);
		}
	}

	@Test
	void deadlineAlreadyPastAtSubmitNeverRunsAndUsesNoWorker() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("past")) {
			AtomicBoolean ran = new AtomicBoolean();
			CompletableFuture<Object> future = pool.submit(() -> ran.getAndSet(true),
					TaskOptions.defaults().withDeadline(Duration.ZERO));
			assertThat(future).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
				.withCauseInstanceOf(TaskExpiredException.class);
			GoPoolStats stats = pool.stats();
			assertThat(stats.levels().workers()).isZero();
			assertThat(stats.counts().submitted()).isEqualTo(1);
			assertThat(stats.counts().expired()).isEqualTo(1);
			assertThat(ran).isFalse();
		}
	}

	@Test
	void aQueueFullOfExpiredTasksDoesNotRejectLiveOnes() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = singleWorkerPool(5)) {
			pool.execute(gate.task());
			gate.awaitEntered();
			for (int i = 0; i < 5; i++) {
				pool.submit(() -> "dead", TaskOptions.defaults().withDeadline(Duration.ofMillis(100)));
			}
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}));
			this.ticker.advance(Duration.ofMillis(200));
			CompletableFuture<String> live = pool.submit(() -> "live");
			assertThat(pool.stats().counts().expired()).isEqualTo(5);
			assertThat(pool.stats().levels().queueSize()).isEqualTo(1);
			gate.open();
			assertThat(live.get(10, TimeUnit.SECONDS)).isEqualTo("live");
		}
	}

	@Test
	void expiredTaskIsReportedPromptlyWithoutAWorkerReachingIt() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("prompt")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			CompletableFuture<String> future = pool.submit(() -> "late",
					TaskOptions.defaults().withDeadline(Duration.ofMillis(50)));
			// The worker is still blocked, so only the deadline timer can end this task.
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskExpiredException.class);
			// The timer gives the queue place back just after completing the future (the
			// place keeps the pool from terminating until the ending is complete).
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().queueSize() == 0);
			assertThat(pool.stats().counts().expired()).isEqualTo(1);
			gate.open();
		}
	}

	@Test
	void poolDefaultDeadlineAppliesToTasksWithoutOne() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.defaultDeadline(Duration.ofSeconds(1))
			.ticker(this.ticker)
			.build("default-deadline")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			AtomicInteger ran = new AtomicInteger();
			pool.execute(ran::incrementAndGet);
			CompletableFuture<Integer> submitted = pool.submit(ran::incrementAndGet);
			CompletableFuture<Integer> ownDeadline = pool.submit(ran::incrementAndGet,
					TaskOptions.defaults().withDeadline(Duration.ofHours(1)));
			this.ticker.advance(Duration.ofSeconds(5));
			gate.open();
			assertThat(ownDeadline.get(10, TimeUnit.SECONDS)).isEqualTo(1);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> submitted.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskExpiredException.class);
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(ran).hasValue(1);
			assertThat(pool.stats().counts().expired()).isEqualTo(2);
		}
	}

	@Test
	void deadlineArithmeticSurvivesTickerOverflowAndHugeDurations() throws Exception {
		// FakeTicker starts a minute before Long.MAX_VALUE, so these deadlines wrap
		// around.
		Gate gate = new Gate(1);
		try (GoPool pool = singleWorkerPool(10)) {
			pool.execute(gate.task());
			gate.awaitEntered();
			CompletableFuture<String> forever = pool.submit(() -> "forever",
					TaskOptions.defaults().withDeadline(Duration.ofSeconds(Long.MAX_VALUE)));
			CompletableFuture<String> twoMinutes = pool.submit(() -> "two minutes",
					TaskOptions.defaults().withDeadline(Duration.ofMinutes(2)));
			CompletableFuture<String> oneSecond = pool.submit(() -> "one second",
					TaskOptions.defaults().withDeadline(Duration.ofSeconds(1)));
			this.ticker.advance(Duration.ofSeconds(90));
			gate.open();
			assertThat(forever.get(10, TimeUnit.SECONDS)).isEqualTo("forever");
			assertThat(twoMinutes.get(10, TimeUnit.SECONDS)).isEqualTo("two minutes");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> oneSecond.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskExpiredException.class);
		}
	}

	@Test
	void expiryRacingWorkerStartRunsAtMostOnceAndNeverAfterBeingReportedExpired() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(2).queueCapacity(10_000).build("race")) {
			for (int round = 0; round < 2_000; round++) {
				AtomicInteger runs = new AtomicInteger();
				AtomicInteger outcomes = new AtomicInteger();
				AtomicBoolean expiredReported = new AtomicBoolean();
				AtomicBoolean ranAfterExpiry = new AtomicBoolean();
				CompletableFuture<Object> future = pool.submit(() -> {
					ranAfterExpiry.compareAndSet(false, expiredReported.get());
					return runs.incrementAndGet();
				}, TaskOptions.defaults()
					.withDeadline(Duration.ofNanos(round * 1_000L))
					.withCallback((outcome, result, failure) -> {
						outcomes.incrementAndGet();
						if (outcome == TaskOutcome.EXPIRED) {
							expiredReported.set(true);
						}
					}));
				try {
					future.get(10, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					assertThat(ex).hasCauseInstanceOf(TaskExpiredException.class);
				}
				assertThat(runs.get()).isLessThanOrEqualTo(1);
				assertThat(runs.get() + (expiredReported.get() ? 1 : 0)).isEqualTo(1);
				assertThat(outcomes).hasValue(1);
				assertThat(ranAfterExpiry).isFalse();
			}
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().completed() + stats.counts().expired()).isEqualTo(2_000);
		}
	}

}
