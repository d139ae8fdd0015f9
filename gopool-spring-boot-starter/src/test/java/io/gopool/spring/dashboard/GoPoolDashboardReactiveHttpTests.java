package io.gopool.spring.dashboard;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same dashboard page and data in a WebFlux application, over a real port (Reactor
 * Netty): every test of the Spring MVC one, in a reactive application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "gopool.dashboard.enabled=true",
				"gopool.dashboard.path=/ops/pools", "gopool.dashboard.sample-interval=100ms",
				"gopool.pools.orders.max-workers=2", "gopool.pools.audit.max-workers=1" })
class GoPoolDashboardReactiveHttpTests extends GoPoolDashboardHttpTests {

}
