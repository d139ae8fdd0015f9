package io.gopool.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gopool.Ticker;

/**
 * A ticker that moves only when a test says so; it starts a minute before the
 * {@code long} range wraps, so that every use of it also checks overflow-safe arithmetic.
 */
public final class FakeTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofMinutes(1).toNanos());

	@Override
	public long read() {
		return this.nanos.get();
	}

	/**
	 * Moves the ticker on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
