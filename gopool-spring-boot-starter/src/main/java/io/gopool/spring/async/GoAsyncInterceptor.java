package io.gopool.spring.async;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;

/**
 * Submits each call of a {@code @GoAsync} method to its pool and returns the pool's
 * future (or nothing, for {@code void} methods, whose failures go to the
 * {@link GoAsyncExceptionHandler}). A method that itself returns a future has that
 * future's outcome passed on.
 */
final class GoAsyncInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(GoAsyncInterceptor.class);

	private final GoAsyncMethods methods;

	private final Supplier<GoPoolRegistry> registry;

	private final Supplier<GoAsyncExceptionHandler> exceptionHandler;

	GoAsyncInterceptor(GoAsyncMethods methods, Supplier<GoPoolRegistry> registry,
			Supplier<GoAsyncExceptionHandler> exceptionHandler) {
		this.methods = methods;
		this.registry = registry;
		this.exceptionHandler = exceptionHandler;
	}

	@Override
	public Object invoke(MethodInvocation invocation) {
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis()) : null;
		GoAsyncMethod target = this.methods.resolve(invocation.getMethod(), targetClass);
		GoPool pool = this.registry.get().get(target.poolName());
		CompletableFuture<Object> future = pool.submit(call(invocation), target.options());
		if (!target.returnsVoid()) {
			return future;
		}
		Object[] arguments = invocation.getArguments();
		future.whenComplete((result, failure) -> {
			if (failure != null) {
				handle(target, arguments, unwrap(failure));
			}
		});
		return null;
	}

	private static Callable<Object> call(MethodInvocation invocation) {
		return () -> {
			try {
				Object result = invocation.proceed();
				return (result instanceof Future<?> future) ? future.get() : null;
			}
			catch (ExecutionException ex) {
				throw rethrowable(ex.getCause());
			}
			catch (Throwable ex) {
				throw rethrowable(ex);
			}
		};
	}

	private static Exception rethrowable(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		return (failure instanceof Exception exception) ? exception : new UndeclaredThrowableException(failure);
	}

	private void handle(GoAsyncMethod target, Object[] arguments, Throwable failure) {
		try {
			this.exceptionHandler.get().handle(target.poolName(), target.method(), arguments, failure);
		}
		catch (Throwable ex) {
			logger.error("GoAsyncExceptionHandler failed while handling a failure of " + target.options().name(), ex);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
