package io.gopool.spring.async;

import java.util.function.Supplier;

import io.gopool.spring.GoPoolRegistry;
import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Proxies beans that have {@link GoAsync @GoAsync} methods, as Spring's
 * {@code AsyncAnnotationBeanPostProcessor} does for {@code @Async}, and checks each such
 * method when its bean is created, so that a mistake fails startup rather than the first
 * call.
 */
public final class GoAsyncAnnotationBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private static final long serialVersionUID = 1L;

	private transient GoAsyncMethods methods;

	/**
	 * Creates the post-processor; its advice comes before any other advisor of the bean,
	 * so that the whole call (transactions included) runs on the pool.
	 */
	public GoAsyncAnnotationBeanPostProcessor() {
		setBeforeExistingAdvisors(true);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		ConfigurableListableBeanFactory factory = (ConfigurableListableBeanFactory) beanFactory;
		Supplier<GoPoolRegistry> registry = () -> registry(factory);
		Supplier<GoAsyncExceptionHandler> handler = () -> factory.getBeanProvider(GoAsyncExceptionHandler.class)
			.getIfAvailable(LoggingGoAsyncExceptionHandler::new);
		this.methods = new GoAsyncMethods((ConfigurableBeanFactory) beanFactory, registry);
		this.advisor = new GoAsyncAdvisor(new GoAsyncInterceptor(this.methods, registry, handler));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (isEligible(bean, beanName)) {
			this.methods.check(AopProxyUtils.ultimateTargetClass(bean));
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

	/**
	 * Returns what this post-processor proxies: methods annotated with {@code @GoAsync},
	 * and every method of a class annotated with it (annotations on interfaces and
	 * superclasses count).
	 * @return the pointcut
	 */
	public static Pointcut goAsyncPointcut() {
		return new ComposablePointcut(new AnnotationMatchingPointcut(GoAsync.class, true))
			.union(new AnnotationMatchingPointcut(null, GoAsync.class, true));
	}

	private static GoPoolRegistry registry(ConfigurableListableBeanFactory beanFactory) {
		try {
			return beanFactory.getBean(GoPoolRegistry.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("@EnableGoPool needs the GoPool auto-configuration, which provides the "
					+ "GoPoolRegistry; is gopool-spring-boot-starter on the class path?", ex);
		}
	}

	/**
	 * Matches classes or methods annotated with {@code @GoAsync} and applies the
	 * interceptor.
	 */
	private static final class GoAsyncAdvisor extends AbstractPointcutAdvisor {

		private static final long serialVersionUID = 1L;

		private final transient Pointcut pointcut = goAsyncPointcut();

		private final transient Advice advice;

		GoAsyncAdvisor(Advice advice) {
			this.advice = advice;
		}

		@Override
		public Pointcut getPointcut() {
			return this.pointcut;
		}

		@Override
		public Advice getAdvice() {
			return this.advice;
		}

	}

}
