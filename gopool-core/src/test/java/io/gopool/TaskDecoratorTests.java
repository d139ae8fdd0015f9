package io.gopool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Timeout(60)
class TaskDecoratorTests {

	private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

	private final List<String> decoratedOn = new CopyOnWriteArrayList<>();

	/** Carries CONTEXT from the submitter to the worker and clears it afterwards. */
	private final TaskDecorator propagating = (task) -> {
		this.decoratedOn.add(Thread.currentThread().getName());
		String captured = CONTEXT.get();
		return () -> {
			CONTEXT.set(captured);
			try {
				task.run();
			}
			finally {
				CONTEXT.remove();
			}
		};
	};

	@Test
	void contextCapturedOnTheSubmittingThreadIsSeenByTheTaskAndClearedAfterIt() throws Exception {
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.taskDecorator(this.propagating)
			.build("decorated")) {
			CONTEXT.set("request-42");
			try {
				assertThat(pool.submit(CONTEXT::get).get(10, TimeUnit.SECONDS)).isEqualTo("request-42");
			}
			finally {
				CONTEXT.remove();
			}
			// Same single worker, no context at submission: nothing leaks from the
			// previous task.
			assertThat(pool.submit(CONTEXT::get).get(10, TimeUnit.SECONDS)).isNull();
			assertThat(this.decoratedOn).containsOnly(Thread.currentThread().getName());
		}
	}

	@Test
	void failuresPassThroughTheDecoration() throws Exception {
		IllegalStateException boom = new IllegalStateException("boom");
		List<Throwable> handled = new CopyOnWriteArrayList<>();
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.taskDecorator(this.propagating)
			.uncaughtExceptionHandler((thread, ex) -> handled.add(ex))
			.build("decorated-failures")) {
			CompletableFuture<Object> future = pool.submit(() -> {
				throw boom;
			});
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
				.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(boom));
			pool.execute(() -> {
				throw boom;
			});
			pool.submit(() -> null).get(10, TimeUnit.SECONDS);
			assertThat(handled).containsExactly(boom);
			assertThat(pool.stats().counts().failed()).isEqualTo(2);
		}
	}

	@Test
	void shutdownNowStillReturnsTheRunnablesThatWerePassedIn() throws Exception {
		Gate gate = new Gate(1);
		GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.taskDecorator(this.propagating)
			.build("decorated-returned");
		pool.execute(gate.task());
		gate.awaitEntered();
		Runnable queued = () -> {
		};
		pool.execute(queued);
		assertThat(pool.shutdownNow()).containsExactly(queued);
		gate.open();
		PoolAssertions.assertTerminates(pool);
	}

}
