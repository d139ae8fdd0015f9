package io.gopool;

import java.time.Duration;
import java.util.List;

/**
 * A task that a worker is running, as seen by {@link GoPool#runningTasks(boolean)} and
 * reported by {@link GoPoolListener#taskStuck(RunningTask)}: what an operator needs to
 * find a stuck task without taking a thread dump.
 *
 * @param poolName the pool's name
 * @param task the task's name from {@link TaskOptions#withName(String)} (for
 * {@code @GoAsync} methods, the method), else its {@code toString()}
 * @param priority the task's priority
 * @param threadName the name of the worker thread running it
 * @param waited how long the task waited between submission and start
 * @param running how long it has been running
 * @param stuck whether it has been reported stuck (running longer than the pool's
 * {@link GoPoolBuilder#stuckThreshold(Duration) stuck threshold})
 * @param stackTrace the worker thread's stack when the view was taken; empty unless asked
 * for
 */
public record RunningTask(String poolName, String task, int priority, String threadName, Duration waited,
		Duration running, boolean stuck, List<StackTraceElement> stackTrace) {

	public RunningTask {
		stackTrace = List.copyOf(stackTrace);
	}

}
