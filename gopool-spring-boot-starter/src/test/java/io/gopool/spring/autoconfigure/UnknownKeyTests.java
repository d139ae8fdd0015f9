package io.gopool.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code gopool.*} key that is no setting, which binding would ignore, fails startup
 * naming it and the nearest valid key.
 */
class UnknownKeyTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.max-workers=4");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					gopool.pools.orders.max-worker=4      | gopool.pools.orders.max-worker is 4: not a GoPool setting, so it would be ignored; did you mean 'max-workers'?
					gopool.pools.orders.queue-capasity=9  | gopool.pools.orders.queue-capasity is 9: not a GoPool setting, so it would be ignored; did you mean 'queue-capacity'?
					gopool.pool.orders.max-workers=4      | gopool.pool.orders.max-workers is 4: not a GoPool setting, so it would be ignored; did you mean 'gopool.pools.orders.max-workers'?
					gopool.default.keep-alive=1m          | gopool.default.keep-alive is 1m: not a GoPool setting, so it would be ignored; did you mean 'gopool.defaults.keep-alive'?
					gopool.health.rejection-windw=5s      | gopool.health.rejection-windw is 5s: not a GoPool setting, so it would be ignored; did you mean 'rejection-window'?
					gopool.colour=blue                    | gopool.colour is blue: not a GoPool setting, so it would be ignored
					""")
	void anUnknownKeyFailsStartupNamingItAndTheNearestValidOne(String property, String message) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage(message));
	}

	@Test
	void everyDocumentedKeyIsKnownInAnySpellingBootBinds() {
		this.contextRunner
			.withPropertyValues("gopool.pools.orders.maxWorkers=4", "gopool.pools.audit.queue_capacity=3",
					"gopool.defaults.keep-alive=30s", "gopool.propagate-context=false",
					"gopool.shutdown.await-termination-period=5s", "gopool.trace.interval=1s",
					"gopool.health.saturated-status=UP", "gopool.dashboard.enabled=false", "gopool.web.retry-after=2s",
					"gopool.web.problem-details=true", "gopool.overload-log-interval=5s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theValidKeysAreExactlyThePropertiesInTheIdeMetadata() throws Exception {
		assertThat(UnknownGoPoolKeys.keys()).containsExactlyInAnyOrderElementsOf(
				ConfigurationMetadataTests.keys().stream().filter((key) -> key.startsWith("gopool.")).toList());
	}

}
