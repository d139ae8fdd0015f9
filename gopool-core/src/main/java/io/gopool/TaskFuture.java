package io.gopool;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RunnableFuture;

/**
 * The future of a submitted task. Unlike a plain {@link CompletableFuture}, cancelling it
 * takes the task out of the queue (freeing its place) or, with
 * {@code mayInterruptIfRunning}, interrupts the worker running it. It is a
 * {@link RunnableFuture} so that {@code invokeAll} and {@code invokeAny} route through
 * the pool's own tasks.
 */
final class TaskFuture<T> extends CompletableFuture<T> implements RunnableFuture<T> {

	private final WorkerPool pool;

	private final CallableTask<T> task;

	TaskFuture(WorkerPool pool, CallableTask<T> task) {
		this.pool = pool;
		this.task = task;
	}

	CallableTask<T> task() {
		return this.task;
	}

	WorkerPool pool() {
		return this.pool;
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		return this.pool.cancel(this.task, mayInterruptIfRunning) || isCancelled();
	}

	void completeCancelled() {
		super.cancel(false);
	}

	/**
	 * Does nothing: the pool runs the task. Present because {@code invokeAll} and
	 * {@code invokeAny} hand this future to {@code execute}, which recognises it.
	 */
	@Override
	public void run() {
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		// Dependent stages are plain futures: cancelling them must not reach into the
		// pool.
		return new CompletableFuture<>();
	}

	@Override
	public String toString() {
		return this.task + super.toString().substring(super.toString().indexOf('['));
	}

}
