package io.gopool;

import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown, or held by a task's future, when a pool does not run a task because it is full
 * or shut down. The message is made from the fields: the pool, the task, the reason and
 * the pool's state at the moment of rejection, for example
 * {@code pool 'orders' rejected task checkout: the pool is full (state running, workers
 * 4/4, queue 100/100)}.
 */
public class TaskRejectedException extends RejectedExecutionException {

	private static final long serialVersionUID = 2L;

	private final String poolName;

	private final String taskName;

	private final String reason;

	private final String poolState;

	/**
	 * Creates an exception for a task the named pool did not take.
	 * @param poolName the pool that rejected the task
	 * @param taskName the task's name, or its type when it has none
	 * @param reason why, such as {@code the pool is full}
	 * @param poolState the pool's state, workers and queue at that moment
	 * @param cause what made the pool unable to take the task, or {@code null}
	 */
	public TaskRejectedException(String poolName, String taskName, String reason, String poolState,
			@Nullable Throwable cause) {
		super("pool '" + poolName + "' rejected task " + taskName + ": " + reason + " (" + poolState + ")", cause);
		this.poolName = poolName;
		this.taskName = taskName;
		this.reason = reason;
		this.poolState = poolState;
	}

	/**
	 * Returns the name of the pool that rejected the task.
	 * @return the pool name
	 */
	public String getPoolName() {
		return this.poolName;
	}

	/**
	 * Returns the rejected task's name, or its type when it has none.
	 * @return the task name
	 */
	public String getTaskName() {
		return this.taskName;
	}

	/**
	 * Returns why the pool did not take the task, such as {@code the pool is full} or
	 * {@code pool is shut down}.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Returns the pool's run state, workers and queue at the moment of rejection, such as
	 * {@code state running, workers 4/4, queue 100/100}.
	 * @return the pool's state
	 */
	public String getPoolState() {
		return this.poolState;
	}

}
