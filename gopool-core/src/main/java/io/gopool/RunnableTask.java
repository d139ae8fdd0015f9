package io.gopool;

/**
 * A task given to {@code execute}: no future, failures go to the uncaught-exception
 * handler.
 */
final class RunnableTask extends Task {

	private final Runnable command;

	RunnableTask(Runnable command, int priority, String name, TaskCallback callback, long submittedAt, long deadline,
			boolean hasDeadline) {
		super(priority, name, callback, submittedAt, deadline, hasDeadline);
		this.command = command;
	}

	@Override
	Object call() {
		this.command.run();
		return null;
	}

	@Override
	boolean reportsFailure() {
		return true;
	}

	@Override
	void complete(Object result) {
	}

	@Override
	void completeExceptionally(Throwable failure) {
	}

	@Override
	void completeCancelled() {
	}

	@Override
	Runnable unstarted() {
		return this.command;
	}

	@Override
	public String toString() {
		return (this.name != null) ? this.name : this.command.toString();
	}

}
