package io.gopool.spring.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.gopool.spring.async.EnableGoPool;
import io.gopool.spring.async.GoAsync;
import io.gopool.spring.async.GoAsyncAnnotationBeanPostProcessor;

import org.springframework.aop.Pointcut;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Warns once at startup when beans have {@link GoAsync @GoAsync} methods but
 * {@link EnableGoPool @EnableGoPool} is missing: without it nothing intercepts them, and
 * they run on the caller's thread without a word. Registered only when the
 * {@code @GoAsync} post-processor is absent, so it costs an application that enabled
 * GoPool nothing.
 */
final class MissingEnableGoPoolWarning implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Consumer<String> sink;

	MissingEnableGoPoolWarning(ConfigurableListableBeanFactory beanFactory, Consumer<String> sink) {
		this.beanFactory = beanFactory;
		this.sink = sink;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> methods = new TreeSet<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null) {
				collect(ClassUtils.getUserClass(type), methods);
			}
		}
		if (!methods.isEmpty()) {
			this.sink.accept("@GoAsync is on " + String.join(", ", methods) + ", but @EnableGoPool is missing, so "
					+ "these methods run on the caller's thread; add @EnableGoPool to a @Configuration class");
		}
	}

	/** The public methods the {@code @GoAsync} post-processor would have proxied. */
	private static void collect(Class<?> type, Set<String> methods) {
		Pointcut pointcut = GoAsyncAnnotationBeanPostProcessor.goAsyncPointcut();
		if (!pointcut.getClassFilter().matches(type)) {
			return;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (Modifier.isPublic(method.getModifiers()) && pointcut.getMethodMatcher().matches(method, type)) {
				methods.add(type.getSimpleName() + "." + method.getName());
			}
		}
	}

}
