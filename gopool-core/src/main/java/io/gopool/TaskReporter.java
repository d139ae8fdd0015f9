package io.gopool;

import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Tells the world how a pool's tasks fare: listener events, flight-recorder events
 * ({@link JfrEvents}), completion callbacks, and what tasks, callbacks and listeners
 * throw. Listener events are created only when there are listeners, flight-recorder
 * events only while a recording enables them, and nothing a listener, callback or handler
 * throws can reach a worker.
 */
final class TaskReporter {

	/**
	 * Whether the runtime has the flight recorder; a trimmed runtime image may not, and
	 * then no event class is ever touched.
	 */
	private static final boolean FLIGHT_RECORDER = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

	private final String poolName;

	/** {@code null} when there are no listeners, so that the hot path tests one field. */
	private final GoPoolListener @Nullable [] listeners;

	private final Thread.@Nullable UncaughtExceptionHandler uncaughtExceptionHandler;

	TaskReporter(String poolName, List<GoPoolListener> listeners, Thread.UncaughtExceptionHandler handler) {
		this.poolName = poolName;
		this.listeners = listeners.isEmpty() ? null : listeners.toArray(GoPoolListener[]::new);
		this.uncaughtExceptionHandler = handler;
	}

	void submitted(Task task) {
		if (this.listeners != null) {
			emit(new TaskEvent.Submitted(this.poolName, task.name, task.priority), GoPoolListener::taskSubmitted);
		}
	}

	/**
	 * Takes the queue rather than its size: reading the size costs only when recorded.
	 */
	void queued(Task task, TaskQueue queue) {
		if (FLIGHT_RECORDER) {
			JfrEvents.queued(this.poolName, task, queue);
		}
	}

	void rejected(Task task, String reason, TaskRejectedException rejection) {
		if (task.observed != null) {
			task.observed.rejected(task, rejection);
		}
		if (this.listeners != null) {
			emit(new TaskEvent.Rejected(this.poolName, task.name, task.priority, rejection),
					GoPoolListener::taskRejected);
		}
		if (FLIGHT_RECORDER) {
			JfrEvents.rejected(this.poolName, task, reason);
		}
	}

	void started(Task task, long waitNanos) {
		if (this.listeners != null) {
			emit(new TaskEvent.Started(this.poolName, task.name, task.priority, waitNanos),
					GoPoolListener::taskStarted);
		}
		if (FLIGHT_RECORDER) {
			JfrEvents.started(this.poolName, task, waitNanos);
		}
	}

	/**
	 * Starts the flight-recorder span of a task's run; {@code null} unless a recording
	 * wants it.
	 */
	JfrEvents.TaskFinished runStarting() {
		return FLIGHT_RECORDER ? JfrEvents.beginRun() : null;
	}

	/** Ends the span started by {@link #runStarting()}. */
	void runEnded(JfrEvents.TaskFinished span, Task task, TaskOutcome outcome, long waitNanos) {
		if (span != null) {
			JfrEvents.endRun(span, this.poolName, task, outcome, waitNanos);
		}
	}

	/**
	 * Ends an accepted task's span, if it is observed: before its callback runs and its
	 * future completes, so that whoever waits for the task finds the span ended.
	 */
	void ended(Task task, TaskOutcome outcome, long waitNanos, long runNanos, @Nullable Throwable failure) {
		if (task.observed != null) {
			task.observed.finished(task, outcome, waitNanos, runNanos, failure);
		}
	}

	void finished(Task task, TaskOutcome outcome, long waitNanos, long runNanos, Throwable failure) {
		if (this.listeners != null) {
			emit(new TaskEvent.Finished(this.poolName, task.name, task.priority, outcome, waitNanos, runNanos, failure),
					GoPoolListener::taskFinished);
		}
		if (FLIGHT_RECORDER) {
			if (outcome == TaskOutcome.FAILED) {
				JfrEvents.failed(this.poolName, task, failure);
			}
			else if (outcome == TaskOutcome.EXPIRED) {
				JfrEvents.expired(this.poolName, task, waitNanos, failure);
			}
		}
	}

	void resized(int oldMin, int oldMax, int newMin, int newMax) {
		if (FLIGHT_RECORDER) {
			JfrEvents.resized(this.poolName, oldMin, oldMax, newMin, newMax);
		}
	}

	void stuck(RunningTask task, @Nullable String group) {
		if (FLIGHT_RECORDER) {
			JfrEvents.stuck(task, group);
		}
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

	private <E extends TaskEvent> void emit(E event, BiConsumer<GoPoolListener, E> delivery) {
		for (GoPoolListener listener : this.listeners) {
			try {
				delivery.accept(listener, event);
			}
			catch (Throwable ex) {
				uncaught(ex);
			}
		}
	}

}
