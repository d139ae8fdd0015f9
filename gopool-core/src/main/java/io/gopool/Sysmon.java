package io.gopool;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One low-frequency daemon thread, shared by all pools that have a stuck threshold, that
 * looks for stuck tasks, like Go's {@code sysmon}. Each pool is scanned at a quarter of
 * its threshold, but at most every 10 ms and at least every second. The thread holds its
 * pools weakly and forgets them once they terminate, so it keeps no pool alive.
 */
final class Sysmon {

	private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final ScheduledThreadPoolExecutor MONITOR = createMonitor();

	private Sysmon() {
	}

	private static ScheduledThreadPoolExecutor createMonitor() {
		ScheduledThreadPoolExecutor monitor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "gopool-sysmon");
			thread.setDaemon(true);
			return thread;
		});
		monitor.setRemoveOnCancelPolicy(true);
		return monitor;
	}

	static void watch(WorkerPool pool, long thresholdNanos) {
		long period = Math.min(Math.max(thresholdNanos / 4, MIN_PERIOD_NANOS), MAX_PERIOD_NANOS);
		Watch watch = new Watch(pool);
		watch.future = MONITOR.scheduleWithFixedDelay(watch, period, period, TimeUnit.NANOSECONDS);
	}

	/**
	 * The periodic scan of one pool.
	 */
	private static final class Watch implements Runnable {

		private final WeakReference<WorkerPool> pool;

		private volatile ScheduledFuture<?> future;

		Watch(WorkerPool pool) {
			this.pool = new WeakReference<>(pool);
		}

		@Override
		public void run() {
			WorkerPool pool = this.pool.get();
			if (pool == null || pool.isTerminated()) {
				ScheduledFuture<?> future = this.future;
				if (future != null) {
					future.cancel(false);
				}
				return;
			}
			pool.scanForStuckTasks();
		}

	}

}
