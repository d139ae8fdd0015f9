package io.gopool;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ticker that moves only when a test says so.
 */
final class FakeTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofMinutes(1).toNanos());

	@Override
	public long read() {
		return this.nanos.get();
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
