package io.gopool;

import java.util.concurrent.TimeUnit;

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
		if (pool.awaitTermination(10, TimeUnit.SECONDS)) {
			return;
		}
		StringBuilder dump = new StringBuilder("pool did not terminate: " + pool + "\n" + pool.stats() + "\n");
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().startsWith("gopool-" + pool.name() + "-")) {
				dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				for (StackTraceElement element : stack) {
					dump.append("    at ").append(element).append('\n');
				}
			}
		});
		throw new AssertionError(dump.toString());
	}

}
