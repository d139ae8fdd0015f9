package io.gopool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where submitters wait under {@link RejectionPolicy#BLOCK}. The pool calls
 * {@link #signal()} on every event that may make room (a queued task leaves, a worker
 * goes idle or retires, a retune, a shutdown); that costs one volatile read while nobody
 * waits.
 * <p>
 * A waiter registers itself, then checks for room under the lock before it sleeps; a
 * signaller first makes room, then checks for waiters. One of the two sees the other, so
 * no wake-up is lost.
 */
final class BlockedSubmitters {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition roomMayExist = this.lock.newCondition();

	private volatile int waiting;

	private final int maxWaiting;

	BlockedSubmitters(int maxWaiting) {
		this.maxWaiting = maxWaiting;
	}

	/**
	 * Waits until {@code mayProceed} holds or the deadline passes.
	 * @return {@code false} if the caller must give up: too many waiters or the deadline
	 * passed
	 */
	boolean await(BooleanSupplier mayProceed, long deadlineNanos) throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			if (this.waiting >= this.maxWaiting) {
				return false;
			}
			this.waiting++;
			try {
				while (!mayProceed.getAsBoolean()) {
					long remaining = deadlineNanos - System.nanoTime();
					if (remaining <= 0) {
						return false;
					}
					this.roomMayExist.await(remaining, TimeUnit.NANOSECONDS);
				}
				return true;
			}
			finally {
				this.waiting--;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	void signal() {
		if (this.waiting > 0) {
			this.lock.lock();
			try {
				this.roomMayExist.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	int waiting() {
		return this.waiting;
	}

}
