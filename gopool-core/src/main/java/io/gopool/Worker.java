package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker: one thread that runs tasks handed to it and polls the queue, and goes idle on
 * the {@link IdleWorkerStack} when there is nothing to do.
 * <p>
 * The {@code slot} is the single authority on a worker's availability: {@code null} means
 * idle and assignable, and every party that wants the worker (a submitter with a task, a
 * submitter that queued a task, shutdown) must CAS it away from {@code null}; the worker
 * itself leaves idleness the same way (to retire, or because it saw queued work). Exactly
 * one CAS wins, so a task is never handed to a worker that is retiring and a worker is
 * never woken twice for one task.
 * <p>
 * Whatever takes a worker out of idleness counts it as searching first (see the pool's
 * "Waking" notes): the party that fills its slot, or the worker itself when it leaves on
 * its own. So every value {@link #idle} returns is counted, and the worker uncounts
 * itself once it has taken its task, or looked at the queue and either taken a task from
 * it or gone idle again.
 */
final class Worker implements Runnable {

	/**
	 * Slot value: poll the queue (sent after queuing a task, and on shutdown or retune).
	 */
	static final Object WAKE = new Object();

	/** Slot value: running or between tasks, not assignable. */
	static final Object BUSY = new Object();

	/** Slot value: leaving idleness to retire. */
	static final Object RETIRING = new Object();

	/**
	 * How many times an idle worker checks its slot before parking; see
	 * {@link #awaitWork}.
	 */
	private static final int SPINS = 128;

	/**
	 * How many times a worker looks again at once for a task being linked before it goes
	 * idle; see {@link #nextWork}.
	 */
	private static final int MISSES_BEFORE_IDLE = 32;

	private static final VarHandle SLOT = VarHandles.find(MethodHandles.lookup(), "slot", Object.class);

	final WorkerPool pool;

	final TaskCounters counters = new TaskCounters();

	Thread thread;

	private static final VarHandle CURRENT = VarHandles.find(MethodHandles.lookup(), "current", Task.class);

	/**
	 * The task being run, for stats and in-flight views. Written with release semantics
	 * only: a full volatile store per task would cost two fences on the hot path, and
	 * readers need no more than a recent value.
	 */
	@SuppressWarnings("unused")
	private Task current;

	private Task firstTask;

	/** The idle-stack node of a worker started without a task; see {@link #bornIdle}. */
	private IdleWorkerStack.Node initialNode;

	private volatile Object slot = BUSY;

	private volatile boolean parked;

	/**
	 * Whether this worker's count in the pool has been given back; the exit path checks
	 * it.
	 */
	boolean released;

	Worker(WorkerPool pool, Task firstTask) {
		this.pool = pool;
		this.firstTask = firstTask;
	}

	/**
	 * Fills an idle worker's slot; the caller has counted the worker as searching (see
	 * the class notes).
	 */
	boolean tryAssign(Object work) {
		if (SLOT.compareAndSet(this, null, work)) {
			if (this.parked) {
				LockSupport.unpark(this.thread);
			}
			return true;
		}
		return false;
	}

	void setCurrent(Task task) {
		CURRENT.setRelease(this, task);
	}

	Task current() {
		return (Task) CURRENT.getAcquire(this);
	}

	boolean isIdle() {
		return this.slot == null;
	}

	/**
	 * Makes a worker started without a task idle before its thread runs, so that it can
	 * take a task handed over at once; the pool calls this before starting the thread.
	 */
	void bornIdle() {
		SLOT.setRelease(this, null);
		this.initialNode = this.pool.idleWorkers().push(this);
	}

	/**
	 * Takes a born-idle worker whose thread failed to start out of idleness; returns a
	 * task that was handed to it meanwhile, or {@code null}.
	 */
	Task revokeBornIdle() {
		if (SLOT.compareAndSet(this, null, RETIRING)) {
			return null;
		}
		Object work = takeSlot();
		this.pool.searchEnded();
		return (work instanceof Task task) ? task : null;
	}

	@Override
	public void run() {
		try {
			Object work;
			if (this.initialNode != null) {
				work = idle(this.initialNode, System.nanoTime());
			}
			else {
				// A first task is given at the start, not through the slot: not counted.
				work = nextWork(false, runIfClaimed(this.firstTask, this.pool.now()));
			}
			this.firstTask = null;
			this.initialNode = null;
			while (work != null) {
				boolean searching = work == WAKE;
				long now = this.pool.now();
				if (!searching) {
					this.pool.searchEnded();
					now = runIfClaimed((Task) work, now);
				}
				work = nextWork(searching, now);
			}
		}
		finally {
			this.pool.workerExited(this);
		}
	}

	/** Runs a task handed over if it is still to run; returns the clock at its end. */
	private long runIfClaimed(Task task, long now) {
		return this.pool.claim(task, true, now) ? this.pool.runTask(this, task, now) : now;
	}

	/**
	 * Runs queued tasks until the queue is empty, then goes idle; returns what to do
	 * next, or {@code null} to exit (the worker's count already given back). A worker
	 * that is {@code searching} stays counted until it has taken a task from the queue
	 * (whose place is given back first) or is on the idle stack again, so that a
	 * submitter finding the queue full never misses it.
	 */
	private Object nextWork(boolean searching, long now) {
		int misses = 0;
		for (;;) {
			if (this.pool.shouldExitAfterTask(this)) {
				return exit(searching);
			}
			Task queued = this.pool.pollQueue();
			if (queued != null) {
				misses = 0;
				if (searching) {
					searching = false;
					this.pool.searchEnded();
				}
				now = this.pool.runTask(this, queued, now);
				continue;
			}
			if (this.pool.queueSize() > 0) {
				// A submitter reserved a place and is about to link its task, or a task
				// is leaving the queue: both take a few instructions, so look again at
				// once. If it takes longer, that thread has probably lost its CPU: go
				// idle rather than compete for the CPU it needs (a submitter wakes an
				// idle worker once its task is linked), unless the pool is shutting
				// down, when the worker must stay until the last places are settled.
				now = this.pool.now();
				if (++misses < MISSES_BEFORE_IDLE) {
					Thread.onSpinWait();
					continue;
				}
				if (this.pool.isShutdown()) {
					Thread.yield();
					continue;
				}
			}
			else if (this.pool.shouldExitWhenQueueEmpty(this)) {
				return exit(searching);
			}
			SLOT.setRelease(this, null);
			IdleWorkerStack.Node node = this.pool.idleWorkers().push(this);
			if (searching) {
				this.pool.searchEnded();
			}
			return idle(node, System.nanoTime());
		}
	}

	/** Leaves the loop, the worker's count already given back; uncounts a search. */
	private Object exit(boolean searching) {
		if (searching) {
			this.pool.searchEnded();
		}
		return null;
	}

	/**
	 * Waits, idle and on the stack through {@code node}, until handed a task or woken;
	 * returns the task, {@link #WAKE} to look at the queue again, or {@code null} once
	 * retired.
	 */
	private Object idle(IdleWorkerStack.Node node, long idleSince) {
		this.pool.workerWentIdle();
		// A submitter links its task and then looks for idle workers; we pushed ourselves
		// and now look for a linked task. One of the two sees the other, so a task is
		// never left queued while we sleep. A place reserved for a task not yet linked
		// does not keep us up: its submitter will look for idle workers after linking.
		if (this.pool.hasLinkedTask() || this.pool.isShutdown()) {
			// Leaving on our own: counted first, as any party that takes us out of
			// idleness counts us.
			this.pool.searchStarted();
			return leaveIdle(node);
		}
		// Go's scheduler spins briefly before parking so that back-to-back work skips a
		// park/unpark round trip; at most half the CPUs spin at once, so spinning never
		// starves the threads that produce the work. A spinning worker is a searcher, as
		// a spinning thread is in Go: while it is counted, submitters queue their tasks
		// and it takes them from the queue itself, instead of each submitter popping the
		// idle stack and filling a slot per task. It stays idle (on the stack, its slot
		// null) throughout, so a full queue can still hand it a task.
		if (this.pool.tryStartSpinning()) {
			this.pool.searchStarted();
			try {
				for (int i = 0; i < SPINS; i++) {
					if (this.slot != null || this.pool.hasLinkedTask()) {
						return leaveIdle(node);
					}
					Thread.onSpinWait();
				}
			}
			finally {
				this.pool.stopSpinning();
			}
			// Uncounted while still on the stack; searchEnded then looks at the queue
			// and wakes an idle worker (us, perhaps) for a task linked meanwhile.
			this.pool.searchEnded();
		}
		for (;;) {
			if (this.slot != null) {
				return takeSlot();
			}
			boolean surplus = this.pool.isSurplus();
			long remaining = this.pool.keepAliveNanos() - (System.nanoTime() - idleSince);
			if (surplus && remaining <= 0 || this.pool.isOverMax()) {
				// Counted until our count is given back, or we have looked at the queue.
				this.pool.searchStarted();
				if (!SLOT.compareAndSet(this, null, RETIRING)) {
					this.pool.searchEnded();
					return takeSlot();
				}
				if (this.pool.tryRetire(this)) {
					this.pool.searchEnded();
					return null;
				}
				// No longer surplus (another worker retired first): look at the queue,
				// still counted, then idle again with a new node.
				return WAKE;
			}
			this.parked = true;
			if (this.slot == null) {
				if (surplus) {
					LockSupport.parkNanos(this.pool, remaining);
				}
				else {
					LockSupport.park(this.pool);
				}
			}
			this.parked = false;
			// An interrupt from outside must not turn parking into a busy loop;
			// shutdownNow also sends WAKE through the slot, so nothing is lost by
			// clearing it.
			Thread.interrupted();
		}
	}

	/**
	 * Takes this worker, counted as searching by itself, out of idleness to look at the
	 * queue ({@link #WAKE}, still counted); if a party filled the slot first, returns
	 * what it put there, counted by that party, and uncounts our own search.
	 */
	private Object leaveIdle(IdleWorkerStack.Node node) {
		if (SLOT.compareAndSet(this, null, BUSY)) {
			this.pool.idleWorkers().removeIfTop(node);
			return WAKE;
		}
		Object work = takeSlot();
		this.pool.searchEnded();
		return work;
	}

	private Object takeSlot() {
		Object work = this.slot;
		SLOT.setOpaque(this, BUSY);
		return work;
	}

	/**
	 * Wakes the worker if it is parked, so that it re-reads settings; it stays idle
	 * otherwise.
	 */
	void nudge() {
		if (this.parked) {
			LockSupport.unpark(this.thread);
		}
	}

}
