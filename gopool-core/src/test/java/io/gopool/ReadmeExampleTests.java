package io.gopool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles and runs the README's core API example, and checks that the README shows
 * exactly this code.
 */
@Timeout(60)
class ReadmeExampleTests {

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void readmeExampleRuns() {
		// tag::example[]
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(2)
			.maxWorkers(16)
			.keepAlive(Duration.ofSeconds(30))
			.queueCapacity(1000)
			.rejectionPolicy(RejectionPolicy.CALLER_RUNS)
			.build("orders")) {

			// A GoPool is an ExecutorService...
			pool.execute(() -> audit("order received"));

			// ...with priorities (lower runs first), deadlines and completion callbacks.
			CompletableFuture<String> receipt = pool.submit(() -> checkout("cart-42"),
					TaskOptions.defaults()
						.withPriority(-10)
						.withDeadline(Duration.ofSeconds(2))
						.withName("checkout cart-42")
						.withCallback((outcome, result, failure) -> audit("checkout " + outcome)));

			System.out.println(receipt.join());
			GoPoolStats stats = pool.stats();
			System.out.println(stats.levels().workers() + " workers, " + stats.counts().completed() + " completed");
		}
		// end::example[]
		assertThat(this.log).contains("order received", "checkout COMPLETED");
	}

	@Test
	void readmeShowsTheExampleVerbatim() throws IOException {
		String source = Files.readString(Path.of("src/test/java/io/gopool/ReadmeExampleTests.java"));
		String tagged = source.substring(source.indexOf("// tag::example[]\n") + "// tag::example[]\n".length(),
				source.indexOf("\t\t// end::example[]"));
		String example = tagged.lines()
			.map((line) -> line.startsWith("\t\t") ? line.substring(2) : line)
			.map((line) -> line.replace("\t", "    "))
			.collect(Collectors.joining("\n"));
		assertThat(Files.readString(Path.of("../README.md"))).contains(example);
	}

	private void audit(String event) {
		this.log.add(event);
	}

	private String checkout(String cart) {
		return "receipt for " + cart;
	}

}
