package io.gopool.spring.async;

import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportAware;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@link GoAsyncAnnotationBeanPostProcessor}; imported by
 * {@link EnableGoPool @EnableGoPool}.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class GoAsyncConfiguration implements ImportAware {

	/**
	 * The name of the post-processor bean.
	 */
	public static final String POST_PROCESSOR_BEAN_NAME = "io.gopool.spring.internalGoAsyncAnnotationProcessor";

	private boolean proxyTargetClass;

	@Override
	public void setImportMetadata(AnnotationMetadata importMetadata) {
		Map<String, Object> attributes = importMetadata.getAnnotationAttributes(EnableGoPool.class.getName());
		this.proxyTargetClass = (attributes != null) && Boolean.TRUE.equals(attributes.get("proxyTargetClass"));
	}

	@Bean(name = POST_PROCESSOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	GoAsyncAnnotationBeanPostProcessor goAsyncAnnotationBeanPostProcessor() {
		GoAsyncAnnotationBeanPostProcessor postProcessor = new GoAsyncAnnotationBeanPostProcessor();
		postProcessor.setProxyTargetClass(this.proxyTargetClass);
		return postProcessor;
	}

}
