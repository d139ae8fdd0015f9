package io.gopool;

/**
 * The kind of thread a pool's workers run on.
 */
public enum WorkerType {

	/**
	 * Platform threads named {@code gopool-<pool>-<n>}.
	 */
	PLATFORM,

	/**
	 * Virtual threads named {@code gopool-<pool>-<n>}; requires Java 21 or later. The
	 * pool still bounds how many run at once, which plain virtual-thread-per-task
	 * executors do not.
	 */
	VIRTUAL;

	static boolean virtualThreadsAvailable() {
		return Runtime.version().feature() >= 21;
	}

}
