package io.gopool;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Per-task options for {@link GoPool#submit(java.util.concurrent.Callable, TaskOptions)}:
 * a priority, a deadline, a name, a completion callback and a key (see {@link #withKey}).
 * Instances are immutable; each {@code with...} method returns a copy, so a shared
 * instance is safe to reuse:
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

	private static final TaskOptions DEFAULTS = new TaskOptions(null, null, null, null, null);

	private final @Nullable Integer priority;

	private final @Nullable Duration deadline;

	private final @Nullable String name;

	private final @Nullable TaskCallback callback;

	private final @Nullable Object key;

	private TaskOptions(@Nullable Integer priority, @Nullable Duration deadline, @Nullable String name,
			@Nullable TaskCallback callback, @Nullable Object key) {
		this.priority = priority;
		this.deadline = deadline;
		this.name = name;
		this.callback = callback;
		this.key = key;
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
		return new TaskOptions(priority, this.deadline, this.name, this.callback, this.key);
	}

	/**
	 * Returns a copy whose tasks expire if not started within the given time after
	 * submission. A zero or negative deadline has already passed: such a task never runs.
	 * @param deadline how long after submission the task may still start
	 * @return a copy with the deadline set
	 */
	public TaskOptions withDeadline(Duration deadline) {
		Objects.requireNonNull(deadline, "deadline must not be null");
		return new TaskOptions(this.priority, deadline, this.name, this.callback, this.key);
	}

	/**
	 * Returns a copy with a name that describes the task in events, reports and
	 * exceptions.
	 * @param name the task's name
	 * @return a copy with the name set
	 */
	public TaskOptions withName(String name) {
		Objects.requireNonNull(name, "name must not be null");
		return new TaskOptions(this.priority, this.deadline, name, this.callback, this.key);
	}

	/**
	 * Returns a copy that calls the given callback once when the task ends.
	 * @param callback the callback
	 * @return a copy with the callback set
	 */
	public TaskOptions withCallback(TaskCallback callback) {
		Objects.requireNonNull(callback, "callback must not be null");
		return new TaskOptions(this.priority, this.deadline, this.name, callback, this.key);
	}

	/**
	 * Returns a copy with a key: tasks with equal keys ({@link Object#equals}) run one at
	 * a time, in submission order, while tasks with different keys run in parallel. A
	 * task waiting for its key's previous task holds a queue place but no worker; it
	 * starts once every earlier task of its key has ended, whatever their outcome (a
	 * failure, expiry or cancellation does not hold up the rest). Order within a key
	 * comes before priority: a task's priority counts only once its key lets it go. The
	 * pool keeps memory for a key only while it has tasks. A keyed task whose key is busy
	 * cannot run in the caller: with {@link RejectionPolicy#CALLER_RUNS} and a full queue
	 * it is rejected.
	 * @param key the key, such as an account or order id; compared with {@code equals}
	 * @return a copy with the key set
	 */
	public TaskOptions withKey(Object key) {
		Objects.requireNonNull(key, "key must not be null");
		return new TaskOptions(this.priority, this.deadline, this.name, this.callback, key);
	}

	/**
	 * Returns the task's key, or {@code null} for a task that has none.
	 * @return the key or {@code null}
	 */
	public @Nullable Object key() {
		return this.key;
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
				+ ", callback=" + (this.callback != null) + ", key=" + this.key + "]";
	}

}
