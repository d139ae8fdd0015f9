package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/*
 * The GoPool engine: a dispatcher in front of a LIFO stack of idle workers and a bounded
 * priority queue.
 *
 * Map. The notes below go from what each part does (Dispatch, Waking) to how the races
 * are resolved (Concurrency and the sections after it). The file declares, in this order
 * and between dividers of the same names: construction (settings, counters, idle stack,
 * queue, control word); Dispatch (execute and submit, the four steps, rejection); Waking
 * (the searching count, hand-offs, wake-ups); the Worker side (what a Worker asks of the
 * pool: taking, claiming and running tasks, idling, retiring); starting workers and the
 * sysmon's hand-off; Endings (cancellation, expiry, and the one method that ends every
 * task that never started); Tuning; Lifecycle (shutdown, termination, drain); Stats; and
 * the control word and clock arithmetic. The pool and Worker are coupled on purpose: the
 * worker loop lives in Worker, and every decision it needs (may I exit, retire, spin;
 * what next) is a method here, under Worker side, so that all shared state is read and
 * written in one file. Ideas from: Go's scheduler (runtime/proc.go: spinning threads,
 * wakep, sysmon, hand-off), Tokio's searching workers, ants' LIFO worker stack, and
 * ThreadPoolExecutor's control word.
 *
 * Dispatch (submit):
 * 1. An idle worker takes the task directly: pop the IdleWorkerStack until a worker's
 *    slot CAS (null -> task) succeeds. The most recently idle worker is reused first, so
 *    its caches are warm and the workers at the bottom age out after keepAlive. Only
 *    while no worker is searching (Waking, below): a searcher takes queued tasks itself.
 * 2. Otherwise start a new worker with the task as its first task, while below
 *    maxWorkers. This is where GoPool differs from ThreadPoolExecutor, which grows past
 *    its core size only once the queue is full.
 * 3. Otherwise reserve a place in the TaskQueue and link the task. Capacity is exact.
 * 4. Otherwise any idle worker, parked or not, takes the task; then expired tasks are
 *    purged (they must never cause a rejection); then, while a woken worker has yet to
 *    look, wait for it and start over; then confirm that the pool is full (Exact
 *    capacity, below); only then apply the rejection policy.
 *
 * Waking (Go's rule for spinning threads, proc.go's nmspinning and wakep): an unpark and
 * a context switch per task would cap a pool of many parked workers at a few hundred
 * thousand tasks a second, so while a woken worker has not yet looked, submitters queue
 * their tasks for it instead of waking another. The pool counts searching workers: idle
 * workers that spin (they look at the queue as they spin, and leave idleness when a task
 * is linked), and those taken out of idleness, by a submitter's hand-off or WAKE or on
 * their own, that have not yet taken their task or looked at the queue. While one is
 * counted, submitters neither hand tasks to idle workers nor wake them: they link, and
 * the searcher takes the task; so with a worker spinning, a stream of tasks costs the
 * submitter no pop, slot CAS or unpark per task. A worker uncounts itself (searchEnded)
 * and then, if tasks are linked, workers are idle and none is counted, wakes the next: a
 * burst fans out one wake at a time.
 *  - No stranded task: a submitter links, then reads the count; a searcher uncounts
 *    itself, then looks at the queue. One of the two sees the other.
 *  - Exact capacity: a woken searcher is neither idle nor holding a task, so a full queue
 *    must not refuse a task while one is counted (a spinning one is still idle, on the
 *    stack). Each worker enters its next state before it leaves the last: it is counted
 *    before its slot leaves null, and uncounted only after the place of the task it
 *    polled was given back or it is on the stack again. A submitter that finds the queue
 *    full and no idle worker reads the searching word; while it counts a searcher, the
 *    submitter yields and starts over; at zero it confirms: the queue, then the idle
 *    stack, then the word again, and refuses only if the word did not move. The word's
 *    high half is an epoch that every search start and end moves, so an unmoved word
 *    means no worker began or ended a search between the reads: a worker idle
 *    throughout is on the stack, one searching at the first read is counted, and one that
 *    starts searching after it moves the epoch. Only a worker that finishes a task
 *    meanwhile can be missed, and that race is the submitter's to lose, as with any pool.
 *    WakeProtocolModel checks all this over every interleaving of a few workers and
 *    submitters; it found the window of the rule before this one (look again once after
 *    a zero count), which refused a task with a place free when a worker woke itself,
 *    took a task and uncounted itself between two of the submitter's reads. The reverted
 *    first version read the queue first and refused one place early.
 *
 * Concurrency: the hot path takes no lock: the idle stack, the queue lanes, the queue
 * size and the worker count are all CAS-based, and each worker counts its own tasks
 * (TaskCounters). Locks guard only rare events: blocked submitters (BLOCK policy), stats
 * snapshots against worker exit, lane creation.
 *
 * No stranded task: a task may be queued only while some worker will look at the queue
 * again. Every transition that removes a looker re-checks afterwards, and the submitter
 * re-checks after linking; each pair is a Dekker handshake (write mine, then read yours)
 * on volatiles, so at least one side sees the other:
 *  - worker going idle: push itself, then look for a linked task  /  submitter: link the
 *    task, then, if workers are idle, rely on a counted searcher or pop idle workers
 *    until one takes a WAKE (stale nodes do not count), and if none does and there are no
 *    workers at all, start one. A place reserved for a task not yet linked does not keep
 *    a worker up for long: after a few looks it goes idle, as the submitter will wake it
 *    after linking (on two CPUs, spinning would take the CPU that submitter needs);
 *  - worker retiring: decrement the worker count, then read the queue size and un-retire
 *    if needed  /  submitter: link, then read the worker count;
 *  - shutdown: set the run state, then WAKE idle workers  /  worker: push itself, then
 *    read the run state;  submitter: link, then read the run state and withdraw its own
 *    task if the pool shut down meanwhile (a CAS on the task's state decides between
 *    withdrawal and a worker that already took it).
 *
 * Exactly once: a task's state leaves NEW by a single CAS (Task), won by exactly one of:
 * a worker starting it, the deadline timer or a worker expiring it, a cancel, an
 * eviction, shutdownNow, or its submitter withdrawing it. The winner counts the outcome,
 * runs the callback, completes the future and emits the event; losers do nothing.
 *
 * Spinning: like Go's scheduler, a worker that runs out of work spins briefly before it
 * parks, watching its slot and the queue and counted as searching, so back-to-back
 * submissions skip a park/unpark round trip. At most half the CPUs spin at once; virtual
 * workers never spin (they would hold a carrier thread).
 *
 * Deadlines: checked with overflow-safe ticker arithmetic when a task is submitted and
 * when a worker takes it, and enforced promptly for queued tasks by the shared
 * DeadlineTimer. Expired and cancelled tasks give their queue place back as soon as their
 * ending is done; their lane slots are swept lazily.
 *
 * Sysmon: pools with a stuck threshold are scanned by one shared monitor thread (Sysmon),
 * which reads each worker's current task and its start time. A task's watch state
 * (Task.markStuck and unwatch) is moved by CAS, so the monitor and the task's ending
 * agree on whether it ended stuck; the stuck count and the hand-off allowance follow from
 * that. Hand-off raises the worker limit (maxWorkers plus extra workers, never more than
 * there are stuck tasks) only while every worker is stuck and tasks are queued; each
 * stuck task that ends lowers it again, and the surplus retires like workers above a
 * lowered maximum. Pools without a threshold pay one null check per task.
 *
 * Keys (TaskOptions.withKey; TaskKeys): a keyed task whose key has no task goes on as
 * any task and becomes the key's current one; otherwise it reserves a queue place and
 * parks behind its key, in no lane and on no worker. Each ending of a keyed task (run,
 * expiry, cancel, eviction, return, rejection) lets the key's next task go, linking it
 * into the lane in its reserved place and waking a worker as a submitter would; a parked
 * task that ends leaves its key's queue before its place is given back, so that the
 * workers' count of linkable places (queue size less parked tasks) never undercounts.
 * Unkeyed tasks pay one null test at dispatch and at their ending.
 *
 * Task groups (TaskGroup) and the observer (TaskObserver) sit outside the dispatch:
 * groups submit their members as ordinary tasks; the observer costs a null test per
 * submission, run and ending.
 *
 * Termination: the pool is TERMINATED when it is shut down, no worker is left and the
 * queue is empty. Everything that ends a task finishes its ending (count, callback,
 * future, event) before it gives back what keeps the pool alive (an exiting worker folds
 * its counters in before it leaves; a queued task's place is given back last; a running
 * task's cancel holds its worker), so once awaitTermination returns, stats and callbacks
 * are complete. Run state and worker count share one word (ctl), so starting a worker and
 * terminating are CASes on the same value and cannot interleave.
 */
final class WorkerPool extends AbstractExecutorService implements GoPool {

	private static final int RUNNING = 0;

	private static final int SHUTDOWN = 1;

	private static final int STOP = 2;

	private static final int TERMINATED = 3;

	private static final long NO_DEADLINE = 0;

	private static final long MIN_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/**
	 * Deadlines this far out (about 146 years) are treated as none, so ticker sums cannot
	 * overflow.
	 */
	private static final long MAX_DEADLINE_NANOS = 1L << 62;

	/** Adds one searcher and moves the epoch. */
	private static final long SEARCH_STARTED = (1L << 32) + 1;

	/** Takes one searcher away and moves the epoch. */
	private static final long SEARCH_ENDED = (1L << 32) - 1;

	private final String name;

	/**
	 * The configuration as built; its tunable values are the initial ones, the live ones
	 * are the fields below, and settings() joins the two.
	 */
	private final GoPoolSettings configured;

	private final Ticker ticker;

	private final ThreadFactory threadFactory;

	private final RejectionPolicy rejectionPolicy;

	private final int defaultPriority;

	private final long defaultDeadlineNanos;

	private final long blockTimeoutNanos;

	private final boolean spinningAllowed;

	private final int maxSpinning = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

	private final TaskReporter reporter;

	/** {@code null} when there is none, so that submission tests one field. */
	private final @Nullable TaskDecorator taskDecorator;

	/** {@code null} when there is none, so that submission tests one field. */
	private final @Nullable TaskObserver taskObserver;

	private final PoolCounters counters = new PoolCounters();

	private final TaskQueue queue;

	private final IdleWorkerStack idle = new IdleWorkerStack();

	/** The keys of keyed tasks, and the tasks waiting behind them. */
	private final TaskKeys keys = new TaskKeys();

	/** Task groups with members that have not ended. */
	private final AtomicInteger activeGroups = new AtomicInteger();

	private final BlockedSubmitters blocked;

	/** {@code null} without a stuck threshold, so that workers test one field. */
	private final @Nullable StuckTaskMonitor monitor;

	private final Set<Worker> workers = ConcurrentHashMap.newKeySet();

	/**
	 * Run state (high 32 bits) and worker count (low 32 bits) in one word, as in
	 * ThreadPoolExecutor: adding a worker and terminating are single CASes that see both,
	 * so no worker can start after the pool was declared terminated.
	 */
	private final AtomicLong ctl = new AtomicLong(ctlOf(RUNNING, 0));

	private final AtomicInteger spinning = new AtomicInteger();

	/**
	 * The searching count, workers taken out of idleness that have not yet looked (see
	 * Waking), in the low half of the word, and in the high half an epoch that every
	 * change moves, so that a submitter can tell that no search began or ended between
	 * two of its reads (Exact capacity).
	 */
	private final PaddedCounter searching = new PaddedCounter();

	private final CountDownLatch terminated = new CountDownLatch(1);

	/**
	 * Serialises retunes, so that two resizes cannot interleave their writes of min and
	 * max.
	 */
	private final Object tuneLock = new Object();

	private volatile int minWorkers;

	private volatile int maxWorkers;

	private volatile long keepAliveNanos;

	WorkerPool(String name, GoPoolBuilder builder) {
		this.name = name;
		this.configured = builder.settings();
		this.ticker = builder.getTicker();
		this.threadFactory = builder.getThreadFactory(name);
		this.rejectionPolicy = builder.getRejectionPolicy();
		this.defaultPriority = builder.getDefaultPriority();
		this.defaultDeadlineNanos = (builder.getDefaultDeadline() != null) ? deadlineNanos(builder.getDefaultDeadline())
				: NO_DEADLINE;
		this.blockTimeoutNanos = saturatedNanos(builder.getBlockTimeout());
		this.spinningAllowed = builder.getWorkerType() == WorkerType.PLATFORM;
		this.reporter = new TaskReporter(name, builder.getListeners(), builder.getUncaughtExceptionHandler());
		this.taskDecorator = builder.getTaskDecorator();
		this.taskObserver = builder.getTaskObserver();
		this.queue = new TaskQueue(builder.getQueueCapacity());
		this.blocked = new BlockedSubmitters(builder.getMaxBlockedSubmitters());
		this.minWorkers = builder.getMinWorkers();
		this.maxWorkers = builder.getMaxWorkers();
		this.keepAliveNanos = saturatedNanos(builder.getKeepAlive());
		Duration stuckThreshold = builder.getStuckThreshold();
		this.monitor = (stuckThreshold != null) ? new StuckTaskMonitor(saturatedNanos(stuckThreshold),
				builder.isInterruptStuckTasks(), builder.getMaxExtraWorkers()) : null;
		try {
			startMinWorkers();
		}
		catch (RuntimeException ex) {
			shutdownNow();
			throw ex;
		}
		if (this.monitor != null) {
			Sysmon.watch(this, this.monitor.thresholdNanos());
		}
	}

	// -----------------------------------------------------------------------------------
	// Dispatch: execute and submit, the four steps, rejection
	// -----------------------------------------------------------------------------------

	@Override
	public void execute(Runnable command) {
		Objects.requireNonNull(command, "task must not be null");
		long now = this.ticker.read();
		boolean hasDeadline = this.defaultDeadlineNanos != NO_DEADLINE;
		dispatch(new RunnableTask(command, this.defaultPriority, null, null, now, now + this.defaultDeadlineNanos,
				hasDeadline));
	}

	@Override
	public void execute(Runnable task, TaskOptions options) {
		Objects.requireNonNull(task, "task must not be null");
		Objects.requireNonNull(options, "options must not be null");
		long now = this.ticker.read();
		long deadlineNanos = deadlineNanos(options);
		RunnableTask runnableTask = new RunnableTask(task, priority(options), options.name(), options.callback(), now,
				now + deadlineNanos, hasDeadline(options, deadlineNanos));
		runnableTask.key = options.key();
		dispatch(runnableTask);
	}

	@Override
	public <T> CompletableFuture<T> submit(Callable<T> task, TaskOptions options) {
		Objects.requireNonNull(task, "task must not be null");
		Objects.requireNonNull(options, "options must not be null");
		CallableTask<T> callableTask = newCallableTask(task, options);
		dispatch(callableTask);
		return callableTask.future;
	}

	@Override
	public <T> TaskGroup<T> newGroup() {
		return new TaskGroup<>(this, GroupOptions.defaults());
	}

	@Override
	public <T> TaskGroup<T> newGroup(GroupOptions options) {
		return new TaskGroup<>(this, options);
	}

	/** Whether the thread is one of this pool's workers (a task group's join refuses). */
	boolean isWorkerThread(Thread thread) {
		for (Worker worker : this.workers) {
			if (worker.thread == thread) {
				return true;
			}
		}
		return false;
	}

	/** How many keys have tasks (tests: keys are forgotten when their last task ends). */
	int keyCount() {
		return this.keys.keys();
	}

	/** Counts a task group in or out of the active ones. */
	void groupActive(boolean active) {
		this.activeGroups.addAndGet(active ? 1 : -1);
	}

	/** Counts a task group's end. */
	void groupEnded(GroupOutcome outcome) {
		this.counters.groupEnded(outcome);
	}

	/** Whether shutdownNow was called. */
	boolean isStopping() {
		return runState() >= STOP;
	}

	/** The pool's default deadline in nanoseconds, or zero for none. */
	long defaultDeadlineNanos() {
		return this.defaultDeadlineNanos;
	}

	@Override
	public CompletableFuture<?> submit(Runnable task, TaskOptions options) {
		Objects.requireNonNull(task, "task must not be null");
		return submit(Executors.callable(task), options);
	}

	@Override
	public <T> CompletableFuture<T> submit(Callable<T> task) {
		return submit(task, TaskOptions.defaults());
	}

	@Override
	public CompletableFuture<?> submit(Runnable task) {
		Objects.requireNonNull(task, "task must not be null");
		return submit(Executors.callable(task), TaskOptions.defaults());
	}

	@Override
	public <T> CompletableFuture<T> submit(Runnable task, T result) {
		Objects.requireNonNull(task, "task must not be null");
		return submit(Executors.callable(task, result), TaskOptions.defaults());
	}

	/**
	 * Submits a task made beforehand with {@link #newCallableTask}, so that the caller (a
	 * task group) holds the task's future before any worker can run it.
	 */
	<T> void submitPrepared(CallableTask<T> task) {
		dispatch(task);
	}

	<T> CallableTask<T> newCallableTask(Callable<T> callable, TaskOptions options) {
		long now = this.ticker.read();
		long deadlineNanos = deadlineNanos(options);
		CallableTask<T> task = new CallableTask<>(this, callable, priority(options), options.name(), options.callback(),
				now, now + deadlineNanos, hasDeadline(options, deadlineNanos));
		task.key = options.key();
		return task;
	}

	private int priority(TaskOptions options) {
		return (options.priority() != null) ? options.priority() : this.defaultPriority;
	}

	private long deadlineNanos(TaskOptions options) {
		return (options.deadline() != null) ? deadlineNanos(options.deadline()) : this.defaultDeadlineNanos;
	}

	private boolean hasDeadline(TaskOptions options, long deadlineNanos) {
		boolean hasDeadline = options.deadline() != null || this.defaultDeadlineNanos != NO_DEADLINE;
		return hasDeadline && deadlineNanos < MAX_DEADLINE_NANOS;
	}

	private void dispatch(Task task) {
		if (this.taskObserver != null) {
			task.observed = ObservedTask.of(this.taskObserver, this.name, task, this.reporter);
		}
		if (this.taskDecorator != null) {
			task.decorate(this.taskDecorator);
		}
		if (task.key != null && !admitKeyed(task)) {
			return;
		}
		long blockDeadline = 0;
		// The task was stamped at submission; only a retry (after waiting or evicting)
		// reads again.
		long now = task.submittedAt;
		for (boolean retry = false;; retry = true) {
			if (runState() != RUNNING) {
				throw reject(task, "pool is shut down", null);
			}
			if (task.hasDeadline) {
				now = retry ? this.ticker.read() : now;
				if (task.isExpired(now)) {
					// Already past its deadline: accepted and expired, never run, no
					// worker used.
					accepted(task);
					endUnstarted(task, TaskOutcome.EXPIRED, now, false);
					return;
				}
			}
			if (handOff(task, false)) {
				accepted(task);
				return;
			}
			try {
				if (tryAddWorker(task)) {
					accepted(task);
					return;
				}
			}
			catch (WorkerStartException ex) {
				// A live worker will reach the task in the queue; only a pool that can
				// run it nowhere refuses it.
				if (workerCount() == 0) {
					throw reject(task, "could not start a worker", ex.getCause());
				}
			}
			if (queueOrHandToAnyIdle(task)) {
				return;
			}
			if (purgeExpired()) {
				continue;
			}
			long search = this.searching.get();
			if (searchCount(search) > 0) {
				// A woken worker has yet to look: the place it makes is for this task.
				Thread.yield();
				continue;
			}
			// Confirm the zero count (see Exact capacity): the queue, then the idle
			// stack, then that no search began or ended meanwhile.
			if (queueOrHandToAnyIdle(task)) {
				return;
			}
			if (this.searching.get() != search) {
				continue;
			}
			if (this.rejectionPolicy == RejectionPolicy.CALLER_RUNS) {
				accepted(task);
				runInCaller(task);
				return;
			}
			blockDeadline = blockDeadline(blockDeadline);
			if (!onFull(task, blockDeadline, this::mayHaveRoom)) {
				return;
			}
		}
	}

	/**
	 * Queues the task if the queue has room, else hands it to any idle worker, parked or
	 * not (step 3, then the first of step 4); returns whether either took it.
	 */
	private boolean queueOrHandToAnyIdle(Task task) {
		if (this.queue.tryReserve()) {
			enqueue(task);
			return true;
		}
		if (handOff(task, true)) {
			accepted(task);
			return true;
		}
		return false;
	}

	/**
	 * Admits a keyed task: returns {@code true} if its key had no task, so that it goes
	 * on as any task; otherwise parks it behind its key, holding a queue place
	 * (accepted), or, if the queue has no room, applies the rejection policy, and returns
	 * {@code false}. A keyed task whose key is busy cannot run in the caller: CALLER_RUNS
	 * rejects it.
	 */
	private boolean admitKeyed(Task task) {
		long blockDeadline = 0;
		for (;;) {
			if (runState() != RUNNING) {
				throw reject(task, "pool is shut down", null);
			}
			TaskKeys.Admission admission = this.keys.admit(task, this.queue);
			if (admission == TaskKeys.Admission.FIRST) {
				return true;
			}
			if (admission == TaskKeys.Admission.PARKED) {
				parked(task);
				return false;
			}
			if (purgeExpired()) {
				continue;
			}
			if (this.rejectionPolicy == RejectionPolicy.CALLER_RUNS) {
				throw reject(task, "the pool is full, and a task whose key is busy cannot run in the caller", null);
			}
			blockDeadline = blockDeadline(blockDeadline);
			if (!onFull(task, blockDeadline, this::mayHaveQueueRoom)) {
				return false;
			}
		}
	}

	/**
	 * Applies the rejection policy (but caller-runs) to a task that found the pool full:
	 * returns {@code true} to try again (after an eviction, or once there may be room),
	 * {@code false} if the task was discarded; throws the rejection otherwise.
	 */
	private boolean onFull(Task task, long blockDeadline, BooleanSupplier mayHaveRoom) {
		switch (this.rejectionPolicy) {
			case DISCARD -> {
				task.completeExceptionally(reject(task, "discarded, the pool is full", null));
				return false;
			}
			case DISCARD_OLDEST -> {
				if (!evictLeastUrgent()) {
					throw reject(task, "the pool is full and its queue holds nothing to evict", null);
				}
				return true;
			}
			case BLOCK -> {
				awaitRoom(task, blockDeadline, mayHaveRoom);
				return true;
			}
			default -> throw reject(task, "the pool is full", null);
		}
	}

	/** The block policy's deadline, set on the first wait and kept for the retries. */
	private long blockDeadline(long current) {
		return (current != 0 || this.rejectionPolicy != RejectionPolicy.BLOCK) ? current
				: System.nanoTime() + this.blockTimeoutNanos;
	}

	/**
	 * Accepts a task parked behind its key, unless the pool shut down meanwhile (then the
	 * task is withdrawn, as in {@link #enqueue}).
	 */
	private void parked(Task task) {
		if (runState() != RUNNING && task.transition(Task.NEW, Task.WITHDRAWN)) {
			// Out of its key's queue before its place is given back (see TaskKeys).
			this.keys.ended(task);
			this.queue.release(task, true);
			tryTerminate();
			throw reject(task, "pool is shut down", null);
		}
		accepted(task);
		this.reporter.queued(task, this.queue);
		if (task.hasDeadline) {
			DeadlineTimer.schedule(this, task, task.deadline - this.ticker.read());
		}
	}

	/**
	 * After a keyed task ended or was refused: takes it out of its key's queue if it was
	 * waiting there, or lets the key's next task go, linking it into the queue in its
	 * reserved place. While shutdownNow runs, the next task is returned instead.
	 */
	private void keyEnded(Task task) {
		Task next = this.keys.ended(task);
		if (next == null) {
			return;
		}
		if (runState() >= STOP) {
			endUnstarted(next, TaskOutcome.RETURNED, this.ticker.read(), true);
			return;
		}
		next.parked = false;
		this.queue.offer(next);
		if (runState() >= STOP) {
			// shutdownNow may have drained the queue before the link: return it here.
			endUnstarted(next, TaskOutcome.RETURNED, this.ticker.read(), false);
			return;
		}
		if (!wakeForQueue() && workerCount() == 0) {
			try {
				tryAddWorker(null);
			}
			catch (WorkerStartException ex) {
				this.reporter.uncaught(ex);
			}
		}
	}

	private void enqueue(Task task) {
		task.inQueue = true;
		this.queue.offer(task);
		String withdrawal = null;
		Throwable cause = null;
		if (runState() != RUNNING) {
			withdrawal = "pool is shut down";
		}
		else if (!wakeForQueue() && workerCount() == 0) {
			// The stack may hold only stale nodes (a retiring worker's, say), so only a
			// worker that was woken counts; otherwise make sure some worker exists to
			// look.
			try {
				tryAddWorker(null);
			}
			catch (WorkerStartException ex) {
				if (workerCount() == 0) {
					withdrawal = "could not start a worker";
					cause = ex.getCause();
				}
			}
		}
		if (withdrawal != null && task.transition(Task.NEW, Task.WITHDRAWN)) {
			this.queue.release(task, false);
			tryTerminate();
			throw reject(task, withdrawal, cause);
		}
		accepted(task);
		this.reporter.queued(task, this.queue);
		if (task.hasDeadline) {
			DeadlineTimer.schedule(this, task, task.deadline - this.ticker.read());
		}
	}

	private void accepted(Task task) {
		this.counters.submitted.increment();
		this.reporter.submitted(task);
	}

	private TaskRejectedException reject(Task task, String reason, Throwable cause) {
		// Out of NEW, so that cancelling a discarded task's future cannot count it as
		// cancelled.
		task.setState(Task.WITHDRAWN);
		this.counters.rejected.increment();
		TaskRejectedException rejection = rejection(task, reason, cause);
		this.reporter.rejected(task, reason, rejection);
		if (task.key != null) {
			keyEnded(task);
		}
		return rejection;
	}

	private TaskRejectedException rejection(Task task, String reason, Throwable cause) {
		return new TaskRejectedException(this.name, task.toString(), reason, describeState(), cause);
	}

	private String describeState() {
		return "state " + runStateName() + ", workers " + workerCount() + "/" + this.maxWorkers + ", queue "
				+ this.queue.size() + "/" + this.queue.capacity();
	}

	private String runStateName() {
		return switch (runState()) {
			case RUNNING -> "running";
			case SHUTDOWN -> "shutting down";
			case STOP -> "stopping";
			default -> "terminated";
		};
	}

	private void awaitRoom(Task task, long deadline, BooleanSupplier mayHaveRoom) {
		boolean room;
		try {
			room = this.blocked.await(mayHaveRoom, deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw reject(task, "interrupted while blocked waiting for room", ex);
		}
		if (!room) {
			throw reject(task, "no room within the block timeout, or too many blocked submitters", null);
		}
	}

	/**
	 * For a task that must wait behind its key: only a place in the queue will do, not an
	 * idle worker.
	 */
	private boolean mayHaveQueueRoom() {
		return runState() != RUNNING || this.queue.size() < this.queue.capacity();
	}

	private boolean mayHaveRoom() {
		return runState() != RUNNING || !this.idle.isEmpty() || workerCount() < this.maxWorkers
				|| this.queue.size() < this.queue.capacity() || searchers() > 0;
	}

	private boolean evictLeastUrgent() {
		for (;;) {
			Task victim = this.queue.pollLeastUrgent();
			if (victim == null) {
				return false;
			}
			if (endUnstarted(victim, TaskOutcome.EVICTED, this.ticker.read(), true)) {
				return true;
			}
			this.queue.deadPolled();
		}
	}

	/**
	 * Expires queued tasks whose deadline has passed; returns whether any place was
	 * freed.
	 */
	private boolean purgeExpired() {
		if (!this.queue.mayHoldExpired()) {
			return false;
		}
		long now = this.ticker.read();
		boolean[] freed = new boolean[1];
		this.queue.removeIf((task) -> {
			boolean expired = task.isExpired(now) && endUnstarted(task, TaskOutcome.EXPIRED, now, true);
			freed[0] |= expired;
			return expired;
		});
		return freed[0];
	}

	// -----------------------------------------------------------------------------------
	// Waking: the searching count, hand-offs and wake-ups
	// -----------------------------------------------------------------------------------

	/**
	 * Hands a task to an idle worker, counted as searching until it has taken the task.
	 * Unless {@code anyIdle}, only while no worker is searching: a searcher (spinning, or
	 * woken and yet to look) takes queued tasks itself, so waking another would cost an
	 * unpark for nothing. Returns whether a worker took the task.
	 */
	private boolean handOff(Task task, boolean anyIdle) {
		if (this.idle.isEmpty() || !anyIdle && searchers() > 0) {
			return false;
		}
		this.searching.add(SEARCH_STARTED);
		if (this.idle.assign(task) == null) {
			searchEnded();
			return false;
		}
		return true;
	}

	/**
	 * Makes sure that a worker will look at the queue after a task was linked: one that
	 * is counted as searching already, or an idle one woken now. Returns {@code false} if
	 * no worker was idle.
	 */
	private boolean wakeForQueue() {
		return !this.idle.isEmpty() && (searchers() > 0 || wakeIdleWorker());
	}

	/** Wakes an idle worker to look at the queue, counted as searching first. */
	private boolean wakeIdleWorker() {
		do {
			this.searching.add(SEARCH_STARTED);
			if (this.idle.assign(Worker.WAKE) != null) {
				return true;
			}
			this.searching.add(SEARCH_ENDED);
		}
		while (shouldWakeIdleWorker());
		return false;
	}

	/** Wakes one worker of the pool, wherever it is, counted as searching first. */
	private boolean wake(Worker worker) {
		this.searching.add(SEARCH_STARTED);
		if (worker.tryAssign(Worker.WAKE)) {
			return true;
		}
		searchEnded();
		return false;
	}

	/** Counts a worker that takes itself out of idleness (see Waking). */
	void searchStarted() {
		this.searching.add(SEARCH_STARTED);
	}

	/**
	 * Uncounts a searching worker, or a wake-up that found nobody; then, if tasks are
	 * linked, workers are idle and no other is counted, wakes the next, so that a burst
	 * fans out and no task stays behind a count that made its submitter skip the wake-up.
	 */
	void searchEnded() {
		this.searching.add(SEARCH_ENDED);
		if (shouldWakeIdleWorker()) {
			wakeIdleWorker();
		}
	}

	private boolean shouldWakeIdleWorker() {
		return !this.idle.isEmpty() && searchers() == 0 && this.queue.hasLinkedTask();
	}

	/** How many workers are counted as searching. */
	int searchingWorkers() {
		return searchers();
	}

	private int searchers() {
		return searchCount(this.searching.get());
	}

	/** The count of a searching word: its low half (the high half is its epoch). */
	private static int searchCount(long word) {
		return (int) word;
	}

	boolean tryStartSpinning() {
		if (!this.spinningAllowed) {
			return false;
		}
		int current = this.spinning.get();
		return current < this.maxSpinning && this.spinning.compareAndSet(current, current + 1);
	}

	void stopSpinning() {
		this.spinning.decrementAndGet();
	}

	// -----------------------------------------------------------------------------------
	// Worker side: what a Worker asks of the pool (taking, running, idling, retiring)
	// -----------------------------------------------------------------------------------

	/**
	 * Takes and claims the most urgent live task from the queue, expiring overdue ones on
	 * the way. Deadlines are checked against a fresh clock reading, never the worker's
	 * last one (see {@link #runTask}), so a task never starts after its deadline.
	 */
	Task pollQueue() {
		for (;;) {
			Task task = this.queue.poll();
			if (task == null) {
				return null;
			}
			if (task.hasDeadline) {
				long now = this.ticker.read();
				if (task.isExpired(now)) {
					if (!endUnstarted(task, TaskOutcome.EXPIRED, now, true)) {
						this.queue.deadPolled();
					}
					continue;
				}
			}
			if (start(task, true)) {
				leftQueue(task, true);
				return task;
			}
			this.queue.deadPolled();
		}
	}

	/**
	 * Claims a task handed over directly, to a worker or (caller-runs) to its submitter;
	 * fails if it expired or was cancelled meanwhile.
	 */
	boolean claim(Task task, boolean onWorker, long now) {
		if (task.hasDeadline) {
			if (task.isExpired(now)) {
				endUnstarted(task, TaskOutcome.EXPIRED, now, false);
				return false;
			}
		}
		return start(task, onWorker);
	}

	/**
	 * Moves a task to RUNNING on the calling thread. A worker first clears any interrupt
	 * it holds: one that reached it while idle was aimed at no task (a late cancel, a
	 * library, a debugger), and from the CAS on, the only interrupts are those aimed at
	 * this task (its cancel, the sysmon, shutdownNow). As in ThreadPoolExecutor, the run
	 * state is read after clearing, so that an interrupt from shutdownNow is kept.
	 */
	private boolean start(Task task, boolean onWorker) {
		task.runner = Thread.currentThread();
		if (onWorker && Thread.interrupted() && runState() >= STOP) {
			Thread.currentThread().interrupt();
		}
		return task.transition(Task.NEW, Task.RUNNING);
	}

	/**
	 * Runs a claimed task on a worker and returns the clock reading at its end. A worker
	 * reads the clock once per task boundary: the end of one task's run is the start of
	 * the next it takes from the queue (the ending's bookkeeping, callback and future
	 * completion in between count as neither's run nor wait), and a worker that was idle
	 * in between reads again ({@link #now}). Deadlines are checked on fresh readings.
	 */
	long runTask(Worker worker, Task task, long start) {
		task.startedAt = start;
		worker.setCurrent(task);
		try {
			return run(task, worker.counters, start);
		}
		finally {
			if (this.monitor != null) {
				this.monitor.taskEnded(task);
			}
			worker.setCurrent(null);
		}
	}

	long now() {
		return this.ticker.read();
	}

	private void runInCaller(Task task) {
		long now = this.ticker.read();
		if (claim(task, false, now)) {
			task.startedAt = now;
			TaskCounters counters = new TaskCounters();
			run(task, counters, now);
			this.counters.fold(counters);
		}
	}

	/** Runs a claimed task and returns the clock reading at its end. */
	private long run(Task task, TaskCounters counters, long start) {
		long wait = start - task.submittedAt;
		counters.started(wait);
		this.reporter.started(task, wait);
		JfrEvents.TaskFinished span = this.reporter.runStarting();
		Object result = null;
		Throwable failure = null;
		try {
			result = task.execute();
		}
		catch (Throwable ex) {
			failure = ex;
		}
		long end = this.ticker.read();
		long runNanos = end - start;
		boolean succeeded = failure == null;
		if (task.transition(Task.RUNNING, succeeded ? Task.COMPLETED : Task.FAILED)) {
			counters.finished(succeeded, runNanos);
			TaskOutcome outcome = succeeded ? TaskOutcome.COMPLETED : TaskOutcome.FAILED;
			this.reporter.runEnded(span, task, outcome, wait);
			this.reporter.ended(task, outcome, wait, runNanos, failure);
			this.reporter.callback(task, outcome, result, failure);
			if (succeeded) {
				task.complete(result);
			}
			else if (task.reportsFailure()) {
				this.reporter.uncaught(failure);
			}
			else {
				task.completeExceptionally(failure);
			}
			this.reporter.finished(task, outcome, wait, runNanos, failure);
			if (task.key != null) {
				keyEnded(task);
			}
			return end;
		}
		// Cancelled while running: the canceller counts it, runs the callback, completes
		// the future and interrupts. Wait for it, so that its interrupt cannot reach the
		// next task.
		while (task.state() == Task.CANCELLING) {
			Thread.yield();
		}
		counters.ranCancelled(runNanos);
		this.reporter.runEnded(span, task, TaskOutcome.CANCELLED, wait);
		this.reporter.ended(task, TaskOutcome.CANCELLED, wait, runNanos, null);
		this.reporter.finished(task, TaskOutcome.CANCELLED, wait, runNanos, null);
		if (task.key != null) {
			keyEnded(task);
		}
		return end;
	}

	boolean shouldExitAfterTask(Worker worker) {
		if (runState() >= STOP) {
			return release(worker);
		}
		return isOverMax() && tryRetire(worker);
	}

	boolean shouldExitWhenQueueEmpty(Worker worker) {
		return runState() >= SHUTDOWN && release(worker);
	}

	private boolean release(Worker worker) {
		worker.released = true;
		this.ctl.decrementAndGet();
		return true;
	}

	/**
	 * Gives back a surplus worker's count: above the maximum always, above the minimum
	 * once keep-alive has passed (the caller checks that).
	 */
	boolean tryRetire(Worker worker) {
		for (;;) {
			long c = this.ctl.get();
			int count = countOf(c);
			int limit = workerLimit();
			int floor = (count > limit) ? limit : this.minWorkers;
			if (count <= floor) {
				return false;
			}
			if (this.ctl.compareAndSet(c, c - 1)) {
				break;
			}
		}
		// A submitter may have queued a task while it still counted us: stay if there is
		// work and room for us.
		while (queueSize() > 0) {
			long c = this.ctl.get();
			if (countOf(c) >= workerLimit() || stateOf(c) >= STOP) {
				break;
			}
			if (this.ctl.compareAndSet(c, c + 1)) {
				return false;
			}
		}
		worker.released = true;
		return true;
	}

	void workerWentIdle() {
		this.blocked.signal();
	}

	void workerExited(Worker worker) {
		if (!worker.released) {
			// Only if the engine itself failed (say, out of memory outside a task).
			release(worker);
		}
		this.counters.workerExited(worker, this.workers);
		workerCountDropped();
		if (runState() < STOP && queueSize() > 0 && workerCount() == 0) {
			try {
				tryAddWorker(null);
			}
			catch (WorkerStartException ex) {
				this.reporter.uncaught(ex);
			}
		}
	}

	private void workerCountDropped() {
		this.blocked.signal();
		tryTerminate();
	}

	boolean isSurplus() {
		return workerCount() > this.minWorkers;
	}

	boolean isOverMax() {
		return workerCount() > workerLimit();
	}

	/**
	 * The most workers the pool may run now: its maximum, plus the extra workers of a
	 * hand-off while tasks are stuck.
	 */
	private int workerLimit() {
		return (this.monitor != null) ? this.maxWorkers + this.monitor.extraWorkers() : this.maxWorkers;
	}

	long keepAliveNanos() {
		return this.keepAliveNanos;
	}

	/**
	 * The places of tasks that are linked, or about to be: parked tasks (waiting behind
	 * their key) are left out, as no worker can take them until their key lets them go.
	 */
	int queueSize() {
		return this.queue.size() - this.keys.waiting();
	}

	boolean hasLinkedTask() {
		return this.queue.hasLinkedTask();
	}

	IdleWorkerStack idleWorkers() {
		return this.idle;
	}

	// -----------------------------------------------------------------------------------
	// Starting workers, and the sysmon's hand-off
	// -----------------------------------------------------------------------------------

	private void startMinWorkers() {
		while (workerCount() < this.minWorkers && tryAddWorker(null)) {
			// each iteration starts one worker
		}
	}

	/**
	 * Starts a worker if the pool is below its maximum; returns {@code false} if it is
	 * not.
	 * @throws WorkerStartException if the thread factory failed; the count is rolled back
	 */
	private boolean tryAddWorker(Task firstTask) {
		for (;;) {
			long c = this.ctl.get();
			if (countOf(c) >= workerLimit()) {
				return false;
			}
			int state = stateOf(c);
			if (state != RUNNING && !(state == SHUTDOWN && firstTask == null && this.queue.size() > 0)) {
				return false;
			}
			if (this.ctl.compareAndSet(c, c + 1)) {
				break;
			}
		}
		Worker worker = new Worker(this, firstTask);
		try {
			Thread thread = this.threadFactory.newThread(worker);
			if (thread == null) {
				throw new IllegalStateException("thread factory returned null");
			}
			worker.thread = thread;
			this.workers.add(worker);
			if (firstTask == null) {
				worker.bornIdle();
			}
			this.counters.workerAdded(workerCount());
			thread.start();
			return true;
		}
		catch (Throwable ex) {
			Task handedOver = (firstTask != null) ? null : worker.revokeBornIdle();
			this.workers.remove(worker);
			this.ctl.decrementAndGet();
			if (handedOver != null) {
				failUnstarted(handedOver, ex);
			}
			workerCountDropped();
			throw new WorkerStartException(this.name, ex);
		}
	}

	/**
	 * Ends a task that was handed to a worker whose thread then failed to start: it was
	 * accepted, so it ends as failed, with the start failure as its cause.
	 */
	private void failUnstarted(Task task, Throwable cause) {
		if (!task.transition(Task.NEW, Task.FAILED)) {
			return;
		}
		TaskCounters counters = new TaskCounters();
		counters.finished(false, 0);
		this.counters.fold(counters);
		TaskRejectedException failure = rejection(task, "its worker's thread failed to start", cause);
		long wait = this.ticker.read() - task.submittedAt;
		this.reporter.ended(task, TaskOutcome.FAILED, wait, 0, failure);
		this.reporter.callback(task, TaskOutcome.FAILED, null, failure);
		if (task.reportsFailure()) {
			this.reporter.uncaught(failure);
		}
		else {
			task.completeExceptionally(failure);
		}
		this.reporter.finished(task, TaskOutcome.FAILED, wait, 0, failure);
		if (task.key != null) {
			keyEnded(task);
		}
	}

	/**
	 * Called by the sysmon thread, and by tests with a fake ticker: reports tasks that
	 * became stuck and hands off their queue to extra workers if all workers are stuck.
	 */
	void scanForStuckTasks() {
		try {
			if (this.monitor.scan(this, this.workers, this.ticker.read(), this.reporter) && runState() == RUNNING) {
				startWorkersForQueue();
			}
		}
		catch (Throwable ex) {
			this.reporter.uncaught(ex);
		}
	}

	private void startWorkersForQueue() {
		for (int queued = queueSize(); queued > 0 && tryAddWorker(null); queued--) {
			// each iteration starts one worker for a queued task
		}
	}

	// -----------------------------------------------------------------------------------
	// Endings: cancellation, expiry, and every task that never started
	// -----------------------------------------------------------------------------------

	boolean cancel(Task task, boolean mayInterruptIfRunning) {
		for (;;) {
			int state = task.state();
			if (state == Task.NEW) {
				if (endUnstarted(task, TaskOutcome.CANCELLED, this.ticker.read(), false)) {
					return true;
				}
			}
			else if (state == Task.RUNNING) {
				if (task.transition(Task.RUNNING, Task.CANCELLING)) {
					// The worker waits while CANCELLING, so the pool cannot terminate
					// before the callback has run, nor the interrupt reach the worker's
					// next task.
					try {
						this.counters.cancelled.increment();
						this.reporter.callback(task, TaskOutcome.CANCELLED, null, null);
						task.completeCancelled();
						Thread runner = task.runner;
						if (mayInterruptIfRunning && runner != null) {
							runner.interrupt();
						}
					}
					finally {
						task.setState(Task.CANCELLED);
					}
					return true;
				}
			}
			else {
				return false;
			}
		}
	}

	/** Called by the deadline timer. */
	void expireIfDue(Task task) {
		if (!task.isNew()) {
			return;
		}
		long now = this.ticker.read();
		if (!task.isExpired(now)) {
			// Only with a ticker that runs slower than real time: look again, but not in
			// a busy loop.
			DeadlineTimer.schedule(this, task, Math.max(task.deadline - now, MIN_RECHECK_NANOS));
			return;
		}
		endUnstarted(task, TaskOutcome.EXPIRED, now, false);
	}

	/**
	 * Ends a task that never started, unless another party started or ended it first: the
	 * one place where a task expires, is cancelled before it runs, is evicted or is
	 * returned by shutdownNow. The winner of the CAS out of NEW counts the outcome, runs
	 * the callback, emits the event and completes the future, and gives the task's queue
	 * place back last (see Termination).
	 * @param now the clock reading the ending was decided on
	 * @param polled whether the task was taken out of its lane (otherwise it stays behind
	 * as a dead task)
	 * @return whether this call ended the task
	 */
	private boolean endUnstarted(Task task, TaskOutcome outcome, long now, boolean polled) {
		if (!task.transition(Task.NEW, Task.endState(outcome))) {
			return false;
		}
		Throwable failure = switch (outcome) {
			case EXPIRED -> {
				this.counters.expired.increment();
				yield expiry(task, now);
			}
			case EVICTED -> {
				this.counters.evicted.increment();
				yield rejection(task, "evicted to make room for a newer task", null);
			}
			case CANCELLED -> {
				this.counters.cancelled.increment();
				yield null;
			}
			default -> {
				this.counters.returned.increment();
				yield null;
			}
		};
		this.reporter.ended(task, outcome, now - task.submittedAt, 0, failure);
		this.reporter.callback(task, outcome, null, failure);
		this.reporter.finished(task, outcome, now - task.submittedAt, 0, failure);
		if (failure != null) {
			task.completeExceptionally(failure);
		}
		else {
			task.completeCancelled();
		}
		if (task.key != null) {
			// Before its place is given back (see TaskKeys).
			keyEnded(task);
		}
		leftQueue(task, polled);
		return true;
	}

	private TaskExpiredException expiry(Task task, long now) {
		return new TaskExpiredException(this.name, task.toString(), Math.max(0, now - task.deadline));
	}

	/**
	 * Gives back a queued task's place. Endings decided outside a worker call this last,
	 * after the count, callback and future: until then the place keeps the pool from
	 * terminating, so once it has terminated every ending is complete.
	 */
	private void leftQueue(Task task, boolean polled) {
		if (task.inQueue) {
			// A task parked behind its key is in no lane: nothing dead stays behind.
			this.queue.release(task, polled || task.parked);
			this.blocked.signal();
			if (runState() != RUNNING) {
				// The last place may be given back after the last worker left (an
				// eviction, cancel or expiry racing shutdownNow): whoever gives it back
				// must see termination through.
				tryTerminate();
			}
		}
	}

	// -----------------------------------------------------------------------------------
	// Tuning
	// -----------------------------------------------------------------------------------

	@Override
	public GoPoolSettings settings() {
		return this.configured.tuned(this.minWorkers, this.maxWorkers, Duration.ofNanos(this.keepAliveNanos),
				this.queue.capacity());
	}

	@Override
	public GoPoolSettings tune(GoPoolTuning change) {
		Objects.requireNonNull(change, "tuning must not be null");
		GoPoolSettings tuned;
		synchronized (this.tuneLock) {
			tuned = change.applyTo(settings());
			GoPoolBuilder.checkWorkerRange(tuned.minWorkers(), tuned.maxWorkers());
			this.queue.setCapacity(tuned.queueCapacity());
			this.keepAliveNanos = saturatedNanos(tuned.keepAlive());
			resize(tuned.minWorkers(), tuned.maxWorkers());
		}
		nudgeWorkers();
		this.blocked.signal();
		return tuned;
	}

	/** Sets the worker bounds, under the tune lock. */
	private void resize(int minWorkers, int maxWorkers) {
		int oldMin = this.minWorkers;
		int oldMax = this.maxWorkers;
		// Order the writes so that a concurrent reader never sees min above max.
		if (maxWorkers >= this.maxWorkers) {
			this.maxWorkers = maxWorkers;
			this.minWorkers = minWorkers;
		}
		else {
			this.minWorkers = minWorkers;
			this.maxWorkers = maxWorkers;
		}
		if (runState() == RUNNING) {
			startMinWorkers();
			startWorkersForQueue();
		}
		if (oldMin != minWorkers || oldMax != maxWorkers) {
			this.reporter.resized(oldMin, oldMax, minWorkers, maxWorkers);
		}
	}

	private void nudgeWorkers() {
		for (Worker worker : this.workers) {
			worker.nudge();
		}
	}

	// -----------------------------------------------------------------------------------
	// Lifecycle: shutdown, termination, drain
	// -----------------------------------------------------------------------------------

	@Override
	public void shutdown() {
		advanceRunState(SHUTDOWN);
		wakeIdleWorkers();
		this.blocked.signal();
		tryTerminate();
	}

	@Override
	public List<Runnable> shutdownNow() {
		advanceRunState(STOP);
		List<Runnable> unstarted = new ArrayList<>();
		// Tasks waiting behind their keys first: returning a key's current task would
		// otherwise let the next one go.
		for (Task task : this.keys.drainWaiting()) {
			if (endUnstarted(task, TaskOutcome.RETURNED, this.ticker.read(), true)) {
				unstarted.add(task.unstarted());
			}
		}
		for (Task task = this.queue.poll(); task != null; task = this.queue.poll()) {
			if (endUnstarted(task, TaskOutcome.RETURNED, this.ticker.read(), true)) {
				unstarted.add(task.unstarted());
			}
			else {
				this.queue.deadPolled();
			}
		}
		for (Worker worker : this.workers) {
			if (!wake(worker) && worker.thread != null) {
				worker.thread.interrupt();
			}
		}
		this.blocked.signal();
		tryTerminate();
		return unstarted;
	}

	private void wakeIdleWorkers() {
		for (Worker worker : this.workers) {
			wake(worker);
		}
	}

	private void advanceRunState(int target) {
		for (;;) {
			long c = this.ctl.get();
			if (stateOf(c) >= target || this.ctl.compareAndSet(c, ctlOf(target, countOf(c)))) {
				return;
			}
		}
	}

	private void tryTerminate() {
		for (;;) {
			long c = this.ctl.get();
			int state = stateOf(c);
			if (state == RUNNING || state == TERMINATED || countOf(c) != 0 || this.queue.size() != 0
					|| !this.workers.isEmpty()) {
				return;
			}
			if (this.ctl.compareAndSet(c, ctlOf(TERMINATED, 0))) {
				this.terminated.countDown();
				this.blocked.signal();
				return;
			}
		}
	}

	@Override
	public boolean isShutdown() {
		return runState() >= SHUTDOWN;
	}

	@Override
	public boolean isTerminated() {
		return runState() == TERMINATED;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		Objects.requireNonNull(unit, "unit must not be null");
		return this.terminated.await(timeout, unit);
	}

	@Override
	public void close() {
		boolean interrupted = false;
		shutdown();
		while (!isTerminated()) {
			try {
				awaitTermination(1, TimeUnit.DAYS);
			}
			catch (InterruptedException ex) {
				if (!interrupted) {
					shutdownNow();
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public DrainReport drain(Duration timeout) {
		Objects.requireNonNull(timeout, "timeout must not be null");
		long start = System.nanoTime();
		shutdown();
		boolean done;
		boolean interrupted = false;
		try {
			done = awaitTermination(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			interrupted = true;
			done = false;
		}
		if (done) {
			return new DrainReport(true, List.of(), 0, Duration.ofNanos(System.nanoTime() - start));
		}
		int running = (int) this.workers.stream().filter((worker) -> worker.current() != null).count();
		List<Runnable> notStarted = shutdownNow();
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return new DrainReport(false, notStarted, running, Duration.ofNanos(System.nanoTime() - start));
	}

	// -----------------------------------------------------------------------------------
	// Stats
	// -----------------------------------------------------------------------------------

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public GoPoolStats stats() {
		int stuck = (this.monitor != null) ? this.monitor.stuckTasks() : 0;
		return this.counters.snapshot(this.name, this.workers, workerCount(), this.queue.size(), this.blocked.waiting(),
				stuck, this.keys.waiting(), this.activeGroups.get());
	}

	@Override
	public DurationHistogram waitHistogram() {
		return this.counters.waitHistogram(this.workers);
	}

	@Override
	public DurationHistogram runHistogram() {
		return this.counters.runHistogram(this.workers);
	}

	@Override
	public List<RunningTask> runningTasks(boolean withStackTraces) {
		return InFlightView.snapshot(this.name, this.workers, this.ticker.read(), withStackTraces);
	}

	@Override
	public String toString() {
		return "GoPool[" + this.name + ", " + describeState() + "]";
	}

	// -----------------------------------------------------------------------------------
	// The control word and clock arithmetic
	// -----------------------------------------------------------------------------------

	int workerCount() {
		return countOf(this.ctl.get());
	}

	private int runState() {
		return stateOf(this.ctl.get());
	}

	private static long ctlOf(int state, int count) {
		return ((long) state << 32) | count;
	}

	private static int stateOf(long ctl) {
		return (int) (ctl >>> 32);
	}

	private static int countOf(long ctl) {
		return (int) ctl;
	}

	/**
	 * A duration in nanoseconds, saturated to the long range (durations of centuries).
	 */
	static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	/**
	 * A deadline in nanoseconds; far-future deadlines saturate to
	 * {@link #MAX_DEADLINE_NANOS}.
	 */
	private static long deadlineNanos(Duration deadline) {
		long nanos = saturatedNanos(deadline);
		return Math.min(Math.max(nanos, -MAX_DEADLINE_NANOS), MAX_DEADLINE_NANOS);
	}

}
