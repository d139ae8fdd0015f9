package io.gopool.spring.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's HTTP routes: the page at the dashboard's path and the JSON it polls at
 * {@code <path>/data}. Imported by the dashboard's auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
public class GoPoolDashboardRoutes {

	@Bean
	RouterFunction<ServerResponse> goPoolDashboardRoutes(GoPoolDashboard dashboard) {
		Resource page = new ClassPathResource("io/gopool/spring/dashboard/dashboard.html");
		return RouterFunctions.route()
			.GET(dashboard.path(), (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page))
			.GET(dashboard.path() + "/data", (request) -> data(dashboard, request.param("since").orElse("0")))
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
