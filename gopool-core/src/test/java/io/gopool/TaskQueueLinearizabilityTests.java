package io.gopool;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The queue's core invariant under the engine's own protocol, checked for linearizability
 * by Lincheck: submitters reserve a place and then link their task; workers poll, and
 * while the queue still counts places they cannot see yet (a task being linked or
 * leaving) they yield and look again, as {@code Worker.nextWork} does. Every concurrent
 * history must match {@link BoundedBuffer}, a bounded buffer of exact capacity: an add
 * succeeds exactly when there is room, no task is lost and none is taken twice. (That
 * specification is given explicitly: by default Lincheck compares with the queue itself
 * run sequentially, which would let a queue that wrongly refuses adds pass.) Tasks of two
 * priorities go to two lanes, so that finding the lane to poll is checked too. Model
 * checking explores interleavings systematically; the stress run adds real parallelism.
 * <p>
 * The tasks are alike, because order is deliberately not part of this: Lincheck showed
 * that order across submissions still linking is not linearizable (a place is reserved
 * before the task is linked, so two concurrent submitters may be linked in the other
 * order, and a poll may pass over a more urgent task whose place is reserved). Order
 * holds among tasks already queued, which {@code PriorityTests} covers; concurrent
 * submissions are unordered, as with any executor. Nor is {@link TaskQueue#size()} alone
 * linearizable with poll: it counts places, including that of a task being linked or
 * leaving.
 */
@Timeout(300)
public class TaskQueueLinearizabilityTests {

	private static final int CAPACITY = 2;

	private final TaskQueue queue = new TaskQueue(CAPACITY);

	/**
	 * Reserves a place and links a task, as dispatch does; fails when full.
	 * @return whether the task was added
	 */
	@Operation
	public boolean add() {
		return add(0);
	}

	/**
	 * As {@link #add()}, with a more urgent task, which goes to another lane.
	 * @return whether the task was added
	 */
	@Operation
	public boolean addUrgent() {
		return add(-5);
	}

	private boolean add(int priority) {
		if (!this.queue.tryReserve()) {
			return false;
		}
		this.queue.offer(new RunnableTask(() -> {
		}, priority, "task", null, 0, 0, false));
		return true;
	}

	/**
	 * Takes the oldest task and gives its place back, as a worker does; {@code null} once
	 * no place is counted.
	 * @return the task's name, or {@code null}
	 */
	@Operation
	public String take() {
		for (;;) {
			Task task = this.queue.poll();
			if (task != null) {
				task.setState(Task.RUNNING);
				this.queue.release(task, true);
				return task.name;
			}
			if (this.queue.size() == 0) {
				return null;
			}
			Thread.yield();
		}
	}

	@Test
	void linearizableUnderModelChecking() {
		ModelCheckingOptions options = new ModelCheckingOptions().sequentialSpecification(BoundedBuffer.class)
			.iterations(50)
			.invocationsPerIteration(500)
			.threads(2)
			.actorsPerThread(3);
		LinChecker.check(TaskQueueLinearizabilityTests.class, options);
	}

	@Test
	void linearizableUnderStress() {
		StressOptions options = new StressOptions().sequentialSpecification(BoundedBuffer.class)
			.iterations(30)
			.invocationsPerIteration(1000)
			.threads(3)
			.actorsPerThread(3);
		LinChecker.check(TaskQueueLinearizabilityTests.class, options);
	}

	/**
	 * What the queue must behave as: a buffer of {@link #CAPACITY} interchangeable tasks.
	 */
	public static class BoundedBuffer {

		private int size;

		public boolean add() {
			if (this.size == CAPACITY) {
				return false;
			}
			this.size++;
			return true;
		}

		public boolean addUrgent() {
			return add();
		}

		public String take() {
			if (this.size == 0) {
				return null;
			}
			this.size--;
			return "task";
		}

	}

}
