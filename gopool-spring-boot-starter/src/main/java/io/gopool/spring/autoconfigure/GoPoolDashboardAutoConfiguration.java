package io.gopool.spring.autoconfigure;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.dashboard.GoPoolDashboard;
import io.gopool.spring.dashboard.GoPoolDashboardRoutes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for the live dashboard, off unless {@code gopool.dashboard.enabled}
 * is set: a page (one HTML file with its script, no external assets, so it works offline)
 * at {@code gopool.dashboard.path} and the JSON it polls at {@code <path>/data}. The
 * routes, the only part that touches Spring MVC, are in the dashboard package.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
@ConditionalOnBooleanProperty("gopool.dashboard.enabled")
@Import(GoPoolDashboardRoutes.class)
public final class GoPoolDashboardAutoConfiguration {

	@Bean
	GoPoolDashboard goPoolDashboard(GoPoolRegistry registry, GoPoolProperties properties) {
		GoPoolProperties.Dashboard dashboard = properties.getDashboard();
		return new GoPoolDashboard(registry, PoolSetting::print, dashboard.getPath(), dashboard.getSampleInterval(),
				dashboard.getHistory());
	}

}
