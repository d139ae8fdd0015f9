package io.gopool;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long tasks waited between submission and start ({@link GoPool#waitHistogram()}), or
 * how long they ran ({@link GoPool#runHistogram()}): an immutable snapshot. Durations are
 * counted in buckets that double in width (1 ns, 2 ns, 4 ns, ... up to centuries), which
 * keeps recording down to one increment of the worker's own counter; percentiles are
 * interpolated within a bucket, so they are estimates, good to within a factor of two:
 * enough to tell microseconds from milliseconds from seconds. Subtract an earlier
 * snapshot with {@link #since} to see one interval, as the schedtrace line does.
 */
public final class DurationHistogram {

	static final int BUCKETS = 64;

	private static final DurationHistogram EMPTY = new DurationHistogram(new long[BUCKETS]);

	/**
	 * {@code counts[i]} durations of {@code [2^(i-1), 2^i)} ns; {@code counts[0]} of
	 * zero.
	 */
	private final long[] counts;

	private final long total;

	DurationHistogram(long[] counts) {
		this.counts = counts;
		this.total = Arrays.stream(counts).sum();
	}

	/**
	 * Returns a histogram with no durations.
	 * @return the empty histogram
	 */
	public static DurationHistogram empty() {
		return EMPTY;
	}

	static int bucket(long nanos) {
		return (nanos <= 0) ? 0 : 64 - Long.numberOfLeadingZeros(nanos);
	}

	/**
	 * Returns how many durations were counted.
	 * @return the number of tasks counted
	 */
	public long count() {
		return this.total;
	}

	/**
	 * Estimates the duration that the given share of tasks did not exceed, such as
	 * {@code 0.99} for the 99th percentile.
	 * @param quantile from 0 to 1
	 * @return the estimated duration; zero if none were counted
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
	 * Returns how many durations were shorter than a bound: exact when the bound is a
	 * power of two nanoseconds (the buckets' edges), otherwise the durations of the
	 * buckets wholly below it. Cumulative counts at power-of-two bounds are what a
	 * Prometheus histogram publishes as its {@code le} buckets.
	 * @param bound the bound
	 * @return the durations shorter than the bound, or fewer if the bound is no power of
	 * two
	 * @throws IllegalArgumentException if the bound is negative
	 */
	public long countBelow(Duration bound) {
		GoPoolBuilder.requireArgument(!bound.isNegative(), "bound must not be negative (was %s)", bound);
		long nanos = WorkerPool.saturatedNanos(bound);
		long below = 0;
		// Bucket i holds durations below 2^i ns, so buckets 0 to bucket(bound) - 1 lie
		// wholly
		// below the bound.
		for (int i = 0; i < bucket(nanos); i++) {
			below += this.counts[i];
		}
		return below;
	}

	/**
	 * Returns the durations counted since an earlier snapshot of the same pool.
	 * @param earlier the earlier snapshot
	 * @return the difference
	 */
	public DurationHistogram since(DurationHistogram earlier) {
		long[] difference = new long[BUCKETS];
		for (int i = 0; i < BUCKETS; i++) {
			difference[i] = Math.max(0, this.counts[i] - earlier.counts[i]);
		}
		return new DurationHistogram(difference);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DurationHistogram histogram && Arrays.equals(this.counts, histogram.counts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.counts);
	}

	@Override
	public String toString() {
		return "DurationHistogram[count=" + this.total + ", p50=" + valueAtQuantile(0.5) + ", p99="
				+ valueAtQuantile(0.99) + "]";
	}

}
