package io.gopool.spring.autoconfigure;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.GoPoolRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskDecorator;

/**
 * Auto-configuration for GoPool: the pools declared under {@code gopool.pools}, each a
 * bean named after it, the {@link GoPoolRegistry} of them all, and their graceful
 * shutdown when the context closes.
 */
@AutoConfiguration
@ConditionalOnClass(GoPool.class)
@EnableConfigurationProperties(GoPoolProperties.class)
@Import(GoPoolBeanRegistrar.class)
public final class GoPoolAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GoPoolRegistry goPoolRegistry(GoPoolProperties properties, ObjectProvider<GoPoolBuilderCustomizer> customizers) {
		return new GoPoolFactory(properties, customizers.orderedStream().toList()).createRegistry();
	}

	@Bean
	GoPoolBuilderCustomizer goPoolContextPropagationCustomizer(GoPoolProperties properties,
			ObjectProvider<TaskDecorator> taskDecorators) {
		return new ContextPropagationCustomizer(properties.isPropagateContext(),
				taskDecorators.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	GoPoolShutdownLifecycle goPoolShutdownLifecycle(GoPoolRegistry registry, GoPoolProperties properties) {
		return new GoPoolShutdownLifecycle(registry, properties.getShutdown().getAwaitTerminationPeriod());
	}

}
