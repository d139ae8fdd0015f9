package io.gopool;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the builder builds: defaults, the settings it reports, and the rules that tie
 * settings together. Each bad single value is in {@link BadInputTests}.
 */
class GoPoolBuilderTests {

	private final GoPoolBuilder builder = GoPool.newBuilder();

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
