package io.gopool.spring.observation;

import java.util.Arrays;
import java.util.Locale;

import io.gopool.TaskEvent;
import io.gopool.TaskObserver;
import io.gopool.TaskOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Gives each task an Observation: started on the submitting thread (so its parent is the
 * submitter's current observation and its span covers the queue wait), an open scope
 * while the task runs on its worker (so the task's own observations and log lines are its
 * children), stopped with the outcome, the wait and the run time when the task ends. No
 * event marks the start: Micrometer's meter handler would turn it into a counter lookup
 * per task and a meter of its own; the {@code wait.us} key says where the run began. The
 * starter sets one on every pool; without Spring Boot, set one on a builder:
 * {@code builder.taskObserver(new ObservationTaskObserver(registry, null))}.
 */
public final class ObservationTaskObserver implements TaskObserver {

	private static final DefaultGoPoolTaskObservationConvention DEFAULT_CONVENTION = new DefaultGoPoolTaskObservationConvention();

	/** The outcome key values, by {@link TaskOutcome#ordinal()}. */
	private static final String[] OUTCOMES = Arrays.stream(TaskOutcome.values())
		.map((outcome) -> outcome.name().toLowerCase(Locale.ROOT))
		.toArray(String[]::new);

	private final ObservationRegistry registry;

	private final @Nullable GoPoolTaskObservationConvention convention;

	/**
	 * Creates an observer that records into the given registry.
	 * @param registry the registry
	 * @param convention the convention to use, or {@code null} for
	 * {@link DefaultGoPoolTaskObservationConvention}
	 */
	public ObservationTaskObserver(ObservationRegistry registry, @Nullable GoPoolTaskObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public @Nullable Span submitted(TaskEvent.Submitted task) {
		GoPoolTaskContext context = new GoPoolTaskContext(task.poolName(), task.taskName(), task.priority());
		Observation observation = Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
		if (observation.isNoop()) {
			return null;
		}
		// Its parent, the submitter's current observation, was set on creation.
		observation.start();
		return new TaskSpan(observation, context);
	}

	private record TaskSpan(Observation observation, GoPoolTaskContext context) implements Span {

		@Override
		public Scope started(TaskEvent.Started event) {
			this.context.started(event.waitNanos());
			return this.observation.openScope()::close;
		}

		@Override
		public void finished(TaskEvent.Finished event) {
			this.context.ended(OUTCOMES[event.outcome().ordinal()], event.waitNanos(), event.runNanos());
			if (event.failure() != null && event.outcome() != TaskOutcome.CANCELLED) {
				this.observation.error(event.failure());
			}
			this.observation.stop();
		}

		@Override
		public void rejected(TaskEvent.Rejected event) {
			this.context.ended("rejected", 0, 0);
			this.observation.error(event.rejection());
			this.observation.stop();
		}

	}

}
