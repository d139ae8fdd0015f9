package io.gopool.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tasks that hold their worker until the test opens the gate, so a test can fill a pool
 * to an exact state without sleeping.
 */
public final class Gate {

	private final CountDownLatch open = new CountDownLatch(1);

	private final CountDownLatch entered;

	/**
	 * Creates a gate for tasks of which the given number are expected to enter.
	 * @param expectedEntries how many tasks {@link #awaitEntered()} waits for
	 */
	public Gate(int expectedEntries) {
		this.entered = new CountDownLatch(expectedEntries);
	}

	/**
	 * Returns a task that enters the gate and waits until it opens.
	 * @return the task
	 */
	public Runnable task() {
		return () -> {
			this.entered.countDown();
			try {
				if (!this.open.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("gate never opened");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	/**
	 * Waits until the expected tasks have entered.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void awaitEntered() throws InterruptedException {
		if (!this.entered.await(10, TimeUnit.SECONDS)) {
			throw new AssertionError("tasks did not start: " + this.entered.getCount() + " missing");
		}
	}

	/** Lets every task through. */
	public void open() {
		this.open.countDown();
	}

}
