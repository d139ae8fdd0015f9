package io.gopool.spring.async;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.gopool.TaskOptions;

import org.springframework.core.annotation.AliasFor;

/**
 * Runs a method on a GoPool, as Spring's {@code @Async} runs it on an executor, with a
 * priority and a deadline. Switch processing on with {@link EnableGoPool @EnableGoPool}.
 *
 * <pre class="code">
 * &#64;GoAsync(pool = "orders", priority = -5, deadline = "${orders.deadline:2s}")
 * public CompletableFuture&lt;Receipt&gt; checkout(Cart cart) {
 *     return CompletableFuture.completedFuture(payments.charge(cart));
 * }
 * </pre>
 *
 * <p>
 * A method may return {@code void}, {@link java.util.concurrent.Future},
 * {@link java.util.concurrent.CompletableFuture} or
 * {@link java.util.concurrent.CompletionStage}. The caller gets a future at once; a full
 * pool rejects with {@link io.gopool.TaskRejectedException} on the calling thread; a call
 * whose deadline passes while it waits in the queue never runs and its future completes
 * exceptionally with {@link io.gopool.TaskExpiredException}. What a {@code void} method
 * throws (and the expiry of a {@code void} call) goes to the
 * {@link GoAsyncExceptionHandler}.
 * <p>
 * On a class, the annotation applies to every public method. Everything is checked when
 * the bean is created: a pool that does not exist, a priority out of range, a deadline
 * that is not a duration, a key expression that does not parse or names no argument, or a
 * return type that cannot carry a result fails startup with a report that names the
 * method.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GoAsync {

	/**
	 * Marks {@link #priority()} as unset: the pool's default priority applies.
	 */
	int POOL_DEFAULT_PRIORITY = Integer.MIN_VALUE;

	/**
	 * Alias for {@link #pool()}.
	 * @return the pool's name
	 */
	@AliasFor("pool")
	String value() default "";

	/**
	 * The name of the pool to run on, as declared under {@code gopool.pools}. May be left
	 * empty when the application has exactly one pool.
	 * @return the pool's name
	 */
	@AliasFor("value")
	String pool() default "";

	/**
	 * The priority of each call, from {@value TaskOptions#MOST_URGENT} (most urgent) to
	 * {@value TaskOptions#LEAST_URGENT}; by default the pool's default priority.
	 * @return the priority
	 */
	int priority() default POOL_DEFAULT_PRIORITY;

	/**
	 * How long after the call it may still start, as a duration such as {@code "500ms"}
	 * or {@code "2s"}; property placeholders are resolved. By default the pool's default
	 * deadline.
	 * @return the deadline, or empty
	 */
	String deadline() default "";

	/**
	 * A SpEL expression over the method's arguments whose value is each call's key
	 * ({@link TaskOptions#withKey}): calls with equal keys run one at a time, in call
	 * order; calls with different keys run in parallel. Arguments are named as in the
	 * method ({@code #event.accountId}; the build must keep parameter names, as Spring
	 * Boot's does) or by position ({@code #p0}, {@code #a0}). An expression that does not
	 * parse, or names an argument the method does not have, fails startup; a call whose
	 * key comes out {@code null} is refused with an {@link IllegalArgumentException}. By
	 * default calls have no key.
	 * @return the key expression, or empty
	 */
	String key() default "";

}
