package io.gopool.spring.autoconfigure;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's MDC into the task and puts the worker's own back
 * afterwards, so that nothing leaks into the next task on the same worker.
 */
final class MdcTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> captured = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			set(captured);
			try {
				task.run();
			}
			finally {
				set(previous);
			}
		};
	}

	private static void set(Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

}
