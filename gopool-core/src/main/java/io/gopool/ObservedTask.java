package io.gopool;

import org.jspecify.annotations.Nullable;

/**
 * A task's {@link TaskObserver.Span} with the pool's reporter, so that what the observer
 * throws is contained where the span is called: in {@link Task}, which knows no reporter,
 * as well as in the pool.
 */
final class ObservedTask {

	private final TaskObserver.Span span;

	private final String poolName;

	private final TaskReporter reporter;

	private ObservedTask(TaskObserver.Span span, String poolName, TaskReporter reporter) {
		this.span = span;
		this.poolName = poolName;
		this.reporter = reporter;
	}

	/** Asks the observer for the task's span; {@code null} if it has none or threw. */
	static @Nullable ObservedTask of(TaskObserver observer, String poolName, Task task, TaskReporter reporter) {
		try {
			TaskObserver.Span span = observer.submitted(new TaskEvent.Submitted(poolName, task.name, task.priority));
			return (span != null) ? new ObservedTask(span, poolName, reporter) : null;
		}
		catch (Throwable ex) {
			reporter.uncaught(ex);
			return null;
		}
	}

	/** Called on the running thread, with the task's start time set. */
	TaskObserver.@Nullable Scope started(Task task) {
		try {
			return this.span.started(
					new TaskEvent.Started(this.poolName, task.name, task.priority, task.startedAt - task.submittedAt));
		}
		catch (Throwable ex) {
			this.reporter.uncaught(ex);
			return null;
		}
	}

	void close(TaskObserver.@Nullable Scope scope) {
		if (scope == null) {
			return;
		}
		try {
			scope.close();
		}
		catch (Throwable ex) {
			this.reporter.uncaught(ex);
		}
	}

	void finished(Task task, TaskOutcome outcome, long waitNanos, long runNanos, @Nullable Throwable failure) {
		try {
			this.span.finished(new TaskEvent.Finished(this.poolName, task.name, task.priority, outcome, waitNanos,
					runNanos, failure));
		}
		catch (Throwable ex) {
			this.reporter.uncaught(ex);
		}
	}

	void rejected(Task task, TaskRejectedException rejection) {
		try {
			this.span.rejected(new TaskEvent.Rejected(this.poolName, task.name, task.priority, rejection));
		}
		catch (Throwable ex) {
			this.reporter.uncaught(ex);
		}
	}

}
