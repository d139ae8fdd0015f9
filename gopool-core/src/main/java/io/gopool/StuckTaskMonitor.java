package io.gopool;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool's part of the sysmon (see {@link Sysmon}): finds tasks that have been running
 * longer than the stuck threshold, reports each once, optionally interrupts it, and
 * performs Go's hand-off.
 * <p>
 * Hand-off: in Go, when a thread blocks in a system call, its processor is handed to
 * another thread so that runnable goroutines keep running. Here, when every worker is
 * running a stuck task while tasks wait in the queue, the pool may start up to
 * {@code maxExtraWorkers} workers above its maximum, never more than there are stuck
 * tasks. Each stuck task that ends takes one of those places back, and the surplus
 * workers retire as they would after a resize.
 * <p>
 * A task's watch state (see {@link Task#markStuck()}) decides, by CAS, whether it ended
 * before or after it was found stuck, so the stuck count is exact and an interrupt never
 * reaches a task other than the stuck one.
 */
final class StuckTaskMonitor {

	private final long thresholdNanos;

	private final boolean interrupt;

	private final int maxExtraWorkers;

	private final AtomicInteger stuck = new AtomicInteger();

	/**
	 * How many workers above its maximum the pool may run now: at most
	 * {@code maxExtraWorkers}, and no more than there are stuck tasks.
	 */
	private final AtomicInteger extraWorkers = new AtomicInteger();

	StuckTaskMonitor(long thresholdNanos, boolean interrupt, int maxExtraWorkers) {
		this.thresholdNanos = thresholdNanos;
		this.interrupt = interrupt;
		this.maxExtraWorkers = maxExtraWorkers;
	}

	long thresholdNanos() {
		return this.thresholdNanos;
	}

	int stuckTasks() {
		return this.stuck.get();
	}

	int extraWorkers() {
		return this.extraWorkers.get();
	}

	/** Called by a worker when its task ended, before it takes the next. */
	void taskEnded(Task task) {
		if (task.unwatch()) {
			int stuckNow = this.stuck.decrementAndGet();
			this.extraWorkers.updateAndGet((extra) -> Math.min(extra, stuckNow));
		}
	}

	/**
	 * Looks at every worker's task once; called by the sysmon thread.
	 * @return whether the pool should start workers for its queue (hand-off)
	 */
	boolean scan(WorkerPool pool, Collection<Worker> workers, long now, TaskReporter reporter) {
		for (Worker worker : workers) {
			Task task = worker.current();
			if (task != null && now - task.startedAt >= this.thresholdNanos && task.markStuck()) {
				this.stuck.incrementAndGet();
				RunningTask view = InFlightView.describe(pool.name(), worker, task, now, true);
				if (view != null) {
					reporter.stuck(view, task.group());
				}
				if (this.interrupt && task.beginInterrupt()) {
					worker.thread.interrupt();
					task.endInterrupt();
				}
			}
		}
		int stuckNow = this.stuck.get();
		if (this.maxExtraWorkers > 0 && stuckNow > 0 && stuckNow >= pool.workerCount() && pool.queueSize() > 0) {
			this.extraWorkers.accumulateAndGet(Math.min(this.maxExtraWorkers, stuckNow), Math::max);
			return true;
		}
		this.extraWorkers.updateAndGet((extra) -> Math.min(extra, stuckNow));
		return false;
	}

}
