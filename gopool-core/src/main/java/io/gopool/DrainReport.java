package io.gopool;

import java.time.Duration;
import java.util.List;

/**
 * What {@link GoPool#drain(Duration)} achieved: whether every accepted task ran to its
 * end within the timeout, and if not, which tasks never started and how many were
 * interrupted.
 *
 * @param terminated whether the pool finished every accepted task within the timeout
 * @param notStarted the queued tasks that never started, as returned by
 * {@link GoPool#shutdownNow()}; empty when {@code terminated}
 * @param interrupted the tasks still running at the timeout, which were interrupted
 * @param elapsed how long the drain took
 */
public record DrainReport(boolean terminated, List<Runnable> notStarted, int interrupted, Duration elapsed) {

	/**
	 * Creates a report; the list is copied.
	 * @param terminated whether the pool finished every accepted task within the timeout
	 * @param notStarted the tasks that never started
	 * @param interrupted the tasks that were interrupted
	 * @param elapsed how long the drain took
	 */
	public DrainReport {
		notStarted = List.copyOf(notStarted);
	}

}
