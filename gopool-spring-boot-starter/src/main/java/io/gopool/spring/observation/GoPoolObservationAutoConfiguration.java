package io.gopool.spring.observation;

import io.gopool.spring.GoPoolBuilderCustomizer;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a Micrometer Observation per task ({@code gopool.task}) for every
 * pool, when Micrometer's observation API is present and the application has an
 * {@link ObservationRegistry} (Spring Boot's actuator provides one); switched off with
 * {@code gopool.observations.enabled=false}, which leaves the pools without any per-task
 * cost.
 */
@AutoConfiguration
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "gopool.observations.enabled", matchIfMissing = true)
public final class GoPoolObservationAutoConfiguration {

	@Bean
	GoPoolBuilderCustomizer goPoolObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<GoPoolTaskObservationConvention> convention) {
		return (poolName, builder) -> registry.ifAvailable((observations) -> builder
			.taskObserver(new ObservationTaskObserver(observations, convention.getIfAvailable())));
	}

}
