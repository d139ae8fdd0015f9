package io.gopool;

/**
 * How a pool's task groups ended so far, part of {@link GoPoolStats}, one counter per
 * {@link GroupOutcome}: counters that only grow, so that the counts of an interval are
 * {@code later.since(earlier)}. Groups still in use are counted in
 * {@link GoPoolLevels#activeGroups()} instead.
 *
 * @param succeeded the groups whose members all completed
 * @param failed the groups a member's failure ended
 * @param expired the groups whose deadline passed first
 * @param cancelled the groups closed, without a join, while members had not ended
 */
public record GroupCounts(long succeeded, long failed, long expired, long cancelled) {

	/**
	 * Returns the groups that have ended, in any outcome.
	 * @return the number of ended groups
	 */
	public long ended() {
		return this.succeeded + this.failed + this.expired + this.cancelled;
	}

	/**
	 * Returns the count for one outcome.
	 * @param outcome the outcome
	 * @return how many groups ended so
	 */
	public long of(GroupOutcome outcome) {
		return switch (outcome) {
			case SUCCEEDED -> this.succeeded;
			case FAILED -> this.failed;
			case EXPIRED -> this.expired;
			case CANCELLED -> this.cancelled;
		};
	}

	/**
	 * Returns the counts between an earlier snapshot and this one.
	 * @param earlier counts taken before these, of the same pool
	 * @return what happened in between
	 */
	public GroupCounts since(GroupCounts earlier) {
		return new GroupCounts(this.succeeded - earlier.succeeded, this.failed - earlier.failed,
				this.expired - earlier.expired, this.cancelled - earlier.cancelled);
	}

}
