package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import io.gopool.GoPoolTuning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.config.ContextRefreshedWithApplicationEvent;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.refresh.ContextRefresher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live re-tuning through Spring Cloud's own refresh, as a config server or a ConfigMap
 * change would trigger it.
 */
@ExtendWith(OutputCaptureExtension.class)
class GoPoolRefreshTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RefreshAutoConfiguration.class,
				ConfigurationPropertiesRebinderAutoConfiguration.class, GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=2",
				"gopool.pools.orders.queue-capacity=10");

	@Test
	void aRefreshRetunesTheLivePoolInPlaceAndLogsWhatChanged(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			refresh(context, "gopool.pools.orders.max-workers=6", "gopool.pools.orders.queue-capacity=20",
					"gopool.defaults.keep-alive=15s");
			assertThat(context.getBean("orders", GoPool.class)).isSameAs(orders);
			assertThat(orders.settings().maxWorkers()).isEqualTo(6);
			assertThat(orders.settings().queueCapacity()).isEqualTo(20);
			assertThat(orders.settings().keepAlive()).isEqualTo(Duration.ofSeconds(15));
			assertThat(orders.settings().minWorkers()).isEqualTo(1);
			assertThat(output).contains(
					"GoPool 'orders' retuned from configuration: max-workers 2 -> 6, keep-alive 1m -> 15s, queue-capacity 10 -> 20");
		});
	}

	@Test
	void noAcceptedTaskIsLostWhenARefreshShrinksABusyPool() {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			CountDownLatch release = new CountDownLatch(1);
			List<CompletableFuture<String>> accepted = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				accepted.add(orders.submit(() -> {
					release.await(30, TimeUnit.SECONDS);
					return "done";
				}));
			}
			refresh(context, "gopool.pools.orders.max-workers=1", "gopool.pools.orders.queue-capacity=1");
			assertThat(orders.settings().maxWorkers()).isEqualTo(1);
			assertThat(orders.stats().levels().queueSize()).isEqualTo(10);
			release.countDown();
			for (CompletableFuture<String> future : accepted) {
				assertThat(future.get(10, TimeUnit.SECONDS)).isEqualTo("done");
			}
			assertThat(orders.stats().counts().completed()).isEqualTo(12);
		});
	}

	@Test
	void aChangeMadeThroughTheActuatorSurvivesARefreshThatDoesNotTouchIt() {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			orders.tune(GoPoolTuning.create().minWorkers(1).maxWorkers(5));
			refresh(context, "gopool.pools.orders.queue-capacity=30");
			assertThat(orders.settings().maxWorkers()).isEqualTo(5);
			assertThat(orders.settings().queueCapacity()).isEqualTo(30);
		});
	}

	@Test
	void anInvalidRefreshChangesNothingAndTheLogSaysWhy(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			refresh(context, "gopool.pools.orders.min-workers=5", "gopool.pools.orders.max-workers=3",
					"gopool.pools.orders.queue-capacity=99");
			assertThat(orders.settings().minWorkers()).isEqualTo(1);
			assertThat(orders.settings().maxWorkers()).isEqualTo(2);
			assertThat(orders.settings().queueCapacity()).isEqualTo(10);
			assertThat(output).contains("GoPool settings were not re-applied: the refreshed configuration is "
					+ "invalid: gopool.pools.orders.min-workers is 5: min workers (5) must not exceed max workers (3)");
		});
	}

	@Test
	void aRefreshWithAnUnknownKeyChangesNothingAndTheLogNamesTheKey(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			refresh(context, "gopool.pools.orders.queue-capacity=99", "gopool.pools.orders.max-worker=6");
			assertThat(orders.settings().queueCapacity()).isEqualTo(10);
			assertThat(output).contains("GoPool settings were not re-applied: the refreshed configuration is "
					+ "invalid: gopool.pools.orders.max-worker is 6: not a GoPool setting, so it would be ignored; "
					+ "did you mean 'max-workers'?");
		});
	}

	@Test
	void aRefreshThatClashesWithALiveRetuneChangesNothingAndTheLogSaysWhy(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			orders.tune(GoPoolTuning.create().minWorkers(1).maxWorkers(1));
			refresh(context, "gopool.pools.orders.min-workers=2", "gopool.pools.orders.queue-capacity=99");
			assertThat(orders.settings().minWorkers()).isEqualTo(1);
			assertThat(orders.settings().maxWorkers()).isEqualTo(1);
			assertThat(orders.settings().queueCapacity()).isEqualTo(10);
			assertThat(output).contains("GoPool 'orders' kept its settings: the refreshed configuration "
					+ "(min-workers 1 -> 2, queue-capacity 10 -> 99) is invalid: "
					+ "min workers (2) must not exceed max workers (1)");
		});
	}

	@Test
	void whatOnlyARestartCanChangeIsLoggedAsSuch(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			refresh(context, "gopool.pools.orders.rejection-policy=caller-runs", "gopool.pools.audit.max-workers=1");
			assertThat(output)
				.contains("GoPool 'orders' applies rejection-policy only at startup; the changed value takes effect "
						+ "after a restart")
				.contains("a restart is needed for added pools [audit] and removed pools []");
			assertThat(context.getBean("orders", GoPool.class).settings().rejectionPolicy())
				.isEqualTo(io.gopool.RejectionPolicy.ABORT);
		});
	}

	@Test
	void withoutSpringCloudThereIsNoRefreshListener() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("goPoolRefreshListener"));
		this.contextRunner.run((context) -> assertThat(context).hasBean("goPoolRefreshListener"));
	}

	private static void refresh(AssertableApplicationContext context, String... properties) {
		// What SpringApplication publishes at startup; the runner has no
		// SpringApplication, and the refresher needs one to reload configuration data.
		context.publishEvent(new ContextRefreshedWithApplicationEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext()));
		TestPropertyValues.of(properties).applyTo(context.getEnvironment());
		context.getBean(ContextRefresher.class).refresh();
	}

}
