package io.gopool.spring;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.gopool.GoPool;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * A pool as Spring's {@link AsyncTaskExecutor}: what {@code gopool.application-executor}
 * puts behind Spring Boot's {@code applicationTaskExecutor}, so that plain
 * {@code @Async}, Spring MVC's async requests and WebSocket run on the pool. A task the
 * pool refuses is a Spring {@link TaskRejectedException} whose cause is GoPool's, as
 * Spring's executors report it.
 */
public final class GoPoolTaskExecutor implements AsyncTaskExecutor {

	private final GoPool pool;

	/**
	 * Creates an executor that hands every task to the pool.
	 * @param pool the pool
	 */
	public GoPoolTaskExecutor(GoPool pool) {
		this.pool = pool;
	}

	/**
	 * Returns the pool behind this executor.
	 * @return the pool
	 */
	public GoPool pool() {
		return this.pool;
	}

	@Override
	public void execute(Runnable task) {
		accepted(() -> {
			this.pool.execute(task);
			return null;
		});
	}

	@Override
	public Future<?> submit(Runnable task) {
		return accepted(() -> this.pool.submit(task));
	}

	@Override
	public <T> Future<T> submit(Callable<T> task) {
		return accepted(() -> this.pool.submit(task));
	}

	@Override
	@SuppressWarnings("unchecked")
	public CompletableFuture<Void> submitCompletable(Runnable task) {
		// The pool's future of a Runnable completes with null: a Void result.
		return accepted(() -> (CompletableFuture<Void>) this.pool.submit(task));
	}

	@Override
	public <T> CompletableFuture<T> submitCompletable(Callable<T> task) {
		return accepted(() -> this.pool.submit(task));
	}

	/** Hands a task to the pool, reporting a refusal as Spring's executors do. */
	private <T> T accepted(Supplier<T> submission) {
		try {
			return submission.get();
		}
		catch (RejectedExecutionException ex) {
			throw new TaskRejectedException("GoPool '" + this.pool.name() + "' did not accept the task", ex);
		}
	}

	@Override
	public String toString() {
		return "GoPoolTaskExecutor[" + this.pool.name() + "]";
	}

}
