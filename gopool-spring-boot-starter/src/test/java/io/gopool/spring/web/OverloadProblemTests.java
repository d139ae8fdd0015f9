package io.gopool.spring.web;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import com.jayway.jsonpath.JsonPath;
import io.gopool.TaskExpiredException;
import io.gopool.TaskRejectedException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadProblemTests {

	private final TaskRejectedException rejected = new TaskRejectedException("orders", "Orders.place(String)",
			"the pool is full", "state running, workers 4/4, queue 100/100", null);

	@Test
	void aRejectionIs503WithRetryAfterInWholeSecondsRoundedUp() {
		OverloadProblem problem = OverloadProblem.of(this.rejected, Duration.ofMillis(1500));
		assertThat(problem)
			.isEqualTo(new OverloadProblem(HttpStatus.SERVICE_UNAVAILABLE, "orders", "the pool is full", 2));
		assertThat(OverloadProblem.of(this.rejected, Duration.ZERO).retryAfterSeconds()).isZero();
		assertThat(OverloadProblem.of(this.rejected, Duration.ofSeconds(3)).retryAfterSeconds()).isEqualTo(3);
	}

	@Test
	void aRejectionIsFoundUnderSpringsOwnExceptionAndAFuturesWrapper() {
		Exception spring = new org.springframework.core.task.TaskRejectedException("did not accept", this.rejected);
		assertThat(OverloadProblem.of(new CompletionException(spring), Duration.ofSeconds(1)))
			.extracting(OverloadProblem::pool)
			.isEqualTo("orders");
	}

	@Test
	void anExpiryIs504WithoutRetryAfter() {
		OverloadProblem problem = OverloadProblem.of(new TaskExpiredException("io", "report", 5_000_000),
				Duration.ofSeconds(1));
		assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(problem.retryAfterSeconds()).isZero();
	}

	@Test
	void anyOtherFailureIsNotAnOverload() {
		assertThat(OverloadProblem.of(new IllegalStateException("out of stock"), Duration.ofSeconds(1))).isNull();
	}

	@Test
	void theJsonNamesThePoolAndReasonButNeverTheTask() {
		String json = OverloadProblem.of(this.rejected, Duration.ofSeconds(1)).toJson("/orders/\"7\"");
		assertThat(JsonPath.<String>read(json, "$.detail"))
			.isEqualTo("Pool 'orders' did not run the task: the pool is full");
		assertThat(JsonPath.<String>read(json, "$.instance")).isEqualTo("/orders/\"7\"");
		assertThat(JsonPath.<String>read(json, "$.type")).isEqualTo("about:blank");
		assertThat(json).doesNotContain("Orders.place");
	}

}
