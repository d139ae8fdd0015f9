package io.gopool.spring.autoconfigure;

import io.gopool.spring.dashboard.GoPoolDashboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class GoPoolDashboardAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolDashboardAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.max-workers=2");

	@Test
	void theDashboardIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(GoPoolDashboard.class)
			.doesNotHaveBean("goPoolDashboardRoutes"));
	}

	@Test
	void whenEnabledTheSamplerAndItsRoutesAreCreated() {
		this.contextRunner.withPropertyValues("gopool.dashboard.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(GoPoolDashboard.class)
				.hasBean("goPoolDashboardRoutes"));
	}

	@Test
	void aReactiveWebApplicationGetsTheSamplerAndItsRoutes() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolDashboardAutoConfiguration.class))
			.withPropertyValues("gopool.dashboard.enabled=true", "gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(context).hasSingleBean(GoPoolDashboard.class)
				.hasBean("goPoolDashboardRoutes"));
	}

	@Test
	void outsideAWebApplicationThereIsNoDashboardAndAWarningSaysWhy(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolDashboardAutoConfiguration.class))
			.withPropertyValues("gopool.dashboard.enabled=true", "gopool.pools.orders.max-workers=2")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(GoPoolDashboard.class);
				assertThat(output).contains("gopool.dashboard.enabled is set, but this is not a web application, so "
						+ "the dashboard is not served");
			});
	}

	@Test
	void whenAPathOrIntervalIsUnusableThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("gopool.dashboard.enabled=true", "gopool.dashboard.path=gopool/")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.dashboard.path is gopool/: not a usable path"));
		this.contextRunner.withPropertyValues("gopool.dashboard.enabled=true", "gopool.dashboard.sample-interval=10ms")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.dashboard.sample-interval is PT0.01S: too short a sample interval"));
		this.contextRunner
			.withPropertyValues("gopool.dashboard.enabled=true", "gopool.dashboard.sample-interval=2s",
					"gopool.dashboard.history=1s")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.dashboard.history is PT1S: shorter than the sample interval"));
	}

}
