package io.gopool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every setting with out-of-range, null and extreme values, in one table: each is refused
 * at once with a message naming the setting and what it allows, or accepted with the
 * documented meaning (the second half).
 */
@Timeout(60)
class BadInputTests {

	private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);

	static Stream<Arguments> refused() {
		return Stream.of(
				refused("minWorkers(-1)", () -> builder().minWorkers(-1), "min workers must not be negative (was -1)"),
				refused("minWorkers(MIN_VALUE)", () -> builder().minWorkers(Integer.MIN_VALUE),
						"min workers must not be negative (was -2147483648)"),
				refused("minWorkers(MAX_VALUE)", () -> builder().minWorkers(Integer.MAX_VALUE),
						"min workers must be at most 1000000 (was 2147483647)"),
				refused("maxWorkers(0)", () -> builder().maxWorkers(0), "max workers must be positive (was 0)"),
				refused("maxWorkers(MAX_VALUE)", () -> builder().maxWorkers(Integer.MAX_VALUE),
						"max workers must be at most 1000000 (was 2147483647)"),
				refused("keepAlive(-1ns)", () -> builder().keepAlive(Duration.ofNanos(-1)),
						"keep alive must not be negative (was PT-0.000000001S)"),
				refused("keepAlive(null)", () -> builder().keepAlive(null), "keep alive must not be null"),
				refused("queueCapacity(-1)", () -> builder().queueCapacity(-1),
						"queue capacity must not be negative (was -1)"),
				refused("queueCapacity(MIN_VALUE)", () -> builder().queueCapacity(Integer.MIN_VALUE),
						"queue capacity must not be negative (was -2147483648)"),
				refused("rejectionPolicy(null)", () -> builder().rejectionPolicy(null),
						"rejection policy must not be null"),
				refused("workerType(null)", () -> builder().workerType(null), "worker type must not be null"),
				refused("threadFactory(null)", () -> builder().threadFactory(null), "thread factory must not be null"),
				refused("defaultPriority(-21)", () -> builder().defaultPriority(-21),
						"default priority must be between -20 and 19 (was -21)"),
				refused("defaultPriority(MAX_VALUE)", () -> builder().defaultPriority(Integer.MAX_VALUE),
						"default priority must be between -20 and 19 (was 2147483647)"),
				refused("defaultDeadline(0)", () -> builder().defaultDeadline(Duration.ZERO),
						"default deadline must be positive (was PT0S)"),
				refused("defaultDeadline(null)", () -> builder().defaultDeadline(null),
						"default deadline must not be null"),
				refused("blockTimeout(-1s)", () -> builder().blockTimeout(Duration.ofSeconds(-1)),
						"block timeout must be positive (was PT-1S)"),
				refused("maxBlockedSubmitters(0)", () -> builder().maxBlockedSubmitters(0),
						"max blocked submitters must be positive (was 0)"),
				refused("stuckThreshold(0)", () -> builder().stuckThreshold(Duration.ZERO),
						"stuck threshold must be positive (was PT0S)"),
				refused("maxExtraWorkers(MAX_VALUE)", () -> builder().maxExtraWorkers(Integer.MAX_VALUE),
						"max extra workers must be at most 1000000 (was 2147483647)"),
				refused("ticker(null)", () -> builder().ticker(null), "ticker must not be null"),
				refused("uncaughtExceptionHandler(null)", () -> builder().uncaughtExceptionHandler(null),
						"uncaught exception handler must not be null"),
				refused("taskDecorator(null)", () -> builder().taskDecorator(null), "task decorator must not be null"),
				refused("listener(null)", () -> builder().listener(null), "listener must not be null"),
				refused("build(null)", () -> builder().build(null), "pool name must not be null"),
				refused("build(\" \")", () -> builder().build(" "), "pool name must not be blank"),
				refused("build(min 5, max 4)", () -> builder().minWorkers(5).maxWorkers(4).build("p"),
						"min workers (5) must not exceed max workers (4)"),
				refused("withPriority(20)", () -> TaskOptions.defaults().withPriority(20),
						"priority must be between -20 and 19 (was 20)"),
				refused("withPriority(MIN_VALUE)", () -> TaskOptions.defaults().withPriority(Integer.MIN_VALUE),
						"priority must be between -20 and 19 (was -2147483648)"),
				refused("withDeadline(null)", () -> TaskOptions.defaults().withDeadline(null),
						"deadline must not be null"),
				refused("withName(null)", () -> TaskOptions.defaults().withName(null), "name must not be null"),
				refused("withCallback(null)", () -> TaskOptions.defaults().withCallback(null),
						"callback must not be null"),
				refused("tuning minWorkers(-1)", () -> GoPoolTuning.create().minWorkers(-1),
						"min workers must not be negative (was -1)"),
				refused("tuning maxWorkers(MAX_VALUE)", () -> GoPoolTuning.create().maxWorkers(Integer.MAX_VALUE),
						"max workers must be at most 1000000 (was 2147483647)"),
				refused("tuning keepAlive(null)", () -> GoPoolTuning.create().keepAlive(null),
						"keep alive must not be null"),
				refused("tuning queueCapacity(-1)", () -> GoPoolTuning.create().queueCapacity(-1),
						"queue capacity must not be negative (was -1)"),
				refused("tune(min 2, max 1)",
						() -> withPool((pool) -> pool.tune(GoPoolTuning.create().minWorkers(2).maxWorkers(1))),
						"min workers (2) must not exceed max workers (1)"),
				refused("tune(null)", () -> withPool((pool) -> pool.tune(null)), "tuning must not be null"),
				refused("drain(null)", () -> withPool((pool) -> pool.drain(null)), "timeout must not be null"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void aBadValueIsRefusedAtOnceWithAMessageNamingTheSetting(String call, ThrowingCallable callable, String message) {
		assertThatThrownBy(callable).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
			.hasMessage(message);
	}

	@Test
	void extremeButValidValuesHaveTheirDocumentedMeaning() throws Exception {
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(GoPoolBuilder.MAX_WORKERS)
			.keepAlive(HUGE)
			.queueCapacity(Integer.MAX_VALUE)
			.defaultDeadline(HUGE)
			.blockTimeout(HUGE)
			.maxBlockedSubmitters(Integer.MAX_VALUE)
			.stuckThreshold(HUGE)
			.maxExtraWorkers(GoPoolBuilder.MAX_WORKERS)
			.build("extreme")) {
			// A deadline centuries away is no deadline, keep-alive that long keeps
			// workers, and nothing in the arithmetic overflows.
			assertThat(pool.submit(() -> "ran", TaskOptions.defaults().withDeadline(HUGE)).get(10, TimeUnit.SECONDS))
				.isEqualTo("ran");
			assertThat(pool.settings().keepAlive()).as("kept in nanoseconds: about 292 years")
				.isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
			assertThat(pool.settings().queueCapacity()).isEqualTo(Integer.MAX_VALUE);
			assertThat(pool.stats().counts().expired()).isZero();
		}
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).queueCapacity(0).build("hand-off")) {
			// Zero capacity is direct hand-off: a task runs on a free worker or is
			// refused.
			assertThat(pool.submit(() -> "handed").get(10, TimeUnit.SECONDS)).isEqualTo("handed");
		}
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("past-deadline")) {
			// A negative deadline has already passed: the task never runs and uses no
			// worker.
			assertThat(pool.submit(() -> "never", TaskOptions.defaults().withDeadline(HUGE.negated())))
				.isCompletedExceptionally();
			assertThat(pool.stats().levels().workers()).isZero();
		}
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("timeouts")) {
			assertThat(pool.awaitTermination(Long.MIN_VALUE, TimeUnit.NANOSECONDS)).isFalse();
			pool.shutdown();
			assertThat(pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)).isTrue();
		}
	}

	private static Arguments refused(String call, ThrowingCallable callable, String message) {
		return Arguments.of(call, callable, message);
	}

	private static GoPoolBuilder builder() {
		return GoPool.newBuilder();
	}

	private static void withPool(java.util.function.Consumer<GoPool> action) {
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("bad-input")) {
			action.accept(pool);
		}
	}

}
