package io.gopool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class FailureTests {

	private final List<Throwable> handled = new CopyOnWriteArrayList<>();

	private GoPool pool(int workers) {
		return GoPool.newBuilder()
			.minWorkers(workers)
			.maxWorkers(workers)
			.uncaughtExceptionHandler((thread, ex) -> this.handled.add(ex))
			.build("failing");
	}

	@Test
	void submittedTaskFailureIsHeldByTheFutureAndNoHandlerSeesIt() throws Exception {
		IllegalStateException boom = new IllegalStateException("boom");
		try (GoPool pool = pool(1)) {
			CompletableFuture<Object> future = pool.submit(() -> {
				throw boom;
			});
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(boom));
			assertThat(pool.submit(() -> "next").get(10, TimeUnit.SECONDS)).isEqualTo("next");
			assertThat(this.handled).isEmpty();
			assertThat(pool.stats().counts().failed()).isEqualTo(1);
		}
	}

	@Test
	void executedTaskFailureGoesToTheHandlerExactlyOnceAndTheWorkerSurvives() throws Exception {
		AssertionError error = new AssertionError("simulated");
		OutOfMemoryError oom = new OutOfMemoryError("simulated");
		try (GoPool pool = pool(1)) {
			pool.execute(() -> {
				throw error;
			});
			pool.execute(() -> {
				throw oom;
			});
			assertThat(pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.isEqualTo("gopool-failing-1");
			assertThat(this.handled).containsExactly(error, oom);
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().failed()).isEqualTo(2);
			assertThat(stats.levels().workers()).isEqualTo(1);
			assertThat(stats.levels().largestWorkers()).isEqualTo(1);
		}
	}

	@Test
	void executeWithOptionsAppliesThemAndReportsFailuresToTheHandler() throws Exception {
		Gate gate = new Gate(1);
		java.util.List<String> order = new CopyOnWriteArrayList<>();
		java.util.List<TaskOutcome> outcomes = new CopyOnWriteArrayList<>();
		try (GoPool pool = pool(1)) {
			pool.execute(gate.task());
			gate.awaitEntered();
			pool.execute(() -> order.add("normal"), TaskOptions.defaults());
			pool.execute(() -> {
				order.add("urgent");
				throw new IllegalStateException("urgent failed");
			}, TaskOptions.defaults()
				.withPriority(-5)
				.withName("urgent job")
				.withCallback((outcome, result, failure) -> outcomes.add(outcome)));
			gate.open();
			pool.submit(() -> null).get(10, TimeUnit.SECONDS);
			assertThat(order).containsExactly("urgent", "normal");
			assertThat(outcomes).containsExactly(TaskOutcome.FAILED);
			assertThat(this.handled).singleElement().satisfies((ex) -> assertThat(ex).hasMessage("urgent failed"));
		}
	}

	@Test
	void realStackOverflowNeitherKillsThePoolNorLeaksAWorkerSlot() throws Exception {
		try (GoPool pool = pool(1)) {
			CompletableFuture<Object> future = pool.submit(() -> recurse(0));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(StackOverflowError.class);
			pool.execute(() -> recurse(0));
			assertThat(pool.submit(() -> "alive").get(30, TimeUnit.SECONDS)).isEqualTo("alive");
			assertThat(this.handled).singleElement().isInstanceOf(StackOverflowError.class);
			assertThat(pool.stats().levels().workers()).isEqualTo(1);
			assertThat(pool.stats().levels().largestWorkers()).isEqualTo(1);
		}
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}

	@Test
	void withoutAHandlerTheWorkerThreadsUncaughtExceptionHandlerGetsIt() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		CountDownLatch reported = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).threadFactory((runnable) -> {
			Thread thread = new Thread(runnable, "custom-worker");
			thread.setUncaughtExceptionHandler((t, ex) -> {
				seen.add(t.getName() + ": " + ex.getMessage());
				reported.countDown();
			});
			return thread;
		}).build("no-handler")) {
			pool.execute(() -> {
				throw new IllegalStateException("unhandled");
			});
			assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).containsExactly("custom-worker: unhandled");
			assertThat(pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.isEqualTo("custom-worker");
		}
	}

	@Test
	void aHandlerThatThrowsIsContained() throws Exception {
		AtomicInteger handlerCalls = new AtomicInteger();
		List<Throwable> threadHandler = new CopyOnWriteArrayList<>();
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).uncaughtExceptionHandler((t, ex) -> {
			handlerCalls.incrementAndGet();
			throw new IllegalStateException("handler failed");
		}).threadFactory((runnable) -> {
			Thread thread = new Thread(runnable);
			thread.setUncaughtExceptionHandler((t, ex) -> threadHandler.add(ex));
			return thread;
		}).build("throwing-handler")) {
			for (int i = 0; i < 3; i++) {
				pool.execute(() -> {
					throw new RuntimeException("task failed");
				});
			}
			assertThat(pool.submit(() -> "ok").get(10, TimeUnit.SECONDS)).isEqualTo("ok");
			assertThat(handlerCalls).hasValue(3);
			assertThat(threadHandler).hasSize(3)
				.allSatisfy((ex) -> assertThat(ex).hasMessage("handler failed")
					.satisfies((e) -> assertThat(e.getSuppressed()[0]).hasMessage("task failed")));
			assertThat(pool.stats().levels().workers()).isEqualTo(1);
		}
	}

	@Test
	void aThrowingCallbackOrListenerIsContainedAndTheFutureStillCompletes() throws Exception {
		GoPoolListener throwingListener = new GoPoolListener() {
			@Override
			public void taskFinished(TaskEvent.Finished event) {
				throw new IllegalStateException("listener failed");
			}
		};
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.listener(throwingListener)
			.uncaughtExceptionHandler((thread, ex) -> this.handled.add(ex))
			.build("throwing-callback")) {
			CompletableFuture<String> future = pool.submit(() -> "value",
					TaskOptions.defaults().withCallback((outcome, result, failure) -> {
						throw new IllegalStateException("callback failed");
					}));
			assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("value");
			await().atMost(5, TimeUnit.SECONDS).until(() -> this.handled.size() == 2);
			assertThat(this.handled).extracting(Throwable::getMessage)
				.containsExactly("callback failed", "listener failed");
		}
	}

	@Test
	void aTaskThatInterruptsItselfDoesNotLeakTheFlagToTheNextTask() throws Exception {
		try (GoPool pool = pool(1)) {
			for (int i = 0; i < 100; i++) {
				pool.execute(() -> Thread.currentThread().interrupt());
				assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS))
					.isFalse();
			}
		}
	}

	@Test
	void cancelWithInterruptStopsTheRunningTaskAndDoesNotLeakIntoTheNextTask() throws Exception {
		try (GoPool pool = pool(1)) {
			for (int i = 0; i < 50; i++) {
				CountDownLatch started = new CountDownLatch(1);
				CountDownLatch interrupted = new CountDownLatch(1);
				CompletableFuture<Object> running = pool.submit(() -> {
					started.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException ex) {
						interrupted.countDown();
					}
					return null;
				});
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(running.cancel(true)).isTrue();
				assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(running).isCancelled();
				assertThat(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS))
					.isFalse();
			}
			assertThat(pool.stats().counts().cancelled()).isEqualTo(50);
		}
	}

	@Test
	void threadFactoryFailuresRollBackAndLaterSubmitsWorkOnceItRecovers() throws Exception {
		AtomicInteger mode = new AtomicInteger();
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(2).threadFactory((runnable) -> {
			return switch (mode.get()) {
				case 0 -> null;
				case 1 -> throw new IllegalStateException("factory exception");
				case 2 -> throw new OutOfMemoryError("unable to create native thread (simulated)");
				default -> new Thread(runnable);
			};
		}).build("flaky-factory")) {
			for (int failing = 0; failing < 3; failing++) {
				mode.set(failing);
				assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.submit(() -> "x"))
					.withMessageContaining("could not start a worker");
				GoPoolStats stats = pool.stats();
				assertThat(stats.levels().workers()).isZero();
				assertThat(stats.levels().queueSize()).isZero();
			}
			mode.set(3);
			assertThat(pool.submit(() -> "recovered").get(10, TimeUnit.SECONDS)).isEqualTo("recovered");
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().rejected()).isEqualTo(3);
			assertThat(stats.counts().submitted()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void whenNoMoreWorkersCanBeStartedTasksAreQueuedForTheLiveWorkerInsteadOfRejected(int failure) throws Exception {
		AtomicInteger threads = new AtomicInteger();
		Gate gate = new Gate(1);
		AtomicInteger ran = new AtomicInteger();
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(100).threadFactory((runnable) -> {
			if (threads.incrementAndGet() == 1) {
				return new Thread(runnable);
			}
			return switch (failure) {
				case 0 -> null;
				case 1 -> throw new IllegalStateException("factory exception");
				default -> throw new OutOfMemoryError("unable to create native thread (simulated)");
			};
		}).build("one-thread")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			for (int i = 0; i < 99; i++) {
				pool.execute(ran::incrementAndGet);
			}
			GoPoolStats queued = pool.stats();
			assertThat(queued.counts().rejected()).isZero();
			assertThat(queued.levels().queueSize()).isEqualTo(99);
			assertThat(queued.levels().workers()).isEqualTo(1);
			gate.open();
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			assertThat(ran).hasValue(99);
			assertThat(pool.stats().counts().completed()).isEqualTo(100);
		}
	}

	@Test
	void whenTheMinimumWorkersCannotBeStartedBuildThrowsAWorkerStartExceptionAndStopsThoseStarted() {
		AtomicInteger threads = new AtomicInteger();
		List<Thread> started = new CopyOnWriteArrayList<>();
		IllegalStateException cause = new IllegalStateException("no more threads");
		assertThatExceptionOfType(WorkerStartException.class)
			.isThrownBy(() -> GoPool.newBuilder().minWorkers(3).maxWorkers(3).threadFactory((runnable) -> {
				if (threads.incrementAndGet() == 3) {
					throw cause;
				}
				Thread thread = new Thread(runnable);
				started.add(thread);
				return thread;
			}).build("short-of-threads"))
			.withMessage("could not start a worker for pool 'short-of-threads': " + cause)
			.withCause(cause)
			.satisfies((ex) -> assertThat(ex.getPoolName()).isEqualTo("short-of-threads"));
		assertThat(started).hasSize(2);
		for (Thread thread : started) {
			assertThatCode(() -> thread.join(10_000)).doesNotThrowAnyException();
			assertThat(thread.isAlive()).isFalse();
		}
	}

}
