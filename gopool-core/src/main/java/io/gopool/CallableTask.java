package io.gopool;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * A task given to {@code submit}: its ending completes a {@link TaskFuture}.
 *
 * @param <T> the type of the task's result
 */
final class CallableTask<T> extends Task implements Runnable {

	final TaskFuture<T> future;

	private final Callable<T> callable;

	CallableTask(WorkerPool pool, Callable<T> callable, int priority, String name, TaskCallback callback,
			long submittedAt, long deadline, boolean hasDeadline) {
		super(priority, name, callback, submittedAt, deadline, hasDeadline);
		this.callable = callable;
		this.future = new TaskFuture<>(pool, this);
	}

	@Override
	Object call() throws Exception {
		return this.callable.call();
	}

	@Override
	@Nullable String group() {
		return (this.callable instanceof GroupMember member) ? member.groupName() : null;
	}

	@Override
	boolean reportsFailure() {
		return false;
	}

	@Override
	@SuppressWarnings("unchecked")
	void complete(Object result) {
		this.future.complete((T) result);
	}

	@Override
	void completeExceptionally(Throwable failure) {
		this.future.completeExceptionally(failure);
	}

	@Override
	void completeCancelled() {
		this.future.completeCancelled();
	}

	@Override
	Runnable unstarted() {
		return this;
	}

	/**
	 * Runs nothing: a task returned by {@code shutdownNow()} has had its future
	 * cancelled.
	 */
	@Override
	public void run() {
	}

	@Override
	public String toString() {
		return (this.name != null) ? this.name : this.callable.toString();
	}

}
