package io.gopool;

import org.jspecify.annotations.Nullable;

/**
 * Follows each task of a pool from its submission to its ending, with the task's
 * identity: the seam a tracer needs to give every task a span that covers its queue wait
 * and its run (the Spring Boot starter's Micrometer Observation support is one). A
 * {@link GoPoolListener} hears events of all tasks; an observer returns per-task state, a
 * {@link Span}, when a task is submitted, and gets the task's start and ending on it.
 * <p>
 * For each task, in this order:
 * <ol>
 * <li>{@link #submitted} on the submitting thread, before the pool decides where the task
 * goes (and before a {@link TaskDecorator} wraps it), so the span can take the
 * submitter's context as its parent;</li>
 * <li>if the task runs, {@link Span#started} on the thread that runs it, just before the
 * task's code and inside the decorator's context; the {@link Scope} it returns is closed
 * on that thread as soon as the task's code returns or throws, so that nothing of one
 * task's context stays on the worker for its next task;</li>
 * <li>exactly one of {@link Span#finished} (an accepted task ended, whatever its outcome,
 * on whichever thread ended it, before its callback runs and its future completes; a task
 * cancelled while running ends its span when its code returns) or {@link Span#rejected}
 * (the pool did not accept it).</li>
 * </ol>
 * Calls for one task are ordered (each happens before the next); calls for different
 * tasks run concurrently. What an observer throws goes to the pool's uncaught-exception
 * handler and never to a worker or a submitter; a task whose {@code submitted} call
 * threw, or returned {@code null}, is not observed. A pool without an observer pays one
 * {@code null} test per submission, run and ending.
 *
 * @see GoPoolBuilder#taskObserver(TaskObserver)
 */
@FunctionalInterface
public interface TaskObserver {

	/**
	 * Called on the submitting thread when a task is handed to the pool, before the pool
	 * accepts or rejects it.
	 * @param task the pool's and the task's name and the task's priority
	 * @return the task's span, or {@code null} to leave the task unobserved
	 */
	@Nullable Span submitted(TaskEvent.Submitted task);

	/**
	 * One observed task, from submission to its ending.
	 */
	interface Span {

		/**
		 * Called on the thread that runs the task, just before its code.
		 * @param event the task's start, with its queue wait
		 * @return what to close when the task's code has returned or thrown
		 */
		Scope started(TaskEvent.Started event);

		/**
		 * Called once when an accepted task ended, whatever the outcome.
		 * @param event the task's ending
		 */
		void finished(TaskEvent.Finished event);

		/**
		 * Called instead of {@link #finished} when the pool did not accept the task.
		 * @param event the rejection
		 */
		void rejected(TaskEvent.Rejected event);

	}

	/**
	 * What a {@link Span} holds open on the running thread while the task's code runs.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/** Closes the scope; must not throw checked exceptions. */
		@Override
		void close();

	}

}
