package io.gopool.spring.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The alerting rules and the Grafana dashboard the starter ships, checked by Prometheus's
 * own {@code promtool}: the rules parse, their unit tests say which alerts fire for
 * series shaped like the demo's, and every expression of the dashboard is valid PromQL.
 * Runs when {@code promtool} is installed ({@code .ci/run} installs it).
 */
@Timeout(60)
class MonitoringRulesTests {

	private static final String MONITORING = "/io/gopool/spring/monitoring/";

	@TempDir
	static Path directory;

	@BeforeAll
	static void promtoolIsInstalled() throws Exception {
		assumeThat(promtool("--version").exitCode()).as("promtool installed").isZero();
		copy("gopool-alerts.yml");
		copy("gopool-alerts.test.yml");
	}

	@Test
	void theAlertingRulesPass() throws Exception {
		Result check = promtool("check", "rules", "gopool-alerts.yml");
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: 5 rules found");
	}

	@Test
	void theAlertsFireAsTheirUnitTestsSay() throws Exception {
		Result test = promtool("test", "rules", "gopool-alerts.test.yml");
		assertThat(test.exitCode()).as(test.output()).isZero();
		assertThat(test.output()).contains("SUCCESS");
	}

	@Test
	void everyDashboardExpressionIsValidPromql() throws Exception {
		List<String> expressions = dashboardExpressions();
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
		StringBuilder rules = new StringBuilder("groups:\n  - name: gopool-dashboard\n    rules:\n");
		for (int i = 0; i < expressions.size(); i++) {
			// As Grafana would send it, with every pool and a 5-minute rate window.
			String expr = expressions.get(i).replace("$pool", ".*").replace("$__rate_interval", "5m");
			rules.append("      - record: gopool:dashboard:expr").append(i).append('\n');
			rules.append("        expr: '").append(expr.replace("'", "''")).append("'\n");
		}
		Files.writeString(directory.resolve("dashboard.rules.yml"), rules.toString());
		Result check = promtool("check", "rules", "dashboard.rules.yml");
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	/** Every PromQL expression of the shipped dashboard. */
	private static List<String> dashboardExpressions() throws IOException {
		try (InputStream in = MonitoringRulesTests.class
			.getResourceAsStream(MONITORING + "gopool-grafana-dashboard.json")) {
			assertThat(in).as("dashboard").isNotNull();
			return new ArrayList<>(JsonPath.parse(in).read("$.panels[*].targets[*].expr"));
		}
	}

	private static void copy(String name) throws IOException {
		try (InputStream in = MonitoringRulesTests.class.getResourceAsStream(MONITORING + name)) {
			assertThat(in).as(name).isNotNull();
			Files.copy(in, directory.resolve(name));
		}
	}

	private static Result promtool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException notInstalled) {
			return new Result(-1, String.valueOf(notInstalled.getMessage()));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
