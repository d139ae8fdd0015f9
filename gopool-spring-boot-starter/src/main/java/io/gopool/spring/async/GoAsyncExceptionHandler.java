package io.gopool.spring.async;

import java.lang.reflect.Method;

/**
 * Handles what a {@code void} {@link GoAsync @GoAsync} method throws, since no caller is
 * there to see it; also told when a {@code void} call expired before it started. Declare
 * a bean of this type to replace the default, which logs the failure with the pool and
 * the method.
 */
@FunctionalInterface
public interface GoAsyncExceptionHandler {

	/**
	 * Handles a failure of a {@code void} method.
	 * @param poolName the pool the method ran on
	 * @param method the method
	 * @param arguments the arguments it was called with
	 * @param failure what it threw, or the {@link io.gopool.TaskExpiredException} of a
	 * call that never started
	 */
	void handle(String poolName, Method method, Object[] arguments, Throwable failure);

}
