package io.gopool.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code gopool.task} observation of one task knows: the pool, the task's name
 * and priority, and once they are known its queue wait, run time and outcome.
 */
public final class GoPoolTaskContext extends Observation.Context {

	private final String poolName;

	private final @Nullable String taskName;

	private final int priority;

	private volatile @Nullable String outcome;

	private volatile long waitNanos;

	private volatile long runNanos;

	GoPoolTaskContext(String poolName, @Nullable String taskName, int priority) {
		this.poolName = poolName;
		this.taskName = taskName;
		this.priority = priority;
	}

	/**
	 * Returns the name of the pool that was given the task.
	 * @return the pool's name
	 */
	public String getPoolName() {
		return this.poolName;
	}

	/**
	 * Returns the task's name, from {@code TaskOptions.withName} or {@code @GoAsync}.
	 * @return the name, or {@code null} if the task has none
	 */
	public @Nullable String getTaskName() {
		return this.taskName;
	}

	/**
	 * Returns the task's priority.
	 * @return the priority
	 */
	public int getPriority() {
		return this.priority;
	}

	/**
	 * Returns how the task ended: {@code completed}, {@code failed}, {@code expired},
	 * {@code cancelled}, {@code evicted}, {@code returned} or {@code rejected}.
	 * @return the outcome, or {@code null} while the task has not ended
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Returns how long the task waited between submission and start (or its end, if it
	 * never started).
	 * @return the wait in nanoseconds; zero until known
	 */
	public long getWaitNanos() {
		return this.waitNanos;
	}

	/**
	 * Returns how long the task ran.
	 * @return the run time in nanoseconds; zero unless it ran
	 */
	public long getRunNanos() {
		return this.runNanos;
	}

	void started(long waitNanos) {
		this.waitNanos = waitNanos;
	}

	void ended(String outcome, long waitNanos, long runNanos) {
		this.outcome = outcome;
		this.waitNanos = waitNanos;
		this.runNanos = runNanos;
	}

}
