package io.gopool.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.gopool.GoPool;

/**
 * Assertions and waits shared by the core's and the starter's tests.
 */
public final class PoolAssertions {

	private PoolAssertions() {
	}

	/**
	 * Asserts that the pool terminates within ten seconds; if it does not, fails with the
	 * pool's state and the stacks of its worker threads, which is what a hang needs to be
	 * diagnosed.
	 * @param pool the pool, shut down
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void assertTerminates(GoPool pool) throws InterruptedException {
		if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
			throw new AssertionError("pool did not terminate: " + describe(pool));
		}
	}

	/**
	 * Returns the result of a future, or fails with the pool's state and its workers'
	 * stacks if it does not complete within ten seconds.
	 * @param <T> the type of the result
	 * @param pool the pool the task runs on
	 * @param future the task's future
	 * @return the result
	 * @throws InterruptedException if interrupted while waiting
	 * @throws ExecutionException if the task failed
	 */
	public static <T> T await(GoPool pool, Future<T> future) throws InterruptedException, ExecutionException {
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
	 * @param pool the pool
	 * @return the description
	 */
	public static String describe(GoPool pool) {
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

	/**
	 * Waits for a latch, keeping the interrupt status if interrupted: for tasks that hold
	 * a worker until a test lets them go.
	 * @param latch the latch
	 */
	public static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
