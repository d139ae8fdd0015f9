package io.gopool;

/**
 * How an accepted task ended. Every task a pool accepts ends in exactly one outcome, and
 * each outcome has a counter in {@link TaskCounts}.
 */
public enum TaskOutcome {

	/**
	 * The task ran and returned normally.
	 */
	COMPLETED,

	/**
	 * The task ran and threw; the throwable is in its future, or went to the
	 * uncaught-exception handler for {@code execute}.
	 */
	FAILED,

	/**
	 * The task's deadline passed before a worker started it; it never ran and its future
	 * completed exceptionally with a {@link TaskExpiredException}.
	 */
	EXPIRED,

	/**
	 * The task's future was cancelled, before or while it ran.
	 */
	CANCELLED,

	/**
	 * The task was evicted from the queue by {@link RejectionPolicy#DISCARD_OLDEST}; it
	 * never ran and its future completed exceptionally with a
	 * {@link TaskRejectedException}.
	 */
	EVICTED,

	/**
	 * The task was still queued when {@link GoPool#shutdownNow()} ran and was returned by
	 * it; it never ran and its future was cancelled.
	 */
	RETURNED

}
