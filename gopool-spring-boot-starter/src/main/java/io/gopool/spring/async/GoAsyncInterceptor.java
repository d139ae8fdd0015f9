package io.gopool.spring.async;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.gopool.GoPool;
import io.gopool.TaskOptions;
import io.gopool.TaskOutcome;
import io.gopool.spring.GoPoolRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;

/**
 * Submits each call of a {@code @GoAsync} method to its pool and returns the pool's
 * future (or nothing, for {@code void} methods, whose failures go to the
 * {@link GoAsyncExceptionHandler}). A method that itself returns a future has that
 * future's outcome passed on.
 */
final class GoAsyncInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(GoAsyncInterceptor.class);

	/**
	 * The endings of a void call its exception handler hears of; a drain reports the
	 * rest.
	 */
	private static final Set<TaskOutcome> HANDLED = EnumSet.of(TaskOutcome.FAILED, TaskOutcome.EXPIRED,
			TaskOutcome.EVICTED);

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

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
		TaskOptions options = (target.key() != null) ? target.options().withKey(key(target, invocation))
				: target.options();
		if (!target.returnsVoid()) {
			return pool.submit(call(invocation), options);
		}
		// A callback, not whenComplete on the future: a callback runs on the thread that
		// ends the task, where whenComplete would run on the caller's if the task ended
		// before it was attached.
		Object[] arguments = invocation.getArguments();
		pool.submit(call(invocation), options.withCallback((outcome, result, failure) -> {
			if (failure != null && HANDLED.contains(outcome)) {
				handle(target, arguments, failure);
			}
		}));
		return null;
	}

	/** Evaluates the method's key expression over the call's arguments. */
	private static Object key(GoAsyncMethod target, MethodInvocation invocation) {
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, target.method(),
				invocation.getArguments(), PARAMETER_NAMES);
		Object key = target.key().getValue(context);
		if (key == null) {
			throw new IllegalArgumentException("the key expression '" + target.keySource() + "' of "
					+ target.options().name() + " gave null for this call; a keyed call needs a key");
		}
		return key;
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

}
