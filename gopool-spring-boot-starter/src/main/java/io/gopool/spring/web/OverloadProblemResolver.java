package io.gopool.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a Spring MVC request whose task a pool rejected or let expire with an
 * {@link OverloadProblem} instead of a 500 and a stack trace. It runs after every other
 * resolver (lowest precedence), so an application's own {@code @ExceptionHandler}, local
 * or in a {@code @ControllerAdvice}, still wins.
 */
public final class OverloadProblemResolver implements HandlerExceptionResolver, Ordered {

	private final Duration retryAfter;

	/**
	 * Creates the resolver.
	 * @param retryAfter what a rejection's {@code Retry-After} says; zero for none
	 */
	public OverloadProblemResolver(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		OverloadProblem problem = OverloadProblem.of(ex, this.retryAfter);
		if (problem == null || response.isCommitted()) {
			return null;
		}
		try {
			response.resetBuffer();
			response.setStatus(problem.status().value());
			response.setContentType(OverloadProblem.MEDIA_TYPE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			if (problem.retryAfterSeconds() > 0) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
			}
			response.getWriter().write(problem.toJson(request.getRequestURI()));
			response.flushBuffer();
		}
		catch (IOException writeFailed) {
			// The client went away; the request is answered as far as it can be.
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
