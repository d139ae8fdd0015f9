package io.gopool.spring.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers a WebFlux request whose task a pool rejected or let expire with an
 * {@link OverloadProblem} instead of a 500. It runs just before Spring Boot's error
 * handler, after the dispatcher has applied the application's own
 * {@code @ExceptionHandler}s, which therefore still win.
 */
public final class OverloadProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	/** Just before Spring Boot's {@code ErrorWebExceptionHandler}, at -1. */
	static final int ORDER = -2;

	private final Duration retryAfter;

	/**
	 * Creates the handler.
	 * @param retryAfter what a rejection's {@code Retry-After} says; zero for none
	 */
	public OverloadProblemWebExceptionHandler(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		OverloadProblem problem = OverloadProblem.of(ex, this.retryAfter);
		ServerHttpResponse response = exchange.getResponse();
		if (problem == null || response.isCommitted()) {
			return Mono.error(ex);
		}
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, OverloadProblem.MEDIA_TYPE);
		if (problem.retryAfterSeconds() > 0) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		byte[] json = problem.toJson(exchange.getRequest().getPath().value()).getBytes(StandardCharsets.UTF_8);
		DataBuffer body = response.bufferFactory().wrap(json);
		return response.writeWith(Mono.just(body));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
