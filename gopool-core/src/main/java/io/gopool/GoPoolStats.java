package io.gopool;

/**
 * An immutable snapshot of a pool's state and counters, taken by {@link GoPool#stats()}.
 * <p>
 * Counters only grow. Every accepted task ends exactly once, so once a pool is quiet
 * {@code submitted == completed + failed + expired + cancelled + evicted + returned};
 * while tasks are queued or running, the difference is {@code queueSize} plus the tasks
 * being run. The snapshot is read without stopping the pool, so under load its fields may
 * be a few tasks apart.
 *
 * @param poolName the pool's name
 * @param workers the workers that exist now
 * @param idleWorkers the workers waiting for a task
 * @param busyWorkers the workers running a task
 * @param largestWorkers the most workers that ever existed at once
 * @param minWorkers the configured minimum number of workers
 * @param maxWorkers the configured maximum number of workers
 * @param queueSize the tasks waiting in the queue
 * @param queueCapacity the most tasks the queue holds
 * @param blockedSubmitters the submitters waiting for room under
 * {@link RejectionPolicy#BLOCK}
 * @param stuckTasks the running tasks reported stuck (see
 * {@link GoPoolBuilder#stuckThreshold}); zero without a stuck threshold
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
public record GoPoolStats(String poolName, int workers, int idleWorkers, int busyWorkers, int largestWorkers,
		int minWorkers, int maxWorkers, int queueSize, int queueCapacity, int blockedSubmitters, int stuckTasks,
		long submitted, long started, long completed, long failed, long rejected, long expired, long cancelled,
		long evicted, long returned, long totalWaitNanos, long totalRunNanos) {

	/**
	 * Returns the accepted tasks that have ended, in any outcome.
	 * @return the number of ended tasks
	 */
	public long finished() {
		return this.completed + this.failed + this.expired + this.cancelled + this.evicted + this.returned;
	}

}
