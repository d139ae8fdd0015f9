package io.gopool;

/**
 * Held by the future of a task whose deadline passed before a worker started it. The task
 * never ran.
 */
public class TaskExpiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String poolName;

	private final long overdueNanos;

	/**
	 * Creates an exception for a task that expired in the named pool.
	 * @param poolName the pool the task was submitted to
	 * @param message the detail message
	 * @param overdueNanos how long past its deadline the expiry was noticed, in
	 * nanoseconds
	 */
	public TaskExpiredException(String poolName, String message, long overdueNanos) {
		super(message);
		this.poolName = poolName;
		this.overdueNanos = overdueNanos;
	}

	/**
	 * Returns the name of the pool the task was submitted to.
	 * @return the pool name
	 */
	public String getPoolName() {
		return this.poolName;
	}

	/**
	 * Returns how long past its deadline the expiry was noticed.
	 * @return nanoseconds past the deadline, zero or more
	 */
	public long getOverdueNanos() {
		return this.overdueNanos;
	}

}
