package io.gopool;

import java.util.Locale;

/**
 * Held by the future of a task whose deadline passed before a worker started it. The task
 * never ran. The message is made from the fields, for example {@code task report in pool
 * 'reports' expired before it started (12.5 ms past its deadline)}.
 */
public class TaskExpiredException extends RuntimeException {

	private static final long serialVersionUID = 2L;

	private final String poolName;

	private final String taskName;

	private final long overdueNanos;

	/**
	 * Creates an exception for a task that expired in the named pool.
	 * @param poolName the pool the task was submitted to
	 * @param taskName the task's name, or its type when it has none
	 * @param overdueNanos how long past its deadline the expiry was noticed, in
	 * nanoseconds, zero or more
	 */
	public TaskExpiredException(String poolName, String taskName, long overdueNanos) {
		super("task " + taskName + " in pool '" + poolName + "' expired before it started ("
				+ String.format(Locale.ROOT, "%.1f", overdueNanos / 1e6) + " ms past its deadline)");
		this.poolName = poolName;
		this.taskName = taskName;
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
	 * Returns the expired task's name, or its type when it has none.
	 * @return the task name
	 */
	public String getTaskName() {
		return this.taskName;
	}

	/**
	 * Returns how long past its deadline the expiry was noticed.
	 * @return nanoseconds past the deadline, zero or more
	 */
	public long getOverdueNanos() {
		return this.overdueNanos;
	}

}
