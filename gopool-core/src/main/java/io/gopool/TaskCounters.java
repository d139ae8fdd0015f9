package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts of the tasks one worker ran. Each worker writes only its own counters, so the
 * hot path takes no shared cache line; {@link GoPool#stats()} sums them. Writes are
 * opaque (plain stores on common hardware, never torn); the pool's retired-worker totals
 * are updated under its stats lock.
 */
final class TaskCounters {

	private static final VarHandle COMPLETED = VarHandles.find(MethodHandles.lookup(), "completed", long.class);

	private static final VarHandle FAILED = VarHandles.find(MethodHandles.lookup(), "failed", long.class);

	private static final VarHandle STARTED = VarHandles.find(MethodHandles.lookup(), "started", long.class);

	private static final VarHandle WAIT_NANOS = VarHandles.find(MethodHandles.lookup(), "waitNanos", long.class);

	private static final VarHandle RUN_NANOS = VarHandles.find(MethodHandles.lookup(), "runNanos", long.class);

	private static final VarHandle WAIT_COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

	/**
	 * Waits by {@link WaitHistogram#bucket}: 512 bytes a worker, one increment a task.
	 */
	private final long[] waitCounts = new long[WaitHistogram.BUCKETS];

	private long started;

	private long completed;

	private long failed;

	private long waitNanos;

	private long runNanos;

	void started(long wait) {
		STARTED.setOpaque(this, this.started + 1);
		WAIT_NANOS.setOpaque(this, this.waitNanos + wait);
		int bucket = WaitHistogram.bucket(wait);
		WAIT_COUNTS.setOpaque(this.waitCounts, bucket, this.waitCounts[bucket] + 1);
	}

	void finished(boolean succeeded, long run) {
		if (succeeded) {
			COMPLETED.setOpaque(this, this.completed + 1);
		}
		else {
			FAILED.setOpaque(this, this.failed + 1);
		}
		RUN_NANOS.setOpaque(this, this.runNanos + run);
	}

	/**
	 * A task cancelled while running still ran: its run time counts, its outcome is
	 * counted elsewhere.
	 */
	void ranCancelled(long run) {
		RUN_NANOS.setOpaque(this, this.runNanos + run);
	}

	long started() {
		return (long) STARTED.getOpaque(this);
	}

	long completed() {
		return (long) COMPLETED.getOpaque(this);
	}

	long failed() {
		return (long) FAILED.getOpaque(this);
	}

	long waitNanos() {
		return (long) WAIT_NANOS.getOpaque(this);
	}

	long runNanos() {
		return (long) RUN_NANOS.getOpaque(this);
	}

	/** Adds this worker's wait counts to the given bucket counts. */
	void addWaitCounts(long[] counts) {
		for (int i = 0; i < counts.length; i++) {
			counts[i] += (long) WAIT_COUNTS.getOpaque(this.waitCounts, i);
		}
	}

	/** Adds another's counts to these; callers hold the pool's stats lock. */
	void add(TaskCounters other) {
		for (int i = 0; i < this.waitCounts.length; i++) {
			WAIT_COUNTS.setOpaque(this.waitCounts, i,
					this.waitCounts[i] + (long) WAIT_COUNTS.getOpaque(other.waitCounts, i));
		}
		STARTED.setOpaque(this, this.started + other.started());
		COMPLETED.setOpaque(this, this.completed + other.completed());
		FAILED.setOpaque(this, this.failed + other.failed());
		WAIT_NANOS.setOpaque(this, this.waitNanos + other.waitNanos());
		RUN_NANOS.setOpaque(this, this.runNanos + other.runNanos());
	}

}
