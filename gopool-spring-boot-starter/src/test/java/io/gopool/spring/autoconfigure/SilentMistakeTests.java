package io.gopool.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.gopool.spring.async.EnableGoPool;
import io.gopool.spring.async.GoAsync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes that used to pass without a word now say what to do at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class SilentMistakeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.max-workers=1");

	@Test
	void goAsyncWithoutEnableGoPoolIsOneWarningNamingTheMethods(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(WithoutEnable.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String thread = context.getBean(Reports.class).threadName().get(10, TimeUnit.SECONDS);
			assertThat(thread).doesNotStartWith("gopool-");
			assertThat(output).containsOnlyOnce("@GoAsync is on Reports.threadName, but @EnableGoPool is missing, so "
					+ "these methods run on the caller's thread; add @EnableGoPool to a @Configuration class");
		});
	}

	@Test
	void withEnableGoPoolThereIsNoWarning(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(WithEnable.class).run((context) -> {
			assertThat(context.getBean(Reports.class).threadName().get(10, TimeUnit.SECONDS))
				.startsWith("gopool-orders-");
			assertThat(output).doesNotContain("@EnableGoPool is missing");
		});
	}

	@Test
	void aPoolNamedTaskExecutorSaysPlainAsyncDoesNotUseIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("gopool.pools.taskExecutor.max-workers=1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("GoPool pool 'taskExecutor' is not the executor of plain @Async methods")
				.contains("set gopool.application-executor: taskExecutor");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class WithoutEnable {

		@Bean
		Reports reports() {
			return new Reports();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class WithEnable {

		@Bean
		Reports reports() {
			return new Reports();
		}

	}

	public static class Reports {

		@GoAsync("orders")
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
