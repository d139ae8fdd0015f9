package io.gopool.spring.autoconfigure;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.GoPoolTaskExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link GoPool} bean per pool declared under {@code gopool.pools}, named
 * after the pool, so that it can be injected by name ({@code @Qualifier("orders")}) and
 * named by Spring's {@code @Async("orders")}. The pool itself comes from the
 * {@link GoPoolRegistry}.
 * <p>
 * Pool beans are not default candidates: injection by type alone does not pick one, and
 * Spring Boot's own {@code applicationTaskExecutor}, which backs off when the context has
 * an executor that is a default candidate, stays in place, unless
 * {@code gopool.application-executor} names a pool to take its place.
 */
class GoPoolBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(GoPoolBeanRegistrar.class);

	/** Spring Boot's name for the application's task executor. */
	private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	/**
	 * The bean name Spring's {@code @Async} looks for when it finds no unique executor.
	 */
	private static final String TASK_EXECUTOR = "taskExecutor";

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Checks every {@code gopool.*} key and value, then registers a bean per pool. This
	 * is the earliest point at which the configuration can be read, before any bean
	 * exists, so a bad value fails startup here whichever feature would have used it.
	 */
	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		UnknownGoPoolKeys.check(ConfigurationPropertySources.get(this.environment));
		GoPoolProperties properties = Binder.get(this.environment).bindOrCreate("gopool", GoPoolProperties.class);
		GoPoolPropertiesValidator.validate(properties);
		for (String name : properties.getPools().keySet()) {
			if (registry.containsBeanDefinition(name)) {
				throw new InvalidGoPoolPropertyException("gopool.pools." + name, "declared",
						"a bean named '" + name + "' already exists, and each pool becomes a bean named after it",
						"a name no other bean has");
			}
			if (TASK_EXECUTOR.equals(name) && properties.getApplicationExecutor() == null) {
				logger.warn("GoPool pool 'taskExecutor' is not the executor of plain @Async methods: pool beans are "
						+ "not default candidates, so Spring Boot's applicationTaskExecutor stays the default; set "
						+ "gopool.application-executor: taskExecutor to make it the application's executor");
			}
			RootBeanDefinition definition = new RootBeanDefinition(GoPool.class,
					() -> this.beanFactory.getBean(GoPoolRegistry.class).get(name));
			definition.setDefaultCandidate(false);
			definition.setDestroyMethodName(null);
			registry.registerBeanDefinition(name, definition);
		}
		String applicationExecutor = properties.getApplicationExecutor();
		if (applicationExecutor != null) {
			registerApplicationExecutor(registry, applicationExecutor);
		}
	}

	/**
	 * Puts the pool behind Spring Boot's {@code applicationTaskExecutor} (and its
	 * {@code taskExecutor} alias, which {@code @Async} falls back to): a default
	 * candidate executor, so Boot's own backs off.
	 */
	private void registerApplicationExecutor(BeanDefinitionRegistry registry, String pool) {
		if (registry.containsBeanDefinition(APPLICATION_TASK_EXECUTOR)) {
			throw new InvalidGoPoolPropertyException("gopool.application-executor", pool,
					"a bean named '" + APPLICATION_TASK_EXECUTOR + "' already exists, and the pool would replace it",
					"unset while the application defines its own " + APPLICATION_TASK_EXECUTOR);
		}
		RootBeanDefinition definition = new RootBeanDefinition(GoPoolTaskExecutor.class,
				() -> new GoPoolTaskExecutor(this.beanFactory.getBean(GoPoolRegistry.class).get(pool)));
		// The pool is shut down by the registry's lifecycle, not by this adapter.
		definition.setDestroyMethodName(null);
		registry.registerBeanDefinition(APPLICATION_TASK_EXECUTOR, definition);
		if (!registry.isBeanNameInUse(TASK_EXECUTOR)) {
			registry.registerAlias(APPLICATION_TASK_EXECUTOR, TASK_EXECUTOR);
		}
	}

}
