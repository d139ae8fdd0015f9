package io.gopool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/*
 * Design (Go's errgroup on a bounded pool).
 *
 * A group is a layer on the pool's public submission path: each member is submitted as
 * an ordinary task of the pool (counted, listened to, reported by shutdownNow and drain
 * like any other), wrapped so that the group knows when the member's code has ended.
 * Nothing here touches the engine's hot path.
 *
 * Members and their end. A member ends exactly once (its run word goes to DONE): either
 * its wrapper ran on a worker (PENDING -> RUNNING -> DONE, DONE set after the user's code
 * returned or threw), or it never ran (PENDING -> DONE when its pool future completed:
 * cancelled, expired, evicted, returned, rejected). A wrapper that finds its member
 * already DONE does not run the user's code. So "ended" means the member's code is not
 * running and never will; the group counts unended members, and join and close wait for
 * that count to reach zero: no member outlives a closed group.
 *
 * The limit. Members beyond it wait in the group, in submission order, not in the pool:
 * they hold no worker and no queue place. When a member ends, the next waiting one is
 * submitted. A waiting member that the group cancels was never a task of the pool: it
 * ends in the group only (its future cancelled).
 *
 * Failing. The first member whose future does not complete normally (it threw, expired,
 * was cancelled by someone else, or the pool refused it) is the group's failure; with
 * fail-fast the group then stops the rest: waiting members are dropped, queued ones are
 * cancelled (giving back their places), running ones are cancelled with an interrupt.
 * The group deadline does the same when it passes: each member's own deadline is cut to
 * the group's, so queued members expire on their own, and a timer stops running ones.
 * Cancellations the group makes are not failures.
 *
 * The outcome. A group ends once, when the first join or close finds every member ended
 * and every member's future complete (a failure is recorded before the future
 * completes, so it is final then). Its GroupOutcome is EXPIRED if the deadline was the
 * first failure, else FAILED if a member failed, else CANCELLED if close stopped members,
 * else SUCCEEDED; the pool counts it (GroupCounts in the stats). What members that close
 * stopped throw on their way out is not a failure.
 *
 * Joining from a worker of the same pool is refused: it would hold a worker while the
 * members wait for one, and a pool whose workers all join deadlocks. close() is allowed
 * everywhere: it cancels what has not started, so it waits only for running members.
 *
 * Concurrency: the group's own state (members, waiting, counts, failure) is guarded by
 * lock; pool calls (submit, cancel) are made outside it, since a member's ending, which
 * takes the lock, may run on the calling thread. A member submitted while the group is
 * being stopped is cancelled by whichever side comes second: the submitter marks the
 * member dispatched once the pool accepted it, then reads stopped; the stopper sets
 * stopped, then reads dispatched. A member a worker reaches after the stop cancels its
 * own task instead of running (it holds its pool future from before the dispatch).
 */
/**
 * A set of tasks on one pool that are waited for together, as Go's
 * {@code errgroup.Group}: {@link #submit} adds members, {@link #join()} waits until every
 * member has ended and returns their results in submission order, or throws a
 * {@link TaskGroupException} with the first failure. Made by {@link GoPool#newGroup}.
 * <pre>{@code
 * try (TaskGroup<Price> quotes = pool.newGroup(GroupOptions.defaults().withDeadline(Duration.ofSeconds(2)))) {
 *     for (Supplier supplier : suppliers) {
 *         quotes.submit(() -> supplier.quote(item));
 *     }
 *     List<Price> prices = quotes.join();
 * }
 * }</pre> The group's own outcome ({@link GroupOutcome}) is counted in the pool's
 * {@link GoPoolStats#groups()} when it is first joined or closed.
 * <ul>
 * <li><b>Fail-fast</b> (on by default): the first member that fails stops the others:
 * members not yet started never start (they end {@link TaskOutcome#CANCELLED} and give
 * back their queue places) and running ones are cancelled and interrupted.</li>
 * <li><b>Deadline</b> ({@link GroupOptions#withDeadline}): when it passes, members that
 * have not started end {@link TaskOutcome#EXPIRED} (each member's deadline is cut to the
 * group's) and running ones are cancelled and interrupted; {@code join} throws with a
 * {@link TimeoutException} that says so.</li>
 * <li><b>Limit</b> ({@link GroupOptions#withLimit}): at most that many members run at
 * once; the others wait in the group, holding no worker and no queue place, and are
 * handed to the pool as running members end. A waiting member the group stops was never a
 * task of the pool.</li>
 * <li><b>Structured</b>: {@link #close()} without {@code join} stops what is left and
 * waits until every member's code has returned, so no member outlives a
 * try-with-resources block. After {@code join} or {@code close}, or once the group has
 * failed, adding a member throws {@link IllegalStateException}.</li>
 * </ul>
 * Every member is an ordinary task of the pool: one outcome each in its stats, listener
 * events, flight-recorder events (which carry the group's name), and reported by
 * {@code shutdownNow()} and {@code drain}. A member the pool refuses makes {@code submit}
 * throw the {@link TaskRejectedException}, and counts as the group's failure.
 * {@link #join()} must not be called from a worker of the same pool (it throws
 * {@link IllegalStateException}): a worker waiting for members that need a worker can
 * deadlock a busy pool; use another pool for nested groups, or {@link CompletableFuture}
 * composition.
 *
 * @param <T> the members' result type
 */
public final class TaskGroup<T> implements AutoCloseable {

	private static final int PENDING = 0;

	private static final int RUNNING = 1;

	private static final int DONE = 2;

	private final WorkerPool pool;

	private final GroupOptions options;

	/** Ticker time of the group's deadline; meaningful only if the options have one. */
	private final long deadline;

	private final Object lock = new Object();

	/** Every member, in submission order; guarded by lock. */
	private final List<Member> members = new ArrayList<>();

	/** Members held back by the limit; guarded by lock. */
	private final ArrayDeque<Member> waiting = new ArrayDeque<>();

	/** Members handed to the pool that have not ended; guarded by lock. */
	private int inPool;

	/** Members that have not ended; guarded by lock. */
	private int unended;

	/** Whether members may still be added; guarded by lock. */
	private boolean open = true;

	/** Set once the group stops its members (failure, deadline, close). */
	private volatile boolean stopped;

	/** The first failure, or {@code null}; guarded by lock. */
	private @Nullable Throwable failure;

	private final List<Throwable> laterFailures = new ArrayList<>();

	/** Whether the first failure is the group's deadline passing; guarded by lock. */
	private boolean expired;

	/**
	 * Whether close() stopped members that had not ended; guarded by lock. What those
	 * members throw on their way out is then not a failure.
	 */
	private boolean closedEarly;

	/** Whether the group's outcome was counted; guarded by lock. */
	private boolean ended;

	private final @Nullable ScheduledFuture<?> deadlineTimer;

	TaskGroup(WorkerPool pool, GroupOptions options) {
		this.pool = Objects.requireNonNull(pool);
		this.options = Objects.requireNonNull(options, "options must not be null");
		Duration groupDeadline = options.deadline();
		if (groupDeadline != null) {
			long nanos = WorkerPool.saturatedNanos(groupDeadline);
			this.deadline = pool.now() + nanos;
			this.deadlineTimer = DeadlineTimer.schedule(this::deadlinePassed, nanos);
		}
		else {
			this.deadline = 0;
			this.deadlineTimer = null;
		}
	}

	/**
	 * Adds a member with the pool's default options.
	 * @param task the member's work
	 * @return the member's future; cancelling it cancels the member (which, as a failure,
	 * stops a fail-fast group)
	 * @throws IllegalStateException if the group was joined, closed, or has failed
	 * @throws TaskRejectedException if the pool refused the member
	 */
	public CompletableFuture<T> submit(Callable<? extends T> task) {
		return submit(task, TaskOptions.defaults());
	}

	/**
	 * Adds a member with options (priority, deadline, name, callback); its deadline is
	 * cut to the group's, and a member without a name is named after the group.
	 * @param task the member's work
	 * @param options the member's options
	 * @return the member's future
	 * @throws IllegalStateException if the group was joined, closed, or has failed
	 * @throws TaskRejectedException if the pool refused the member
	 */
	public CompletableFuture<T> submit(Callable<? extends T> task, TaskOptions options) {
		Objects.requireNonNull(task, "task must not be null");
		Objects.requireNonNull(options, "options must not be null");
		Member member;
		synchronized (this.lock) {
			if (!this.open) {
				throw new IllegalStateException(notOpen());
			}
			member = new Member(task, options);
			this.members.add(member);
			if (this.unended++ == 0) {
				// Active while it has members that have not ended (GoPoolLevels).
				this.pool.groupActive(true);
			}
			if (this.options.limit() > 0 && this.inPool >= this.options.limit()) {
				this.waiting.add(member);
				return member;
			}
			this.inPool++;
		}
		TaskRejectedException refused = handToPool(member);
		if (refused != null) {
			throw refused;
		}
		return member;
	}

	/**
	 * Adds a member without a result; its entry in {@link #join()}'s list is
	 * {@code null}.
	 * @param task the member's work
	 * @throws IllegalStateException if the group was joined, closed, or has failed
	 * @throws TaskRejectedException if the pool refused the member
	 */
	public void execute(Runnable task) {
		Objects.requireNonNull(task, "task must not be null");
		submit(() -> {
			task.run();
			return null;
		});
	}

	/**
	 * Waits until every member has ended and returns their results in submission order.
	 * No member can be added afterwards.
	 * @return the results, {@code null} for members added with {@link #execute}
	 * @throws TaskGroupException if a member failed, or the group's deadline passed
	 * @throws InterruptedException if interrupted while waiting; the members keep
	 * running, and {@link #close()} stops them
	 * @throws IllegalStateException if called from a worker of the group's pool
	 */
	public List<T> join() throws InterruptedException {
		try {
			return join(Long.MAX_VALUE);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("an unbounded wait timed out", ex);
		}
	}

	/**
	 * Waits up to the timeout until every member has ended, as {@link #join()}.
	 * @param timeout how long to wait
	 * @return the results, in submission order
	 * @throws TaskGroupException if a member failed, or the group's deadline passed
	 * @throws TimeoutException if members are still running after the timeout; they keep
	 * running, and {@link #close()} stops them
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if called from a worker of the group's pool
	 */
	public List<T> join(Duration timeout) throws InterruptedException, TimeoutException {
		Objects.requireNonNull(timeout, "timeout must not be null");
		return join(WorkerPool.saturatedNanos(timeout));
	}

	private List<T> join(long timeoutNanos) throws InterruptedException, TimeoutException {
		if (this.pool.isWorkerThread(Thread.currentThread())) {
			throw new IllegalStateException(
					"task group '" + this.options.name() + "' cannot be joined from a worker of " + "its own pool '"
							+ this.pool.name() + "': the worker would wait for members that need a worker, "
							+ "which deadlocks a busy pool; run the group on another pool");
		}
		List<Member> ended;
		Throwable failed;
		synchronized (this.lock) {
			this.open = false;
			long deadline = System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 2);
			while (this.unended > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new TimeoutException("task group '" + this.options.name() + "': " + this.unended
							+ " member(s) still running after " + Duration.ofNanos(timeoutNanos));
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			ended = new ArrayList<>(this.members);
		}
		awaitFutures(ended);
		synchronized (this.lock) {
			failed = this.failure;
			countOutcome();
		}
		cancelDeadlineTimer();
		if (failed != null) {
			TaskGroupException exception = new TaskGroupException(this.options.name(), failed);
			synchronized (this.lock) {
				this.laterFailures.forEach(exception::addSuppressed);
			}
			throw exception;
		}
		List<T> results = new ArrayList<>(ended.size());
		for (Member member : ended) {
			results.add(member.resultNow());
		}
		return Collections.unmodifiableList(results);
	}

	/**
	 * Stops the members that have not ended (unless the group was joined, when all have)
	 * and waits until every member's code has returned; no member can be added
	 * afterwards. An interrupt while waiting is kept for the caller, and the wait goes
	 * on.
	 */
	@Override
	public void close() {
		stop(Stop.CLOSE);
		boolean interrupted = false;
		List<Member> ended;
		synchronized (this.lock) {
			this.open = false;
			while (this.unended > 0) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			ended = new ArrayList<>(this.members);
		}
		awaitFutures(ended);
		synchronized (this.lock) {
			countOutcome();
		}
		cancelDeadlineTimer();
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the ended members' futures are complete: a member's failure is recorded
	 * before its future completes, so once all are complete, the failure is final.
	 */
	private static void awaitFutures(List<? extends CompletableFuture<?>> members) {
		for (CompletableFuture<?> member : members) {
			member.handle((result, failure) -> null).join();
		}
	}

	/**
	 * Counts the group's outcome, once: by the first join or close that saw every member
	 * end. Called with lock held.
	 */
	private void countOutcome() {
		if (this.ended) {
			return;
		}
		this.ended = true;
		GroupOutcome outcome;
		if (this.expired) {
			outcome = GroupOutcome.EXPIRED;
		}
		else if (this.failure != null) {
			outcome = GroupOutcome.FAILED;
		}
		else if (this.closedEarly) {
			outcome = GroupOutcome.CANCELLED;
		}
		else {
			outcome = GroupOutcome.SUCCEEDED;
		}
		this.pool.groupEnded(outcome);
	}

	/**
	 * Returns how many members have not ended yet (running, queued in the pool, or
	 * waiting in the group for the limit).
	 * @return the members not yet ended
	 */
	public int unendedMembers() {
		synchronized (this.lock) {
			return this.unended;
		}
	}

	@Override
	public String toString() {
		synchronized (this.lock) {
			return "TaskGroup[" + this.options.name() + ", members=" + this.members.size() + ", unended=" + this.unended
					+ ", failed=" + (this.failure != null) + "]";
		}
	}

	// -----------------------------------------------------------------------------------
	// Members: handing to the pool, running, ending
	// -----------------------------------------------------------------------------------

	/**
	 * Submits a member to the pool; returns the rejection if the pool refused it (the
	 * member has then ended, as the group's failure).
	 */
	private @Nullable TaskRejectedException handToPool(Member member) {
		CallableTask<T> task = this.pool.newCallableTask(member, memberOptions(member.options));
		// Known before any worker can run it, so that the member can cancel itself.
		member.task = task.future;
		task.future.whenComplete((result, failure) -> taskCompleted(member, result, failure));
		try {
			this.pool.submitPrepared(task);
		}
		catch (TaskRejectedException ex) {
			if (member.tryEnd()) {
				memberEnded(member, ex, true);
			}
			member.completeExceptionally(ex);
			return ex;
		}
		member.dispatched = true;
		// Whoever comes second cancels: the stopper or canceller sets its flag, then
		// reads
		// dispatched.
		// A member that already ended is left alone: it may be the very failure that
		// stopped the group, still finishing on its worker.
		if ((this.stopped || member.cancelRequested) && !member.hasEnded()) {
			task.future.cancel(true);
		}
		return null;
	}

	private TaskOptions memberOptions(TaskOptions options) {
		TaskOptions cut = (options.name() != null) ? options : options.withName(this.options.name());
		if (this.options.deadline() == null) {
			return cut;
		}
		Duration left = Duration.ofNanos(this.deadline - this.pool.now());
		Duration own = options.deadline();
		if (own == null && this.pool.defaultDeadlineNanos() != 0) {
			own = Duration.ofNanos(this.pool.defaultDeadlineNanos());
		}
		return (own != null && own.compareTo(left) <= 0) ? cut : cut.withDeadline(left);
	}

	/**
	 * The member's pool task completed: end the member if it never ran, record a failure
	 * its code did not record itself, then carry the outcome over to the member's future.
	 */
	private void taskCompleted(Member member, @Nullable T result, @Nullable Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (member.tryEnd()) {
			// It never ran: cancelled, expired, evicted or returned while queued.
			memberEnded(member, cause, true);
		}
		else if (cause instanceof CancellationException) {
			// Cancelled while running; what its code throws is recorded by run().
			recordFailure(cause);
		}
		if (cause == null) {
			member.complete(result);
		}
		else if (cause instanceof CancellationException) {
			member.cancelInGroup();
		}
		else {
			member.completeExceptionally(cause);
		}
	}

	/**
	 * Counts a member's end (after recording its failure, if any: fail-fast stops the
	 * group), and hands the next waiting member to the pool if the limit allows.
	 * {@code counted} says whether the member counted against the limit.
	 */
	private void memberEnded(Member member, @Nullable Throwable failure, boolean counted) {
		if (failure != null) {
			recordFailure(failure);
		}
		Member next = null;
		synchronized (this.lock) {
			if (--this.unended == 0) {
				this.pool.groupActive(false);
			}
			if (counted) {
				this.inPool--;
			}
			if (!this.stopped && !this.waiting.isEmpty()
					&& (this.options.limit() == 0 || this.inPool < this.options.limit())) {
				next = this.waiting.poll();
				this.inPool++;
			}
			if (this.unended == 0) {
				this.lock.notifyAll();
			}
		}
		if (next != null) {
			handToPool(next);
		}
	}

	private void recordFailure(Throwable failure) {
		if (failure instanceof TaskExpiredException && this.options.deadline() != null
				&& this.pool.now() - this.deadline >= 0) {
			// A member expired by the group's deadline, before the group's own timer
			// went off: the group's deadline is the failure.
			expire();
			return;
		}
		if (record(failure) && this.options.failFast()) {
			stop(Stop.FAILURE);
		}
	}

	/** Records a failure of the group; returns whether it is the first. */
	private boolean record(Throwable failure) {
		boolean first;
		synchronized (this.lock) {
			if (this.stopped
					&& (this.failure != null || this.closedEarly || failure instanceof CancellationException)) {
				// A cancellation the group made itself, or what a member it stopped
				// threw on its way out (an InterruptedException, say).
				return false;
			}
			first = this.failure == null;
			if (first) {
				this.failure = failure;
				if (this.options.failFast()) {
					this.open = false;
				}
			}
			else if (failure != this.failure && !this.laterFailures.contains(failure)) {
				this.laterFailures.add(failure);
			}
		}
		return first;
	}

	/**
	 * Stops the members that have not ended, once: waiting ones are dropped, pool tasks
	 * are cancelled with an interrupt. When the group's deadline passed, only running
	 * members are cancelled: the queued ones expire on their own, their deadlines being
	 * cut to the group's.
	 */
	private void stop(Stop why) {
		List<Member> dropped;
		List<Member> inPool = new ArrayList<>();
		synchronized (this.lock) {
			if (this.stopped || this.unended == 0) {
				return;
			}
			this.stopped = true;
			this.closedEarly = why == Stop.CLOSE;
			this.open = false;
			dropped = new ArrayList<>(this.waiting);
			this.waiting.clear();
			for (Member member : this.members) {
				if (member.dispatched && !member.hasEnded()) {
					inPool.add(member);
				}
			}
		}
		for (Member member : dropped) {
			if (member.tryEnd()) {
				memberEnded(member, null, false);
			}
			member.cancelInGroup();
		}
		if (this.pool.isStopping()) {
			// shutdownNow is returning the queued members and interrupting the running
			// ones: cancelling them here would take them from its list.
			return;
		}
		for (Member member : inPool) {
			if (why != Stop.DEADLINE || member.isRunning()) {
				member.task.cancel(true);
			}
		}
	}

	private void deadlinePassed() {
		long overdue = this.pool.now() - this.deadline;
		if (overdue < 0) {
			// Only with a ticker slower than real time: look again later.
			DeadlineTimer.schedule(this::deadlinePassed, Math.max(-overdue, TimeUnit.MILLISECONDS.toNanos(1)));
			return;
		}
		synchronized (this.lock) {
			if (this.unended == 0) {
				return;
			}
		}
		expire();
	}

	private void expire() {
		if (record(new TimeoutException("the deadline of task group '" + this.options.name() + "' ("
				+ this.options.deadline() + ") passed before all its members ended"))) {
			synchronized (this.lock) {
				this.expired = true;
			}
		}
		stop(Stop.DEADLINE);
	}

	private void cancelDeadlineTimer() {
		if (this.deadlineTimer != null) {
			this.deadlineTimer.cancel(false);
		}
	}

	private String notOpen() {
		if (this.failure != null && (this.stopped || this.options.failFast())) {
			return "task group '" + this.options.name() + "' has failed (" + this.failure + "); no member can be added";
		}
		return "task group '" + this.options.name() + "' was joined or closed; no member can be added";
	}

	/** Why a group stops its members. */
	private enum Stop {

		/** A member failed, and the group fails fast. */
		FAILURE,

		/** The group's deadline passed. */
		DEADLINE,

		/** The group was closed before all its members ended. */
		CLOSE

	}

	/**
	 * One member: the future its submitter holds, and the run word that decides, once,
	 * whether its code runs.
	 */
	private final class Member extends CompletableFuture<T> implements Callable<T>, GroupMember {

		private final Callable<? extends T> work;

		private final TaskOptions options;

		private final AtomicInteger run = new AtomicInteger(PENDING);

		/** The member's pool task, once handed to the pool. */
		volatile @Nullable CompletableFuture<T> task;

		/** Whether the pool accepted the member's task. */
		volatile boolean dispatched;

		/** Whether the member's own future was cancelled before it was dispatched. */
		volatile boolean cancelRequested;

		Member(Callable<? extends T> work, TaskOptions options) {
			this.work = work;
			this.options = options;
		}

		/** Runs on a worker, as the member's pool task. */
		@Override
		public T call() throws Exception {
			if (TaskGroup.this.stopped && this.run.compareAndSet(PENDING, DONE)) {
				// The group stopped before the worker reached this member: it must not
				// run, and ends cancelled, as if the stop had reached it in the queue.
				this.task.cancel(false);
				memberEnded(this, null, true);
				throw new CancellationException("the group stopped before the member started");
			}
			if (!this.run.compareAndSet(PENDING, RUNNING)) {
				throw new CancellationException("the member ended before it started");
			}
			Throwable thrown = null;
			try {
				return this.work.call();
			}
			catch (Throwable ex) {
				thrown = ex;
				throw ex;
			}
			finally {
				// DONE first, so that a fail-fast stop caused by this very failure does
				// not cancel this member: it ends FAILED.
				this.run.set(DONE);
				memberEnded(this, thrown, true);
			}
		}

		@Override
		public String groupName() {
			return TaskGroup.this.options.name();
		}

		boolean hasEnded() {
			return this.run.get() == DONE;
		}

		boolean isRunning() {
			return this.run.get() == RUNNING;
		}

		/** Ends a member that never ran; {@code false} if its code ran or is running. */
		boolean tryEnd() {
			return this.run.compareAndSet(PENDING, DONE);
		}

		void cancelInGroup() {
			super.cancel(false);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.cancelRequested = true;
			CompletableFuture<T> pooled = this.task;
			if (pooled != null && this.dispatched) {
				return pooled.cancel(mayInterruptIfRunning) || isCancelled();
			}
			boolean wasWaiting;
			synchronized (TaskGroup.this.lock) {
				wasWaiting = TaskGroup.this.waiting.remove(this);
			}
			if (wasWaiting && tryEnd()) {
				memberEnded(this, new CancellationException("cancelled while waiting in the group"), false);
				super.cancel(false);
				return true;
			}
			return isCancelled();
		}

		T resultNow() {
			try {
				return get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reading an ended member's result", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("an ended member without failure failed", ex);
			}
		}

		@Override
		public <U> CompletableFuture<U> newIncompleteFuture() {
			return new CompletableFuture<>();
		}

	}

}
