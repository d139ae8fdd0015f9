package io.gopool.demo;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: the demo runs, headless Chromium (Debian's, never a
 * downloaded one) opens the page, the charts draw, and they move under a burst. The
 * screenshot lands in {@code target/dashboard.png}. Keyed ledger events move the keyed
 * chart. Without Chromium the test is skipped, saying so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gopool.dashboard.sample-interval=250ms", "demo.order-time=40ms" })
@Timeout(120)
class DashboardBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getProperty("gopool.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("gopool.chromedriver", "/usr/bin/chromedriver"));

	private static final int CHARTS_PER_POOL = 6;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void requireChromium() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"SKIPPED: no headless Chromium (" + CHROMIUM + ") with ChromeDriver (" + CHROMEDRIVER
						+ "); install Debian's chromium and chromium-driver packages, as .ci/run does, "
						+ "to run the dashboard browser test");
	}

	@Test
	void theDashboardDrawsEveryPoolsChartsAndTheyMoveUnderABurst(@TempDir Path profile) throws Exception {
		WebDriver browser = startChromium(profile);
		try {
			browser.get("http://localhost:" + this.port + "/gopool");
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			wait.until((page) -> charts(page).size() == 3 * CHARTS_PER_POOL
					&& charts(page).stream().allMatch((chart) -> points(chart) >= 2));
			assertThat(browser.findElements(By.cssSelector("section.pool h2")))
				.extracting((title) -> title.getText().split("\\s")[0])
				.containsExactly("orders", "io", "cpu");
			assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("""
					return [...document.querySelectorAll('canvas')].every((canvas) => {
					  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
					  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
					  return false;
					});""")).as("every chart has drawn something").isTrue();
			int pointsBefore = points(chart(browser, "orders", "queue"));
			HttpResponse<String> burst = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/burst?tasks=20000"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(burst.statusCode()).isEqualTo(202);
			wait.until((page) -> max(chart(page, "orders", "queue")) > 0 && max(chart(page, "orders", "throughput")) > 0
					&& max(chart(page, "orders", "refused")) > 0);
			assertThat(points(chart(browser, "orders", "queue"))).isGreaterThan(pointsBefore);
			// A few more samples, so that the screenshot shows the burst draining.
			int pointsAfterBurst = points(chart(browser, "orders", "queue"));
			wait.until((page) -> points(chart(page, "orders", "queue")) >= pointsAfterBurst + 8);
			assertThat(browser.findElement(By.cssSelector("section[data-pool='orders'] h2")).getText())
				.containsPattern("\\d+/8 workers");
			// Ledger events for two accounts queue behind their key on the io pool (a
			// second
			// at 5 ms an event): the keyed chart shows them.
			CompletableFuture<HttpResponse<String>> ledger = HttpClient.newHttpClient()
				.sendAsync(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/ledger?accounts=2&events=400"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			wait.until((page) -> max(chart(page, "io", "keyed")) > 0);
			assertThat(ledger.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Path target = Path.of("target", "dashboard.png");
			Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			assertThat(Files.size(target)).isPositive();
		}
		finally {
			browser.quit();
		}
	}

	private static WebDriver startChromium(Path profile) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		// The flags keep Chromium off the network: this machine's network is closed, and
		// a browser that keeps trying slows every page down.
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1400,1500", "--user-data-dir=" + profile.toAbsolutePath());
		return new ChromeDriver(service, options);
	}

	private static List<WebElement> charts(WebDriver page) {
		return page.findElements(By.cssSelector("canvas[data-chart]"));
	}

	private static WebElement chart(WebDriver page, String pool, String chart) {
		return page.findElement(By.cssSelector("section[data-pool='" + pool + "'] canvas[data-chart='" + chart + "']"));
	}

	private static int points(WebElement chart) {
		return Integer.parseInt(chart.getDomAttribute("data-points"));
	}

	private static double max(WebElement chart) {
		String max = chart.getDomAttribute("data-max");
		return (max != null) ? Double.parseDouble(max) : 0;
	}

}
