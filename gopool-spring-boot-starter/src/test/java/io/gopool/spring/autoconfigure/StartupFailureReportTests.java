package io.gopool.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when a {@code gopool.*} value is wrong: a real application start and
 * the report Spring Boot prints, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void whenAValueIsOutOfRangeThenTheReportNamesThePropertyAndWhatItAllows(CapturedOutput output) {
		start("--gopool.pools.orders.max-workers=0");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid GoPool configuration: gopool.pools.orders.max-workers is 0: "
					+ "max workers must be positive (was 0).")
			.contains("Update 'gopool.pools.orders.max-workers' in your configuration. It must be from 1 to 1000000.");
	}

	@Test
	void whenTheRejectionPolicyIsUnknownThenTheReportNamesThePropertyAndTheValidValues(CapturedOutput output) {
		start("--gopool.pools.orders.rejection-policy=drop-everything");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("gopool.pools.orders.rejection-policy")
			.contains("drop-everything")
			.contains("ABORT")
			.contains("CALLER_RUNS")
			.contains("DISCARD_OLDEST");
	}

	@Test
	void whenAPoolIsInjectedByTypeAloneThenTheReportListsThePoolsAndHowToNameOne(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(App.class, InjectionByTypeTests.NeedsAPool.class)
				.web(WebApplicationType.NONE)
				.run("--gopool.pools.orders.max-workers=1", "--gopool.pools.audit.max-workers=1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("needs a GoPool by type alone, but pools are injected by name")
			.contains("The pools are: orders, audit.")
			.contains("Name the pool, as in @Qualifier(\"orders\") GoPool orders, or inject GoPoolRegistry");
	}

	private static void start(String... args) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(GoPoolAutoConfiguration.class)
	static class App {

	}

}
