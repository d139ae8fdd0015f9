package io.gopool.spring.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code gopool.*} property with out-of-range and extreme values, in one table:
 * startup fails, before any bean is created, with a message that names the property, the
 * value and the reason (the failure analyzer then adds what the property allows).
 */
class PropertyValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolEndpointAutoConfiguration.class,
				GoPoolHealthAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.max-workers=4");

	static Stream<Arguments> badValues() {
		return Stream.of(
				bad("gopool.pools.orders.min-workers=-1",
						"gopool.pools.orders.min-workers is -1: min workers must not be negative (was -1)"),
				bad("gopool.pools.orders.min-workers=2147483647",
						"gopool.pools.orders.min-workers is 2147483647: min workers must be at most 1000000 (was 2147483647)"),
				bad("gopool.pools.orders.max-workers=0",
						"gopool.pools.orders.max-workers is 0: max workers must be positive (was 0)"),
				bad("gopool.pools.orders.max-workers=2147483647",
						"gopool.pools.orders.max-workers is 2147483647: max workers must be at most 1000000 (was 2147483647)"),
				bad("gopool.pools.orders.min-workers=5",
						"gopool.pools.orders.min-workers is 5: min workers (5) must not exceed max workers (4)"),
				bad("gopool.pools.orders.keep-alive=-1s",
						"gopool.pools.orders.keep-alive is PT-1S: keep alive must not be negative (was PT-1S)"),
				bad("gopool.pools.orders.queue-capacity=-1",
						"gopool.pools.orders.queue-capacity is -1: queue capacity must not be negative (was -1)"),
				bad("gopool.pools.orders.queue-capacity=-2147483648",
						"gopool.pools.orders.queue-capacity is -2147483648: queue capacity must not be negative (was -2147483648)"),
				bad("gopool.pools.orders.default-priority=20",
						"gopool.pools.orders.default-priority is 20: default priority must be between -20 and 19 (was 20)"),
				bad("gopool.pools.orders.default-deadline=0s",
						"gopool.pools.orders.default-deadline is PT0S: default deadline must be positive (was PT0S)"),
				bad("gopool.pools.orders.block-timeout=-5ms",
						"gopool.pools.orders.block-timeout is PT-0.005S: block timeout must be positive (was PT-0.005S)"),
				bad("gopool.pools.orders.max-blocked-submitters=0",
						"gopool.pools.orders.max-blocked-submitters is 0: max blocked submitters must be positive (was 0)"),
				bad("gopool.pools.orders.stuck-threshold=-1s",
						"gopool.pools.orders.stuck-threshold is PT-1S: stuck threshold must be positive (was PT-1S)"),
				bad("gopool.pools.orders.max-extra-workers=-1",
						"gopool.pools.orders.max-extra-workers is -1: max extra workers must not be negative (was -1)"),
				bad("gopool.defaults.queue-capacity=-3",
						"gopool.defaults.queue-capacity is -3: queue capacity must not be negative (was -3)"),
				bad("gopool.trace.interval=0ms",
						"gopool.trace.interval is PT0S: trace interval must be at least 1ms (was PT0S)"),
				bad("gopool.shutdown.await-termination-period=-1s",
						"gopool.shutdown.await-termination-period is PT-1S: a negative wait"),
				bad("gopool.health.queue-fill-threshold=-0.1",
						"gopool.health.queue-fill-threshold is -0.1: out of range"),
				bad("gopool.health.rejection-window=-1m", "gopool.health.rejection-window is PT-1M: out of range"),
				// Checked in the same step even though the dashboard is not enabled here.
				bad("gopool.dashboard.path=gopool/", "gopool.dashboard.path is gopool/: not a usable path"),
				bad("gopool.dashboard.sample-interval=10ms",
						"gopool.dashboard.sample-interval is PT0.01S: too short a sample interval"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badValues")
	void aBadValueFailsStartupNamingThePropertyAndWhy(String property, String message) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage(message));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unconvertible")
	void aValueOfTheWrongKindFailsStartupNamingTheProperty(String property, String name) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under '" + name + "'"));
	}

	static Stream<Arguments> unconvertible() {
		return Stream.of(Arguments.of("gopool.pools.orders.max-workers=many", "gopool.pools.orders.max-workers"),
				Arguments.of("gopool.pools.orders.max-workers=99999999999", "gopool.pools.orders.max-workers"),
				Arguments.of("gopool.pools.orders.keep-alive=soon", "gopool.pools.orders.keep-alive"),
				Arguments.of("gopool.pools.orders.rejection-policy=sometimes", "gopool.pools.orders.rejection-policy"),
				Arguments.of("gopool.pools.orders.worker-type=green", "gopool.pools.orders.worker-type"));
	}

	private static Arguments bad(String property, String message) {
		return Arguments.of(property, message);
	}

}
