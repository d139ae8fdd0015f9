package io.gopool;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link GoPoolListener} is told about one task: one type per event, each with the
 * fields that event has. Events are created only when a listener is set. On Java 21 and
 * later a listener that handles events in one place can switch over the four types.
 */
public sealed interface TaskEvent
		permits TaskEvent.Submitted, TaskEvent.Rejected, TaskEvent.Started, TaskEvent.Finished {

	/**
	 * Returns the name of the pool the task was given to.
	 * @return the pool's name
	 */
	String poolName();

	/**
	 * Returns the name from {@link TaskOptions#withName(String)}.
	 * @return the task's name, or {@code null} if it has none
	 */
	@Nullable String taskName();

	/**
	 * Returns the task's priority.
	 * @return the priority, from {@link TaskOptions#MOST_URGENT} to
	 * {@link TaskOptions#LEAST_URGENT}
	 */
	int priority();

	/**
	 * The pool accepted a task ({@link GoPoolListener#taskSubmitted}).
	 *
	 * @param poolName the pool's name
	 * @param taskName the task's name, or {@code null}
	 * @param priority the task's priority
	 */
	record Submitted(String poolName, @Nullable String taskName, int priority) implements TaskEvent {
	}

	/**
	 * The pool did not accept a task ({@link GoPoolListener#taskRejected}).
	 *
	 * @param poolName the pool's name
	 * @param taskName the task's name, or {@code null}
	 * @param priority the task's priority
	 * @param rejection the exception the submitter gets (or the task's future holds),
	 * with the reason
	 */
	record Rejected(String poolName, @Nullable String taskName, int priority,
			TaskRejectedException rejection) implements TaskEvent {
	}

	/**
	 * A task started ({@link GoPoolListener#taskStarted}).
	 *
	 * @param poolName the pool's name
	 * @param taskName the task's name, or {@code null}
	 * @param priority the task's priority
	 * @param waitNanos time from submission to start
	 */
	record Started(String poolName, @Nullable String taskName, int priority, long waitNanos) implements TaskEvent {
	}

	/**
	 * An accepted task ended ({@link GoPoolListener#taskFinished}).
	 *
	 * @param poolName the pool's name
	 * @param taskName the task's name, or {@code null}
	 * @param priority the task's priority
	 * @param outcome how the task ended
	 * @param waitNanos time from submission to start, or to the end for a task that never
	 * started
	 * @param runNanos time spent running; zero unless the task ran
	 * @param failure what the task threw, or the exception its future holds (expired,
	 * cancelled); {@code null} for a completed task
	 */
	record Finished(String poolName, @Nullable String taskName, int priority, TaskOutcome outcome, long waitNanos,
			long runNanos, @Nullable Throwable failure) implements TaskEvent {
	}

}
