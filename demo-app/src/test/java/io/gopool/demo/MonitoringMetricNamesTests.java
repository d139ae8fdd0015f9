package io.gopool.demo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the shipped Grafana dashboard and alerting rules use is one the starter
 * publishes: the demo's own {@code /actuator/prometheus}, scraped over a real port, has a
 * series of each name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60)
class MonitoringMetricNamesTests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:gopool|executor)_[a-z_]+)\\b(?![:(])");

	@LocalServerPort
	private int port;

	@Test
	void everyMetricTheDashboardAndAlertsUseIsPublished() throws Exception {
		Set<String> used = new TreeSet<>();
		expressions().forEach((expr) -> {
			Matcher matcher = METRIC.matcher(expr);
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		});
		assertThat(used).contains("gopool_tasks_total", "executor_active_threads", "gopool_shutdown");
		String scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Set<String> published = new TreeSet<>();
		scrape.lines()
			.filter((line) -> !line.startsWith("#"))
			.forEach((line) -> published.add(line.split("[{ ]", 2)[0]));
		assertThat(published).containsAll(used);
	}

	private static List<String> expressions() throws Exception {
		List<String> expressions = new ArrayList<>();
		try (InputStream dashboard = resource("gopool-grafana-dashboard.json")) {
			expressions.addAll(JsonPath.parse(dashboard).read("$.panels[*].targets[*].expr"));
		}
		try (InputStream alerts = resource("gopool-alerts.yml")) {
			Map<String, List<Map<String, Object>>> rules = new Yaml().load(alerts);
			for (Map<String, Object> group : rules.get("groups")) {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
				groupRules.forEach((rule) -> expressions.add((String) rule.get("expr")));
			}
		}
		return expressions;
	}

	private static InputStream resource(String name) {
		InputStream in = MonitoringMetricNamesTests.class.getResourceAsStream("/io/gopool/spring/monitoring/" + name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

}
