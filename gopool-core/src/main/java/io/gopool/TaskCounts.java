package io.gopool;

/**
 * What a pool's tasks have done so far, part of {@link GoPoolStats}: counters that only
 * grow, so that the counts of an interval are {@code later.since(earlier)}.
 * <p>
 * Every accepted task ends exactly once, so once a pool is quiet
 * {@code submitted == finished()}; while tasks are queued or running, the difference is
 * the queued tasks plus the tasks being run.
 *
 * @param submitted the tasks accepted
 * @param started the tasks that began to run
 * @param completed the tasks that ran and returned
 * @param failed the tasks that ran and threw
 * @param rejected the tasks not accepted (these are not part of {@code submitted})
 * @param expired the tasks whose deadline passed before they started
 * @param cancelled the tasks whose future was cancelled
 * @param evicted the tasks evicted by {@link RejectionPolicy#DISCARD_OLDEST}
 * @param returned the tasks returned by {@link GoPool#shutdownNow()}
 * @param totalWaitNanos the time started tasks spent between submission and start, summed
 * @param totalRunNanos the time finished tasks spent running, summed
 */
public record TaskCounts(long submitted, long started, long completed, long failed, long rejected, long expired,
		long cancelled, long evicted, long returned, long totalWaitNanos, long totalRunNanos) {

	/**
	 * Returns the accepted tasks that have ended, in any outcome.
	 * @return the number of ended tasks
	 */
	public long finished() {
		return this.completed + this.failed + this.expired + this.cancelled + this.evicted + this.returned;
	}

	/**
	 * Returns the counts between an earlier snapshot and this one, as
	 * {@link DurationHistogram#since} does for waits.
	 * @param earlier counts taken before these, of the same pool
	 * @return what happened in between
	 */
	public TaskCounts since(TaskCounts earlier) {
		return new TaskCounts(this.submitted - earlier.submitted, this.started - earlier.started,
				this.completed - earlier.completed, this.failed - earlier.failed, this.rejected - earlier.rejected,
				this.expired - earlier.expired, this.cancelled - earlier.cancelled, this.evicted - earlier.evicted,
				this.returned - earlier.returned, this.totalWaitNanos - earlier.totalWaitNanos,
				this.totalRunNanos - earlier.totalRunNanos);
	}

}
