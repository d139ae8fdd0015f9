package io.gopool.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import io.gopool.GoPool;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's endpoints on a deliberately tiny {@code orders} pool (one worker, one queued
 * call), so that "full" and "expired" can be reached on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1",
				"gopool.pools.orders.queue-capacity=1", "gopool.pools.io.stuck-threshold=200ms", "demo.order-time=1s",
				"demo.quote-deadline=50ms" })
@Timeout(60)
class DemoApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private DemoWork work;

	@Autowired
	@Qualifier("orders")
	private GoPool orders;

	@Test
	void eachKindOfWorkRunsOnItsOwnPool() throws Exception {
		assertThat(JsonPath.<String>read(get("/fetch/1").body(), "$.worker")).startsWith("gopool-io-");
		assertThat(JsonPath.<String>read(get("/hash/2").body(), "$.worker")).startsWith("gopool-cpu-");
		HttpResponse<String> order = get("/orders/3/urgent");
		assertThat(order.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(order.body(), "$.worker")).startsWith("gopool-orders-");
	}

	@Test
	void aQuoteThatExpiresInTheQueueAnswers504AndAFullPoolAnswers503() throws Exception {
		awaitOrdersQuiet();
		CompletableFuture<DemoWork.Result> busy = this.work.order("holds the only worker");
		HttpResponse<String> expired = get("/quotes/1");
		assertThat(expired.statusCode()).isEqualTo(504);
		assertThat(expired.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(expired.body(), "$.reason"))
			.isEqualTo("the task's deadline passed before it started");
		// The expired quote gives its queue place back right after its future completes.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.stats().levels().queueSize() == 0);
		CompletableFuture<DemoWork.Result> queued = this.work.order("takes the only queue place");
		HttpResponse<String> full = get("/orders/2");
		assertThat(full.statusCode()).isEqualTo(503);
		assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(JsonPath.<String>read(full.body(), "$.title")).isEqualTo("Service Unavailable");
		assertThat(JsonPath.<String>read(full.body(), "$.pool")).isEqualTo("orders");
		assertThat(JsonPath.<String>read(full.body(), "$.reason")).isEqualTo("the pool is full");
		busy.join();
		queued.join();
	}

	@Test
	void aBurstAnswersAtOnceWithWhatWasAcceptedAndRejected() throws Exception {
		awaitOrdersQuiet();
		HttpResponse<String> burst = this.http.send(
				HttpRequest.newBuilder(uri("/burst?tasks=50")).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(burst.statusCode()).isEqualTo(202);
		int accepted = JsonPath.read(burst.body(), "$.accepted");
		int rejected = JsonPath.read(burst.body(), "$.rejected");
		assertThat(accepted + rejected).isEqualTo(50);
		assertThat(accepted).isBetween(1, 2);
		assertThat(JsonPath.<Integer>read(burst.body(), "$.maxWorkers")).isEqualTo(1);
	}

	@Test
	void aReportPastTheStuckThresholdShowsAsStuckWithItsStackInTheInFlightView() throws Exception {
		CompletableFuture<HttpResponse<String>> report = this.http.sendAsync(
				HttpRequest.newBuilder(uri("/reports/7?seconds=3")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			String body = get("/actuator/gopools/io?stacks=true").body();
			return JsonPath.<java.util.List<Boolean>>read(body,
					"$.running[?(@.task == 'DemoWork.report(String, Duration)')].stuck")
				.contains(true);
		});
		String body = get("/actuator/gopools/io?stacks=true").body();
		assertThat(JsonPath.<java.util.List<String>>read(body, "$.running[0].stackTrace[*]"))
			.anySatisfy((frame) -> assertThat(frame).contains("io.gopool.demo.DemoWork.work("));
		assertThat(JsonPath.<Integer>read(body, "$.stats.stuckTasks")).isEqualTo(1);
		assertThat(report.get().statusCode()).isEqualTo(200);
		assertThat(get("/reports/8?seconds=61").statusCode()).isEqualTo(400);
	}

	/** The tests share one context: let work left by another test finish first. */
	private void awaitOrdersQuiet() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.orders.stats().levels().queueSize() == 0
					&& this.orders.stats().levels().busyWorkers() == 0);
	}

	@Test
	void aTaskGroupAsksEverySupplierOnTheIoPool() throws Exception {
		HttpResponse<String> compared = get("/compare/lamp");
		assertThat(compared.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<java.util.List<String>>read(compared.body(), "$.quotes[*].kind"))
			.containsExactly("quote from north", "quote from south", "quote from east");
		assertThat(JsonPath.<java.util.List<String>>read(compared.body(), "$.quotes[*].worker"))
			.allSatisfy((worker) -> assertThat(worker).startsWith("gopool-io-"));
	}

	@Test
	void ledgerEventsRunInOrderPerAccountAndAccountsInParallel() throws Exception {
		HttpResponse<String> ledger = this.http.send(HttpRequest.newBuilder(uri("/ledger?accounts=4&events=200"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ledger.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(ledger.body(), "$.outOfOrder")).isZero();
		assertThat(JsonPath.<Integer>read(ledger.body(), "$.sameAccountAtOnce")).isZero();
		assertThat(JsonPath.<Integer>read(ledger.body(), "$.mostAccountsAtOnce")).isBetween(2, 4);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
