package io.gopool.spring.autoconfigure;

import io.gopool.GoPoolListener;
import io.gopool.RunningTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs each stuck task once, at warn level, with its worker's stack trace, so that the
 * log shows where it hangs without a thread dump. Only the task's name and the stack are
 * logged, never its arguments.
 */
final class StuckTaskLogger implements GoPoolListener {

	private static final Log logger = LogFactory.getLog(StuckTaskLogger.class);

	@Override
	public void taskStuck(RunningTask task) {
		if (logger.isWarnEnabled()) {
			logger.warn(describe(task));
		}
	}

	static String describe(RunningTask task) {
		StringBuilder message = new StringBuilder("Task '").append(task.task())
			.append("' in pool '")
			.append(task.poolName())
			.append("' has been running for ")
			.append(task.running().toMillis())
			.append(" ms on thread ")
			.append(task.threadName())
			.append(", past the pool's stuck threshold; its stack:");
		for (StackTraceElement element : task.stackTrace()) {
			message.append(System.lineSeparator()).append("\tat ").append(element);
		}
		return message.toString();
	}

}
