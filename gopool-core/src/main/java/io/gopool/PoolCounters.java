package io.gopool;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A pool's counters. Workers count the tasks they run in their own {@link TaskCounters},
 * so the hot path shares no counter but {@code submitted}; outcomes decided elsewhere
 * (rejection, expiry, cancellation, eviction, shutdown) are rare and go to adders here.
 * An exiting worker folds its counts in and leaves the worker set in one step, so a
 * snapshot never counts a worker twice or not at all.
 */
final class PoolCounters {

	final LongAdder submitted = new LongAdder();

	final LongAdder rejected = new LongAdder();

	final LongAdder expired = new LongAdder();

	final LongAdder cancelled = new LongAdder();

	final LongAdder evicted = new LongAdder();

	final LongAdder returned = new LongAdder();

	private final AtomicInteger largestWorkers = new AtomicInteger();

	/** Ended task groups, indexed by {@link GroupOutcome#ordinal()}. */
	private final LongAdder[] groups = Stream.generate(LongAdder::new)
		.limit(GroupOutcome.values().length)
		.toArray(LongAdder[]::new);

	/**
	 * Counts of exited workers and of tasks run outside workers; guarded by {@code this}.
	 */
	private final TaskCounters folded = new TaskCounters();

	void workerAdded(int workers) {
		this.largestWorkers.accumulateAndGet(workers, Math::max);
	}

	void groupEnded(GroupOutcome outcome) {
		this.groups[outcome.ordinal()].increment();
	}

	private long groupsEnded(GroupOutcome outcome) {
		return this.groups[outcome.ordinal()].sum();
	}

	/** Adds the counts of tasks run outside any worker (caller-runs, failed starts). */
	synchronized void fold(TaskCounters counters) {
		this.folded.add(counters);
	}

	synchronized void workerExited(Worker worker, Set<Worker> workers) {
		this.folded.add(worker.counters);
		workers.remove(worker);
	}

	synchronized DurationHistogram waitHistogram(Set<Worker> workers) {
		return histogram(workers, TaskCounters::addWaitCounts);
	}

	synchronized DurationHistogram runHistogram(Set<Worker> workers) {
		return histogram(workers, TaskCounters::addRunCounts);
	}

	private DurationHistogram histogram(Set<Worker> workers, BiConsumer<TaskCounters, long[]> addCounts) {
		long[] counts = new long[DurationHistogram.BUCKETS];
		addCounts.accept(this.folded, counts);
		for (Worker worker : workers) {
			addCounts.accept(worker.counters, counts);
		}
		return new DurationHistogram(counts);
	}

	synchronized GoPoolStats snapshot(String poolName, Set<Worker> workers, int workerCount, int queueSize,
			int blockedSubmitters, int stuckTasks, int waitingBehindKey, int activeGroups) {
		long started = this.folded.started();
		long completed = this.folded.completed();
		long failed = this.folded.failed();
		long waitNanos = this.folded.waitNanos();
		long runNanos = this.folded.runNanos();
		int idleWorkers = 0;
		int busyWorkers = 0;
		for (Worker worker : workers) {
			started += worker.counters.started();
			completed += worker.counters.completed();
			failed += worker.counters.failed();
			waitNanos += worker.counters.waitNanos();
			runNanos += worker.counters.runNanos();
			idleWorkers += worker.isIdle() ? 1 : 0;
			busyWorkers += (worker.current() != null) ? 1 : 0;
		}
		GoPoolLevels levels = new GoPoolLevels(workerCount, idleWorkers, busyWorkers, this.largestWorkers.get(),
				queueSize, blockedSubmitters, stuckTasks, waitingBehindKey, activeGroups);
		TaskCounts counts = new TaskCounts(this.submitted.sum(), started, completed, failed, this.rejected.sum(),
				this.expired.sum(), this.cancelled.sum(), this.evicted.sum(), this.returned.sum(), waitNanos, runNanos);
		GroupCounts groups = new GroupCounts(groupsEnded(GroupOutcome.SUCCEEDED), groupsEnded(GroupOutcome.FAILED),
				groupsEnded(GroupOutcome.EXPIRED), groupsEnded(GroupOutcome.CANCELLED));
		return new GoPoolStats(poolName, levels, counts, groups);
	}

}
