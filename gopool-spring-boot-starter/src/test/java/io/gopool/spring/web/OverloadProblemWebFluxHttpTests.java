package io.gopool.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.jayway.jsonpath.JsonPath;
import io.gopool.GoPool;
import io.gopool.spring.async.EnableGoPool;
import io.gopool.spring.async.GoAsync;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same answer to overload in a WebFlux application, over a real port (Reactor Netty):
 * a rejected call is a 503 problem detail with {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "gopool.pools.orders.min-workers=1",
				"gopool.pools.orders.max-workers=1", "gopool.pools.orders.queue-capacity=0" })
@Timeout(60)
class OverloadProblemWebFluxHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("orders")
	private GoPool orders;

	@Autowired
	private Orders service;

	@AfterEach
	void drain() {
		this.service.open();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().busyWorkers() == 0);
	}

	@Test
	void aRejectedCallAnswers503WithRetryAfterAsAProblemDetail() throws Exception {
		this.service.hold();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().busyWorkers() == 1);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/order")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonPath.<String>read(response.body(), "$.pool")).isEqualTo("orders");
		assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/order");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableGoPool
	@Import({ Orders.class, OrdersController.class })
	static class App {

	}

	@Service
	public static class Orders {

		private final CountDownLatch release = new CountDownLatch(1);

		/**
		 * Lets the held call finish (a plain method: the proxy passes it to the target).
		 */
		public void open() {
			this.release.countDown();
		}

		@GoAsync("orders")
		public CompletableFuture<String> hold() {
			awaitQuietly(this.release);
			return CompletableFuture.completedFuture("held");
		}

		@GoAsync("orders")
		public CompletableFuture<String> place() {
			return CompletableFuture.completedFuture("placed");
		}

	}

	@RestController
	public static class OrdersController {

		private final Orders orders;

		OrdersController(Orders orders) {
			this.orders = orders;
		}

		@GetMapping("/order")
		public CompletableFuture<String> order() {
			return this.orders.place();
		}

	}

}
