package io.gopool.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolTaskExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One property puts the application on a pool: plain {@code @Async} and Spring MVC's
 * async return values run on {@code gopool-web-N} threads, over a real port, and appear
 * in that pool's stats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gopool.pools.web.max-workers=4", "gopool.application-executor=web" })
class ApplicationExecutorHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("web")
	private GoPool web;

	@Autowired
	private ApplicationContext context;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/async", "/callable", "/web-async-task", "/streaming" })
	void everyAsyncPathRunsOnThePool(String path) throws Exception {
		long before = this.web.stats().counts().started();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("gopool-web-");
		assertThat(this.web.stats().counts().started()).isGreaterThan(before);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "applicationTaskExecutor", "taskExecutor" })
	void theApplicationsTaskExecutorIsThePool(String name) {
		assertThat(this.context.getBean(name)).isInstanceOfSatisfying(GoPoolTaskExecutor.class,
				(executor) -> assertThat(executor.pool()).isSameAs(this.web));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ Threads.class, ThreadsController.class })
	static class App {

	}

	@Service
	public static class Threads {

		@Async
		public CompletableFuture<String> name() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	@RestController
	public static class ThreadsController {

		private final Threads threads;

		ThreadsController(Threads threads) {
			this.threads = threads;
		}

		@GetMapping("/async")
		public CompletableFuture<String> async() {
			return this.threads.name();
		}

		@GetMapping("/callable")
		public Callable<String> callable() {
			return () -> Thread.currentThread().getName();
		}

		@GetMapping("/web-async-task")
		public WebAsyncTask<String> webAsyncTask() {
			return new WebAsyncTask<>(() -> Thread.currentThread().getName());
		}

		@GetMapping("/streaming")
		public StreamingResponseBody streaming() {
			return (out) -> out.write(Thread.currentThread().getName().getBytes(StandardCharsets.UTF_8));
		}

	}

}
