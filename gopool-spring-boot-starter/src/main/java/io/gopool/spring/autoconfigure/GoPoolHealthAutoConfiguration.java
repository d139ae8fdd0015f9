package io.gopool.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.actuate.GoPoolHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code gopool} health contributor, with a component per
 * pool, when Spring Boot's health support is present.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnEnabledHealthIndicator("gopool")
public final class GoPoolHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "gopoolHealthContributor")
	HealthContributor gopoolHealthContributor(GoPoolRegistry registry, GoPoolProperties properties) {
		GoPoolProperties.Health health = properties.getHealth();
		Map<String, HealthContributor> pools = new LinkedHashMap<>();
		registry.pools()
			.forEach((pool) -> pools.put(pool.name(), new GoPoolHealthIndicator(pool, health.getQueueFillThreshold(),
					health.getRejectionWindow(), new Status(health.getSaturatedStatus()), System::nanoTime)));
		return CompositeHealthContributor.fromMap(pools);
	}

}
