package io.gopool.spring.actuate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.gopool.GoPool;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolStats;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of one pool: {@code DOWN} once shut down, otherwise {@code UP}, or the
 * configured saturated status while its queue is fuller than the threshold or it rejected
 * a task within the recent window. Saturation is not an outage: by default a saturated
 * pool stays {@code UP}, with {@code saturated: true} in its details, so that a load
 * balancer checking health does not pull every loaded instance at once. Details carry the
 * figures.
 * <p>
 * Rejections are seen when health is checked, by the change in the pool's rejected count;
 * a pool counts as rejecting until one window after the last check that saw new
 * rejections, so it clears within a window and a check interval once load stops.
 */
public class GoPoolHealthIndicator extends AbstractHealthIndicator {

	private final GoPool pool;

	private final double queueFillThreshold;

	private final long rejectionWindowNanos;

	private final Status saturatedStatus;

	private final LongSupplier clock;

	private final AtomicLong lastRejected = new AtomicLong();

	private final AtomicLong lastRejectionSeenAt;

	/**
	 * Creates an indicator for a pool.
	 * @param pool the pool
	 * @param queueFillThreshold the queue fill, from 0 to 1, above which the pool is
	 * saturated
	 * @param rejectionWindow how long after a rejection the pool counts as saturated
	 * @param saturatedStatus the status of a saturated pool
	 * @param clock nanosecond time, for tests
	 */
	public GoPoolHealthIndicator(GoPool pool, double queueFillThreshold, Duration rejectionWindow,
			Status saturatedStatus, LongSupplier clock) {
		super("GoPool health check failed");
		this.pool = pool;
		this.queueFillThreshold = queueFillThreshold;
		this.rejectionWindowNanos = rejectionWindow.toNanos();
		this.saturatedStatus = saturatedStatus;
		this.clock = clock;
		this.lastRejected.set(pool.stats().counts().rejected());
		this.lastRejectionSeenAt = new AtomicLong(clock.getAsLong() - this.rejectionWindowNanos);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		GoPoolStats stats = this.pool.stats();
		GoPoolSettings settings = this.pool.settings();
		long rejected = stats.counts().rejected();
		long now = this.clock.getAsLong();
		if (this.lastRejected.getAndSet(rejected) < rejected) {
			this.lastRejectionSeenAt.set(now);
		}
		boolean recentRejections = now - this.lastRejectionSeenAt.get() < this.rejectionWindowNanos;
		int queueSize = stats.levels().queueSize();
		double queueFill = (settings.queueCapacity() > 0) ? (double) queueSize / settings.queueCapacity() : 0;
		boolean saturated = queueFill > this.queueFillThreshold || recentRejections;
		if (this.pool.isShutdown()) {
			builder.down();
		}
		else if (saturated) {
			builder.status(this.saturatedStatus);
		}
		else {
			builder.up();
		}
		builder.withDetail("saturated", saturated)
			.withDetail("workers", stats.levels().workers())
			.withDetail("busyWorkers", stats.levels().busyWorkers())
			.withDetail("maxWorkers", settings.maxWorkers())
			.withDetail("queueSize", queueSize)
			.withDetail("queueCapacity", settings.queueCapacity())
			.withDetail("queueFill", Math.round(queueFill * 1000) / 1000.0)
			.withDetail("rejected", rejected)
			.withDetail("recentRejections", recentRejections)
			.withDetail("shutdown", this.pool.isShutdown());
	}

}
