package io.gopool;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Per-task options for {@link GoPool#submit(java.util.concurrent.Callable, TaskOptions)}:
 * a priority, a deadline, a name and a completion callback. Instances are immutable; each
 * {@code with...} method returns a copy, so a shared instance is safe to reuse:
 *
 * <pre class="code">
 * TaskOptions urgent = TaskOptions.defaults().withPriority(-10).withDeadline(Duration.ofMillis(500));
 * CompletableFuture&lt;Order&gt; order = pool.submit(() -&gt; load(id), urgent);
 * </pre>
 *
 * <p>
 * <b>Priority</b> runs from {@value #MOST_URGENT} (most urgent) to {@value #LEAST_URGENT}
 * (least), as with Unix {@code nice}. A worker always takes the most urgent queued task,
 * first in first out among equal priorities. Priorities are strict: while more urgent
 * tasks keep arriving, less urgent ones wait; give those a deadline if they must not wait
 * forever.
 * <p>
 * <b>Deadline</b> is measured from submission. A task whose deadline passes before a
 * worker starts it never runs: its future completes exceptionally with a
 * {@link TaskExpiredException}, it stops taking queue capacity and it is counted as
 * {@link TaskOutcome#EXPIRED}. A deadline does not interrupt a task that has started.
 */
public final class TaskOptions {

	/**
	 * The most urgent priority.
	 */
	public static final int MOST_URGENT = -20;

	/**
	 * The least urgent priority.
	 */
	public static final int LEAST_URGENT = 19;

	private static final TaskOptions DEFAULTS = new TaskOptions(null, null, null, null);

	private final @Nullable Integer priority;

	private final @Nullable Duration deadline;

	private final @Nullable String name;

	private final @Nullable TaskCallback callback;

	private TaskOptions(@Nullable Integer priority, @Nullable Duration deadline, @Nullable String name,
			@Nullable TaskCallback callback) {
		this.priority = priority;
		this.deadline = deadline;
		this.name = name;
		this.callback = callback;
	}

	/**
	 * Returns the options that leave everything to the pool: its default priority, its
	 * default deadline (if any), no name and no callback.
	 * @return the default options
	 */
	public static TaskOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with the given priority.
	 * @param priority from {@value #MOST_URGENT} (most urgent) to {@value #LEAST_URGENT}
	 * @return a copy with the priority set
	 * @throws IllegalArgumentException if the priority is out of range
	 */
	public TaskOptions withPriority(int priority) {
		checkPriority(priority, "priority");
		return new TaskOptions(priority, this.deadline, this.name, this.callback);
	}

	/**
	 * Returns a copy whose tasks expire if not started within the given time after
	 * submission. A zero or negative deadline has already passed: such a task never runs.
	 * @param deadline how long after submission the task may still start
	 * @return a copy with the deadline set
	 */
	public TaskOptions withDeadline(Duration deadline) {
		Objects.requireNonNull(deadline, "deadline must not be null");
		return new TaskOptions(this.priority, deadline, this.name, this.callback);
	}

	/**
	 * Returns a copy with a name that describes the task in events, reports and
	 * exceptions.
	 * @param name the task's name
	 * @return a copy with the name set
	 */
	public TaskOptions withName(String name) {
		Objects.requireNonNull(name, "name must not be null");
		return new TaskOptions(this.priority, this.deadline, name, this.callback);
	}

	/**
	 * Returns a copy that calls the given callback once when the task ends.
	 * @param callback the callback
	 * @return a copy with the callback set
	 */
	public TaskOptions withCallback(TaskCallback callback) {
		Objects.requireNonNull(callback, "callback must not be null");
		return new TaskOptions(this.priority, this.deadline, this.name, callback);
	}

	/**
	 * Returns the priority, or {@code null} to use the pool's default priority.
	 * @return the priority or {@code null}
	 */
	public @Nullable Integer priority() {
		return this.priority;
	}

	/**
	 * Returns the deadline, or {@code null} to use the pool's default deadline.
	 * @return the deadline or {@code null}
	 */
	public @Nullable Duration deadline() {
		return this.deadline;
	}

	/**
	 * Returns the task's name, or {@code null}.
	 * @return the name or {@code null}
	 */
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * Returns the completion callback, or {@code null}.
	 * @return the callback or {@code null}
	 */
	public @Nullable TaskCallback callback() {
		return this.callback;
	}

	static void checkPriority(int priority, String setting) {
		if (priority < MOST_URGENT || priority > LEAST_URGENT) {
			throw new IllegalArgumentException(
					setting + " must be between " + MOST_URGENT + " and " + LEAST_URGENT + " (was " + priority + ")");
		}
	}

	@Override
	public String toString() {
		return "TaskOptions[priority=" + this.priority + ", deadline=" + this.deadline + ", name=" + this.name
				+ ", callback=" + (this.callback != null) + "]";
	}

}
