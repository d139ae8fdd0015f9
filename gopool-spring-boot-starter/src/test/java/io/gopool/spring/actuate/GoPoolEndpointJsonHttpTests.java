package io.gopool.spring.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's JSON does not follow the application's Jackson settings: its answers are
 * operation response bodies, which the actuator writes with its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=gopools",
				"spring.jackson.property-naming-strategy=SNAKE_CASE", "gopool.pools.orders.max-workers=2" })
class GoPoolEndpointJsonHttpTests {

	@LocalServerPort
	private int port;

	@Test
	void aNamingStrategyOfTheApplicationLeavesTheEndpointsFieldsAlone() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI uri = URI.create("http://localhost:" + this.port + "/actuator/gopools/orders");
		String body = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.stats")).containsKey("idleWorkers")
			.doesNotContainKey("idle_workers");
		assertThat(JsonPath.<Map<String, Object>>read(body, "$.settings")).containsEntry("max-workers", 2);
	}

	@SpringBootApplication
	static class App {

	}

}
