package io.gopool.spring.dashboard;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard's routes in a WebFlux application: the same page and data as
 * {@link GoPoolDashboardRoutes} serves in Spring MVC. Imported by the dashboard's
 * auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
public class GoPoolDashboardReactiveRoutes {

	@Bean
	RouterFunction<ServerResponse> goPoolDashboardRoutes(GoPoolDashboard dashboard) {
		Resource page = new ClassPathResource("io/gopool/spring/dashboard/dashboard.html");
		return RouterFunctions.route()
			.GET(dashboard.path(), (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.GET(dashboard.path() + "/data", (request) -> data(dashboard, request.queryParam("since").orElse("0")))
			.build();
	}

	private static Mono<ServerResponse> data(GoPoolDashboard dashboard, String since) {
		long sinceMillis;
		try {
			sinceMillis = Long.parseLong(since);
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest()
				.bodyValue("since must be a time in epoch milliseconds (was " + since + ")");
		}
		return ServerResponse.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(dashboard.data(sinceMillis));
	}

}
