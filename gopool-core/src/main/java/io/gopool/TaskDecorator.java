package io.gopool;

/**
 * Wraps each task when it is submitted, on the submitting thread, so that context held in
 * thread locals there (a logging MDC, a tracing span, a security context) can be carried
 * into the worker and cleared after the task. The shape is that of Spring's
 * {@code TaskDecorator}.
 * <p>
 * The returned {@code Runnable} runs on the worker in place of the task; it must call
 * {@code task.run()} once. What the task throws passes through it.
 */
@FunctionalInterface
public interface TaskDecorator {

	/**
	 * Returns what to run in place of the task.
	 * @param task the task, as a {@code Runnable}
	 * @return a {@code Runnable} that runs {@code task} in the captured context
	 */
	Runnable decorate(Runnable task);

}
