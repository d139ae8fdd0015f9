package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.gopool.GoPool;
import io.gopool.TaskRejectedException;
import io.gopool.spring.GoPoolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@Timeout(60)
class GoPoolOverloadLogTests {

	@Test
	void rejectionsAreOneLineWithCountsPerIntervalAndQuietIntervalsLogNothing() {
		List<String> lines = new CopyOnWriteArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(0).build("orders")) {
			try {
				GoPoolOverloadLog log = new GoPoolOverloadLog(new GoPoolRegistry(List.of(pool)), Duration.ofSeconds(10),
						lines::add, false);
				await().until(() -> pool.stats().levels().idleWorkers() == 1);
				pool.execute(() -> awaitQuietly(release));
				// The line shows the worker busy: wait until it runs the task, not only
				// holds it.
				await().until(() -> pool.stats().levels().busyWorkers() == 1);
				for (int i = 0; i < 3; i++) {
					assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
					}));
				}
				log.log();
				assertThat(lines).containsExactly("GoPool 'orders' is overloaded: 3 tasks rejected, 0 expired and 0 "
						+ "evicted in the last 10s (queue 0/0, workers 1/1 busy)");
				log.log();
				assertThat(lines).hasSize(1);
			}
			finally {
				// Before the pool closes, which waits for the held task: a failed
				// assertion
				// must fail the test, not hang it.
				release.countDown();
			}
		}
	}

	@Test
	void theLogIsABeanWhoseIntervalIsChecked() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
			.withPropertyValues("gopool.pools.orders.max-workers=1");
		runner.run((context) -> assertThat(context).hasSingleBean(GoPoolOverloadLog.class));
		runner.withPropertyValues("gopool.overload-log-interval=0")
			.run((context) -> assertThat(context).hasNotFailed());
		runner.withPropertyValues("gopool.overload-log-interval=10ms")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.overload-log-interval is PT0.01S: too short a log interval"));
	}

}
