package io.gopool;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link TaskGroup} behaves: its name, a deadline for the whole group, a limit on
 * how many of its members run at once, and whether the first failure cancels the rest.
 * Instances are immutable; each {@code with...} method returns a copy. <pre>{@code
 * GroupOptions options = GroupOptions.defaults().withName("quote").withDeadline(Duration.ofSeconds(2)).withLimit(4);
 * }</pre>
 */
public final class GroupOptions {

	private static final GroupOptions DEFAULTS = new GroupOptions("group", null, 0, true);

	private final String name;

	private final @Nullable Duration deadline;

	private final int limit;

	private final boolean failFast;

	private GroupOptions(String name, @Nullable Duration deadline, int limit, boolean failFast) {
		this.name = name;
		this.deadline = deadline;
		this.limit = limit;
		this.failFast = failFast;
	}

	/**
	 * Returns the defaults: named {@code group}, no deadline, no limit, fail-fast on.
	 * @return the default options
	 */
	public static GroupOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with a name that describes the group in exceptions; members without
	 * a name of their own are named after it.
	 * @param name the group's name, not blank
	 * @return a copy with the name set
	 */
	public GroupOptions withName(String name) {
		Objects.requireNonNull(name, "name must not be null");
		GoPoolBuilder.requireArgument(!name.isBlank(), "group name must not be blank");
		return new GroupOptions(name, this.deadline, this.limit, this.failFast);
	}

	/**
	 * Returns a copy with a deadline for the whole group, counted from the group's
	 * creation: members that have not started by then expire, and running ones are
	 * cancelled and interrupted.
	 * @param deadline how long the group may take, positive
	 * @return a copy with the deadline set
	 */
	public GroupOptions withDeadline(Duration deadline) {
		Objects.requireNonNull(deadline, "deadline must not be null");
		GoPoolBuilder.requireArgument(deadline.compareTo(Duration.ZERO) > 0, "group deadline must be positive (was %s)",
				deadline);
		return new GroupOptions(this.name, deadline, this.limit, this.failFast);
	}

	/**
	 * Returns a copy that runs at most {@code limit} members at once; the others wait in
	 * the group, holding no worker and no queue place, until a running member ends.
	 * @param limit at least 1
	 * @return a copy with the limit set
	 */
	public GroupOptions withLimit(int limit) {
		GoPoolBuilder.requireArgument(limit >= 1, "group limit must be at least 1 (was %s)", limit);
		return new GroupOptions(this.name, this.deadline, limit, this.failFast);
	}

	/**
	 * Returns a copy with fail-fast on or off. On (the default), the first member that
	 * fails cancels the others; off, every member runs to its end and {@code join}
	 * reports all failures.
	 * @param failFast whether the first failure cancels the rest
	 * @return a copy with fail-fast set
	 */
	public GroupOptions withFailFast(boolean failFast) {
		return new GroupOptions(this.name, this.deadline, this.limit, failFast);
	}

	/**
	 * Returns the group's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the group's deadline, or {@code null} if it has none.
	 * @return the deadline or {@code null}
	 */
	public @Nullable Duration deadline() {
		return this.deadline;
	}

	/**
	 * Returns how many members may run at once; {@code 0} for no limit.
	 * @return the limit, or {@code 0}
	 */
	public int limit() {
		return this.limit;
	}

	/**
	 * Returns whether the first failure cancels the other members.
	 * @return whether fail-fast is on
	 */
	public boolean failFast() {
		return this.failFast;
	}

	@Override
	public String toString() {
		return "GroupOptions[name=" + this.name + ", deadline=" + this.deadline + ", limit=" + this.limit
				+ ", failFast=" + this.failFast + "]";
	}

}
