package io.gopool.spring.async;

import java.lang.reflect.Method;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The default {@link GoAsyncExceptionHandler}: logs the failure with the pool and the
 * method.
 */
final class LoggingGoAsyncExceptionHandler implements GoAsyncExceptionHandler {

	private static final Log logger = LogFactory.getLog(LoggingGoAsyncExceptionHandler.class);

	@Override
	public void handle(String poolName, Method method, Object[] arguments, Throwable failure) {
		logger.error("@GoAsync method " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
				+ " failed in pool '" + poolName + "'", failure);
	}

}
