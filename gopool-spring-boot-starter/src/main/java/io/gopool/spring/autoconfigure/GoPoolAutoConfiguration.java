package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import io.gopool.GoPool;
import io.gopool.GoPoolTrace;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.async.GoAsyncConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.thread.Threading;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * Auto-configuration for GoPool: the pools declared under {@code gopool.pools}, each a
 * bean named after it, the {@link GoPoolRegistry} of them all, their graceful shutdown
 * when the context closes, the overload log line and, with Spring Cloud's context module,
 * their live re-tuning when the environment is refreshed.
 */
// Before Boot's task execution, so that a pool named by gopool.application-executor is
// registered as applicationTaskExecutor before Boot decides whether to create its own.
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(GoPool.class)
@EnableConfigurationProperties(GoPoolProperties.class)
@Import(GoPoolBeanRegistrar.class)
public final class GoPoolAutoConfiguration {

	private static final Log traceLogger = LogFactory.getLog("io.gopool.trace");

	private static final Log overloadLogger = LogFactory.getLog("io.gopool.overload");

	private static final Log setupLogger = LogFactory.getLog(GoPoolAutoConfiguration.class);

	/** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

	/** Kept of the shutdown phase for stopping and reporting what did not drain. */
	private static final Duration SHUTDOWN_RESERVE = Duration.ofSeconds(2);

	@Bean
	@ConditionalOnMissingBean
	GoPoolRegistry goPoolRegistry(GoPoolProperties properties, ObjectProvider<GoPoolBuilderCustomizer> customizers,
			Environment environment) {
		return new GoPoolFactory(properties, customizers.orderedStream().toList(),
				Threading.VIRTUAL.isActive(environment))
			.createRegistry();
	}

	@Bean
	GoPoolBuilderCustomizer goPoolContextPropagationCustomizer(GoPoolProperties properties,
			ObjectProvider<TaskDecorator> taskDecorators) {
		return new ContextPropagationCustomizer(properties.isPropagateContext(),
				taskDecorators.orderedStream().toList());
	}

	@Bean
	@ConditionalOnProperty("gopool.trace.interval")
	GoPoolTrace goPoolTrace(GoPoolRegistry registry, GoPoolProperties properties) {
		Duration interval = Objects.requireNonNull(properties.getTrace().getInterval());
		return GoPoolTrace.start(interval, registry::pools, traceLogger::info);
	}

	@Bean
	@ConditionalOnMissingBean(name = GoAsyncConfiguration.POST_PROCESSOR_BEAN_NAME)
	static MissingEnableGoPoolWarning goPoolMissingEnableGoPoolWarning(ConfigurableListableBeanFactory beanFactory) {
		return new MissingEnableGoPoolWarning(beanFactory, setupLogger::warn);
	}

	@Bean
	GoPoolOverloadLog goPoolOverloadLog(GoPoolRegistry registry, GoPoolProperties properties) {
		Duration interval = properties.getOverloadLogInterval();
		return new GoPoolOverloadLog(registry, interval, overloadLogger::warn, !interval.isZero());
	}

	@Bean
	@ConditionalOnMissingBean
	GoPoolShutdownLifecycle goPoolShutdownLifecycle(GoPoolRegistry registry, GoPoolProperties properties,
			Environment environment) {
		return new GoPoolShutdownLifecycle(registry,
				fitShutdownPhase(properties.getShutdown().getAwaitTerminationPeriod(), environment));
	}

	/**
	 * The drain period, shortened if need be to fit in Spring's shutdown phase, which
	 * stops waiting for the pools after
	 * {@code spring.lifecycle.timeout-per-shutdown-phase} and would leave them draining
	 * unreported. Some of the phase is kept for stopping and reporting what is left.
	 */
	private static Duration fitShutdownPhase(Duration period, Environment environment) {
		Duration phase = Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(DEFAULT_SHUTDOWN_PHASE);
		Duration reserve = (phase.compareTo(SHUTDOWN_RESERVE.multipliedBy(2)) >= 0) ? SHUTDOWN_RESERVE
				: phase.dividedBy(2);
		Duration fits = phase.minus(reserve);
		if (period.compareTo(fits) <= 0) {
			return period;
		}
		setupLogger.warn("gopool.shutdown.await-termination-period (" + DurationText.print(period)
				+ ") does not fit in spring.lifecycle.timeout-per-shutdown-phase (" + DurationText.print(phase)
				+ "), after which Spring stops waiting for the pools; they get " + DurationText.print(fits)
				+ " to drain, so that what is left is stopped and reported in time. Set await-termination-period to "
				+ "at most " + DurationText.print(fits) + ", or raise the phase timeout");
		return fits;
	}

	/**
	 * Live re-tuning when Spring Cloud refreshes the environment.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class RefreshConfiguration {

		@Bean
		GoPoolRefreshListener goPoolRefreshListener(GoPoolRegistry registry, Environment environment) {
			return new GoPoolRefreshListener(registry, environment);
		}

	}

}
