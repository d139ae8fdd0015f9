package io.gopool.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.actuate.GoPoolHealthIndicator;
import io.gopool.spring.actuate.GoPoolMetrics;
import io.gopool.spring.actuate.GoPoolsEndpoint;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for GoPool's operations views, each when its library is present: the
 * {@code gopools} endpoint (actuator), the {@code gopool} health contributor with a
 * component per pool (health), and the pools' meters (Micrometer).
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnBean(GoPoolRegistry.class)
public final class GoPoolActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(GoPoolsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GoPoolsEndpoint goPoolsEndpoint(GoPoolRegistry registry) {
			return new GoPoolsEndpoint(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthContributor.class)
	@ConditionalOnEnabledHealthIndicator("gopool")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "gopoolHealthContributor")
		HealthContributor gopoolHealthContributor(GoPoolRegistry registry, GoPoolProperties properties) {
			GoPoolProperties.Health health = properties.getHealth();
			check(health.getQueueFillThreshold() >= 0 && health.getQueueFillThreshold() <= 1,
					"gopool.health.queue-fill-threshold", health.getQueueFillThreshold(), "from 0 to 1");
			check(!health.getRejectionWindow().isNegative(), "gopool.health.rejection-window",
					health.getRejectionWindow(), "zero or more");
			check(!health.getSaturatedStatus().isBlank(), "gopool.health.saturated-status",
					"'" + health.getSaturatedStatus() + "'", "a health status, such as OUT_OF_SERVICE or UP");
			Map<String, HealthContributor> pools = new LinkedHashMap<>();
			registry.pools()
				.forEach((pool) -> pools.put(pool.name(),
						new GoPoolHealthIndicator(pool, health.getQueueFillThreshold(), health.getRejectionWindow(),
								new Status(health.getSaturatedStatus()), System::nanoTime)));
			return CompositeHealthContributor.fromMap(pools);
		}

		private static void check(boolean valid, String property, Object value, String allowed) {
			if (!valid) {
				throw new InvalidGoPoolPropertyException(property, value, "out of range", allowed);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GoPoolMetrics goPoolMetrics(GoPoolRegistry registry) {
			return new GoPoolMetrics(registry);
		}

	}

}
