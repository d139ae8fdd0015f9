package io.gopool;

import java.util.concurrent.RejectedExecutionException;

/**
 * Thrown, or held by a task's future, when a pool does not run a task because it is full
 * or shut down. The message names the pool and its state at the moment of rejection.
 */
public class TaskRejectedException extends RejectedExecutionException {

	private static final long serialVersionUID = 1L;

	private final String poolName;

	/**
	 * Creates an exception for the named pool.
	 * @param poolName the pool that rejected the task
	 * @param message the detail message, naming the pool and its state
	 * @param cause what made the pool unable to take the task, or {@code null}
	 */
	public TaskRejectedException(String poolName, String message, Throwable cause) {
		super(message, cause);
		this.poolName = poolName;
	}

	/**
	 * Returns the name of the pool that rejected the task.
	 * @return the pool name
	 */
	public String getPoolName() {
		return this.poolName;
	}

}
