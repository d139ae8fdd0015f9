package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A task observer sees each task from submission to exactly one ending, runs the span's
 * scope on the running thread inside the decorator's context, and cannot hurt the pool.
 */
@Timeout(60)
class TaskObserverTests {

	private static final ThreadLocal<String> DECORATED = new ThreadLocal<>();

	private static final ThreadLocal<String> IN_SCOPE = new ThreadLocal<>();

	private final FakeTicker ticker = new FakeTicker();

	/** What each observed task's span was told, by task name, in order. */
	private final Map<String, List<String>> spans = new ConcurrentHashMap<>();

	private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

	/** Observes every named task; leaves unnamed ones alone. */
	private final TaskObserver recorder = (task) -> (task.taskName() != null) ? new RecordingSpan(task.taskName())
			: null;

	@Test
	void aTaskThatRunsIsStartedOnItsThreadAndEndedOnceWithItsOutcome() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = builder().minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.rejectionPolicy(RejectionPolicy.CALLER_RUNS)
			.build("runs")) {
			pool.execute(gate.task(), named("holder"));
			CompletableFuture<String> failing;
			try {
				gate.awaitEntered();
				failing = pool.submit(() -> {
					this.ticker.advance(Duration.ofMillis(3));
					throw new IllegalStateException("boom");
				}, named("failing"));
				// Full: the caller runs the task itself, which is observed the same way.
				pool.execute(() -> {
				}, named("in-caller"));
				this.ticker.advance(Duration.ofMillis(2));
			}
			finally {
				gate.open();
			}
			assertThat(failing).failsWithin(10, TimeUnit.SECONDS);
			String main = currentThread();
			assertThat(this.spans.get("in-caller")).containsExactly("submitted on " + main,
					"started on " + main + " waited 0", "closed on " + main, "finished COMPLETED ran 0");
			List<String> failed = this.spans.get("failing");
			assertThat(failed).hasSize(4)
				.startsWith("submitted on " + main)
				.endsWith("finished FAILED ran " + Duration.ofMillis(3).toNanos() + " boom");
			String worker = failed.get(1).replaceFirst("started on (\\S+) .*", "$1");
			assertThat(worker).startsWith("gopool-runs-");
			assertThat(failed.get(1)).endsWith("waited " + Duration.ofMillis(2).toNanos());
			assertThat(failed.get(2)).isEqualTo("closed on " + worker);
			assertThat(this.spans.get("holder")).last()
				.isEqualTo("finished COMPLETED ran " + Duration.ofMillis(2).toNanos());
		}
	}

	@Test
	void aTaskThatNeverRanEndsOnceAndARefusedOneIsRejected() throws Exception {
		Gate gate = new Gate(1);
		GoPool pool = builder().minWorkers(1).maxWorkers(1).queueCapacity(2).build("unstarted");
		try {
			pool.execute(gate.task(), named("holder"));
			gate.awaitEntered();
			// Due in an hour of real time, so the deadline timer cannot race the purge.
			pool.execute(() -> {
			}, named("expiring").withDeadline(Duration.ofHours(1)));
			CompletableFuture<?> cancelled = pool.submit(() -> {
			}, named("cancelled"));
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}, named("refused")));
			cancelled.cancel(false);
			this.ticker.advance(Duration.ofHours(2));
			pool.execute(() -> {
			}, named("returned"));
			// Full again: the expired task is purged to make room for this one.
			pool.execute(() -> {
			}, named("late"));
			assertThat(pool.shutdownNow()).hasSize(2);
		}
		finally {
			gate.open();
			pool.close();
		}
		String submitted = "submitted on " + currentThread();
		assertThat(this.spans.get("refused")).hasSize(2).first().isEqualTo(submitted);
		assertThat(this.spans.get("refused").get(1)).startsWith("rejected").contains("the pool is full");
		assertThat(this.spans.get("cancelled")).containsExactly(submitted, "finished CANCELLED ran 0");
		assertThat(this.spans.get("expiring")).hasSize(2).first().isEqualTo(submitted);
		assertThat(this.spans.get("expiring").get(1)).startsWith("finished EXPIRED ran 0");
		assertThat(this.spans.get("returned")).containsExactly(submitted, "finished RETURNED ran 0");
		assertThat(this.spans.get("late")).containsExactly(submitted, "finished RETURNED ran 0");
	}

	@Test
	void anEvictedTaskEndsItsSpan() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = builder().minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.rejectionPolicy(RejectionPolicy.DISCARD_OLDEST)
			.build("evicting")) {
			pool.execute(gate.task(), named("holder"));
			gate.awaitEntered();
			pool.execute(() -> {
			}, named("old"));
			CompletableFuture<String> newer = pool.submit(() -> "new", named("new"));
			gate.open();
			assertThat(PoolAssertions.await(pool, newer)).isEqualTo("new");
			assertThat(this.spans.get("old")).hasSize(2);
			assertThat(this.spans.get("old").get(1)).startsWith("finished EVICTED ran 0");
		}
	}

	@Test
	void theSpanEndsBeforeTheCallbackRunsAndTheFutureCompletes() throws Exception {
		try (GoPool pool = builder().build("order")) {
			for (int i = 0; i < 200; i++) {
				String name = "task-" + i;
				List<String> seenByCallback = new CopyOnWriteArrayList<>();
				CompletableFuture<String> future = pool.submit(() -> "done", named(name)
					.withCallback((outcome, result, failure) -> seenByCallback.addAll(this.spans.get(name))));
				assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("done");
				assertThat(this.spans.get(name)).last().isEqualTo("finished COMPLETED ran 0");
				assertThat(seenByCallback).last().isEqualTo("finished COMPLETED ran 0");
			}
		}
	}

	@Test
	void theScopeOpensInsideTheDecoratorsContextAndNeverOutlivesItsTask() throws Exception {
		try (GoPool pool = builder().minWorkers(1).maxWorkers(1).taskDecorator((task) -> {
			String captured = "from " + currentThread();
			return () -> {
				DECORATED.set(captured);
				try {
					task.run();
				}
				finally {
					DECORATED.remove();
				}
			};
		}).build("scopes")) {
			for (int i = 0; i < 100; i++) {
				String name = "failing-" + i;
				CompletableFuture<String> seenInScope = new CompletableFuture<>();
				CompletableFuture<?> failing = pool.submit(() -> {
					seenInScope.complete(IN_SCOPE.get());
					throw new IllegalStateException("boom");
				}, named(name));
				assertThat(failing).failsWithin(10, TimeUnit.SECONDS);
				assertThat(seenInScope.get()).isEqualTo(name);
				assertThat(this.spans.get(name).get(1)).endsWith("in context from " + currentThread());
				// The next task on the same worker is not observed: nothing of the last
				// span may be left on the thread.
				CompletableFuture<@Nullable String> leftOver = pool.submit(IN_SCOPE::get);
				assertThat(leftOver.get(10, TimeUnit.SECONDS)).isNull();
			}
		}
	}

	@Test
	void whatAnObserverThrowsGoesToTheHandlerAndNeverToTheTask() throws Exception {
		TaskObserver throwingOnSubmit = (task) -> {
			throw new IllegalStateException("submitted failed");
		};
		try (GoPool pool = builder().taskObserver(throwingOnSubmit).build("throwing-observer")) {
			assertThat(pool.submit(() -> "ran").get(10, TimeUnit.SECONDS)).isEqualTo("ran");
		}
		TaskObserver.Span throwingSpan = new TaskObserver.Span() {

			@Override
			public TaskObserver.Scope started(TaskEvent.Started event) {
				return () -> {
					throw new IllegalStateException("close failed");
				};
			}

			@Override
			public void finished(TaskEvent.Finished event) {
				throw new IllegalStateException("finished failed");
			}

			@Override
			public void rejected(TaskEvent.Rejected event) {
			}

		};
		try (GoPool pool = builder().taskObserver((task) -> throwingSpan).build("throwing-span")) {
			assertThat(pool.submit(() -> "ran").get(10, TimeUnit.SECONDS)).isEqualTo("ran");
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(pool.stats().counts().completed()).isEqualTo(1);
		}
		assertThat(this.uncaught).extracting(Throwable::getMessage)
			.containsExactly("submitted failed", "close failed", "finished failed");
	}

	private GoPoolBuilder builder() {
		return GoPool.newBuilder()
			.ticker(this.ticker)
			.taskObserver(this.recorder)
			.uncaughtExceptionHandler((thread, failure) -> this.uncaught.add(failure));
	}

	private static TaskOptions named(String name) {
		return TaskOptions.defaults().withName(name);
	}

	private static String currentThread() {
		return Thread.currentThread().getName();
	}

	private final class RecordingSpan implements TaskObserver.Span {

		private final List<String> calls = new CopyOnWriteArrayList<>();

		RecordingSpan(String taskName) {
			this.calls.add("submitted on " + currentThread());
			TaskObserverTests.this.spans.put(taskName, this.calls);
		}

		@Override
		public TaskObserver.Scope started(TaskEvent.Started event) {
			String context = (DECORATED.get() != null) ? " in context " + DECORATED.get() : "";
			this.calls.add("started on " + currentThread() + " waited " + event.waitNanos() + context);
			IN_SCOPE.set(event.taskName());
			return () -> {
				IN_SCOPE.remove();
				this.calls.add("closed on " + currentThread());
			};
		}

		@Override
		public void finished(TaskEvent.Finished event) {
			String failure = (event.failure() != null && event.outcome() == TaskOutcome.FAILED)
					? " " + event.failure().getMessage() : "";
			this.calls.add("finished " + event.outcome() + " ran " + event.runNanos() + failure);
		}

		@Override
		public void rejected(TaskEvent.Rejected event) {
			this.calls.add("rejected: " + event.rejection().getMessage());
		}

	}

}
