package io.gopool.spring;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.core.task.TaskRejectedException;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class GoPoolTaskExecutorTests {

	@Test
	void everySubmissionRunsOnThePool() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("web")) {
			GoPoolTaskExecutor executor = new GoPoolTaskExecutor(pool);
			CountDownLatch ran = new CountDownLatch(1);
			executor.execute(ran::countDown);
			assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(executor.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.startsWith("gopool-web-");
			assertThat(executor.submitCompletable(() -> 42).get(10, TimeUnit.SECONDS)).isEqualTo(42);
			assertThat(executor.submitCompletable(() -> {
			}).get(10, TimeUnit.SECONDS)).isNull();
			assertThat(pool.stats().counts().completed()).isEqualTo(4);
		}
	}

	@Test
	void aRefusalIsSpringsTaskRejectedExceptionCarryingGoPools() {
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(0).build("web")) {
			GoPoolTaskExecutor executor = new GoPoolTaskExecutor(pool);
			await().until(() -> pool.stats().levels().idleWorkers() == 1);
			executor.execute(() -> awaitQuietly(release));
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor.submit(() -> "late"))
				.withMessage("GoPool 'web' did not accept the task")
				.withCauseInstanceOf(io.gopool.TaskRejectedException.class);
			release.countDown();
		}
	}

}
