package io.gopool.spring.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.gopool.GoPool;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exposing the endpoint does not open its write operation: access is read-only by
 * default, so it still reads, but cannot retune.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=gopools", "gopool.pools.orders.max-workers=2" })
class GoPoolReadOnlyEndpointHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("orders")
	private GoPool orders;

	@Test
	void readsWorkAndWritesAreRefused() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI uri = URI.create("http://localhost:" + this.port + "/actuator/gopools/orders");
		assertThat(
				http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
		HttpResponse<String> write = http.send(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"maxWorkers\": 9}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).isBetween(400, 499);
		assertThat(this.orders.settings().maxWorkers()).isEqualTo(2);
	}

	@SpringBootApplication
	static class App {

	}

}
