package io.gopool;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long tasks waited between submission and start: an immutable snapshot taken by
 * {@link GoPool#waitHistogram()}. Waits are counted in buckets that double in width (1
 * ns, 2 ns, 4 ns, ... up to centuries), which keeps recording down to one increment of
 * the worker's own counter; percentiles are interpolated within a bucket, so they are
 * estimates, good to within a factor of two: enough to tell microseconds from
 * milliseconds from seconds. Subtract an earlier snapshot with {@link #since} to see one
 * interval, as the schedtrace line does.
 */
public final class WaitHistogram {

	static final int BUCKETS = 64;

	private static final WaitHistogram EMPTY = new WaitHistogram(new long[BUCKETS]);

	/**
	 * {@code counts[i]} waits of {@code [2^(i-1), 2^i)} ns; {@code counts[0]} of zero.
	 */
	private final long[] counts;

	private final long total;

	WaitHistogram(long[] counts) {
		this.counts = counts;
		this.total = Arrays.stream(counts).sum();
	}

	/**
	 * Returns a histogram with no waits.
	 * @return the empty histogram
	 */
	public static WaitHistogram empty() {
		return EMPTY;
	}

	static int bucket(long waitNanos) {
		return (waitNanos <= 0) ? 0 : 64 - Long.numberOfLeadingZeros(waitNanos);
	}

	/**
	 * Returns how many waits were counted.
	 * @return the number of started tasks counted
	 */
	public long count() {
		return this.total;
	}

	/**
	 * Estimates the wait that the given share of tasks did not exceed, such as
	 * {@code 0.99} for the 99th percentile.
	 * @param quantile from 0 to 1
	 * @return the estimated wait; zero if no waits were counted
	 * @throws IllegalArgumentException if the quantile is outside 0 to 1
	 */
	public Duration valueAtQuantile(double quantile) {
		GoPoolBuilder.requireArgument(quantile >= 0 && quantile <= 1, "quantile must be from 0 to 1 (was %s)",
				quantile);
		if (this.total == 0) {
			return Duration.ZERO;
		}
		double rank = Math.max(1, Math.ceil(quantile * this.total));
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			long count = this.counts[i];
			if (count > 0 && seen + count >= rank) {
				if (i == 0) {
					return Duration.ZERO;
				}
				double low = Math.scalb(1.0, i - 1);
				double fraction = (rank - seen) / count;
				return Duration.ofNanos((long) Math.min(low + low * fraction, Long.MAX_VALUE));
			}
			seen += count;
		}
		return Duration.ofNanos(Long.MAX_VALUE);
	}

	/**
	 * Returns how many waits were shorter than a bound: exact when the bound is a power
	 * of two nanoseconds (the buckets' edges), otherwise the waits of the buckets wholly
	 * below it. Cumulative counts at power-of-two bounds are what a Prometheus histogram
	 * publishes as its {@code le} buckets.
	 * @param bound the bound
	 * @return the waits shorter than the bound, or fewer if the bound is no power of two
	 * @throws IllegalArgumentException if the bound is negative
	 */
	public long countBelow(Duration bound) {
		GoPoolBuilder.requireArgument(!bound.isNegative(), "bound must not be negative (was %s)", bound);
		long nanos = WorkerPool.saturatedNanos(bound);
		long below = 0;
		// Bucket i holds waits below 2^i ns, so buckets 0 to bucket(bound) - 1 lie wholly
		// below the bound.
		for (int i = 0; i < bucket(nanos); i++) {
			below += this.counts[i];
		}
		return below;
	}

	/**
	 * Returns the waits counted since an earlier snapshot of the same pool.
	 * @param earlier the earlier snapshot
	 * @return the difference
	 */
	public WaitHistogram since(WaitHistogram earlier) {
		long[] difference = new long[BUCKETS];
		for (int i = 0; i < BUCKETS; i++) {
			difference[i] = Math.max(0, this.counts[i] - earlier.counts[i]);
		}
		return new WaitHistogram(difference);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WaitHistogram histogram && Arrays.equals(this.counts, histogram.counts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.counts);
	}

	@Override
	public String toString() {
		return "WaitHistogram[count=" + this.total + ", p50=" + valueAtQuantile(0.5) + ", p99=" + valueAtQuantile(0.99)
				+ "]";
	}

}
