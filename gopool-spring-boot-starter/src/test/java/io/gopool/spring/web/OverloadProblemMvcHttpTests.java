package io.gopool.spring.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.gopool.GoPool;
import io.gopool.TaskRejectedException;
import io.gopool.spring.async.EnableGoPool;
import io.gopool.spring.async.GoAsync;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full pool answers a Spring MVC request like a service, over a real port: 503 with
 * {@code Retry-After} for a rejected task, 504 for an expired one, as problem details
 * that name the pool and the reason, with no stack trace in the log; an application's own
 * exception handler still wins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1",
				"gopool.pools.orders.queue-capacity=1", "gopool.web.retry-after=1500ms" })
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class OverloadProblemMvcHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

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
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.stats().levels().busyWorkers() == 0
					&& this.orders.stats().levels().queueSize() == 0);
		this.service.close();
	}

	@Test
	void aRejectedGoAsyncCallAnswers503WithRetryAfterAsAProblemDetail(CapturedOutput output) throws Exception {
		fill();
		HttpResponse<String> response = get("/order");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(503);
		assertThat(JsonPath.<String>read(response.body(), "$.title")).isEqualTo("Service Unavailable");
		assertThat(JsonPath.<String>read(response.body(), "$.pool")).isEqualTo("orders");
		assertThat(JsonPath.<String>read(response.body(), "$.reason")).isEqualTo("the pool is full");
		assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo("/order");
		assertThat(response.body()).doesNotContain("secret-customer");
		assertThat(output).doesNotContain("TaskRejectedException").doesNotContain("at io.gopool");
	}

	@Test
	void aRejectionThroughSpringsOwnAsyncAnswers503Too() throws Exception {
		fill();
		HttpResponse<String> response = get("/spring-async");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(response.body(), "$.pool")).isEqualTo("orders");
	}

	@Test
	void aCallWhoseDeadlinePassedInTheQueueAnswers504() throws Exception {
		CompletableFuture<String> running = this.service.hold();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().busyWorkers() == 1);
		CompletableFuture<HttpResponse<String>> late = this.http.sendAsync(request("/quick"),
				HttpResponse.BodyHandlers.ofString());
		// The deadline is 1ms: the pool expires the queued call on its own (its monitor
		// drops stale work), or when the worker is freed after the deadline surely
		// passed.
		long sentAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.stats().counts().expired() > 0 || (this.orders.stats().levels().queueSize() == 1
					&& System.nanoTime() - sentAt > TimeUnit.MILLISECONDS.toNanos(20)));
		this.service.open();
		HttpResponse<String> response = late.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		assertThat(JsonPath.<String>read(response.body(), "$.reason"))
			.isEqualTo("the task's deadline passed before it started");
		assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("held");
	}

	@Test
	void anApplicationsOwnExceptionHandlerWins() throws Exception {
		fill();
		HttpResponse<String> response = get("/own-handler");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.body()).isEqualTo("slow down");
	}

	/** One call running and one queued: the pool is full. */
	private void fill() {
		this.service.hold();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().busyWorkers() == 1);
		this.service.hold();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().queueSize() == 1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableGoPool
	@EnableAsync
	@Import({ Orders.class, OrdersController.class, OwnHandlerController.class })
	static class App {

	}

	@Service
	public static class Orders {

		private volatile CountDownLatch release = new CountDownLatch(1);

		/** Lets held calls finish (a plain method: the proxy passes it to the target). */
		public void open() {
			this.release.countDown();
		}

		/** Makes the next calls hold again. */
		public void close() {
			this.release = new CountDownLatch(1);
		}

		@GoAsync("orders")
		public CompletableFuture<String> hold() {
			awaitQuietly(this.release);
			return CompletableFuture.completedFuture("held");
		}

		@GoAsync(pool = "orders", deadline = "1ms")
		public CompletableFuture<String> quick() {
			return CompletableFuture.completedFuture("quick");
		}

		@GoAsync("orders")
		public CompletableFuture<String> place(String customer) {
			return CompletableFuture.completedFuture(customer);
		}

		@Async("orders")
		public CompletableFuture<String> viaSpring() {
			return CompletableFuture.completedFuture("spring");
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
			return this.orders.place("secret-customer");
		}

		@GetMapping("/quick")
		public CompletableFuture<String> quick() {
			return this.orders.quick();
		}

		@GetMapping("/spring-async")
		public CompletableFuture<String> springAsync() {
			return this.orders.viaSpring();
		}

	}

	@RestController
	public static class OwnHandlerController {

		private final Orders orders;

		OwnHandlerController(Orders orders) {
			this.orders = orders;
		}

		@GetMapping("/own-handler")
		public CompletableFuture<String> order() {
			return this.orders.place("x");
		}

		@ExceptionHandler(TaskRejectedException.class)
		public ResponseEntity<String> busy(TaskRejectedException ex) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body("slow down");
		}

	}

}
