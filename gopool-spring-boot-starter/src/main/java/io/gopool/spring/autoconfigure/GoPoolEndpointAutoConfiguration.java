package io.gopool.spring.autoconfigure;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.actuate.GoPoolsEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code gopools} actuator endpoint, when the actuator is
 * present and the endpoint is available.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnAvailableEndpoint(GoPoolsEndpoint.class)
public final class GoPoolEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GoPoolsEndpoint goPoolsEndpoint(GoPoolRegistry registry) {
		return new GoPoolsEndpoint(registry, PoolSetting::print);
	}

}
