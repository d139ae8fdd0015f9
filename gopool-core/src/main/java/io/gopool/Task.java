package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.jspecify.annotations.Nullable;

/**
 * One accepted (or about to be accepted) unit of work, and the node the queue holds. Its
 * state moves once out of {@link #NEW} by a compare-and-set; whoever wins that CAS owns
 * the task's ending, which is how "every accepted task ends exactly once" holds under
 * races between workers, the deadline timer, cancellation, eviction and shutdown.
 */
abstract class Task {

	static final int NEW = 0;

	static final int RUNNING = 1;

	/**
	 * Cancelled while running; the canceller is still counting, calling back and
	 * interrupting, and the worker waits until the state is {@link #CANCELLED}.
	 */
	static final int CANCELLING = 2;

	static final int COMPLETED = 3;

	static final int FAILED = 4;

	static final int EXPIRED = 5;

	static final int CANCELLED = 6;

	static final int EVICTED = 7;

	static final int RETURNED = 8;

	/** Withdrawn by its submitter after losing a race with shutdown: not accepted. */
	static final int WITHDRAWN = 9;

	/** Watch value: running and not (yet) found stuck. */
	static final int WATCHED = 0;

	/** Watch value: reported stuck by the monitor. */
	static final int STUCK = 1;

	/** Watch value: the monitor is interrupting the task's thread. */
	static final int INTERRUPTING = 2;

	/** Watch value: ended; the monitor must leave it (and its thread) alone. */
	static final int UNWATCHED = 3;

	/** The state a task that never started ends in, for each such outcome. */
	static int endState(TaskOutcome outcome) {
		return switch (outcome) {
			case EXPIRED -> EXPIRED;
			case CANCELLED -> CANCELLED;
			case EVICTED -> EVICTED;
			case RETURNED -> RETURNED;
			default -> throw new IllegalArgumentException("a task that never started cannot end " + outcome);
		};
	}

	private static final VarHandle STATE = VarHandles.find(MethodHandles.lookup(), "state", int.class);

	private static final VarHandle WATCH = VarHandles.find(MethodHandles.lookup(), "watch", int.class);

	final int priority;

	final @Nullable String name;

	final @Nullable TaskCallback callback;

	/**
	 * Ticker time by which the task must start; meaningful only if {@link #hasDeadline}.
	 */
	final long deadline;

	final boolean hasDeadline;

	/** Ticker time of submission. */
	long submittedAt;

	/**
	 * Whether the task holds a place in the queue (rather than being handed to a worker).
	 */
	boolean inQueue;

	/**
	 * The thread that claimed the task. Plain: it is written before the claiming CAS on
	 * the state, which publishes it, and read only by a canceller that has seen that
	 * state.
	 */
	@Nullable Thread runner;

	/**
	 * Ticker time the task started on a worker. Plain: the worker writes it before it
	 * publishes the task as its current one, and readers get the task from there.
	 */
	long startedAt;

	/**
	 * The task's key ({@link TaskOptions#withKey}), or {@code null}. Plain: set by the
	 * submitter before the task is handed on.
	 */
	@Nullable Object key;

	/**
	 * Whether the task waits behind its key (see {@link TaskKeys}): it holds a queue
	 * place but is in no lane, so its ending gives the place back as if it had been
	 * polled. Cleared just before the task is linked into a lane.
	 */
	volatile boolean parked;

	/**
	 * The task's span when the pool has a {@link TaskObserver}. Plain: set by the
	 * submitter before the task is handed on, which publishes it.
	 */
	@Nullable ObservedTask observed;

	/**
	 * What runs in place of {@link #call()} when the pool has a {@link TaskDecorator}.
	 */
	private Runnable decorated;

	private Object decoratedResult;

	private Throwable decoratedFailure;

	private volatile int state;

	/**
	 * Whether the stuck-task monitor has reported this running task; used only by pools
	 * with a stuck threshold. Moves by CAS so that a task ending and the monitor flagging
	 * it agree on whether it ended stuck.
	 */
	@SuppressWarnings("unused")
	private volatile int watch;

	Task(int priority, String name, TaskCallback callback, long submittedAt, long deadline, boolean hasDeadline) {
		this.priority = priority;
		this.name = name;
		this.callback = callback;
		this.submittedAt = submittedAt;
		this.deadline = deadline;
		this.hasDeadline = hasDeadline;
	}

	final int state() {
		return this.state;
	}

	final boolean isNew() {
		return this.state == NEW;
	}

	final boolean transition(int expected, int next) {
		return STATE.compareAndSet(this, expected, next);
	}

	final void setState(int next) {
		this.state = next;
	}

	/** Flags a running task as stuck; fails if it has ended or was flagged already. */
	final boolean markStuck() {
		return WATCH.compareAndSet(this, WATCHED, STUCK);
	}

	/**
	 * Starts interrupting a stuck task's thread; while it lasts, the task's worker waits
	 * in {@link #unwatch} so that the interrupt cannot reach its next task.
	 */
	final boolean beginInterrupt() {
		return WATCH.compareAndSet(this, STUCK, INTERRUPTING);
	}

	final void endInterrupt() {
		WATCH.setVolatile(this, STUCK);
	}

	/** Whether the monitor has reported the task stuck. */
	final boolean isStuck() {
		int watch = (int) WATCH.getVolatile(this);
		return watch == STUCK || watch == INTERRUPTING;
	}

	/**
	 * Called by the worker when the task ended; returns whether it had been reported
	 * stuck.
	 */
	final boolean unwatch() {
		for (;;) {
			int watch = (int) WATCH.getVolatile(this);
			if (watch == INTERRUPTING) {
				Thread.yield();
			}
			else if (WATCH.compareAndSet(this, watch, UNWATCHED)) {
				return watch == STUCK;
			}
		}
	}

	/**
	 * Overflow-safe: ticker values may wrap, differences do not.
	 */
	final boolean isExpired(long now) {
		return this.hasDeadline && now - this.deadline >= 0;
	}

	/**
	 * Lets the decorator wrap this task; called on the submitting thread, so that it can
	 * capture that thread's context.
	 */
	final void decorate(TaskDecorator decorator) {
		this.decorated = decorator.decorate(this::callDecorated);
	}

	/**
	 * Runs the task, through its decoration if it has one and in its span's scope if it
	 * is observed (inside the decoration, so that the span sees the context the decorator
	 * carried over), and returns its result.
	 */
	final Object execute() throws Throwable {
		if (this.decorated == null) {
			return (this.observed == null) ? call() : callInScope(this.observed);
		}
		this.decorated.run();
		if (this.decoratedFailure != null) {
			throw this.decoratedFailure;
		}
		return this.decoratedResult;
	}

	private void callDecorated() {
		try {
			this.decoratedResult = (this.observed == null) ? call() : callInScope(this.observed);
		}
		catch (Throwable ex) {
			this.decoratedFailure = ex;
		}
	}

	private Object callInScope(ObservedTask observed) throws Throwable {
		TaskObserver.Scope scope = observed.started(this);
		try {
			return call();
		}
		finally {
			observed.close(scope);
		}
	}

	/** Runs the user's work and returns its result. */
	abstract Object call() throws Throwable;

	/**
	 * Whether what {@link #call} throws goes to the uncaught-exception handler (execute)
	 * rather than a future.
	 */
	abstract boolean reportsFailure();

	/**
	 * The name of the task group the task is a member of, or {@code null}; for the
	 * flight-recorder events. A method, not a field, so that tasks outside groups carry
	 * nothing for it.
	 */
	@Nullable String group() {
		return null;
	}

	abstract void complete(Object result);

	abstract void completeExceptionally(Throwable failure);

	/** Completes the future, if any, as cancelled (for cancellation and shutdownNow). */
	abstract void completeCancelled();

	/** What {@code shutdownNow()} returns for this task. */
	abstract Runnable unstarted();

	@Override
	public String toString() {
		return (this.name != null) ? this.name : getClass().getSimpleName();
	}

}
