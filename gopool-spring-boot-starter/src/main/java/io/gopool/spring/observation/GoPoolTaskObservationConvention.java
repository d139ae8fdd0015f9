package io.gopool.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code gopool.task} observations; declare a bean of this type to
 * replace {@link DefaultGoPoolTaskObservationConvention}, as with Spring's own
 * conventions.
 */
public interface GoPoolTaskObservationConvention extends ObservationConvention<GoPoolTaskContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof GoPoolTaskContext;
	}

}
