package io.gopool;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tasks that hold their worker until the test opens the gate, so a test can fill a pool
 * to an exact state without sleeping.
 */
final class Gate {

	private final CountDownLatch open = new CountDownLatch(1);

	private final CountDownLatch entered;

	Gate(int expectedEntries) {
		this.entered = new CountDownLatch(expectedEntries);
	}

	Runnable task() {
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

	void awaitEntered() throws InterruptedException {
		if (!this.entered.await(10, TimeUnit.SECONDS)) {
			throw new AssertionError("tasks did not start: " + this.entered.getCount() + " missing");
		}
	}

	void open() {
		this.open.countDown();
	}

}
