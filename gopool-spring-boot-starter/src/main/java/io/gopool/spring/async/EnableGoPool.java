package io.gopool.spring.async;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Switches on {@link GoAsync @GoAsync} processing, as {@code @EnableAsync} does for
 * {@code @Async}. Beans with {@code @GoAsync} methods are proxied with Spring AOP; no
 * AspectJ weaver is needed. As with any proxy, a call from within the same object does
 * not go through it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(GoAsyncConfiguration.class)
public @interface EnableGoPool {

	/**
	 * Whether to proxy the target class (CGLIB) rather than its interfaces. With the
	 * default, beans that implement interfaces are proxied by those interfaces and must
	 * be injected by them.
	 * @return whether to proxy the target class
	 */
	boolean proxyTargetClass() default false;

}
