package io.gopool.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What injecting pools by type gives: a single {@code GoPool} fails with a report that
 * lists the pools and says how to name one; a collection of them is empty, as documented,
 * and {@link GoPoolRegistry} is the way to all of them.
 */
class InjectionByTypeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.max-workers=1", "gopool.pools.audit.max-workers=1");

	@Test
	void aPoolInjectedByTypeAloneFailsWithAReportListingThePools() {
		this.contextRunner.withUserConfiguration(NeedsAPool.class).run((context) -> {
			assertThat(context).hasFailed();
			MockEnvironment environment = new MockEnvironment().withProperty("gopool.pools.orders.max-workers", "1")
				.withProperty("gopool.pools.audit.max-workers", "1");
			FailureAnalysis analysis = new GoPoolInjectionFailureAnalyzer(environment)
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("needs a GoPool by type alone")
				.contains("The pools are: orders, audit.");
			assertThat(analysis.getAction()).isEqualTo("Name the pool, as in @Qualifier(\"orders\") GoPool orders, "
					+ "or inject GoPoolRegistry to reach every pool by name.");
		});
	}

	@Test
	void collectionsOfPoolsAreEmptyAndTheRegistryHasThemAll() {
		this.contextRunner.withUserConfiguration(NeedsCollections.class).run((context) -> {
			NeedsCollections.Holder holder = context.getBean(NeedsCollections.Holder.class);
			assertThat(holder.list()).isEmpty();
			assertThat(holder.map()).isEmpty();
			assertThat(context.getBean(GoPoolRegistry.class).names()).containsExactly("orders", "audit");
		});
	}

	@Test
	void otherMissingBeansAreLeftToSpringBootsAnalysis() {
		new ApplicationContextRunner().withUserConfiguration(NeedsAString.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new GoPoolInjectionFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure()))
				.isNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsAPool {

		@Bean
		String usesAPool(GoPool pool) {
			return pool.name();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsAString {

		@Bean
		Integer usesAString(StringBuilder missing) {
			return missing.length();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsCollections {

		@Bean
		Holder holder(List<GoPool> list, Map<String, GoPool> map) {
			return new Holder(list, map);
		}

		record Holder(List<GoPool> list, Map<String, GoPool> map) {
		}

	}

}
