package io.gopool;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/**
 * Flight-recorder events, the JVM's {@code go tool trace}: open a recording in JDK
 * Mission Control and each task's run shows as a span on its worker thread, between its
 * queued and started events.
 * <p>
 * Every event is disabled by default ({@link Enabled @Enabled(false)}), so until a
 * recording enables one a pool pays a single enabled-check per event, and the event
 * object is never allocated. The per-task events (queued, started, finished) suit a short
 * diagnostic recording; the rare ones (failed, expired, rejected, stuck, resized) are
 * cheap enough to leave on. Only the task's name, its priority, its group's name and
 * times are recorded, never its arguments or a failure's message (either may hold
 * secrets): a failure is recorded by its class. Callers check first that the runtime has
 * the {@code jdk.jfr} module (see {@link TaskReporter}).
 */
final class JfrEvents {

	private JfrEvents() {
	}

	static void queued(String pool, Task task, TaskQueue queue) {
		TaskQueued event = new TaskQueued();
		if (event.isEnabled()) {
			event.describe(pool, task);
			event.queueSize = queue.size();
			event.commit();
		}
	}

	static void started(String pool, Task task, long waitNanos) {
		TaskStarted event = new TaskStarted();
		if (event.isEnabled()) {
			event.describe(pool, task);
			event.waitTime = waitNanos;
			event.commit();
		}
	}

	/** Starts the span of a task's run; {@code null} if the event is not enabled. */
	static TaskFinished beginRun() {
		TaskFinished event = new TaskFinished();
		if (!event.isEnabled()) {
			return null;
		}
		event.begin();
		return event;
	}

	static void endRun(TaskFinished event, String pool, Task task, TaskOutcome outcome, long waitNanos) {
		event.end();
		if (event.shouldCommit()) {
			event.describe(pool, task);
			event.outcome = outcome.name();
			event.waitTime = waitNanos;
			event.commit();
		}
	}

	static void failed(String pool, Task task, Throwable failure) {
		TaskFailed event = new TaskFailed();
		if (event.isEnabled()) {
			event.describe(pool, task);
			event.exceptionClass = (failure != null) ? failure.getClass() : null;
			event.commit();
		}
	}

	static void expired(String pool, Task task, long waitNanos, Throwable failure) {
		TaskExpired event = new TaskExpired();
		if (event.isEnabled()) {
			event.describe(pool, task);
			event.waitTime = waitNanos;
			event.overdue = (failure instanceof TaskExpiredException expiry) ? expiry.getOverdueNanos() : 0;
			event.commit();
		}
	}

	static void rejected(String pool, Task task, String reason) {
		TaskRejected event = new TaskRejected();
		if (event.isEnabled()) {
			event.describe(pool, task);
			event.reason = reason;
			event.commit();
		}
	}

	static void stuck(RunningTask task, @Nullable String group) {
		TaskStuck event = new TaskStuck();
		if (event.isEnabled()) {
			event.describe(task.poolName(), task.task(), task.priority(), group);
			event.workerThread = task.threadName();
			event.runningTime = task.running().toNanos();
			event.commit();
		}
	}

	static void resized(String pool, int oldMin, int oldMax, int newMin, int newMax) {
		PoolResized event = new PoolResized();
		if (event.isEnabled()) {
			event.pool = pool;
			event.oldMinWorkers = oldMin;
			event.oldMaxWorkers = oldMax;
			event.newMinWorkers = newMin;
			event.newMaxWorkers = newMax;
			event.commit();
		}
	}

	/**
	 * What every task event carries. The flight recorder includes a superclass's fields,
	 * and the category and the off-by-default and no-stack-trace settings are inherited.
	 */
	@Category("GoPool")
	@Enabled(false)
	@StackTrace(false)
	abstract static class PerTaskEvent extends Event {

		@Label("Pool")
		String pool;

		@Label("Task")
		String task;

		@Label("Priority")
		int priority;

		@Label("Group")
		@Description("The name of the task group the task is a member of, if any")
		@Nullable String group;

		final void describe(String pool, Task task) {
			describe(pool, task.toString(), task.priority, task.group());
		}

		final void describe(String pool, String task, int priority, @Nullable String group) {
			this.pool = pool;
			this.task = task;
			this.priority = priority;
			this.group = group;
		}

	}

	@Name("io.gopool.TaskQueued")
	@Label("Task Queued")
	@Description("A task went into a pool's queue because no worker was free")
	static final class TaskQueued extends PerTaskEvent {

		@Label("Queue Size")
		@Description("Tasks in the queue, this one included")
		int queueSize;

	}

	@Name("io.gopool.TaskStarted")
	@Label("Task Started")
	@Description("A worker started a task")
	static final class TaskStarted extends PerTaskEvent {

		@Label("Wait Time")
		@Description("Time from submission to start")
		@Timespan(Timespan.NANOSECONDS)
		long waitTime;

	}

	@Name("io.gopool.TaskFinished")
	@Label("Task Finished")
	@Description("A task ran; the event spans its run on the worker thread")
	static final class TaskFinished extends PerTaskEvent {

		@Label("Outcome")
		@Description("COMPLETED, FAILED or CANCELLED")
		String outcome;

		@Label("Wait Time")
		@Description("Time from submission to start")
		@Timespan(Timespan.NANOSECONDS)
		long waitTime;

	}

	@Name("io.gopool.TaskFailed")
	@Label("Task Failed")
	@Description("A task threw; only the exception's class is recorded")
	static final class TaskFailed extends PerTaskEvent {

		@Label("Exception Class")
		Class<?> exceptionClass;

	}

	@Name("io.gopool.TaskExpired")
	@Label("Task Expired")
	@Description("A task's deadline passed before it started, so it never ran")
	static final class TaskExpired extends PerTaskEvent {

		@Label("Wait Time")
		@Description("Time from submission to expiry")
		@Timespan(Timespan.NANOSECONDS)
		long waitTime;

		@Label("Overdue")
		@Description("How far past its deadline the task was when it expired")
		@Timespan(Timespan.NANOSECONDS)
		long overdue;

	}

	@Name("io.gopool.TaskRejected")
	@Label("Task Rejected")
	@Description("A pool did not accept a task")
	static final class TaskRejected extends PerTaskEvent {

		@Label("Reason")
		String reason;

	}

	@Name("io.gopool.TaskStuck")
	@Label("Task Stuck")
	@Description("A task has been running longer than its pool's stuck threshold")
	static final class TaskStuck extends PerTaskEvent {

		@Label("Worker Thread")
		String workerThread;

		@Label("Running Time")
		@Timespan(Timespan.NANOSECONDS)
		long runningTime;

	}

	@Name("io.gopool.PoolResized")
	@Label("Pool Resized")
	@Description("A pool's minimum or maximum number of workers changed")
	@Category("GoPool")
	@Enabled(false)
	@StackTrace(false)
	static final class PoolResized extends Event {

		@Label("Pool")
		String pool;

		@Label("Old Min Workers")
		int oldMinWorkers;

		@Label("Old Max Workers")
		int oldMaxWorkers;

		@Label("New Min Workers")
		int newMinWorkers;

		@Label("New Max Workers")
		int newMaxWorkers;

	}

}
