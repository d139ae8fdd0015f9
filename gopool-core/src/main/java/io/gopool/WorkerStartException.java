package io.gopool;

/**
 * Thrown by {@link GoPoolBuilder#build(String)} when the pool cannot start its minimum
 * workers: the thread factory returned {@code null} or threw, or the JVM could not create
 * a thread. The workers already started are stopped before it is thrown, so nothing is
 * left running. The cause is what the thread factory threw, or an
 * {@link IllegalStateException} if it returned {@code null}.
 * <p>
 * A running pool does not throw it: a task that needs a new worker which cannot be
 * started is queued if the pool has a live worker and room in its queue, and otherwise
 * rejected with a {@link TaskRejectedException} whose cause is this exception's cause.
 */
public class WorkerStartException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String poolName;

	/**
	 * Creates an exception for the named pool.
	 * @param poolName the pool that could not start a worker
	 * @param cause what the thread factory threw, or why its thread was unusable
	 */
	public WorkerStartException(String poolName, Throwable cause) {
		super("could not start a worker for pool '" + poolName + "': " + cause, cause);
		this.poolName = poolName;
	}

	/**
	 * Returns the name of the pool that could not start a worker.
	 * @return the pool name
	 */
	public String getPoolName() {
		return this.poolName;
	}

}
