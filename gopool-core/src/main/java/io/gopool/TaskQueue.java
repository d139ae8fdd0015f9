package io.gopool;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The bounded queue: one lock-free FIFO lane per priority in use, scanned most urgent
 * first.
 * <p>
 * Capacity is exact because a submitter reserves a place ({@link #tryReserve}) before it
 * links its task, and a place is given back exactly once, by whoever moves the task out
 * of {@link Task#NEW}. Places are counted by two ever-growing counters on cache lines of
 * their own, so that submitters and workers do not fight over one: submitters count the
 * places they take, and the parties that end queued tasks count the places given back. A
 * submitter compares with a recent copy of the places given back and reads the real count
 * only when the copy says full; the copy is never ahead of the real count, so the check
 * errs only towards reading again, never towards overfilling. A task that leaves the
 * queue without being polled (expired, cancelled) stays in its lane as a dead task that
 * takes no capacity; dead tasks are skipped when polled and swept out in bulk once there
 * are more of them than the capacity, so they cannot pile up.
 * <p>
 * A small fixed set of FIFO lanes beats a heap for priorities, and a pool whose tasks all
 * share one priority scans one lane: priorities cost the plain FIFO path nothing. Each
 * lane ({@link TaskLane}) holds the tasks themselves in array slots, with no node per
 * task: taking tasks out of submission order (most urgent first) then touches only the
 * task, not a separate cold node as well.
 */
final class TaskQueue {

	private static final int LANES = TaskOptions.LEAST_URGENT - TaskOptions.MOST_URGENT + 1;

	private static final int MIN_SWEEP_THRESHOLD = 64;

	/**
	 * Lanes by priority, created on first use. Read with volatile semantics: a submitter
	 * that sees a lane here also sees it in {@link #active}, which is published first, so
	 * a drain or a poll never misses a lane a task was linked into.
	 */
	private final AtomicReferenceArray<TaskLane> lanes = new AtomicReferenceArray<>(LANES);

	/**
	 * The lanes created so far, most urgent first; copied on write (at most
	 * {@link #LANES} times).
	 */
	private volatile TaskLane[] active = new TaskLane[0];

	/**
	 * Places taken so far; written by submitters only. Its note is the submitters' copy
	 * of {@link #released}.
	 */
	private final PaddedCounter reserved = new PaddedCounter();

	/** Places given back so far; never written by submitters. */
	private final PaddedCounter released = new PaddedCounter();

	private final AtomicInteger deadTasks = new AtomicInteger();

	/**
	 * Live queued tasks that have a deadline: purging an all-plain queue is skipped
	 * outright.
	 */
	private final AtomicInteger withDeadline = new AtomicInteger();

	private volatile int capacity;

	TaskQueue(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Live queued tasks plus reservations about to be linked. Places given back are read
	 * first, so a concurrent change can make the answer too high but never too low: a
	 * worker that reads zero has not missed a task.
	 */
	int size() {
		long givenBack = this.released.get();
		return (int) (this.reserved.get() - givenBack);
	}

	int capacity() {
		return this.capacity;
	}

	void setCapacity(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Takes a place if there is room. A refusal is decided on a fresh read of the places
	 * given back, taken after the places taken were read, so at that moment the queue
	 * really was full.
	 */
	boolean tryReserve() {
		int capacity = this.capacity;
		for (;;) {
			long taken = this.reserved.get();
			if (taken - this.reserved.note() >= capacity) {
				long givenBack = this.released.get();
				this.reserved.setNote(givenBack);
				if (taken - givenBack >= capacity) {
					return false;
				}
			}
			if (this.reserved.compareAndSet(taken, taken + 1)) {
				return true;
			}
		}
	}

	/** Links a task for which a place was reserved. */
	void offer(Task task) {
		if (task.hasDeadline) {
			this.withDeadline.incrementAndGet();
		}
		lane(task.priority).offer(task);
	}

	boolean mayHoldExpired() {
		return this.withDeadline.get() > 0;
	}

	/**
	 * Gives back the place of a task that left the queue. {@code polled} says whether the
	 * task was also taken out of its lane; if not, it stays behind as a dead task.
	 */
	void release(Task task, boolean polled) {
		if (task.hasDeadline) {
			this.withDeadline.decrementAndGet();
		}
		this.released.increment();
		if (!polled && this.deadTasks.incrementAndGet() > Math.max(MIN_SWEEP_THRESHOLD, this.capacity)) {
			sweep();
		}
	}

	/**
	 * Takes out and returns the most urgent queued task, which may be dead; {@code null}
	 * if no task is linked.
	 */
	Task poll() {
		for (TaskLane lane : this.active) {
			Task task = lane.poll();
			if (task != null) {
				return task;
			}
		}
		return null;
	}

	/**
	 * Whether a poll would find a task (which may be dead); unlike {@link #size()}, not
	 * counting places whose tasks are not linked yet.
	 */
	boolean hasLinkedTask() {
		for (TaskLane lane : this.active) {
			if (!lane.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/** Takes out and returns the oldest task of the least urgent lane that has one. */
	Task pollLeastUrgent() {
		TaskLane[] lanes = this.active;
		for (int i = lanes.length - 1; i >= 0; i--) {
			Task task = lanes[i].poll();
			if (task != null) {
				return task;
			}
		}
		return null;
	}

	/** Records that a poll took out a dead task. */
	void deadPolled() {
		this.deadTasks.decrementAndGet();
	}

	/**
	 * Takes out every queued task the predicate accepts; the predicate also decides the
	 * task's fate (for example, expires it), so it is called at most once per task.
	 */
	void removeIf(Predicate<Task> predicate) {
		for (TaskLane lane : this.active) {
			lane.removeIf(predicate);
		}
	}

	private void sweep() {
		int[] removed = new int[1];
		removeIf((task) -> {
			boolean dead = !task.isNew();
			removed[0] += dead ? 1 : 0;
			return dead;
		});
		this.deadTasks.addAndGet(-removed[0]);
	}

	private TaskLane lane(int priority) {
		TaskLane lane = this.lanes.get(priority - TaskOptions.MOST_URGENT);
		return (lane != null) ? lane : createLane(priority);
	}

	private synchronized TaskLane createLane(int priority) {
		int index = priority - TaskOptions.MOST_URGENT;
		TaskLane lane = this.lanes.get(index);
		if (lane == null) {
			lane = new TaskLane();
			TaskLane[] active = new TaskLane[this.active.length + 1];
			int next = 0;
			for (int i = 0; i < LANES; i++) {
				TaskLane existing = (i == index) ? lane : this.lanes.get(i);
				if (existing != null) {
					active[next++] = existing;
				}
			}
			this.active = active;
			this.lanes.set(index, lane);
		}
		return lane;
	}

}
