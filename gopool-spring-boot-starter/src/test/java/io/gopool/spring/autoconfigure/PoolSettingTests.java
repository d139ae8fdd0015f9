package io.gopool.spring.autoconfigure;

import java.time.Duration;

import io.gopool.GoPool;
import io.gopool.GoPoolTuning;
import io.gopool.RejectionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings table: one row per pool setting, printed as YAML is written.
 */
class PoolSettingTests {

	@Test
	void everyPoolPropertyHasExactlyOneRowInTheTable() throws Exception {
		assertThat(PoolSetting.ALL).extracting(PoolSetting::key)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(ConfigurationMetadataTests.poolPropertyKeys());
	}

	@Test
	void settingsPrintAsTheyAreWrittenInYamlAndUnsetOnesAreLeftOut() {
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(2)
			.keepAlive(Duration.ofSeconds(90))
			.rejectionPolicy(RejectionPolicy.CALLER_RUNS)
			.build("printed")) {
			assertThat(PoolSetting.print(pool.settings())).containsEntry("min-workers", 1)
				.containsEntry("max-workers", 2)
				.containsEntry("keep-alive", "90s")
				.containsEntry("rejection-policy", "caller-runs")
				.containsEntry("worker-type", "platform")
				.containsEntry("block-timeout", "10s")
				.containsEntry("interrupt-stuck-tasks", false)
				.doesNotContainKeys("default-deadline", "stuck-threshold");
		}
	}

	@Test
	void onlyTheFourLiveSettingsAreTunable() {
		assertThat(PoolSetting.ALL.stream().filter(PoolSetting::tunable)).extracting(PoolSetting::key)
			.containsExactly("min-workers", "max-workers", "keep-alive", "queue-capacity");
		GoPoolTuning change = PoolSetting.QUEUE_CAPACITY.tune(GoPoolTuning.create(), 7);
		try (GoPool pool = GoPool.newBuilder().maxWorkers(1).build("tuned")) {
			assertThat(pool.tune(change).queueCapacity()).isEqualTo(7);
		}
	}

	@Test
	void aValueComesFromThePoolElseFromTheDefaults() {
		GoPoolProperties.Pool defaults = new GoPoolProperties.Pool();
		GoPoolProperties.Pool orders = new GoPoolProperties.Pool();
		defaults.setMaxWorkers(8);
		assertThat(PoolSetting.MAX_WORKERS.configured(orders, defaults)).isEqualTo(8);
		assertThat(PoolSetting.MAX_WORKERS.source("orders", orders, defaults)).isEqualTo("gopool.defaults.max-workers");
		orders.setMaxWorkers(4);
		assertThat(PoolSetting.MAX_WORKERS.configured(orders, defaults)).isEqualTo(4);
		assertThat(PoolSetting.MAX_WORKERS.source("orders", orders, defaults))
			.isEqualTo("gopool.pools.orders.max-workers");
		assertThat(PoolSetting.QUEUE_CAPACITY.source("orders", orders, defaults))
			.isEqualTo("gopool.pools.orders.queue-capacity");
	}

	@Test
	void durationsPrintInTheirLargestExactUnit() {
		assertThat(DurationText.print(Duration.ofSeconds(60))).isEqualTo("1m");
		assertThat(DurationText.print(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(DurationText.print(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(DurationText.print(Duration.ZERO)).isEqualTo("0s");
	}

}
