package io.gopool.spring.autoconfigure;

import io.gopool.spring.web.OverloadProblemResolver;
import io.gopool.spring.web.OverloadProblemWebExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class GoPoolWebAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(GoPoolAutoConfiguration.class,
			GoPoolWebAutoConfiguration.class);

	@Test
	void servletAppsGetTheResolverAndReactiveAppsTheHandler() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("gopool.pools.orders.max-workers=1")
			.run((context) -> assertThat(context).hasSingleBean(OverloadProblemResolver.class)
				.doesNotHaveBean(OverloadProblemWebExceptionHandler.class));
		new ReactiveWebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("gopool.pools.orders.max-workers=1")
			.run((context) -> assertThat(context).hasSingleBean(OverloadProblemWebExceptionHandler.class)
				.doesNotHaveBean(OverloadProblemResolver.class));
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("gopool.pools.orders.max-workers=1")
			.run((context) -> assertThat(context).doesNotHaveBean(OverloadProblemResolver.class)
				.doesNotHaveBean(OverloadProblemWebExceptionHandler.class));
	}

	@Test
	void aPropertySwitchesTheMappingOff() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("gopool.pools.orders.max-workers=1", "gopool.web.problem-details=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OverloadProblemResolver.class));
	}

}
