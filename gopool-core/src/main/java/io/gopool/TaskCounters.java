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

	private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(long[].class);

	/**
	 * Waits by {@link DurationHistogram#bucket}: 512 bytes a worker, one increment a
	 * task.
	 */
	private final long[] waitCounts = new long[DurationHistogram.BUCKETS];

	/** Run times by {@link DurationHistogram#bucket}, as the waits. */
	private final long[] runCounts = new long[DurationHistogram.BUCKETS];

	private long started;

	private long completed;

	private long failed;

	private long waitNanos;

	private long runNanos;

	void started(long wait) {
		STARTED.setOpaque(this, this.started + 1);
		WAIT_NANOS.setOpaque(this, this.waitNanos + wait);
		count(this.waitCounts, wait);
	}

	void finished(boolean succeeded, long run) {
		if (succeeded) {
			COMPLETED.setOpaque(this, this.completed + 1);
		}
		else {
			FAILED.setOpaque(this, this.failed + 1);
		}
		RUN_NANOS.setOpaque(this, this.runNanos + run);
		count(this.runCounts, run);
	}

	/**
	 * A task cancelled while running still ran: its run time counts, its outcome is
	 * counted elsewhere.
	 */
	void ranCancelled(long run) {
		RUN_NANOS.setOpaque(this, this.runNanos + run);
		count(this.runCounts, run);
	}

	private static void count(long[] counts, long nanos) {
		int bucket = DurationHistogram.bucket(nanos);
		BUCKET.setOpaque(counts, bucket, counts[bucket] + 1);
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
		addTo(counts, this.waitCounts);
	}

	/** Adds this worker's run-time counts to the given bucket counts. */
	void addRunCounts(long[] counts) {
		addTo(counts, this.runCounts);
	}

	private static void addTo(long[] sums, long[] counts) {
		for (int i = 0; i < sums.length; i++) {
			sums[i] += (long) BUCKET.getOpaque(counts, i);
		}
	}

	/** Adds another's counts to these; callers hold the pool's stats lock. */
	void add(TaskCounters other) {
		for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
			BUCKET.setOpaque(this.waitCounts, i, this.waitCounts[i] + (long) BUCKET.getOpaque(other.waitCounts, i));
			BUCKET.setOpaque(this.runCounts, i, this.runCounts[i] + (long) BUCKET.getOpaque(other.runCounts, i));
		}
		STARTED.setOpaque(this, this.started + other.started());
		COMPLETED.setOpaque(this, this.completed + other.completed());
		FAILED.setOpaque(this, this.failed + other.failed());
		WAIT_NANOS.setOpaque(this, this.waitNanos + other.waitNanos());
		RUN_NANOS.setOpaque(this, this.runNanos + other.runNanos());
	}

}
