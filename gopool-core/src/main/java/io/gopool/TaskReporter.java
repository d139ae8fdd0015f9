package io.gopool;

import java.util.List;

/**
 * Tells the world how a pool's tasks fare: listener events, completion callbacks, and
 * what tasks, callbacks and listeners throw. Events are created only when there are
 * listeners, and nothing a listener, callback or handler throws can reach a worker.
 */
final class TaskReporter {

	private final String poolName;

	/** {@code null} when there are no listeners, so that the hot path tests one field. */
	private final GoPoolListener[] listeners;

	private final Thread.UncaughtExceptionHandler uncaughtExceptionHandler;

	TaskReporter(String poolName, List<GoPoolListener> listeners, Thread.UncaughtExceptionHandler handler) {
		this.poolName = poolName;
		this.listeners = listeners.isEmpty() ? null : listeners.toArray(GoPoolListener[]::new);
		this.uncaughtExceptionHandler = handler;
	}

	boolean hasListeners() {
		return this.listeners != null;
	}

	void submitted(Task task) {
		if (this.listeners != null) {
			emit(EventKind.SUBMITTED, task, null, 0, 0, null);
		}
	}

	void rejected(Task task, TaskRejectedException rejection) {
		if (this.listeners != null) {
			emit(EventKind.REJECTED, task, null, 0, 0, rejection);
		}
	}

	void started(Task task, long waitNanos) {
		if (this.listeners != null) {
			emit(EventKind.STARTED, task, null, waitNanos, 0, null);
		}
	}

	void finished(Task task, TaskOutcome outcome, long waitNanos, long runNanos, Throwable failure) {
		if (this.listeners != null) {
			emit(EventKind.FINISHED, task, outcome, waitNanos, runNanos, failure);
		}
	}

	void stuck(RunningTask task) {
		if (this.listeners != null) {
			for (GoPoolListener listener : this.listeners) {
				try {
					listener.taskStuck(task);
				}
				catch (Throwable ex) {
					uncaught(ex);
				}
			}
		}
	}

	void callback(Task task, TaskOutcome outcome, Object result, Throwable failure) {
		if (task.callback != null) {
			try {
				task.callback.onComplete(outcome, result, failure);
			}
			catch (Throwable ex) {
				uncaught(ex);
			}
		}
	}

	/**
	 * Hands a throwable to the pool's handler or, without one, to the current thread's
	 * own handler; a handler that throws is contained.
	 */
	void uncaught(Throwable failure) {
		Thread thread = Thread.currentThread();
		Throwable toReport = failure;
		if (this.uncaughtExceptionHandler != null) {
			try {
				this.uncaughtExceptionHandler.uncaughtException(thread, failure);
				return;
			}
			catch (Throwable handlerFailure) {
				handlerFailure.addSuppressed(failure);
				toReport = handlerFailure;
			}
		}
		try {
			thread.getUncaughtExceptionHandler().uncaughtException(thread, toReport);
		}
		catch (Throwable ex) {
			// The thread's own handler failed too: there is nobody left to tell, and the
			// worker must survive.
		}
	}

	private void emit(EventKind kind, Task task, TaskOutcome outcome, long wait, long run, Throwable failure) {
		TaskEvent event = new TaskEvent(this.poolName, task.name, task.priority, outcome, wait, run, failure);
		for (GoPoolListener listener : this.listeners) {
			try {
				kind.deliver(listener, event);
			}
			catch (Throwable ex) {
				uncaught(ex);
			}
		}
	}

	/**
	 * The listener method each event goes to.
	 */
	private enum EventKind {

		SUBMITTED, REJECTED, STARTED, FINISHED;

		void deliver(GoPoolListener listener, TaskEvent event) {
			switch (this) {
				case SUBMITTED -> listener.taskSubmitted(event);
				case REJECTED -> listener.taskRejected(event);
				case STARTED -> listener.taskStarted(event);
				default -> listener.taskFinished(event);
			}
		}

	}

}
