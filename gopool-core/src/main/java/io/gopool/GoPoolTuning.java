package io.gopool;

import java.time.Duration;
import java.util.StringJoiner;

/**
 * A change to the tunable settings of a live pool, for {@link GoPool#tune}: the values
 * set here change, and every other setting keeps its current value. Instances are
 * immutable; each method returns a copy with one more value set, so a change can be built
 * up and shared:
 *
 * <pre class="code">
 * GoPoolSettings now = pool.tune(GoPoolTuning.create().maxWorkers(32).queueCapacity(500));
 * </pre>
 *
 * Each value is checked when it is set, with the builder's rules and messages; whether
 * the minimum and maximum workers fit together is checked by {@code tune}, against the
 * pool's current values for the one not set here.
 */
public final class GoPoolTuning {

	private static final GoPoolTuning NONE = new GoPoolTuning(null, null, null, null);

	private final Integer minWorkers;

	private final Integer maxWorkers;

	private final Duration keepAlive;

	private final Integer queueCapacity;

	private GoPoolTuning(Integer minWorkers, Integer maxWorkers, Duration keepAlive, Integer queueCapacity) {
		this.minWorkers = minWorkers;
		this.maxWorkers = maxWorkers;
		this.keepAlive = keepAlive;
		this.queueCapacity = queueCapacity;
	}

	/**
	 * Returns the change that changes nothing, to build on.
	 * @return an empty change
	 */
	public static GoPoolTuning create() {
		return NONE;
	}

	/**
	 * Changes the minimum number of workers. Raising it starts workers at once.
	 * @param minWorkers the new minimum, zero or more
	 * @return a copy of this change that also sets the minimum
	 * @throws IllegalArgumentException if the value is out of range
	 */
	public GoPoolTuning minWorkers(int minWorkers) {
		GoPoolBuilder.checkMinWorkers(minWorkers);
		return new GoPoolTuning(minWorkers, this.maxWorkers, this.keepAlive, this.queueCapacity);
	}

	/**
	 * Changes the maximum number of workers. Raising it starts workers for queued tasks
	 * and wakes blocked submitters; lowering it retires surplus workers as they finish
	 * their current task.
	 * @param maxWorkers the new maximum, at least one
	 * @return a copy of this change that also sets the maximum
	 * @throws IllegalArgumentException if the value is out of range
	 */
	public GoPoolTuning maxWorkers(int maxWorkers) {
		GoPoolBuilder.checkMaxWorkers(maxWorkers);
		return new GoPoolTuning(this.minWorkers, maxWorkers, this.keepAlive, this.queueCapacity);
	}

	/**
	 * Changes how long workers above the minimum stay idle before they retire; idle
	 * workers re-evaluate at once.
	 * @param keepAlive the new keep-alive time, zero or more
	 * @return a copy of this change that also sets the keep-alive time
	 * @throws IllegalArgumentException if the value is negative
	 * @throws NullPointerException if the value is {@code null}
	 */
	public GoPoolTuning keepAlive(Duration keepAlive) {
		GoPoolBuilder.checkKeepAlive(keepAlive);
		return new GoPoolTuning(this.minWorkers, this.maxWorkers, keepAlive, this.queueCapacity);
	}

	/**
	 * Changes how many tasks the queue holds. Shrinking never drops queued tasks: new
	 * tasks are queued again once the queue is below the new capacity. Growing wakes
	 * blocked submitters.
	 * @param queueCapacity the new capacity, zero or more
	 * @return a copy of this change that also sets the queue capacity
	 * @throws IllegalArgumentException if the value is negative
	 */
	public GoPoolTuning queueCapacity(int queueCapacity) {
		GoPoolBuilder.checkQueueCapacity(queueCapacity);
		return new GoPoolTuning(this.minWorkers, this.maxWorkers, this.keepAlive, queueCapacity);
	}

	/** The settings after this change is applied to {@code current}; not yet checked. */
	GoPoolSettings applyTo(GoPoolSettings current) {
		return current.tuned((this.minWorkers != null) ? this.minWorkers : current.minWorkers(),
				(this.maxWorkers != null) ? this.maxWorkers : current.maxWorkers(),
				(this.keepAlive != null) ? this.keepAlive : current.keepAlive(),
				(this.queueCapacity != null) ? this.queueCapacity : current.queueCapacity());
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "GoPoolTuning[", "]");
		if (this.minWorkers != null) {
			joiner.add("minWorkers=" + this.minWorkers);
		}
		if (this.maxWorkers != null) {
			joiner.add("maxWorkers=" + this.maxWorkers);
		}
		if (this.keepAlive != null) {
			joiner.add("keepAlive=" + this.keepAlive);
		}
		if (this.queueCapacity != null) {
			joiner.add("queueCapacity=" + this.queueCapacity);
		}
		return joiner.toString();
	}

}
