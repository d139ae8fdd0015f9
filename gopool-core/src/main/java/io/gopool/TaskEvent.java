package io.gopool;

/**
 * What a {@link GoPoolListener} is told about one task. Events are created only when a
 * listener is set.
 *
 * @param poolName the pool's name
 * @param taskName the name from {@link TaskOptions#withName(String)}, or {@code null}
 * @param priority the task's priority
 * @param outcome how the task ended, for {@link GoPoolListener#taskFinished}; otherwise
 * {@code null}
 * @param waitNanos time from submission to start (to the end, for tasks that never
 * started); zero for {@link GoPoolListener#taskSubmitted} and
 * {@link GoPoolListener#taskRejected}
 * @param runNanos time spent running; zero unless the task ran
 * @param failure what the task threw, or the exception its future holds; otherwise
 * {@code null}
 */
public record TaskEvent(String poolName, String taskName, int priority, TaskOutcome outcome, long waitNanos,
		long runNanos, Throwable failure) {
}
