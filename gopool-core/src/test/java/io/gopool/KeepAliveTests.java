package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class KeepAliveTests {

	@Test
	void idleWorkersAboveMinRetireAfterKeepAliveAndMinWorkersStay() throws Exception {
		Gate gate = new Gate(4);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(4)
			.keepAlive(Duration.ofMillis(50))
			.build("retire")) {
			for (int i = 0; i < 4; i++) {
				pool.execute(gate.task());
			}
			gate.awaitEntered();
			assertThat(pool.stats().levels().workers()).isEqualTo(4);
			gate.open();
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 1);
			// The minimum stays however long it is idle: several keep-alive periods later
			// it is there.
			await().pollDelay(Duration.ofMillis(300))
				.atMost(5, TimeUnit.SECONDS)
				.until(() -> pool.stats().levels().workers() == 1);
			assertThat(pool.submit(() -> "still works").get(10, TimeUnit.SECONDS)).isEqualTo("still works");
		}
	}

	@Test
	void zeroMinWorkersRetiresEveryIdleWorker() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(2).keepAlive(Duration.ZERO).build("zero")) {
			assertThat(pool.submit(() -> 1).get(10, TimeUnit.SECONDS)).isEqualTo(1);
			await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 0);
			assertThat(pool.submit(() -> 2).get(10, TimeUnit.SECONDS)).isEqualTo(2);
		}
	}

	@Test
	void submitRacingTheLastWorkersRetirementNeverStrandsATask() throws Exception {
		// keepAlive zero makes every idle moment a retirement race with the next submit.
		GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(1)
			.keepAlive(Duration.ZERO)
			.queueCapacity(1000)
			.build("race");
		for (int round = 0; round < 2_000; round++) {
			List<CompletableFuture<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				int value = i;
				futures.add(pool.submit(() -> value));
			}
			for (int i = 0; i < 3; i++) {
				assertThat(PoolAssertions.await(pool, futures.get(i))).isEqualTo(i);
			}
		}
		assertThat(pool.stats().counts().completed()).isEqualTo(6_000);
		pool.shutdown();
		PoolAssertions.assertTerminates(pool);
	}

	@Test
	void retirementNeverDropsBelowMinUnderConcurrentRetirements() throws Exception {
		for (int round = 0; round < 20; round++) {
			Gate gate = new Gate(8);
			try (GoPool pool = GoPool.newBuilder()
				.minWorkers(3)
				.maxWorkers(8)
				.keepAlive(Duration.ZERO)
				.build("floor")) {
				for (int i = 0; i < 8; i++) {
					pool.execute(gate.task());
				}
				gate.awaitEntered();
				gate.open();
				await().atMost(10, TimeUnit.SECONDS).until(() -> pool.stats().levels().workers() == 3);
				await().pollDelay(Duration.ofMillis(20))
					.atMost(5, TimeUnit.SECONDS)
					.until(() -> pool.stats().levels().workers() == 3);
			}
		}
	}

}
