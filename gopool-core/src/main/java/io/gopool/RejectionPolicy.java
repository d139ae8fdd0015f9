package io.gopool;

/**
 * What a pool does with a task when every worker is busy, no further worker may start and
 * the queue is full. Queued tasks whose deadline has passed are purged first, so they
 * never cause a rejection.
 */
public enum RejectionPolicy {

	/**
	 * Throw a {@link TaskRejectedException} naming the pool and its state.
	 */
	ABORT,

	/**
	 * Run the task on the submitting thread, which slows the submitter down to the pool's
	 * pace. A pool that is shut down rejects instead.
	 */
	CALLER_RUNS,

	/**
	 * Drop the new task. {@code execute} returns normally; the future returned by
	 * {@code submit} completes exceptionally with a {@link TaskRejectedException}, so a
	 * waiter never hangs. The {@code rejected} counter still moves.
	 */
	DISCARD,

	/**
	 * Evict the oldest task of the least urgent queued priority level to make room. The
	 * evicted task's future completes exceptionally with a {@link TaskRejectedException}
	 * and it is counted as {@link TaskOutcome#EVICTED}. With a queue capacity of zero
	 * there is nothing to evict and the new task is rejected as with {@link #ABORT}.
	 */
	DISCARD_OLDEST,

	/**
	 * Make the submitter wait for room, up to the pool's block timeout, with at most the
	 * pool's maximum number of blocked submitters; past either limit, or when the pool
	 * shuts down, the task is rejected as with {@link #ABORT}.
	 */
	BLOCK

}
