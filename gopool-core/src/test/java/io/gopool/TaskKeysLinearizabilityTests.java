package io.gopool;

import java.util.concurrent.atomic.AtomicReference;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-key hand-over ({@link TaskKeys}) under the engine's own protocol, checked for
 * linearizability by Lincheck against {@link OneKey}, a key with one running task and a
 * bounded line of waiting ones. Submitters admit tasks of one key while the key's running
 * task ends and lets the next one go, as {@code WorkerPool.keyEnded} does: the next
 * task's reserved place is given back as if a worker had polled it at once. Every
 * concurrent history must match: a task runs at once exactly when the key has none, waits
 * exactly when there is room for it, the key is never running two tasks (the harness
 * fails the operation that would make it so), and no waiting task is lost when the key's
 * last task ends while another is admitted. The key is forgotten when its last task ends,
 * which the race between that ending and a new submission must not get wrong: the new
 * task either waits behind the ending one and is let go by it, or finds the key free.
 * <p>
 * Endings are never concurrent with each other ({@code nonParallelGroup}), as in the
 * engine only the running task ends itself; submissions run against everything. A key's
 * first task becomes its running one inside {@code admit}, but the harness learns it only
 * when {@code admit} returns, so an ending that finds the key busy but no running task
 * known yet waits for the submitter to record it.
 * <p>
 * The count of waiting tasks is not an operation here: it falls inside the hand-over,
 * before the next task's place is given back (by design, see {@link TaskKeys}), so a
 * reader could see the count fall while the queue is still full, which no atomic
 * specification allows. {@code KeyedTaskTests} checks the count once the pool is quiet.
 */
@Timeout(300)
public class TaskKeysLinearizabilityTests {

	private static final int CAPACITY = 2;

	private static final String KEY = "account-1";

	private final TaskQueue queue = new TaskQueue(CAPACITY);

	private final TaskKeys keys = new TaskKeys();

	/** The key's running task, as the harness knows it. */
	private final AtomicReference<Task> running = new AtomicReference<>();

	/**
	 * Admits a task of the key, as dispatch does.
	 * @return {@code first} (it runs), {@code waits} (behind the running one) or
	 * {@code full}
	 */
	@Operation
	public String submit() {
		Task task = new RunnableTask(() -> {
		}, 0, "task", null, 0, 0, false);
		task.key = KEY;
		return switch (this.keys.admit(task, this.queue)) {
			case FIRST -> this.running.compareAndSet(null, task) ? "first" : "two tasks running";
			case PARKED -> "waits";
			case FULL -> "full";
		};
	}

	/**
	 * Ends the key's running task and lets the next one go, as a worker's ending does.
	 * @return {@code idle} (no task was running), {@code next} (a waiting task now runs)
	 * or {@code free} (the key is forgotten)
	 */
	@Operation(nonParallelGroup = "ending")
	public String end() {
		Task ending;
		while ((ending = this.running.get()) == null) {
			if (!this.keys.hasTasks(KEY)) {
				return "idle";
			}
			// Admitted first, not yet recorded by its submitter.
			Thread.yield();
		}
		this.running.set(null);
		ending.setState(Task.COMPLETED);
		Task next = this.keys.ended(ending);
		if (next == null) {
			return "free";
		}
		if (!next.isNew() || !next.parked) {
			return "let go a task that was not waiting";
		}
		next.parked = false;
		next.setState(Task.RUNNING);
		this.queue.release(next, true);
		return this.running.compareAndSet(null, next) ? "next" : "two tasks running";
	}

	@Test
	void linearizableUnderModelChecking() {
		// Lincheck 2.39's class reader cannot read JDK 25's class files, so it cannot
		// instrument TaskKeys there, and an uninstrumented wait in end() never lets the
		// checker switch threads; stress (below) still runs.
		assumeTrue(Runtime.version().feature() < 25,
				"SKIPPED on JDK " + Runtime.version().feature() + ": Lincheck 2.39 cannot instrument TaskKeys there");
		ModelCheckingOptions options = new ModelCheckingOptions().sequentialSpecification(OneKey.class)
			.iterations(20)
			.invocationsPerIteration(300)
			.threads(3)
			.actorsPerThread(3);
		LinChecker.check(TaskKeysLinearizabilityTests.class, options);
	}

	@Test
	void linearizableUnderStress() {
		StressOptions options = new StressOptions().sequentialSpecification(OneKey.class)
			.iterations(15)
			.invocationsPerIteration(1000)
			.threads(3)
			.actorsPerThread(3);
		LinChecker.check(TaskKeysLinearizabilityTests.class, options);
	}

	/**
	 * What a key must behave as: one running task, and up to {@link #CAPACITY} waiting
	 * ones, each holding a queue place.
	 */
	public static class OneKey {

		private boolean busy;

		private int waiting;

		public String submit() {
			if (!this.busy) {
				this.busy = true;
				return "first";
			}
			if (this.waiting == CAPACITY) {
				return "full";
			}
			this.waiting++;
			return "waits";
		}

		public String end() {
			if (!this.busy) {
				return "idle";
			}
			if (this.waiting > 0) {
				this.waiting--;
				return "next";
			}
			this.busy = false;
			return "free";
		}

	}

}
