package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pools' drain fits in Spring's shutdown phase, so Spring never gives up on them
 * while they drain unreported.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class ShutdownFitTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class, GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1");

	@Test
	void theDefaultsFitInSpringBootsDefaultPhaseWithoutAWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(GoPoolShutdownLifecycle.class).awaitTerminationPeriod())
				.isEqualTo(Duration.ofSeconds(25));
			assertThat(output).doesNotContain("does not fit");
		});
	}

	@Test
	void aPeriodLongerThanThePhaseIsShortenedWithAWarningAndTheDrainEndsWithinThePhase(CapturedOutput output) {
		CountDownLatch never = new CountDownLatch(1);
		this.contextRunner
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=3s",
					"gopool.shutdown.await-termination-period=10s")
			.run((context) -> {
				assertThat(context.getBean(GoPoolShutdownLifecycle.class).awaitTerminationPeriod())
					.isEqualTo(Duration.ofMillis(1500));
				assertThat(output).contains("gopool.shutdown.await-termination-period (10s) does not fit in "
						+ "spring.lifecycle.timeout-per-shutdown-phase (3s), after which Spring stops waiting for the "
						+ "pools; they get 1500ms to drain");
				GoPool orders = context.getBean("orders", GoPool.class);
				orders.execute(() -> awaitQuietly(never));
				await().atMost(Duration.ofSeconds(10)).until(() -> orders.stats().levels().busyWorkers() == 1);
				context.close();
				assertThat(orders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			});
		assertThat(output).contains("GoPool 'orders' did not drain within 1500 ms")
			.doesNotContain("still running after timeout");
	}

}
