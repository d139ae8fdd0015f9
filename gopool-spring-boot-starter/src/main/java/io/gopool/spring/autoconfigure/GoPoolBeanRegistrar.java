package io.gopool.spring.autoconfigure;

import io.gopool.GoPool;
import io.gopool.spring.GoPoolRegistry;
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
 * an executor that is a default candidate, stays in place.
 */
class GoPoolBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(GoPoolBeanRegistrar.class);

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
			if (TASK_EXECUTOR.equals(name)) {
				logger.warn("GoPool pool 'taskExecutor' is not the executor of plain @Async methods: pool beans are "
						+ "not default candidates, so Spring Boot's applicationTaskExecutor stays the default; name "
						+ "the pool in @Async(\"taskExecutor\") or use @GoAsync(\"taskExecutor\")");
			}
			RootBeanDefinition definition = new RootBeanDefinition(GoPool.class,
					() -> this.beanFactory.getBean(GoPoolRegistry.class).get(name));
			definition.setDefaultCandidate(false);
			definition.setDestroyMethodName(null);
			registry.registerBeanDefinition(name, definition);
		}
	}

}
