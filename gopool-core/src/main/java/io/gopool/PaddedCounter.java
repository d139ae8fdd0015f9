package io.gopool;

/**
 * A counter that parties on other cores update all the time, alone on its cache lines, so
 * that writing it does not evict the fields its neighbours read.
 * <p>
 * Padding is inherited: HotSpot lays out a superclass's fields before its subclass's, so
 * the counter sits between the 128 bytes of {@link PaddingAhead} and the 128 bytes of
 * this class. 128 rather than 64, because the adjacent-line prefetcher moves cache lines
 * in pairs. Next to the counter sits one more word for the counter's own writers (see
 * {@link #note}).
 */
@SuppressWarnings("unused")
final class PaddedCounter extends PaddedCounterFields {

	private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

	long get() {
		return (long) VALUE.getVolatile(this);
	}

	/** Sets the counter without ordering, for counters that are only hints. */
	void setOpaque(long value) {
		VALUE.setOpaque(this, value);
	}

	boolean compareAndSet(long expected, long next) {
		return VALUE.compareAndSet(this, expected, next);
	}

	void increment() {
		VALUE.getAndAdd(this, 1L);
	}

	void add(long delta) {
		VALUE.getAndAdd(this, delta);
	}

	/**
	 * A word kept on the counter's line for those who write the counter, read and written
	 * opaquely: a value any of them wrote, never a torn one.
	 */
	long note() {
		return (long) NOTE.getOpaque(this);
	}

	void setNote(long value) {
		NOTE.setOpaque(this, value);
	}

}
