package io.gopool.demo;

import io.gopool.GoPoolStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a small burst through the demo and checks the story it tells: bounded workers,
 * every accepted task accounted for, rejections when full, and urgent tasks waiting less.
 */
@SpringBootTest(properties = { "demo.burst.tasks=20000", "demo.burst.max-workers=4", "demo.burst.queue-capacity=200",
		"demo.burst.task-time=200us", "demo.burst.deadline=50ms" })
@Timeout(120)
class BurstDemoTest {

	@Autowired
	private BurstDemo demo;

	@Test
	void burstIsHeldInCheckAndEveryAcceptedTaskIsAccountedFor() {
		BurstDemo.BurstResult result = this.demo.result();
		GoPoolStats stats = result.stats();
		assertThat(stats.largestWorkers()).isLessThanOrEqualTo(4);
		assertThat(stats.submitted() + stats.rejected()).isEqualTo(20_000);
		assertThat(stats.rejected()).isPositive();
		assertThat(stats.finished()).isEqualTo(stats.submitted());
		assertThat(stats.completed() + stats.expired()).isEqualTo(stats.submitted());
		assertThat(result.urgentWaitMillis()).isLessThan(result.normalWaitMillis());
	}

}
