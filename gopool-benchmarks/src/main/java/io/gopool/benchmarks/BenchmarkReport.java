package io.gopool.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmark set in one go and writes {@code benchmarks.md} (scores and ratios to
 * the baseline of each scenario) and {@code benchmarks.png} (the throughput ratios) into
 * the given folder. Ratios are what to compare: absolute numbers vary between runs on a
 * shared machine.
 * <p>
 * Run with {@code gopool-benchmarks/run.sh}, which builds the jar and uses JDK 25.
 */
public final class BenchmarkReport {

	private static final String[] CONTENDERS = { "TPE_LBQ", "TPE_ABQ", "TPE_PBQ", "FORK_JOIN", "VIRTUAL_PER_TASK",
			"VIRTUAL_SEMAPHORE", "SPRING_TPTE", "GOPOOL", "GOPOOL_VIRTUAL" };

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
		System.setProperty("java.awt.headless", "true");
		Path folder = Path.of((args.length > 0) ? args[0] : "results");
		Files.createDirectories(folder);
		StringBuilder markdown = new StringBuilder();
		markdown.append("Run on ")
			.append(LocalDate.now())
			.append(", JDK ")
			.append(Runtime.version())
			.append(", ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs. Ratios are to the first row of each table, measured in the same run.\n\n");

		Map<String, Double> chart = new LinkedHashMap<>();
		for (String submitters : new String[] { "1", "2" }) {
			Collection<RunResult> results = run(throughput(CONTENDERS, "2", submitters, "false"));
			List<String[]> rows = throughputRows(results, "TPE_LBQ");
			table(markdown, "A. Throughput, 1,000,000 tiny tasks, 2 workers, " + submitters + " submitter(s)",
					new String[] { "executor", "tasks/s", "vs TPE_LBQ" }, rows);
			if (submitters.equals("2")) {
				rows.forEach((row) -> chart.put(row[0], Double.parseDouble(row[2].replace("x", ""))));
			}
		}
		table(markdown, "A. Throughput, 1,000,000 tiny tasks, 64 workers, 2 submitters",
				new String[] { "executor", "tasks/s", "vs TPE_LBQ" },
				throughputRows(
						run(throughput(new String[] { "TPE_LBQ", "TPE_ABQ", "FORK_JOIN", "GOPOOL", "GOPOOL_VIRTUAL" },
								"64", "2", "false")),
						"TPE_LBQ"));
		table(markdown, "D. Priority: scenario A with random priorities, 2 workers, 2 submitters",
				new String[] { "executor", "tasks/s", "vs TPE_PBQ" },
				throughputRows(run(throughput(new String[] { "TPE_PBQ", "GOPOOL" }, "2", "2", "true")), "TPE_PBQ"));
		table(markdown, "B. Latency, closed loop: submit to start, 2 workers",
				new String[] { "executor", "p50 µs", "p99 µs", "p99.9 µs" },
				latencyRows(run(new OptionsBuilder().include(LatencyBenchmark.class.getSimpleName())
					.param("type", "TPE_LBQ", "TPE_ABQ", "FORK_JOIN", "VIRTUAL_PER_TASK", "SPRING_TPTE", "GOPOOL",
							"GOPOOL_VIRTUAL")
					.build())));
		table(markdown,
				"B. Latency, open loop: a task every 10 µs for 2 s, submit to start, 2 workers "
						+ "(corrected: from the intended submit time, for coordinated omission)",
				new String[] { "executor", "p50 µs", "p99 µs", "p99.9 µs", "corrected p50 µs", "corrected p99 µs",
						"corrected p99.9 µs" },
				OpenLoopLatency.measureAll(OpenLoopLatency.CONTENDERS));
		table(markdown,
				"E. CPU per task at a steady rate: 50 tasks of ~2 µs CPU every millisecond, 64 workers "
						+ "(process CPU time over 5 s / tasks run)",
				new String[] { "executor", "CPU µs per task", "above the task's own 2 µs", "vs TPE_LBQ" },
				SteadyRateCpu.measureAll(SteadyRateCpu.CONTENDERS));
		Files.writeString(folder.resolve("benchmarks.md"), markdown);
		chart(chart, folder.resolve("benchmarks"));
		System.out.println(markdown);
	}

	private static Options throughput(String[] types, String workers, String submitters, String prioritized) {
		return new OptionsBuilder().include(ThroughputBenchmark.class.getSimpleName())
			.param("type", types)
			.param("workers", workers)
			.param("submitters", submitters)
			.param("prioritized", prioritized)
			.build();
	}

	private static Collection<RunResult> run(Options options) throws RunnerException {
		return new Runner(options).run();
	}

	private static List<String[]> throughputRows(Collection<RunResult> results, String baseline) {
		Map<String, Double> scores = new LinkedHashMap<>();
		results
			.forEach((result) -> scores.put(result.getParams().getParam("type"), result.getPrimaryResult().getScore()));
		double base = scores.getOrDefault(baseline, Double.NaN);
		List<String[]> rows = new ArrayList<>();
		scores.forEach((type, score) -> rows.add(new String[] { type, String.format(Locale.ROOT, "%,.0f", score),
				String.format(Locale.ROOT, "%.2fx", score / base) }));
		return rows;
	}

	private static List<String[]> latencyRows(Collection<RunResult> results) {
		List<String[]> rows = new ArrayList<>();
		for (RunResult result : results) {
			Statistics statistics = result.getPrimaryResult().getStatistics();
			rows.add(new String[] { result.getParams().getParam("type"), micros(statistics.getPercentile(50)),
					micros(statistics.getPercentile(99)), micros(statistics.getPercentile(99.9)) });
		}
		return rows;
	}

	private static String micros(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static void table(StringBuilder markdown, String title, String[] header, List<String[]> rows) {
		markdown.append("**").append(title).append("**\n\n| ").append(String.join(" | ", header)).append(" |\n|");
		markdown.append(" --- |".repeat(header.length)).append('\n');
		rows.forEach((row) -> markdown.append("| ").append(String.join(" | ", row)).append(" |\n"));
		markdown.append('\n');
	}

	private static void chart(Map<String, Double> ratios, Path file) throws IOException {
		CategoryChart chart = new CategoryChartBuilder().width(1000)
			.height(450)
			.title("Throughput vs ThreadPoolExecutor(LinkedBlockingQueue), 2 workers, 2 submitters")
			.xAxisTitle("executor")
			.yAxisTitle("ratio")
			.build();
		chart.getStyler().setLegendVisible(false);
		chart.getStyler().setXAxisLabelRotation(30);
		chart.addSeries("ratio", new ArrayList<>(ratios.keySet()), new ArrayList<>(ratios.values()));
		BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
	}

}
