package io.gopool.spring.observation;

import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of a task's observation: name {@code gopool.task};
 * low-cardinality {@code pool}, {@code task} (its name, or {@code none}), {@code outcome}
 * and {@code exception} (the simple class name of what the task threw, or {@code none});
 * high-cardinality {@code wait.us} and {@code run.us}, the queue wait and run time in
 * microseconds. The span is named after the task, or after the pool for a task without a
 * name.
 */
public class DefaultGoPoolTaskObservationConvention implements GoPoolTaskObservationConvention {

	/** The observation's name, and so the timer's with Micrometer's meter handler. */
	public static final String NAME = "gopool.task";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(GoPoolTaskContext context) {
		return (context.getTaskName() != null) ? context.getTaskName() : "gopool " + context.getPoolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(GoPoolTaskContext context) {
		String outcome = context.getOutcome();
		Throwable error = context.getError();
		return KeyValues.of(KeyValue.of("pool", context.getPoolName()),
				KeyValue.of("task", (context.getTaskName() != null) ? context.getTaskName() : NONE),
				KeyValue.of("outcome", (outcome != null) ? outcome : "unknown"),
				KeyValue.of("exception", (error != null) ? error.getClass().getSimpleName() : NONE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(GoPoolTaskContext context) {
		return KeyValues.of(KeyValue.of("wait.us", micros(context.getWaitNanos())),
				KeyValue.of("run.us", micros(context.getRunNanos())));
	}

	private static String micros(long nanos) {
		return Long.toString(TimeUnit.NANOSECONDS.toMicros(nanos));
	}

}
