package io.gopool.spring.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page and its data over real HTTP, in a Spring MVC application;
 * {@link GoPoolDashboardReactiveHttpTests} runs the same tests on WebFlux.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gopool.dashboard.enabled=true", "gopool.dashboard.path=/ops/pools",
				"gopool.dashboard.sample-interval=100ms", "gopool.pools.orders.max-workers=2",
				"gopool.pools.audit.max-workers=1" })
class GoPoolDashboardHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void thePageIsOneSelfContainedHtmlFile() throws Exception {
		HttpResponse<String> page = get("/ops/pools");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<title>GoPool dashboard</title>")
			.contains("/data?since=")
			.doesNotContain("src=\"http")
			.doesNotContain("href=\"http")
			.doesNotContain("@import");
	}

	@Test
	void theDataListsEveryPoolWithSettingsSamplesAndRunningTasks() throws Exception {
		HttpResponse<String> data = get("/ops/pools/data?since=0");
		assertThat(data.statusCode()).isEqualTo(200);
		assertThat(data.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(JsonPath.<List<String>>read(data.body(), "$.pools[*].name")).containsExactly("orders", "audit");
		assertThat(JsonPath.<Integer>read(data.body(), "$.pools[0].settings['max-workers']")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(data.body(), "$.sampleIntervalMillis")).isEqualTo(100);
		assertThat(JsonPath.<List<Object>>read(data.body(), "$.pools[0].running")).isEmpty();
		assertThat(get("/ops/pools/data?since=soon").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	// Not @SpringBootApplication: scanning this package would register the routes
	// configuration a second time, beside the auto-configuration that imports it.
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DashboardApplication {

	}

}
