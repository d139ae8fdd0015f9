package io.gopool;

/**
 * How much of a pool is in use at one moment, part of {@link GoPoolStats}: values that go
 * up and down, unlike the {@link TaskCounts}.
 *
 * @param workers the workers that exist now
 * @param idleWorkers the workers waiting for a task
 * @param busyWorkers the workers running a task
 * @param largestWorkers the most workers that ever existed at once
 * @param queueSize the tasks waiting in the queue, those waiting behind their key
 * included
 * @param blockedSubmitters the submitters waiting for room under
 * {@link RejectionPolicy#BLOCK}
 * @param stuckTasks the running tasks reported stuck (see
 * {@link GoPoolBuilder#stuckThreshold}); zero without a stuck threshold
 * @param waitingBehindKey of the queued tasks, those waiting for an earlier task of their
 * key to end ({@link TaskOptions#withKey})
 * @param activeGroups the task groups ({@link GoPool#newGroup}) with members that have
 * not ended
 */
public record GoPoolLevels(int workers, int idleWorkers, int busyWorkers, int largestWorkers, int queueSize,
		int blockedSubmitters, int stuckTasks, int waitingBehindKey, int activeGroups) {

}
