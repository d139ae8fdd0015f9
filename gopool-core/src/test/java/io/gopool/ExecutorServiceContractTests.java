package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

@Timeout(60)
class ExecutorServiceContractTests {

	private final GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("contract");

	@Test
	void everySubmissionPathRejectsAfterShutdownAndNeverRunsTheTask() throws Exception {
		AtomicInteger ran = new AtomicInteger();
		Callable<Integer> callable = ran::incrementAndGet;
		Runnable runnable = ran::incrementAndGet;
		this.pool.shutdown();
		List<Executable> paths = List.of(() -> this.pool.execute(runnable), () -> this.pool.submit(runnable),
				() -> this.pool.submit(runnable, 1), () -> this.pool.submit(callable),
				() -> this.pool.submit(callable, TaskOptions.defaults()),
				() -> this.pool.submit(runnable, TaskOptions.defaults()), () -> this.pool.invokeAll(List.of(callable)),
				() -> this.pool.invokeAll(List.of(callable), 1, TimeUnit.SECONDS),
				() -> this.pool.invokeAny(List.of(callable)),
				() -> this.pool.invokeAny(List.of(callable), 1, TimeUnit.SECONDS));
		for (Executable path : paths) {
			assertThatExceptionOfType(java.util.concurrent.RejectedExecutionException.class).isThrownBy(path::execute);
		}
		assertThat(this.pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		for (Executable path : paths) {
			assertThatExceptionOfType(java.util.concurrent.RejectedExecutionException.class).isThrownBy(path::execute);
		}
		assertThat(ran).hasValue(0);
	}

	@Test
	void nullAndEmptyInputsAreRefusedAndChangeNothing() {
		assertThatNullPointerException().isThrownBy(() -> this.pool.execute(null));
		assertThatNullPointerException().isThrownBy(() -> this.pool.submit((Runnable) null));
		assertThatNullPointerException().isThrownBy(() -> this.pool.submit((Callable<?>) null));
		assertThatNullPointerException().isThrownBy(() -> this.pool.submit(() -> 1, null));
		assertThatNullPointerException().isThrownBy(() -> this.pool.invokeAll(null));
		assertThatNullPointerException().isThrownBy(() -> this.pool.awaitTermination(1, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.pool.invokeAny(List.of()));
		assertThat(this.pool.stats().counts().submitted()).isZero();
		assertThat(this.pool.stats().counts().rejected()).isZero();
		this.pool.close();
	}

	@Test
	void invokeAllRunsEveryTaskAndInvokeAnyCancelsTheLosers() throws Exception {
		List<Future<Integer>> all = this.pool.invokeAll(List.of(() -> 1, () -> 2, () -> 3));
		assertThat(all).extracting(Future::get).containsExactly(1, 2, 3);
		CountDownLatch loserStarted = new CountDownLatch(1);
		CountDownLatch loserInterrupted = new CountDownLatch(1);
		Collection<Callable<String>> racers = new ArrayList<>();
		racers.add(() -> {
			loserStarted.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				loserInterrupted.countDown();
			}
			return "loser";
		});
		racers.add(() -> {
			loserStarted.await();
			return "winner";
		});
		assertThat(this.pool.invokeAny(racers)).isEqualTo("winner");
		assertThat(loserInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
		this.pool.close();
		GoPoolStats stats = this.pool.stats();
		assertThat(stats.counts().submitted()).isEqualTo(5);
		assertThat(stats.counts().finished()).isEqualTo(5);
	}

	@Test
	void writesBeforeSubmitAreVisibleInTheTaskAndTaskWritesAfterGet() throws Exception {
		for (int i = 0; i < 1_000; i++) {
			int[] box = { i };
			int seen = this.pool.submit(() -> {
				int value = box[0];
				box[0] = -value;
				return value;
			}).get(10, TimeUnit.SECONDS);
			assertThat(seen).isEqualTo(i);
			assertThat(box[0]).isEqualTo(-i);
		}
		this.pool.close();
	}

	@Test
	void aRejectedTaskResubmittedAThousandTimesRunsExactlyAThousandTimes() throws Exception {
		Gate gate = new Gate(1);
		AtomicInteger ran = new AtomicInteger();
		Runnable task = ran::incrementAndGet;
		try (GoPool small = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(1).build("retry")) {
			small.execute(gate.task());
			gate.awaitEntered();
			small.execute(task);
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> small.execute(task));
			gate.open();
			int accepted = 1;
			while (accepted < 1_000) {
				try {
					small.execute(task);
					accepted++;
				}
				catch (TaskRejectedException ex) {
					Thread.onSpinWait();
				}
			}
		}
		assertThat(ran).hasValue(1_000);
		this.pool.close();
	}

	@Test
	void futureGetOfACancelledQueuedTaskThrowsAndTheTaskNeverRuns() throws Exception {
		Gate gate = new Gate(1);
		AtomicInteger ran = new AtomicInteger();
		try (GoPool single = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("cancel-queued")) {
			single.execute(gate.task());
			gate.awaitEntered();
			var future = single.submit(ran::incrementAndGet);
			assertThat(future.cancel(false)).isTrue();
			assertThat(single.stats().levels().queueSize()).as("a cancelled task gives its place back").isZero();
			assertThatExceptionOfType(java.util.concurrent.CancellationException.class).isThrownBy(future::get);
			gate.open();
		}
		assertThat(ran).hasValue(0);
		this.pool.close();
	}

	@Test
	void submitWithRunnableReturnsTheGivenResult() throws Exception {
		assertThat(this.pool.submit(() -> {
		}, "result").get(10, TimeUnit.SECONDS)).isEqualTo("result");
		assertThat(this.pool.submit(() -> {
		}).get(10, TimeUnit.SECONDS)).isNull();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> this.pool.submit(() -> {
			throw new IllegalStateException("x");
		}, "r").get(10, TimeUnit.SECONDS));
		this.pool.drain(Duration.ofSeconds(10));
	}

	@Test
	void aVoidLambdaWithOptionsKeepsItsOptionsRatherThanBecomingTheResult() throws Exception {
		List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (GoPool named = GoPool.newBuilder().listener(new GoPoolListener() {

			@Override
			public void taskSubmitted(TaskEvent.Submitted event) {
				names.add(String.valueOf(event.taskName()));
			}

		}).build("void-with-options")) {
			Future<?> future = named.submit(() -> {
			}, TaskOptions.defaults().withName("void"));
			assertThat(future.get(10, TimeUnit.SECONDS)).isNull();
			assertThat(names).containsExactly("void");
		}
	}

}
