package io.gopool;

/**
 * Thrown by {@link TaskGroup#join()} when a member failed, was cancelled, expired or was
 * rejected, or the group's deadline passed: the cause is the first such failure, and the
 * others are attached as suppressed exceptions. What the group brought about itself is
 * left out: the cancellations of the members it stopped after the first failure, and what
 * those members threw on their way out (an {@code InterruptedException}, say).
 */
public class TaskGroupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String groupName;

	/**
	 * Creates the exception.
	 * @param groupName the group's name
	 * @param cause the first failure
	 */
	public TaskGroupException(String groupName, Throwable cause) {
		super("task group '" + groupName + "' failed: " + cause, cause);
		this.groupName = groupName;
	}

	/**
	 * Returns the name of the group that failed.
	 * @return the group's name
	 */
	public String getGroupName() {
		return this.groupName;
	}

}
