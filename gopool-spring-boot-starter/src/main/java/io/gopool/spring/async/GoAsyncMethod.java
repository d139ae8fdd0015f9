package io.gopool.spring.async;

import java.lang.reflect.Method;

import io.gopool.TaskOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;

/**
 * A {@code @GoAsync} method, resolved and checked: where its calls run and with which
 * options.
 *
 * @param method the method
 * @param poolName the pool its calls run on
 * @param options the priority, deadline and name of each call
 * @param returnsVoid whether the method returns nothing, so that failures go to the
 * handler
 * @param key the expression that gives each call's key, or {@code null}
 * @param keySource the key expression as written, for messages
 */
record GoAsyncMethod(Method method, String poolName, TaskOptions options, boolean returnsVoid, @Nullable Expression key,
		String keySource) {
}
