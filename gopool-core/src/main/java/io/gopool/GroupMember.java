package io.gopool;

/**
 * The work of a task group's member, as its pool task holds it: it names its group, so
 * that the task's flight-recorder events can carry the group without a field in every
 * task.
 */
interface GroupMember {

	/** The member's group's name. */
	String groupName();

}
