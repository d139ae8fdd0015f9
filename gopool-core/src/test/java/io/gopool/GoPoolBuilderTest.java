package io.gopool;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class GoPoolBuilderTest {

	private final GoPoolBuilder builder = GoPool.newBuilder();

	@Test
	void whenMinWorkersIsNegativeThenSetterThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.minWorkers(-1))
			.withMessage("min workers must not be negative (was -1)");
	}

	@Test
	void whenMaxWorkersIsNotPositiveThenSetterThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxWorkers(0))
			.withMessage("max workers must be positive (was 0)");
	}

	@Test
	void whenWorkerCountsExceedTheCeilingThenSettersAndResizeThrow() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.minWorkers(Integer.MAX_VALUE))
			.withMessage("min workers must be at most 1000000 (was 2147483647)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxWorkers(1_000_001))
			.withMessage("max workers must be at most 1000000 (was 1000001)");
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("ceiling")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(Integer.MAX_VALUE)))
				.withMessage("max workers must be at most 1000000 (was 2147483647)");
			assertThat(pool.settings().maxWorkers()).isEqualTo(1);
		}
	}

	@Test
	void whenMinExceedsMaxThenBuildThrows() {
		this.builder.minWorkers(5).maxWorkers(4);
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.build("p"))
			.withMessage("min workers (5) must not exceed max workers (4)");
	}

	@Test
	void whenKeepAliveIsNegativeThenSetterThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.keepAlive(Duration.ofMillis(-1)))
			.withMessage("keep alive must not be negative (was PT-0.001S)");
	}

	@Test
	void whenQueueCapacityIsNegativeThenSetterThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.queueCapacity(-1))
			.withMessage("queue capacity must not be negative (was -1)");
	}

	@Test
	void whenDefaultPriorityIsOutOfRangeThenSetterThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.defaultPriority(20))
			.withMessage("default priority must be between -20 and 19 (was 20)");
		assertThatIllegalArgumentException().isThrownBy(() -> TaskOptions.defaults().withPriority(-21))
			.withMessage("priority must be between -20 and 19 (was -21)");
	}

	@Test
	void whenDurationsAreNotPositiveThenSettersThrow() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.defaultDeadline(Duration.ZERO))
			.withMessage("default deadline must be positive (was PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.blockTimeout(Duration.ofSeconds(-1)))
			.withMessage("block timeout must be positive (was PT-1S)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxBlockedSubmitters(0))
			.withMessage("max blocked submitters must be positive (was 0)");
	}

	@Test
	void whenArgumentsAreNullThenSettersThrowNamingTheSetting() {
		assertThatNullPointerException().isThrownBy(() -> this.builder.keepAlive(null))
			.withMessage("keep alive must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.rejectionPolicy(null))
			.withMessage("rejection policy must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.workerType(null))
			.withMessage("worker type must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.threadFactory(null))
			.withMessage("thread factory must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.ticker(null))
			.withMessage("ticker must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.listener(null))
			.withMessage("listener must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.taskDecorator(null))
			.withMessage("task decorator must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.uncaughtExceptionHandler(null))
			.withMessage("uncaught exception handler must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.builder.build(null))
			.withMessage("pool name must not be null");
	}

	@Test
	void whenNameIsBlankThenBuildThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.build(" "))
			.withMessage("pool name must not be blank");
	}

	@Test
	void whenThreadFactoryIsCombinedWithVirtualWorkersThenBuildThrows() {
		org.junit.jupiter.api.Assumptions.assumeTrue(WorkerType.virtualThreadsAvailable());
		this.builder.workerType(WorkerType.VIRTUAL).threadFactory(Thread::new);
		assertThatIllegalStateException().isThrownBy(() -> this.builder.build("p"))
			.withMessage("thread factory and virtual worker type must not be combined");
	}

	@Test
	void defaultsFollowTheSeedDesign() {
		int cpus = Runtime.getRuntime().availableProcessors();
		try (GoPool pool = this.builder.build("defaults")) {
			assertThat(pool.settings().minWorkers()).isEqualTo(cpus);
			assertThat(pool.settings().maxWorkers()).isEqualTo(2 * cpus);
			assertThat(pool.settings().keepAlive()).isEqualTo(Duration.ofSeconds(60));
			assertThat(pool.settings().queueCapacity()).isEqualTo(1000);
			assertThat(pool.stats().levels().workers()).isEqualTo(cpus);
		}
	}

	@Test
	void settingsReflectTheBuilderAndTheDefaults() {
		try (GoPool pool = this.builder.minWorkers(1)
			.maxWorkers(3)
			.keepAlive(Duration.ofSeconds(5))
			.queueCapacity(7)
			.rejectionPolicy(RejectionPolicy.BLOCK)
			.defaultPriority(-3)
			.defaultDeadline(Duration.ofSeconds(2))
			.blockTimeout(Duration.ofMillis(250))
			.maxBlockedSubmitters(4)
			.stuckThreshold(Duration.ofSeconds(30))
			.interruptStuckTasks(true)
			.maxExtraWorkers(2)
			.build("settings")) {
			assertThat(pool.settings()).isEqualTo(
					new GoPoolSettings(1, 3, Duration.ofSeconds(5), 7, RejectionPolicy.BLOCK, WorkerType.PLATFORM, -3,
							Duration.ofSeconds(2), Duration.ofMillis(250), 4, Duration.ofSeconds(30), true, 2));
			pool.tune(GoPoolTuning.create().minWorkers(2).maxWorkers(6));
			assertThat(pool.settings().maxWorkers()).isEqualTo(6);
		}
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("plain")) {
			GoPoolSettings settings = pool.settings();
			assertThat(settings.rejectionPolicy()).isEqualTo(RejectionPolicy.ABORT);
			assertThat(settings.defaultDeadline()).isNull();
			assertThat(settings.blockTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.maxBlockedSubmitters()).isEqualTo(1000);
			assertThat(settings.stuckThreshold()).isNull();
			assertThat(settings.interruptStuckTasks()).isFalse();
			assertThat(settings.maxExtraWorkers()).isZero();
		}
	}

	@Test
	void whenOnlyMaxIsSetThenMinDefaultsToNoMoreThanMax() {
		try (GoPool pool = this.builder.maxWorkers(1).build("small")) {
			assertThat(pool.settings().minWorkers()).isEqualTo(1);
			assertThat(pool.settings().maxWorkers()).isEqualTo(1);
		}
	}

	@Test
	void whenOnlyMinIsSetAboveDefaultMaxThenMaxFollowsMin() {
		int large = 4 * Runtime.getRuntime().availableProcessors();
		try (GoPool pool = this.builder.minWorkers(large).build("large")) {
			assertThat(pool.settings().maxWorkers()).isEqualTo(large);
		}
	}

	@Test
	void aBuilderBuildsIndependentPools() {
		this.builder.minWorkers(0).maxWorkers(2);
		try (GoPool first = this.builder.build("first"); GoPool second = this.builder.build("second")) {
			first.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(5));
			assertThat(second.settings().maxWorkers()).isEqualTo(2);
			assertThat(first.name()).isEqualTo("first");
			assertThat(second.name()).isEqualTo("second");
		}
	}

}
