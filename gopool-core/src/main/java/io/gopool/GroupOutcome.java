package io.gopool;

/**
 * How a {@link TaskGroup} ended: decided once, by the first {@link TaskGroup#join()} or
 * {@link TaskGroup#close()} that finds every member ended, and counted in
 * {@link GroupCounts}. A group that is neither joined nor closed never ends (use it in a
 * try-with-resources block).
 */
public enum GroupOutcome {

	/**
	 * Every member completed; {@code join} returned their results.
	 */
	SUCCEEDED,

	/**
	 * A member failed (it threw, expired on its own deadline, was cancelled by its
	 * submitter, or was refused by the pool); {@code join} threw a
	 * {@link TaskGroupException} with that failure.
	 */
	FAILED,

	/**
	 * The group's deadline ({@link GroupOptions#withDeadline}) passed before every member
	 * ended; {@code join} threw a {@link TaskGroupException} caused by a
	 * {@link java.util.concurrent.TimeoutException}.
	 */
	EXPIRED,

	/**
	 * The group was closed without a join while members had not ended, and the close
	 * stopped them.
	 */
	CANCELLED

}
