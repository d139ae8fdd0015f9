package io.gopool.spring.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.gopool.GoPool;
import io.gopool.TaskGroup;
import io.gopool.TaskOptions;
import io.gopool.spring.GoPoolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's sampler and data, with a fake clock and sampling driven by the test.
 */
@Timeout(60)
class GoPoolDashboardTests {

	private final AtomicLong clock = new AtomicLong(1_000_000);

	@Test
	void samplesCarryLevelsAndPerSecondRatesOverTheirInterval() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(4).build("sampled")) {
			GoPoolDashboard dashboard = dashboard(pool, Duration.ofSeconds(1), Duration.ofMinutes(1));
			dashboard.sample();
			for (int i = 0; i < 10; i++) {
				pool.submit(() -> "x").get(10, TimeUnit.SECONDS);
			}
			this.clock.addAndGet(2000);
			dashboard.sample();
			GoPoolDashboard.PoolView view = dashboard.data(0).pools().get(0);
			assertThat(view.name()).isEqualTo("sampled");
			assertThat(view.settings()).containsExactly(Map.entry("max-workers", 1));
			assertThat(view.samples()).singleElement().satisfies((sample) -> {
				assertThat(sample.time()).isEqualTo(1_002_000);
				assertThat(sample.completed()).isEqualTo(5.0);
				assertThat(sample.workers()).isEqualTo(1);
				assertThat(sample.queueCapacity()).isEqualTo(4);
				assertThat(sample.waitP99Millis()).isGreaterThanOrEqualTo(0);
			});
		}
	}

	@Test
	void thePagePollsOnlyNewSamplesAndHistoryIsBounded() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("bounded")) {
			GoPoolDashboard dashboard = dashboard(pool, Duration.ofSeconds(1), Duration.ofSeconds(3));
			for (int i = 0; i < 6; i++) {
				dashboard.sample();
				this.clock.addAndGet(1000);
			}
			List<GoPoolDashboard.Sample> all = dashboard.data(0).pools().get(0).samples();
			assertThat(all).hasSize(3);
			long newest = all.get(2).time();
			assertThat(dashboard.data(all.get(0).time()).pools().get(0).samples()).hasSize(2);
			assertThat(dashboard.data(newest).pools().get(0).samples()).isEmpty();
			assertThat(dashboard.data(0).historyMillis()).isEqualTo(3000);
		}
	}

	@Test
	void theRunningTasksAreListed() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("busy")) {
			pool.execute(() -> {
				started.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, TaskOptions.defaults().withName("nightly"));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			GoPoolDashboard dashboard = dashboard(pool, Duration.ofSeconds(1), Duration.ofMinutes(1));
			assertThat(dashboard.data(0).pools().get(0).running()).singleElement().satisfies((task) -> {
				assertThat(task.task()).isEqualTo("nightly");
				assertThat(task.thread()).startsWith("gopool-busy-");
				assertThat(task.stuck()).isFalse();
			});
			release.countDown();
		}
	}

	@Test
	void samplesCountTasksWaitingBehindTheirKeyAndActiveGroups() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TaskOptions account = TaskOptions.defaults().withKey("account-1");
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(4).build("keyed")) {
			GoPoolDashboard dashboard = dashboard(pool, Duration.ofSeconds(1), Duration.ofMinutes(1));
			dashboard.sample();
			CompletableFuture<String> first = pool.submit(() -> {
				started.countDown();
				assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
				return "first";
			}, account);
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<String> second = pool.submit(() -> "second", account);
			try (TaskGroup<String> group = pool.newGroup()) {
				group.submit(() -> "member");
				this.clock.addAndGet(1000);
				dashboard.sample();
				assertThat(dashboard.data(0).pools().get(0).samples()).singleElement().satisfies((sample) -> {
					assertThat(sample.waitingBehindKey()).isEqualTo(1);
					assertThat(sample.activeGroups()).isEqualTo(1);
					assertThat(sample.queued()).isEqualTo(2);
				});
				release.countDown();
				assertThat(group.join()).containsExactly("member");
			}
			assertThat(first.get(10, TimeUnit.SECONDS) + second.get(10, TimeUnit.SECONDS)).isEqualTo("firstsecond");
			this.clock.addAndGet(1000);
			dashboard.sample();
			GoPoolDashboard.Sample last = dashboard.data(this.clock.get() - 1).pools().get(0).samples().get(0);
			assertThat(last.waitingBehindKey()).isZero();
			assertThat(last.activeGroups()).isZero();
		}
	}

	private GoPoolDashboard dashboard(GoPool pool, Duration interval, Duration history) {
		return new GoPoolDashboard(new GoPoolRegistry(List.of(pool)),
				(settings) -> Map.of("max-workers", settings.maxWorkers()), "/gopool", interval, history,
				this.clock::get, false);
	}

}
