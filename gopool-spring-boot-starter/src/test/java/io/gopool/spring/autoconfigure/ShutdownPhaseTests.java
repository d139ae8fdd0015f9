package io.gopool.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycles stop from the highest phase down: the web server first shuts down
 * gracefully, then stops, and only then do the pools drain, so requests still in flight
 * can hand work to them.
 */
class ShutdownPhaseTests {

	@Test
	@SuppressWarnings("removal") // Boot 4.1 still orders graceful shutdown by this phase
	void poolsDrainAfterTheWebServerHasShutDownGracefullyAndStopped() {
		assertThat(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
			.isGreaterThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
		assertThat(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE).isGreaterThan(GoPoolShutdownLifecycle.PHASE);
	}

}
