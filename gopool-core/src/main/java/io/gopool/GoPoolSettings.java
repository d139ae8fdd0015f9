package io.gopool;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a pool's configuration, taken by {@link GoPool#settings()}; the tunable
 * values are the current ones.
 *
 * @param minWorkers the minimum number of workers
 * @param maxWorkers the maximum number of workers
 * @param keepAlive how long a worker above the minimum stays idle before it retires
 * @param queueCapacity the most tasks the queue holds
 * @param rejectionPolicy what happens to a task when the pool is full
 * @param workerType the kind of thread the workers run on ({@link WorkerType#PLATFORM}
 * also for a custom thread factory)
 * @param defaultPriority the priority of tasks submitted without one
 * @param defaultDeadline the deadline of tasks submitted without one, or {@code null} for
 * none
 * @param blockTimeout how long a submitter waits for room under
 * {@link RejectionPolicy#BLOCK}
 * @param maxBlockedSubmitters how many submitters may wait at once under
 * {@link RejectionPolicy#BLOCK}
 * @param stuckThreshold how long a task may run before it is reported stuck, or
 * {@code null} for no stuck-task monitoring
 * @param interruptStuckTasks whether stuck tasks are interrupted when reported
 * @param maxExtraWorkers how many workers above the maximum the pool may start while all
 * its workers are stuck
 */
public record GoPoolSettings(int minWorkers, int maxWorkers, Duration keepAlive, int queueCapacity,
		RejectionPolicy rejectionPolicy, WorkerType workerType, int defaultPriority, @Nullable Duration defaultDeadline,
		Duration blockTimeout, int maxBlockedSubmitters, @Nullable Duration stuckThreshold, boolean interruptStuckTasks,
		int maxExtraWorkers) {

	/** These settings with the tunable values replaced by the given, current ones. */
	GoPoolSettings tuned(int minWorkers, int maxWorkers, Duration keepAlive, int queueCapacity) {
		return new GoPoolSettings(minWorkers, maxWorkers, keepAlive, queueCapacity, this.rejectionPolicy,
				this.workerType, this.defaultPriority, this.defaultDeadline, this.blockTimeout,
				this.maxBlockedSubmitters, this.stuckThreshold, this.interruptStuckTasks, this.maxExtraWorkers);
	}

}
