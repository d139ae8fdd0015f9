package io.gopool.spring.autoconfigure;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.dashboard.GoPoolDashboard;
import io.gopool.spring.dashboard.GoPoolDashboardReactiveRoutes;
import io.gopool.spring.dashboard.GoPoolDashboardRoutes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for the live dashboard, off unless {@code gopool.dashboard.enabled}
 * is set: a page (one HTML file with its script, no external assets, so it works offline)
 * at {@code gopool.dashboard.path} and the JSON it polls at {@code <path>/data}, in a
 * Spring MVC or a WebFlux application alike. The routes, the only part that touches the
 * web stack, are in the dashboard package. Outside a web application the dashboard cannot
 * be served, and a warning says so.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnBooleanProperty("gopool.dashboard.enabled")
public final class GoPoolDashboardAutoConfiguration {

	private static final Log logger = LogFactory.getLog(GoPoolDashboardAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class SamplerConfiguration {

		@Bean
		GoPoolDashboard goPoolDashboard(GoPoolRegistry registry, GoPoolProperties properties) {
			GoPoolProperties.Dashboard dashboard = properties.getDashboard();
			return new GoPoolDashboard(registry, PoolSetting::print, dashboard.getPath(), dashboard.getSampleInterval(),
					dashboard.getHistory());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	@Import(GoPoolDashboardRoutes.class)
	static class ServletRoutesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	@Import(GoPoolDashboardReactiveRoutes.class)
	static class ReactiveRoutesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnNotWebApplication
	static class NotServedConfiguration {

		NotServedConfiguration() {
			logger.warn("gopool.dashboard.enabled is set, but this is not a web application, so the dashboard is "
					+ "not served; it needs Spring MVC or WebFlux");
		}

	}

}
