package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Describes the tasks workers are running, for {@link GoPool#runningTasks(boolean)} and
 * stuck-task reports.
 */
final class InFlightView {

	private InFlightView() {
	}

	static List<RunningTask> snapshot(String poolName, Collection<Worker> workers, long now, boolean withStackTraces) {
		List<RunningTask> running = new ArrayList<>();
		for (Worker worker : workers) {
			Task task = worker.current();
			if (task != null) {
				RunningTask view = describe(poolName, worker, task, now, withStackTraces);
				if (view != null) {
					running.add(view);
				}
			}
		}
		running.sort(Comparator.comparing(RunningTask::running).reversed());
		return running;
	}

	/**
	 * Describes a worker's task; returns {@code null} if a stack trace was asked for and
	 * the task ended while it was taken, as the stack may then belong to the next task.
	 */
	static RunningTask describe(String poolName, Worker worker, Task task, long now, boolean withStackTrace) {
		Thread thread = worker.thread;
		List<StackTraceElement> stackTrace = List.of();
		if (withStackTrace) {
			stackTrace = List.of(thread.getStackTrace());
			if (worker.current() != task) {
				return null;
			}
		}
		Duration waited = Duration.ofNanos(Math.max(0, task.startedAt - task.submittedAt));
		Duration running = Duration.ofNanos(Math.max(0, now - task.startedAt));
		return new RunningTask(poolName, task.toString(), task.priority, thread.getName(), waited, running,
				task.isStuck(), stackTrace);
	}

}
