package io.gopool;

import org.jspecify.annotations.Nullable;

/**
 * Called once when a task submitted with {@link TaskOptions#withCallback(TaskCallback)}
 * ends, whatever the outcome: after it ran, when its deadline expired, when it was
 * cancelled, evicted or returned by {@code shutdownNow()}.
 * <p>
 * The callback runs before the task's future completes, so a thread that sees the future
 * done also sees what the callback did. It runs on the thread that ended the task (a
 * worker, the deadline timer, the cancelling or shutting-down thread) and must be quick.
 * An exception it throws goes to the pool's uncaught-exception handler and does not
 * change the future.
 */
@FunctionalInterface
public interface TaskCallback {

	/**
	 * Called when the task ends.
	 * @param outcome how the task ended
	 * @param result the task's result when the outcome is {@link TaskOutcome#COMPLETED},
	 * otherwise {@code null}
	 * @param failure what the task threw for {@link TaskOutcome#FAILED}, the exception
	 * its future holds for {@link TaskOutcome#EXPIRED} and {@link TaskOutcome#EVICTED},
	 * otherwise {@code null}
	 */
	void onComplete(TaskOutcome outcome, @Nullable Object result, @Nullable Throwable failure);

}
