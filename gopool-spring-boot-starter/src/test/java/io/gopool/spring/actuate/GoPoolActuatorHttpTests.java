package io.gopool.spring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.gopool.GoPool;
import io.gopool.GoPoolTuning;
import io.gopool.TaskOptions;
import io.gopool.TaskRejectedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint, health and meters over real HTTP, as an operator sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,gopools,metrics",
				"management.endpoint.gopools.access=unrestricted", "management.endpoint.health.show-details=always",
				"spring.web.error.include-message=always", "gopool.pools.orders.min-workers=1",
				"gopool.pools.orders.max-workers=2", "gopool.pools.orders.queue-capacity=10" })
class GoPoolActuatorHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("orders")
	private GoPool orders;

	@Test
	void theEndpointListsPoolsShowsOneAndAnswers404ForAnUnknownOne() throws Exception {
		this.orders.submit(() -> "warm up").get(10, TimeUnit.SECONDS);
		HttpResponse<String> all = get("/actuator/gopools");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(all.body(), "$.pools.orders.settings['max-workers']")).isEqualTo(2);
		assertThat(JsonPath.<String>read(all.body(), "$.pools.orders.settings['keep-alive']")).isEqualTo("1m");
		assertThat(JsonPath.<Integer>read(all.body(), "$.pools.orders.stats.completed")).isPositive();
		assertThat(get("/actuator/gopools/orders").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/gopools/nope").statusCode()).isEqualTo(404);
	}

	/**
	 * The JSON an operator's scripts read: its keys are pinned here, so that a field
	 * added to a core record cannot change it unnoticed. The actuator writes it with its
	 * own JSON settings, which leave out what is not set; the settings table leaves out
	 * settings without a value (this pool has no default deadline and no stuck
	 * threshold).
	 */
	@Test
	void theEndpointsJsonHasExactlyTheDocumentedFields() throws Exception {
		String body = get("/actuator/gopools/orders").body();
		assertThat(JsonPath.<Map<String, Object>>read(body, "$").keySet()).containsExactly("settings", "shutdown",
				"stats", "running");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.settings").keySet()).containsExactly("min-workers",
				"max-workers", "keep-alive", "queue-capacity", "rejection-policy", "worker-type", "default-priority",
				"block-timeout", "max-blocked-submitters", "interrupt-stuck-tasks", "max-extra-workers");
		assertThat(JsonPath.<String>read(body, "$.settings['rejection-policy']")).isEqualTo("abort");
		assertThat(JsonPath.<String>read(body, "$.settings['block-timeout']")).isEqualTo("10s");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.stats").keySet()).containsExactly("workers",
				"idleWorkers", "busyWorkers", "largestWorkers", "queueSize", "blockedSubmitters", "stuckTasks",
				"waitingBehindKey", "activeGroups", "submitted", "started", "completed", "failed", "rejected",
				"expired", "cancelled", "evicted", "returned", "totalWait", "totalRun", "groupsSucceeded",
				"groupsFailed", "groupsExpired", "groupsCancelled");
		assertThat(JsonPath.<String>read(body, "$.stats.totalWait")).matches("\\d+ms");
	}

	@Test
	void oneSPoolViewListsItsRunningTasksWithTheirStacksOnRequest() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.orders.execute(() -> {
			started.countDown();
			awaitQuietly(release);
		}, TaskOptions.defaults().withName("nightly-report"));
		try {
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			HttpResponse<String> plain = get("/actuator/gopools/orders");
			assertThat(JsonPath.<String>read(plain.body(), "$.running[0].task")).isEqualTo("nightly-report");
			assertThat(JsonPath.<String>read(plain.body(), "$.running[0].thread")).startsWith("gopool-orders-");
			assertThat(JsonPath.<String>read(plain.body(), "$.running[0].running")).matches("\\d+(ms|s)");
			assertThat(JsonPath.<List<String>>read(plain.body(), "$.running[0].stackTrace")).isEmpty();
			HttpResponse<String> withStacks = get("/actuator/gopools/orders?stacks=true");
			assertThat(JsonPath.<List<String>>read(withStacks.body(), "$.running[0].stackTrace"))
				.anySatisfy((frame) -> assertThat(frame).contains("awaitQuietly"));
			assertThat(JsonPath.<Map<String, Object>>read(get("/actuator/gopools").body(), "$.pools.orders"))
				.doesNotContainKey("running");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void theWriteOperationRetunesOverHttpAndRefusesBadValuesWith400() throws Exception {
		try {
			HttpResponse<String> tuned = post("/actuator/gopools/orders",
					"{\"maxWorkers\": 4, \"keepAlive\": \"30s\"}");
			assertThat(tuned.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<Integer>read(tuned.body(), "$.settings['max-workers']")).isEqualTo(4);
			assertThat(JsonPath.<String>read(tuned.body(), "$.settings['keep-alive']")).isEqualTo("30s");
			HttpResponse<String> refused = post("/actuator/gopools/orders", "{\"minWorkers\": 9}");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("min workers (9) must not exceed max workers (4)");
			assertThat(this.orders.settings().maxWorkers()).isEqualTo(4);
			assertThat(this.orders.settings().minWorkers()).isEqualTo(1);
		}
		finally {
			this.orders.tune(GoPoolTuning.create().minWorkers(1).maxWorkers(2));
			this.orders.tune(GoPoolTuning.create().keepAlive(java.time.Duration.ofMinutes(1)));
		}
	}

	@Test
	void healthShowsAComponentPerPool() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.components.gopool.components.orders.status"))
			.isEqualTo("UP");
		assertThat(JsonPath.<Integer>read(health.body(), "$.components.gopool.components.orders.details.queueCapacity"))
			.isEqualTo(10);
	}

	/**
	 * A full pool that rejects work is saturated, not down: the application's health
	 * stays 200 and UP, and the pool's component says it is saturated.
	 */
	@Test
	void aSaturatedPoolThatRejectsLeavesTheApplicationUp() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < 12; i++) {
				this.orders.execute(() -> awaitQuietly(release));
			}
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> this.orders.execute(() -> {
			}));
			HttpResponse<String> health = get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
			String orders = "$.components.gopool.components.orders";
			assertThat(JsonPath.<String>read(health.body(), orders + ".status")).isEqualTo("UP");
			assertThat(JsonPath.<Boolean>read(health.body(), orders + ".details.saturated")).isTrue();
			assertThat(JsonPath.<Boolean>read(health.body(), orders + ".details.recentRejections")).isTrue();
		}
		finally {
			release.countDown();
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> this.orders.stats().levels().busyWorkers() == 0
						&& this.orders.stats().levels().queueSize() == 0);
		}
	}

	@Test
	void metersArePublishedPerPool() throws Exception {
		this.orders.submit(() -> "counted").get(10, TimeUnit.SECONDS);
		HttpResponse<String> completed = get("/actuator/metrics/executor.completed?tag=name:orders");
		assertThat(completed.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Double>read(completed.body(), "$.measurements[0].value")).isPositive();
		HttpResponse<String> tasks = get("/actuator/metrics/gopool.tasks?tag=name:orders&tag=result:completed");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(tasks.body(), "$.baseUnit")).isEqualTo("tasks");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootApplication
	static class App {

	}

}
