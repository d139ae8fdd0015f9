package io.gopool;

/**
 * A source of nanosecond time, read for deadlines, queue-wait and run times. Tests inject
 * their own so that deadline expiry can be exercised without sleeping.
 */
@FunctionalInterface
public interface Ticker {

	/**
	 * Returns the current time in nanoseconds, with an arbitrary origin; only differences
	 * between two reads are meaningful, as with {@link System#nanoTime()}.
	 * @return the current time in nanoseconds
	 */
	long read();

	/**
	 * Returns the ticker backed by {@link System#nanoTime()}.
	 * @return the system ticker
	 */
	static Ticker systemTicker() {
		return System::nanoTime;
	}

}
