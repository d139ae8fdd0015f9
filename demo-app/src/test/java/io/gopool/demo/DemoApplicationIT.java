package io.gopool.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo as a user runs it: a real process on a free port, real HTTP including
 * a burst that saturates a pool, then SIGTERM while tasks are in flight. The process must
 * exit promptly and its drain report must account for every accepted task.
 */
@Timeout(120)
class DemoApplicationIT {

	private static final Pattern DRAIN_REPORT = Pattern.compile("GoPool 'orders' (?:drained in \\d+ ms|did not drain "
			+ "within \\d+ ms): (\\d+) task\\(s\\) finished, (\\d+) expired or were cancelled, (?:none left unrun|(\\d+) "
			+ "queued task\\(s\\) never ran) \\((\\d+) accepted in all\\)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private int port;

	@Test
	void thePackagedDemoHoldsABurstInCheckAndAccountsForEveryTaskOnSigterm() throws Exception {
		this.port = freePort();
		Path log = Files.createTempFile("gopool-demo", ".log");
		Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				System.getProperty("demo.jar"), "--server.port=" + this.port,
				"--gopool.shutdown.await-termination-period=2s",
				// Saturation by construction, not by timing: a short queue that drains at
				// 80 tasks/s and holds no quote that could expire and free a place.
				"--gopool.pools.orders.queue-capacity=100", "--demo.order-time=100ms", "--demo.quote-deadline=60s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			awaitUp(demo, log);
			assertThat(get("/orders/1").statusCode()).isEqualTo(200);
			assertThat(get("/orders/2/urgent").statusCode()).isEqualTo(200);
			assertThat(get("/fetch/3").statusCode()).isEqualTo(200);
			assertThat(get("/hash/4").statusCode()).isEqualTo(200);

			HttpResponse<String> burst = post("/burst?tasks=20000");
			assertThat(burst.statusCode()).isEqualTo(202);
			int accepted = JsonPath.read(burst.body(), "$.accepted");
			int rejected = JsonPath.read(burst.body(), "$.rejected");
			assertThat(accepted + rejected).isEqualTo(20000);
			assertThat(rejected).isPositive();
			assertThat(JsonPath.<Integer>read(burst.body(), "$.workers")).isLessThanOrEqualTo(8);

			assertThat(concurrentOrders(200)).as("a flood against a full pool gets 503s").contains(503);
			HttpResponse<String> pool = get("/actuator/gopools/orders");
			assertThat(JsonPath.<Integer>read(pool.body(), "$.stats.largestWorkers")).isEqualTo(8);
			assertThat(JsonPath.<Integer>read(pool.body(), "$.stats.rejected")).isPositive();
			HttpResponse<String> health = get("/actuator/health");
			assertThat(health.statusCode()).as("saturation is not an outage").isEqualTo(200);
			assertThat(JsonPath.<String>read(health.body(), "$.components.gopool.components.orders.status"))
				.isEqualTo("UP");
			assertThat(JsonPath.<Boolean>read(health.body(), "$.components.gopool.components.orders.details.saturated"))
				.isTrue();
			String prometheus = get("/actuator/prometheus").body();
			assertThat(prometheus).contains("executor_completed_tasks_total{name=\"orders\"")
				.contains("gopool_tasks_total{name=\"orders\",result=\"rejected\"}");

			// A second burst fills the queue again: SIGTERM arrives with thousands of
			// tasks in flight.
			HttpResponse<String> second = post("/burst?tasks=5000");
			assertThat(JsonPath.<Integer>read(second.body(), "$.queued")).isGreaterThan(50);
			long stopping = System.nanoTime();
			demo.destroy();
			assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo exits after SIGTERM").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(25));
			String output = Files.readString(log);
			Matcher report = DRAIN_REPORT.matcher(output);
			assertThat(report.find()).as("drain report in:%n%s", output).isTrue();
			long finished = Long.parseLong(report.group(1));
			long endedEarly = Long.parseLong(report.group(2));
			long neverRan = (report.group(3) != null) ? Long.parseLong(report.group(3)) : 0;
			long acceptedInAll = Long.parseLong(report.group(4));
			assertThat(finished + endedEarly + neverRan).as("every accepted task is accounted for")
				.isEqualTo(acceptedInAll);
			assertThat(acceptedInAll).isGreaterThanOrEqualTo(accepted + 2);
		}
		finally {
			demo.destroyForcibly();
		}
	}

	private List<Integer> concurrentOrders(int count) {
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			responses.add(this.http.sendAsync(
					HttpRequest.newBuilder(uri("/orders/flood-" + i)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			statuses.add(response.join().statusCode());
		}
		return statuses;
	}

	private void awaitUp(Process demo, Path log) {
		Awaitility.await("the demo answering /actuator/health")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(demo.isAlive()).as("demo process died:%n%s", Files.readString(log)).isTrue();
				return get("/actuator/health").statusCode() == 200;
			});
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
