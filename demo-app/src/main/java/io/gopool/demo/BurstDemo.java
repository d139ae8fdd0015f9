package io.gopool.demo;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.gopool.GoPool;
import io.gopool.GoPoolListener;
import io.gopool.GoPoolStats;
import io.gopool.TaskEvent;
import io.gopool.TaskOptions;
import io.gopool.TaskRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fires a burst of tasks at one bounded pool: what would be one thread (or goroutine) per
 * request becomes at most {@code maxWorkers} threads, a bounded queue, a clear rejection
 * when full, and deadlines that drop work nobody is waiting for any more. Urgent tasks
 * overtake the queue.
 */
@Component
class BurstDemo implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(BurstDemo.class);

	private final BurstProperties burst;

	private volatile BurstResult result;

	BurstDemo(BurstProperties burst) {
		this.burst = burst;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		WaitByPriority waits = new WaitByPriority();
		GoPool pool = GoPool.newBuilder()
			.minWorkers(2)
			.maxWorkers(this.burst.maxWorkers())
			.queueCapacity(this.burst.queueCapacity())
			.keepAlive(Duration.ofSeconds(1))
			.listener(waits)
			.build("orders");
		int threadsBefore = Thread.activeCount();
		logger.info(String.format("Firing %,d tasks from %d threads at pool 'orders' (max %d workers, queue %d)",
				this.burst.tasks(), this.burst.submitters(), this.burst.maxWorkers(), this.burst.queueCapacity()));
		ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
		reporter.scheduleAtFixedRate(() -> logger.info(describe(pool.stats())), 250, 500, TimeUnit.MILLISECONDS);
		long start = System.nanoTime();
		fire(pool);
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		reporter.shutdownNow();
		GoPoolStats stats = pool.stats();
		logger.info(describe(stats));
		logger.info(String.format(
				"Burst done in %d ms: %,d accepted = %,d completed + %,d expired "
						+ "(deadline %d ms); %,d rejected at once; at most %d workers; threads before %d",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), stats.submitted(), stats.completed(),
				stats.expired(), this.burst.deadline().toMillis(), stats.rejected(), stats.largestWorkers(),
				threadsBefore));
		logger.info(String.format("Mean queue wait: urgent %.2f ms, normal %.2f ms", waits.urgentMillis(),
				waits.normalMillis()));
		this.result = new BurstResult(stats, waits.urgentMillis(), waits.normalMillis());
	}

	private void fire(GoPool pool) throws InterruptedException {
		TaskOptions normal = TaskOptions.defaults().withDeadline(this.burst.deadline());
		TaskOptions urgent = normal.withPriority(-10);
		long taskNanos = this.burst.taskTime().toNanos();
		CountDownLatch fired = new CountDownLatch(this.burst.submitters());
		int perSubmitter = this.burst.tasks() / this.burst.submitters();
		for (int s = 0; s < this.burst.submitters(); s++) {
			Thread submitter = new Thread(() -> {
				for (int i = 0; i < perSubmitter; i++) {
					TaskOptions options = (i % this.burst.urgentEvery() == 0) ? urgent : normal;
					try {
						pool.submit(() -> {
							LockSupport.parkNanos(taskNanos);
							return null;
						}, options);
					}
					catch (TaskRejectedException ex) {
						// Counted by the pool; a server would answer 503 here.
					}
					if (i % 64 == 0) {
						// Requests arrive over time, not all in one instant.
						LockSupport.parkNanos(taskNanos);
					}
				}
				fired.countDown();
			}, "submitter-" + s);
			submitter.start();
		}
		fired.await();
	}

	private static String describe(GoPoolStats stats) {
		return String.format(
				"%s: workers=%d idle=%d busy=%d queue=%d/%d submitted=%,d completed=%,d rejected=%,d "
						+ "expired=%,d | jvm threads=%d heap=%d MB",
				stats.poolName(), stats.workers(), stats.idleWorkers(), stats.busyWorkers(), stats.queueSize(),
				stats.queueCapacity(), stats.submitted(), stats.completed(), stats.rejected(), stats.expired(),
				Thread.activeCount(),
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
	}

	BurstResult result() {
		return this.result;
	}

	/**
	 * What the burst did, for the test.
	 */
	record BurstResult(GoPoolStats stats, double urgentWaitMillis, double normalWaitMillis) {
	}

	/**
	 * Measures queue wait by priority through the pool's listener hook.
	 */
	static final class WaitByPriority implements GoPoolListener {

		private final LongAdder urgentNanos = new LongAdder();

		private final LongAdder urgentCount = new LongAdder();

		private final LongAdder normalNanos = new LongAdder();

		private final LongAdder normalCount = new LongAdder();

		@Override
		public void taskStarted(TaskEvent event) {
			boolean isUrgent = event.priority() < 0;
			(isUrgent ? this.urgentNanos : this.normalNanos).add(event.waitNanos());
			(isUrgent ? this.urgentCount : this.normalCount).increment();
		}

		double urgentMillis() {
			return mean(this.urgentNanos, this.urgentCount);
		}

		double normalMillis() {
			return mean(this.normalNanos, this.normalCount);
		}

		private static double mean(LongAdder nanos, LongAdder count) {
			long n = count.sum();
			return (n != 0) ? nanos.sum() / (double) n / 1_000_000 : 0;
		}

	}

}
