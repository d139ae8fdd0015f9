package io.gopool.spring.autoconfigure;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.web.OverloadProblemResolver;
import io.gopool.spring.web.OverloadProblemWebExceptionHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the web answer to overload: in a Spring MVC or WebFlux
 * application, a request whose task a pool rejected answers 503 with {@code Retry-After},
 * one whose task expired 504, each as a problem detail, unless
 * {@code gopool.web.problem-details} is {@code false}. The application's own
 * {@code @ExceptionHandler}s win. Web types are named, not referenced, here, so that the
 * class loads without them.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnBooleanProperty(name = "gopool.web.problem-details", matchIfMissing = true)
public final class GoPoolWebAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	static class ServletConfiguration {

		@Bean
		OverloadProblemResolver goPoolOverloadProblemResolver(GoPoolProperties properties) {
			return new OverloadProblemResolver(properties.getWeb().getRetryAfter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.server.WebExceptionHandler")
	static class ReactiveConfiguration {

		@Bean
		OverloadProblemWebExceptionHandler goPoolOverloadProblemWebExceptionHandler(GoPoolProperties properties) {
			return new OverloadProblemWebExceptionHandler(properties.getWeb().getRetryAfter());
		}

	}

}
