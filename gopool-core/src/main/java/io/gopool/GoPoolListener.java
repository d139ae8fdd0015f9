package io.gopool;

/**
 * Hears what happens to each task of a pool; the hook that metrics, tracing and
 * flight-recorder events hang on. Every method has an empty default, so a listener
 * overrides only what it needs.
 * <p>
 * A pool without listeners creates no events. Listener methods run on the thread where
 * the event happens (the submitter, a worker, the deadline timer) and must be quick and
 * must not block. An exception a listener throws goes to the pool's uncaught-exception
 * handler; the task is not affected.
 * <p>
 * For every task the pool accepts there is one {@link #taskSubmitted} and exactly one
 * {@link #taskFinished}; {@link #taskStarted} comes between them for tasks that start. A
 * task the pool does not accept gets only {@link #taskRejected}.
 */
public interface GoPoolListener {

	/**
	 * A task was accepted. The event may arrive after the task has already started.
	 * @param event the task
	 */
	default void taskSubmitted(TaskEvent.Submitted event) {
	}

	/**
	 * A task was not accepted: the pool was full or shut down.
	 * @param event the task, with the rejection
	 */
	default void taskRejected(TaskEvent.Rejected event) {
	}

	/**
	 * A worker (or, with {@link RejectionPolicy#CALLER_RUNS}, the submitter) started a
	 * task.
	 * @param event the task, with its queue wait
	 */
	default void taskStarted(TaskEvent.Started event) {
	}

	/**
	 * An accepted task ended.
	 * @param event the task, with its outcome, wait and run times
	 */
	default void taskFinished(TaskEvent.Finished event) {
	}

	/**
	 * A running task passed the pool's {@link GoPoolBuilder#stuckThreshold stuck
	 * threshold}; called once per task, on the monitor thread.
	 * @param task the task, with its worker's stack trace
	 */
	default void taskStuck(RunningTask task) {
	}

}
