package io.gopool.spring.async;

import java.lang.reflect.Method;

import io.gopool.TaskExpiredException;
import io.gopool.TaskRejectedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The default {@link GoAsyncExceptionHandler}: logs a failure of the method with the
 * pool, the method and the stack trace; an expiry or eviction, which overload makes
 * routine, in one line at debug level only, as the overload log line and the meters count
 * them.
 */
final class LoggingGoAsyncExceptionHandler implements GoAsyncExceptionHandler {

	private static final Log logger = LogFactory.getLog(LoggingGoAsyncExceptionHandler.class);

	@Override
	public void handle(String poolName, Method method, Object[] arguments, Throwable failure) {
		String call = "@GoAsync method " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
		if (failure instanceof TaskExpiredException || failure instanceof TaskRejectedException) {
			if (logger.isDebugEnabled()) {
				logger.debug(call + " did not run in pool '" + poolName + "': " + failure.getMessage());
			}
			return;
		}
		logger.error(call + " failed in pool '" + poolName + "'", failure);
	}

}
