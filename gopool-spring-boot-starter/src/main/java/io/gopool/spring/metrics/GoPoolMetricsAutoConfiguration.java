package io.gopool.spring.metrics;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the pools' meters ({@link GoPoolMetrics}), when Micrometer is
 * present.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(GoPoolRegistry.class)
public final class GoPoolMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GoPoolMetrics goPoolMetrics(GoPoolRegistry registry) {
		return new GoPoolMetrics(registry);
	}

}
