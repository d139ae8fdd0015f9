package io.gopool.spring.dashboard;

import java.time.Duration;

import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import io.gopool.spring.autoconfigure.GoPoolProperties;
import io.gopool.spring.autoconfigure.InvalidGoPoolPropertyException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration for the live dashboard, off unless {@code gopool.dashboard.enabled}
 * is set: a page (one HTML file with its script, no external assets, so it works offline)
 * at {@code gopool.dashboard.path} and the JSON it polls at {@code <path>/data}.
 */
@AutoConfiguration(after = GoPoolAutoConfiguration.class)
@ConditionalOnBean(GoPoolRegistry.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty("gopool.dashboard.enabled")
public final class GoPoolDashboardAutoConfiguration {

	private static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(100);

	@Bean
	GoPoolDashboard goPoolDashboard(GoPoolRegistry registry, GoPoolProperties properties) {
		GoPoolProperties.Dashboard dashboard = properties.getDashboard();
		Duration interval = dashboard.getSampleInterval();
		if (interval == null || interval.compareTo(MIN_SAMPLE_INTERVAL) < 0) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.sample-interval", interval,
					"too short a sample interval", "at least 100ms");
		}
		Duration history = dashboard.getHistory();
		if (history == null || history.compareTo(interval) < 0) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.history", history,
					"shorter than the sample interval", "at least gopool.dashboard.sample-interval (" + interval + ")");
		}
		return new GoPoolDashboard(registry, interval, history);
	}

	@Bean
	RouterFunction<ServerResponse> goPoolDashboardRoutes(GoPoolDashboard dashboard, GoPoolProperties properties) {
		String path = properties.getDashboard().getPath();
		if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
			throw new InvalidGoPoolPropertyException("gopool.dashboard.path", path, "not a usable path",
					"a path that starts with / and does not end with it, such as /gopool");
		}
		Resource page = new ClassPathResource("io/gopool/spring/dashboard/dashboard.html");
		return RouterFunctions.route()
			.GET(path, (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page))
			.GET(path + "/data", (request) -> data(dashboard, request.param("since").orElse("0")))
			.build();
	}

	private static ServerResponse data(GoPoolDashboard dashboard, String since) {
		long sinceMillis;
		try {
			sinceMillis = Long.parseLong(since);
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest().body("since must be a time in epoch milliseconds (was " + since + ")");
		}
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(dashboard.data(sinceMillis));
	}

}
