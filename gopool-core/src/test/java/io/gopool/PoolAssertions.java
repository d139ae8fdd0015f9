package io.gopool;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Assertions shared by the pool tests.
 */
final class PoolAssertions {

	private PoolAssertions() {
	}

	/**
	 * Asserts that the pool terminates within ten seconds; if it does not, fails with the
	 * pool's state and the stacks of its worker threads, which is what a hang needs to be
	 * diagnosed.
	 */
	static void assertTerminates(GoPool pool) throws InterruptedException {
		if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
			throw new AssertionError("pool did not terminate: " + describe(pool));
		}
	}

	/**
	 * Returns the result of a future, or fails with the pool's state and its workers'
	 * stacks if it does not complete within ten seconds.
	 */
	static <T> T await(GoPool pool, Future<T> future) throws InterruptedException, ExecutionException {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("task did not complete: " + describe(pool), ex);
		}
	}

	/**
	 * The pool's state and the stacks of its worker threads: what a hang needs to be
	 * diagnosed.
	 */
	static String describe(GoPool pool) {
		StringBuilder dump = new StringBuilder(pool + "\n" + pool.stats() + "\n");
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().startsWith("gopool-" + pool.name() + "-")) {
				dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				for (StackTraceElement element : stack) {
					dump.append("    at ").append(element).append('\n');
				}
			}
		});
		return dump.toString();
	}

}
