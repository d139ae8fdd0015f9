package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A named, bounded pool of reused workers: the JVM counterpart of a Go goroutine pool.
 * <p>
 * A submitted task goes straight to an idle worker (the most recently idle one, so hot
 * workers are reused and cold ones retire after {@code keepAlive}); if none is idle a new
 * worker starts while the pool is below {@code maxWorkers}; only then is the task queued,
 * and a full queue triggers the {@link RejectionPolicy}. Unlike
 * {@link java.util.concurrent.ThreadPoolExecutor}, a pool therefore grows to its maximum
 * before it queues.
 *
 * <pre class="code">
 * try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(16).queueCapacity(1000).build("orders")) {
 *     CompletableFuture&lt;Receipt&gt; receipt = pool.submit(() -&gt; checkout(cart),
 *             TaskOptions.defaults().withPriority(-5).withDeadline(Duration.ofSeconds(2)));
 * }
 * </pre>
 *
 * <p>
 * Every task a pool accepts ends exactly once, as one of the {@link TaskOutcome}s, and
 * {@link #stats()} counts them. The {@code submit} methods return
 * {@link CompletableFuture}s whose {@code cancel(true)} interrupts a running task.
 */
public interface GoPool extends ExecutorService, AutoCloseable {

	/**
	 * Returns a builder for a new pool.
	 * @return a new builder with every setting at its default
	 */
	static GoPoolBuilder newBuilder() {
		return new GoPoolBuilder();
	}

	/**
	 * Returns the pool's name.
	 * @return the name given to {@link GoPoolBuilder#build(String)}
	 */
	String name();

	/**
	 * Submits a task with options: priority, deadline, name and completion callback.
	 * Options left unset take the pool's defaults.
	 * @param <T> the task's result type
	 * @param task the task
	 * @param options the task's options
	 * @return a future for the task's result; cancelling it with {@code true} interrupts
	 * the task if it is running
	 * @throws TaskRejectedException if the pool does not accept the task
	 */
	<T> CompletableFuture<T> submit(Callable<T> task, TaskOptions options);

	/**
	 * Starts a task group with the default options: members are waited for together, and
	 * the first failure cancels the rest (see {@link TaskGroup}).
	 * @param <T> the members' result type
	 * @return a new group
	 */
	<T> TaskGroup<T> newGroup();

	/**
	 * Starts a task group with options: a name, a deadline for the whole group, a limit
	 * on how many members run at once, fail-fast on or off (see {@link TaskGroup}).
	 * @param <T> the members' result type
	 * @param options the group's options
	 * @return a new group
	 */
	<T> TaskGroup<T> newGroup(GroupOptions options);

	/**
	 * Submits a task without a result, with options, as
	 * {@link #submit(Callable, TaskOptions)} does. Without this method a {@code void}
	 * lambda with options would resolve to {@link #submit(Runnable, Object)} and the
	 * options would silently become the future's result.
	 * @param task the task
	 * @param options the task's options
	 * @return a future that completes with {@code null} when the task has run; cancelling
	 * it with {@code true} interrupts the task if it is running
	 * @throws TaskRejectedException if the pool does not accept the task
	 */
	CompletableFuture<?> submit(Runnable task, TaskOptions options);

	/**
	 * Runs a task with options, without a future: what it throws goes to the pool's
	 * uncaught-exception handler, as with {@link #execute(Runnable)}. The callback, if
	 * any, is still called once with the outcome.
	 * @param task the task
	 * @param options the task's options
	 * @throws TaskRejectedException if the pool does not accept the task
	 */
	void execute(Runnable task, TaskOptions options);

	@Override
	<T> CompletableFuture<T> submit(Callable<T> task);

	@Override
	CompletableFuture<?> submit(Runnable task);

	@Override
	<T> CompletableFuture<T> submit(Runnable task, T result);

	/**
	 * Returns a snapshot of the pool's state and counters.
	 * @return the current stats
	 */
	GoPoolStats stats();

	/**
	 * Returns how long the tasks started so far waited between submission and start; take
	 * two snapshots and subtract with {@link DurationHistogram#since} to see an interval.
	 * @return the wait histogram
	 */
	DurationHistogram waitHistogram();

	/**
	 * Returns how long the tasks that ran so far ran, from start to end, whatever their
	 * outcome (a task cancelled while running counts the time it ran); subtract an
	 * earlier snapshot with {@link DurationHistogram#since} to see an interval.
	 * @return the run-time histogram
	 */
	DurationHistogram runHistogram();

	/**
	 * Returns the tasks the pool's workers are running now, longest-running first: the
	 * in-flight view. Tasks run by a submitter under {@link RejectionPolicy#CALLER_RUNS}
	 * are not included. Capturing stack traces briefly pauses each worker thread, so ask
	 * for them only when looking at a problem.
	 * @param withStackTraces whether to capture each worker thread's stack
	 * @return the running tasks
	 */
	List<RunningTask> runningTasks(boolean withStackTraces);

	/**
	 * Returns a snapshot of the pool's configuration, with the current values of the
	 * tunable settings.
	 * @return the settings
	 */
	GoPoolSettings settings();

	/**
	 * Retunes a live pool: the values the change sets are applied, all at once, and the
	 * other settings keep their current values. Retunes are serialised; the combination
	 * is checked before anything is applied (the minimum must not exceed the maximum,
	 * counting the current value of the one not changed), so a refused retune changes
	 * nothing. See {@link GoPoolTuning} for what each change does to running workers and
	 * queued tasks.
	 * @param change the values to change
	 * @return the settings after the change
	 * @throws IllegalArgumentException if the minimum would exceed the maximum; nothing
	 * changes then
	 */
	GoPoolSettings tune(GoPoolTuning change);

	/**
	 * Stops taking tasks and waits up to the timeout for every accepted task to finish;
	 * if they do not, calls {@link #shutdownNow()} and reports what never started and
	 * what was interrupted. If the calling thread is interrupted while waiting, the pool
	 * is stopped at once and the interrupt status is kept.
	 * @param timeout how long to wait for queued and running tasks to finish
	 * @return what the drain achieved
	 */
	DrainReport drain(Duration timeout);

	/**
	 * Stops the pool: queued tasks that never started are returned and counted as
	 * {@link TaskOutcome#RETURNED}, and running tasks are interrupted. Tasks given to
	 * {@code execute} are returned as the very {@code Runnable}s that were passed in.
	 * Tasks given to {@code submit} are returned as the pool's task objects; their
	 * futures are cancelled first, so no waiter hangs, and running them afterwards does
	 * nothing.
	 * @return the tasks that never started
	 */
	@Override
	List<Runnable> shutdownNow();

	/**
	 * Shuts the pool down and waits for it to terminate, as
	 * {@code ExecutorService.close()} does from Java 19 on: if interrupted while waiting
	 * it calls {@link #shutdownNow()}, keeps waiting, and restores the interrupt status
	 * before returning.
	 */
	@Override
	void close();

	/**
	 * Waits until the pool has terminated after a shutdown, or the timeout elapses. Zero
	 * and negative timeouts do not wait; a huge timeout waits as long as it takes.
	 * @param timeout the longest time to wait
	 * @param unit the unit of {@code timeout}
	 * @return whether the pool terminated
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Override
	boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;

}
