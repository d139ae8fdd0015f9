package io.gopool.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual-thread executors, reached reflectively because the module compiles for Java 17;
 * the benchmarks that use them run on Java 21+.
 */
final class VirtualThreads {

	private VirtualThreads() {
	}

	static ExecutorService perTaskExecutor() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new UnsupportedOperationException("virtual threads need Java 21 or later", ex);
		}
	}

}
