package io.gopool;

import java.util.concurrent.CompletableFuture;

/**
 * The future of a submitted task. Unlike a plain {@link CompletableFuture}, cancelling it
 * takes the task out of the queue (freeing its place) or, with
 * {@code mayInterruptIfRunning}, interrupts the worker running it.
 *
 * @param <T> the type of the task's result
 */
final class TaskFuture<T> extends CompletableFuture<T> {

	private final WorkerPool pool;

	private final CallableTask<T> task;

	TaskFuture(WorkerPool pool, CallableTask<T> task) {
		this.pool = pool;
		this.task = task;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		return this.pool.cancel(this.task, mayInterruptIfRunning) || isCancelled();
	}

	void completeCancelled() {
		super.cancel(false);
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		// Dependent stages are plain futures: cancelling them must not reach into the
		// pool.
		return new CompletableFuture<>();
	}

	@Override
	public String toString() {
		String state = super.toString();
		return this.task + state.substring(state.indexOf('['));
	}

}
