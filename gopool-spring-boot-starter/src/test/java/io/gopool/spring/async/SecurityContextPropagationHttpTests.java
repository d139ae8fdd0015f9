package io.gopool.spring.async;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Spring Security application, {@code @GoAsync} code sees the caller's
 * {@code SecurityContext}, with nothing to add, and the next task on the same worker does
 * not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.autoconfigure.exclude=", "spring.security.user.name=alice",
				"spring.security.user.password=secret", "gopool.pools.orders.min-workers=1",
				"gopool.pools.orders.max-workers=1" })
@Timeout(60)
class SecurityContextPropagationHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("orders")
	private GoPool orders;

	@Test
	void goAsyncCodeSeesTheCallersAuthenticationAndTheNextTaskDoesNot() throws Exception {
		String credentials = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/whoami"))
			.header("Authorization", "Basic " + credentials)
			.GET()
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("alice on gopool-orders-1");
		Authentication next = this.orders.submit(() -> SecurityContextHolder.getContext().getAuthentication())
			.get(10, TimeUnit.SECONDS);
		assertThat(next).isNull();
	}

	@Test
	void withoutCredentialsTheApplicationIsLockedDown() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/whoami")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableGoPool
	@Import({ Identity.class, IdentityController.class })
	static class App {

	}

	@Service
	public static class Identity {

		@GoAsync("orders")
		public CompletableFuture<String> whoami() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String name = (authentication != null) ? authentication.getName() : "nobody";
			return CompletableFuture.completedFuture(name + " on " + Thread.currentThread().getName());
		}

	}

	@RestController
	public static class IdentityController {

		private final Identity identity;

		IdentityController(Identity identity) {
			this.identity = identity;
		}

		@GetMapping("/whoami")
		public CompletableFuture<String> whoami() {
			return this.identity.whoami();
		}

	}

}
