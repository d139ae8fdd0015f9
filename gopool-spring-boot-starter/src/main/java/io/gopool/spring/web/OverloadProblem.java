package io.gopool.spring.web;

import java.time.Duration;

import io.gopool.TaskExpiredException;
import io.gopool.TaskRejectedException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The answer to a request whose task a pool did not run: an RFC 9457 problem detail,
 * {@code 503 Service Unavailable} with {@code Retry-After} for a rejected task and
 * {@code 504 Gateway Timeout} for one whose deadline passed in the queue. It names the
 * pool and the reason, never the task or its arguments, which may hold what a client must
 * not see.
 *
 * @param status the HTTP status
 * @param pool the pool's name
 * @param reason why the task did not run, such as {@code the pool is full}
 * @param retryAfterSeconds the {@code Retry-After} header's value, or 0 for none
 */
public record OverloadProblem(HttpStatus status, String pool, String reason, long retryAfterSeconds) {

	/** The media type of a problem detail. */
	public static final String MEDIA_TYPE = "application/problem+json";

	/**
	 * Returns the problem for a failure that is, or was caused by, a pool's rejection or
	 * expiry (Spring's own {@code TaskRejectedException}, which {@code @Async} throws,
	 * has GoPool's as its cause), or {@code null} for any other failure.
	 * @param failure what the request failed with
	 * @param retryAfter what a rejection's {@code Retry-After} says; zero for none
	 * @return the problem, or {@code null}
	 */
	public static @Nullable OverloadProblem of(Throwable failure, Duration retryAfter) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TaskRejectedException rejected) {
				long seconds = (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L;
				return new OverloadProblem(HttpStatus.SERVICE_UNAVAILABLE, rejected.getPoolName(), rejected.getReason(),
						seconds);
			}
			if (cause instanceof TaskExpiredException expired) {
				return new OverloadProblem(HttpStatus.GATEWAY_TIMEOUT, expired.getPoolName(),
						"the task's deadline passed before it started", 0);
			}
		}
		return null;
	}

	/**
	 * Returns the problem detail as JSON.
	 * @param instance the request's path
	 * @return the JSON document
	 */
	public String toJson(String instance) {
		return "{\"type\":\"about:blank\",\"title\":" + quote(this.status.getReasonPhrase()) + ",\"status\":"
				+ this.status.value() + ",\"detail\":" + quote(detail()) + ",\"instance\":" + quote(instance)
				+ ",\"pool\":" + quote(this.pool) + ",\"reason\":" + quote(this.reason) + "}";
	}

	/**
	 * Returns the problem in words.
	 * @return such as {@code Pool 'orders' did not run the task: the pool is full}
	 */
	public String detail() {
		return "Pool '" + this.pool + "' did not run the task: " + this.reason;
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
