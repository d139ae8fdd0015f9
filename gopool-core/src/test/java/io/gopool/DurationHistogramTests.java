package io.gopool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class DurationHistogramTests {

	@Test
	void bucketsDoubleInWidth() {
		assertThat(DurationHistogram.bucket(-5)).isZero();
		assertThat(DurationHistogram.bucket(0)).isZero();
		assertThat(DurationHistogram.bucket(1)).isEqualTo(1);
		assertThat(DurationHistogram.bucket(2)).isEqualTo(2);
		assertThat(DurationHistogram.bucket(3)).isEqualTo(2);
		assertThat(DurationHistogram.bucket(4)).isEqualTo(3);
		assertThat(DurationHistogram.bucket(Long.MAX_VALUE)).isEqualTo(63);
	}

	@Test
	void countsBelowAPowerOfTwoBoundAreExactAsPrometheusBucketsNeedThem() {
		long[] counts = new long[DurationHistogram.BUCKETS];
		for (long wait : new long[] { 0, 1000, 1024, 5_000_000 }) {
			counts[DurationHistogram.bucket(wait)]++;
		}
		DurationHistogram histogram = new DurationHistogram(counts);
		assertThat(histogram.countBelow(Duration.ZERO)).isZero();
		assertThat(histogram.countBelow(Duration.ofNanos(1))).isEqualTo(1);
		assertThat(histogram.countBelow(Duration.ofNanos(1024))).isEqualTo(2);
		assertThat(histogram.countBelow(Duration.ofNanos(2048))).isEqualTo(3);
		assertThat(histogram.countBelow(Duration.ofNanos(1L << 23))).isEqualTo(4);
		assertThat(histogram.countBelow(Duration.ofDays(365_000))).isEqualTo(4);
		// Not a power of two: only the buckets wholly below (the 1024 ns wait's spans
		// 1500).
		assertThat(histogram.countBelow(Duration.ofNanos(1500))).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> histogram.countBelow(Duration.ofNanos(-1)));
	}

	@Test
	void percentilesAreEstimatedWithinTheirBucket() {
		long[] counts = new long[DurationHistogram.BUCKETS];
		counts[20] = 99;
		counts[30] = 1;
		DurationHistogram histogram = new DurationHistogram(counts);
		assertThat(histogram.count()).isEqualTo(100);
		assertThat(histogram.valueAtQuantile(0.5).toNanos()).isBetween(1L << 19, 1L << 20);
		assertThat(histogram.valueAtQuantile(0.99).toNanos()).isBetween(1L << 19, 1L << 20);
		assertThat(histogram.valueAtQuantile(1).toNanos()).isBetween(1L << 29, 1L << 30);
		assertThat(DurationHistogram.empty().valueAtQuantile(0.99)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> histogram.valueAtQuantile(1.5))
			.withMessage("quantile must be from 0 to 1 (was 1.5)");
	}

	@Test
	void anIntervalIsTheDifferenceOfTwoSnapshots() {
		long[] before = new long[DurationHistogram.BUCKETS];
		before[10] = 5;
		long[] after = before.clone();
		after[10] = 7;
		after[40] = 3;
		DurationHistogram interval = new DurationHistogram(after).since(new DurationHistogram(before));
		assertThat(interval.count()).isEqualTo(5);
		assertThat(interval.valueAtQuantile(1).toNanos()).isBetween(1L << 39, 1L << 40);
		assertThat(new DurationHistogram(after)).isEqualTo(new DurationHistogram(after.clone())).isNotEqualTo(interval);
	}

	@Test
	void aPoolCountsEveryStartedTasksWaitAndKeepsTheCountsOfRetiredWorkers() throws Exception {
		FakeTicker ticker = new FakeTicker();
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(1)
			.keepAlive(Duration.ZERO)
			.queueCapacity(100)
			.ticker(ticker)
			.build("waits")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			for (int i = 0; i < 99; i++) {
				pool.execute(() -> {
				});
			}
			ticker.advance(Duration.ofMillis(1));
			gate.open();
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 0);
			DurationHistogram waits = pool.waitHistogram();
			assertThat(waits.count()).isEqualTo(100);
			assertThat(waits.valueAtQuantile(0.01)).isZero();
			assertThat(waits.valueAtQuantile(0.99).toNanos()).isBetween(1L << 19, 1L << 20);
		}
	}

	@Test
	void aPoolCountsEveryRunWhateverItsOutcomeAndKeepsTheCountsOfRetiredWorkers() throws Exception {
		FakeTicker ticker = new FakeTicker();
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(1)
			.keepAlive(Duration.ZERO)
			.ticker(ticker)
			.build("runs")) {
			pool.submit(() -> ticker.advance(Duration.ofMillis(3))).get(10, TimeUnit.SECONDS);
			assertThat(pool.submit(() -> {
				ticker.advance(Duration.ofNanos(3_000));
				throw new IllegalStateException("boom");
			})).failsWithin(10, TimeUnit.SECONDS);
			for (int i = 0; i < 8; i++) {
				pool.submit(() -> {
				}).get(10, TimeUnit.SECONDS);
			}
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 0);
			DurationHistogram runs = pool.runHistogram();
			assertThat(runs.count()).isEqualTo(10);
			assertThat(runs.countBelow(Duration.ofNanos(1))).isEqualTo(8);
			assertThat(runs.countBelow(Duration.ofNanos(1L << 12)) - runs.countBelow(Duration.ofNanos(1L << 11)))
				.as("the failed task's 3 us run")
				.isEqualTo(1);
			assertThat(runs.valueAtQuantile(1).toNanos()).isBetween(1L << 21, 1L << 22);
			assertThat(pool.waitHistogram().count()).isEqualTo(10);
		}
	}

}
