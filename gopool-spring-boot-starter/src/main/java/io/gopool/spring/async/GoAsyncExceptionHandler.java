package io.gopool.spring.async;

import java.lang.reflect.Method;

/**
 * Handles what a {@code void} {@link GoAsync @GoAsync} method throws, since no caller is
 * there to see it; also told when a {@code void} call expired before it started, or was
 * evicted from the queue by the discard-oldest policy. It runs on the thread that ended
 * the call (the worker, for a method that threw), never on the caller's. Calls cancelled
 * or returned by a shutdown are not handled here: the drain report lists them. Declare a
 * bean of this type to replace the default, which logs a failure of the method with its
 * stack trace and an expiry or eviction, an expected outcome under load, in one line at
 * debug level (the overload log line and the meters count them).
 */
@FunctionalInterface
public interface GoAsyncExceptionHandler {

	/**
	 * Handles a failure of a {@code void} method.
	 * @param poolName the pool the method ran on
	 * @param method the method
	 * @param arguments the arguments it was called with
	 * @param failure what it threw, or the {@link io.gopool.TaskExpiredException} (or
	 * {@link io.gopool.TaskRejectedException}, for an eviction) of a call that never
	 * started
	 */
	void handle(String poolName, Method method, Object[] arguments, Throwable failure);

}
