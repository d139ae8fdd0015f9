package io.gopool;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread, shared by all pools, that expires queued tasks when their deadline
 * passes, so that a waiter on an expired task's future hears of it promptly and the task
 * stops taking queue capacity. Only queued tasks with a deadline are scheduled; the plain
 * path never touches it. Workers check deadlines themselves when they take a task, so the
 * timer only adds promptness.
 */
final class DeadlineTimer {

	private static final ScheduledThreadPoolExecutor TIMER = createTimer();

	private DeadlineTimer() {
	}

	private static ScheduledThreadPoolExecutor createTimer() {
		return new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "gopool-deadline-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs an action once after a delay, on the timer thread (task group deadlines). */
	static ScheduledFuture<?> schedule(Runnable action, long delayNanos) {
		return TIMER.schedule(action, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
	}

	static void schedule(WorkerPool pool, Task task, long delayNanos) {
		TIMER.schedule(() -> pool.expireIfDue(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
	}

}
