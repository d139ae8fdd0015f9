package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gopool.DrainReport;
import io.gopool.GoPool;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolTuning;
import io.gopool.RejectionPolicy;
import io.gopool.WorkerType;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.GoPoolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class GoPoolAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class));

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withSpringBootsVirtualThreadsOnPoolsWithoutAWorkerTypeGoVirtual() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "gopool.pools.orders.max-workers=2",
					"gopool.pools.reports.max-workers=2", "gopool.pools.reports.worker-type=platform")
			.run((context) -> {
				assertThat(context.getBean("orders", GoPool.class).settings().workerType())
					.isEqualTo(WorkerType.VIRTUAL);
				assertThat(context.getBean("reports", GoPool.class).settings().workerType())
					.isEqualTo(WorkerType.PLATFORM);
			});
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(context.getBean("orders", GoPool.class).settings().workerType())
				.isEqualTo(WorkerType.PLATFORM));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void beforeJava21SpringBootsVirtualThreadsPropertyLeavesPoolsOnPlatformThreads() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(context.getBean("orders", GoPool.class).settings().workerType())
				.isEqualTo(WorkerType.PLATFORM));
	}

	@Test
	void withoutTheApplicationExecutorPropertySpringBootsExecutorStays() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("gopool.pools.web.max-workers=2")
			.run((context) -> assertThat(context.getBean("applicationTaskExecutor"))
				.isNotInstanceOf(io.gopool.spring.GoPoolTaskExecutor.class));
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("gopool.pools.web.max-workers=2", "gopool.application-executor=web")
			.run((context) -> assertThat(context.getBean("applicationTaskExecutor"))
				.isInstanceOf(io.gopool.spring.GoPoolTaskExecutor.class));
	}

	@Test
	void anApplicationExecutorThatNamesNoPoolFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("gopool.pools.web.max-workers=2", "gopool.application-executor=wbe")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.application-executor is wbe: no pool of that name is declared"));
	}

	@Test
	void whenPoolsAreDeclaredThenEachIsABeanNamedAfterItAndAllAreInTheRegistry() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=4", "gopool.pools.reports.max-workers=2")
			.run((context) -> {
				GoPoolRegistry registry = context.getBean(GoPoolRegistry.class);
				assertThat(registry.names()).containsExactly("orders", "reports");
				assertThat(context.getBean("orders", GoPool.class)).isSameAs(registry.get("orders"));
				assertThat(context.getBean("reports", GoPool.class).settings().maxWorkers()).isEqualTo(2);
			});
	}

	@Test
	void whenNoPoolsAreDeclaredThenTheRegistryIsEmpty() {
		this.contextRunner.run((context) -> assertThat(context.getBean(GoPoolRegistry.class).pools()).isEmpty());
	}

	@Test
	void everyPropertyReachesThePoolAndUnsetOnesInheritTheDefaults() {
		this.contextRunner
			.withPropertyValues("gopool.defaults.keep-alive=5s", "gopool.defaults.queue-capacity=7",
					"gopool.defaults.rejection-policy=caller-runs", "gopool.pools.orders.min-workers=1",
					"gopool.pools.orders.max-workers=3", "gopool.pools.orders.queue-capacity=50",
					"gopool.pools.orders.default-priority=-5", "gopool.pools.orders.default-deadline=2s",
					"gopool.pools.orders.block-timeout=1s", "gopool.pools.orders.max-blocked-submitters=3",
					"gopool.pools.orders.worker-type=platform", "gopool.pools.orders.stuck-threshold=30s",
					"gopool.pools.orders.interrupt-stuck-tasks=true", "gopool.pools.orders.max-extra-workers=2",
					"gopool.pools.audit.max-workers=1")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				assertThat(orders.settings()).isEqualTo(new GoPoolSettings(1, 3, Duration.ofSeconds(5), 50,
						RejectionPolicy.CALLER_RUNS, WorkerType.PLATFORM, -5, Duration.ofSeconds(2),
						Duration.ofSeconds(1), 3, Duration.ofSeconds(30), true, 2));
				GoPool audit = context.getBean("audit", GoPool.class);
				assertThat(audit.settings().queueCapacity()).isEqualTo(7);
				assertThat(audit.settings().keepAlive()).isEqualTo(Duration.ofSeconds(5));
				// caller-runs inherited: a full direct-hand-off pool runs the task on the
				// caller
				CountDownLatch release = new CountDownLatch(1);
				audit.tune(GoPoolTuning.create().queueCapacity(0));
				audit.execute(() -> awaitQuietly(release));
				assertThat(audit.submit(() -> Thread.currentThread()).get(10, TimeUnit.SECONDS))
					.isSameAs(Thread.currentThread());
				release.countDown();
			});
	}

	@Test
	void whenStuckTaskSettingsAreUsedWithoutAStuckThresholdThenStartupFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("gopool.defaults.max-extra-workers=2", "gopool.pools.orders.max-workers=2")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid GoPool configuration: "
						+ "gopool.defaults.max-extra-workers is 2: max-extra-workers requires a stuck threshold.");
				assertThat(analysis.getAction()).isEqualTo("Update 'gopool.defaults.max-extra-workers' in your "
						+ "configuration. It must be only together with stuck-threshold.");
			});
		this.contextRunner.withPropertyValues("gopool.pools.orders.interrupt-stuck-tasks=true")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage(
						"gopool.pools.orders.interrupt-stuck-tasks is true: interrupt-stuck-tasks requires a stuck threshold"));
		this.contextRunner.withPropertyValues("gopool.pools.orders.stuck-threshold=0s")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage(
						"gopool.pools.orders.stuck-threshold is PT0S: stuck threshold must be positive (was PT0S)"));
	}

	@Test
	void aStuckTaskIsLoggedOnceWithItsWorkersStackAndNoArguments(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("gopool.pools.orders.max-workers=1", "gopool.pools.orders.stuck-threshold=20ms")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				CountDownLatch release = new CountDownLatch(1);
				orders.execute(() -> awaitQuietly(release), io.gopool.TaskOptions.defaults().withName("hang"));
				org.awaitility.Awaitility.await()
					.atMost(10, TimeUnit.SECONDS)
					.until(() -> output.getOut().contains("Task 'hang' in pool 'orders' has been running for"));
				assertThat(orders.stats().levels().stuckTasks()).isEqualTo(1);
				release.countDown();
				org.awaitility.Awaitility.await()
					.atMost(10, TimeUnit.SECONDS)
					.until(() -> orders.stats().levels().stuckTasks() == 0);
				assertThat(output.getOut()).contains("past the pool's stuck threshold; its stack:")
					.contains(io.gopool.testing.PoolAssertions.class.getName() + ".awaitQuietly(");
				assertThat(output.getOut().split("Task 'hang'", -1)).hasSize(2);
			});
	}

	@Test
	void whenMinWorkersIsNegativeThenStartupFailsNamingThePropertyAndTheAllowedRange() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.min-workers=-1").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Invalid GoPool configuration: "
					+ "gopool.pools.orders.min-workers is -1: min workers must not be negative (was -1).");
			assertThat(analysis.getAction()).isEqualTo(
					"Update 'gopool.pools.orders.min-workers' in your configuration. It must be from 0 to 1000000.");
		});
	}

	@Test
	void whenAnInheritedDefaultIsInvalidThenStartupFailsNamingTheDefaultsProperty() {
		this.contextRunner.withPropertyValues("gopool.defaults.queue-capacity=-5", "gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.startsWith("Invalid GoPool configuration: gopool.defaults.queue-capacity is -5"));
	}

	@Test
	void whenMinExceedsMaxThenStartupFailsNamingBoth() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.min-workers=8", "gopool.pools.orders.max-workers=4")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid GoPool configuration: "
						+ "gopool.pools.orders.min-workers is 8: min workers (8) must not exceed max workers (4).");
				assertThat(analysis.getAction()).contains("no more than max-workers (4)");
			});
	}

	@Test
	void whenDurationsAreNotPositiveThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.default-deadline=0s")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.isEqualTo("Update 'gopool.pools.orders.default-deadline' in your configuration. "
						+ "It must be a positive duration."));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void whenVirtualWorkersAreAskedForOnJava17ThenStartupFailsSayingWhatIsNeeded() {
		this.contextRunner.withPropertyValues("gopool.pools.io.worker-type=virtual").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("gopool.pools.io.worker-type is VIRTUAL")
				.contains("requires Java 21 or later");
			assertThat(analysis.getAction()).contains("platform, or virtual on Java 21 or later");
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualWorkersAreUsedOnJava21AndLater() {
		this.contextRunner.withPropertyValues("gopool.pools.io.worker-type=virtual").run((context) -> {
			GoPool io = context.getBean("io", GoPool.class);
			Object virtual = io.submit(() -> Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()))
				.get(10, TimeUnit.SECONDS);
			assertThat(virtual).isEqualTo(true);
		});
	}

	@Test
	void whenABeanAlreadyHasThePoolsNameThenStartupFailsSayingSo() {
		this.contextRunner.withBean("orders", String.class, () -> "taken")
			.withPropertyValues("gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("a bean named 'orders' already exists"));
	}

	@Test
	void aUserDefinedRegistryAndShutdownLifecycleReplaceTheAutoConfiguredOnes() {
		GoPool own = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("own");
		GoPoolRegistry registry = new GoPoolRegistry(List.of(own));
		GoPoolShutdownLifecycle lifecycle = new GoPoolShutdownLifecycle(registry, Duration.ofSeconds(1));
		this.contextRunner.withBean(GoPoolRegistry.class, () -> registry)
			.withBean(GoPoolShutdownLifecycle.class, () -> lifecycle)
			.run((context) -> {
				assertThat(context.getBean(GoPoolRegistry.class)).isSameAs(registry);
				assertThat(context.getBean(GoPoolShutdownLifecycle.class)).isSameAs(lifecycle);
			});
		assertThat(own.isShutdown()).isTrue();
	}

	@Test
	void customizersAreAppliedInOrderAfterTheProperties() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=2")
			.withBean("late", GoPoolBuilderCustomizer.class, () -> new OrderedCustomizer(2, "late", calls))
			.withBean("early", GoPoolBuilderCustomizer.class, () -> new OrderedCustomizer(1, "early", calls))
			.run((context) -> {
				assertThat(calls).containsExactly("early orders", "late orders");
				assertThat(context.getBean("orders", GoPool.class).settings().maxWorkers()).isEqualTo(8);
			});
	}

	@Test
	void springBootsApplicationTaskExecutorStaysAndPoolsAreInjectedByName() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("gopool.pools.orders.max-workers=2")
			.withUserConfiguration(NeedsOrders.class)
			.run((context) -> {
				assertThat(context).hasBean("applicationTaskExecutor");
				assertThat(context.getBean(NeedsOrders.class).orders).isSameAs(context.getBean("orders"));
			});
	}

	@Test
	void aPoolIsTheExecutorBehindSpringsPlainAsyncAnnotation() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=2")
			.withUserConfiguration(AsyncConfiguration.class)
			.run((context) -> {
				String thread = context.getBean(AsyncService.class).threadName().get(10, TimeUnit.SECONDS);
				assertThat(thread).startsWith("gopool-orders-");
				// Spring's @Async completes this future inside the task (supplyAsync), a
				// moment before the worker counts the task as completed.
				GoPool orders = context.getBean("orders", GoPool.class);
				org.awaitility.Awaitility.await()
					.atMost(10, TimeUnit.SECONDS)
					.until(() -> orders.stats().counts().completed() == 1);
			});
	}

	@Test
	void theDrainReportIsLoggedPerPoolWithWhatFinishedAndWhatNeverRan(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1",
					"gopool.pools.quiet.max-workers=1", "gopool.shutdown.await-termination-period=100ms")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				CountDownLatch started = new CountDownLatch(1);
				orders.execute(() -> {
					started.countDown();
					awaitQuietly(new CountDownLatch(1));
				});
				orders.submit(() -> "never", io.gopool.TaskOptions.defaults().withName("invoice-17"));
				orders.submit(() -> "never", io.gopool.TaskOptions.defaults().withName("refund"));
				orders.submit(() -> "never", io.gopool.TaskOptions.defaults().withName("refund"));
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				context.close();
			});
		assertThat(output).contains("GoPool 'quiet' drained in")
			.contains("0 task(s) finished, 0 expired or were cancelled, none left unrun (0 accepted in all)")
			.contains("GoPool 'orders' did not drain within 100 ms: 1 task(s) finished, 0 expired or were cancelled, "
					+ "3 queued task(s) never ran (4 accepted in all); 1 running task(s) were interrupted")
			.contains("GoPool 'orders' never ran: invoice-17\n")
			.contains("GoPool 'orders' never ran: refund (x2)");
	}

	@Test
	void withATraceIntervalEachPoolLogsALineLikeGoSchedtrace(CapturedOutput output) {
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=2", "gopool.trace.interval=20ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(io.gopool.GoPoolTrace.class);
				org.awaitility.Awaitility.await()
					.atMost(10, TimeUnit.SECONDS)
					.until(() -> output.toString().contains("GOPOOL "));
				assertThat(output)
					.containsPattern("GOPOOL \\d+ms orders: workers=\\d+ idle=\\d+ busy=\\d+ stuck=0 queue=0/1000");
			});
	}

	@Test
	void withoutATraceIntervalThereIsNoTraceAndABadOneFailsStartup() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.max-workers=2")
			.run((context) -> assertThat(context).doesNotHaveBean(io.gopool.GoPoolTrace.class));
		this.contextRunner.withPropertyValues("gopool.trace.interval=0s")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.isEqualTo("Update 'gopool.trace.interval' in your configuration. It must be at least 1ms."));
	}

	@Test
	void closingTheContextDrainsThePoolsAndReportsIt() {
		List<Future<?>> futures = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				for (int i = 0; i < 20; i++) {
					futures.add(orders.submit(() -> busy(Duration.ofMillis(2))));
				}
				GoPoolShutdownLifecycle lifecycle = context.getBean(GoPoolShutdownLifecycle.class);
				context.close();
				assertThat(orders.isTerminated()).isTrue();
				assertThat(futures).allSatisfy((future) -> assertThat(future).isDone());
				assertThat(futures).noneMatch(Future::isCancelled);
				DrainReport report = lifecycle.reports().get("orders");
				assertThat(report.terminated()).isTrue();
				assertThat(orders.stats().counts().completed()).isEqualTo(20);
				org.assertj.core.api.Assertions.assertThatExceptionOfType(io.gopool.TaskRejectedException.class)
					.isThrownBy(() -> orders.submit(() -> "late"))
					.withMessageContaining("pool is shut down");
			});
	}

	@Test
	void whenTasksOutlastTheAwaitTerminationPeriodTheyAreStoppedAndReported() {
		this.contextRunner
			.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1",
					"gopool.shutdown.await-termination-period=100ms")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				CountDownLatch started = new CountDownLatch(1);
				orders.execute(() -> {
					started.countDown();
					awaitQuietly(new CountDownLatch(1));
				});
				CompletableFuture<String> queued = orders.submit(() -> "never",
						io.gopool.TaskOptions.defaults().withName("queued-report"));
				assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
				GoPoolShutdownLifecycle lifecycle = context.getBean(GoPoolShutdownLifecycle.class);
				context.close();
				DrainReport report = lifecycle.reports().get("orders");
				assertThat(report.terminated()).isFalse();
				assertThat(report.interrupted()).isEqualTo(1);
				assertThat(report.notStarted()).extracting(Object::toString).containsExactly("queued-report");
				assertThat(queued).isCancelled();
			});
	}

	@Test
	void whenStartupFailsAfterThePoolsWereBuiltTheirWorkersStop() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.min-workers=2")
			.withBean("broken", String.class, () -> {
				throw new IllegalStateException("broken bean");
			})
			.run((context) -> assertThat(context).hasFailed());
		org.awaitility.Awaitility.await()
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((thread) -> thread.getName().startsWith("gopool-orders-")));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidGoPoolPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	private static Object busy(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
		return null;
	}

	record OrderedCustomizer(int order, String label, List<String> calls) implements GoPoolBuilderCustomizer, Ordered {

		@Override
		public void customize(String poolName, io.gopool.GoPoolBuilder builder) {
			this.calls.add(this.label + " " + poolName);
			if (this.order == 2) {
				builder.maxWorkers(8);
			}
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsOrders {

		@Autowired
		@Qualifier("orders")
		GoPool orders;

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		AsyncService asyncService() {
			return new AsyncService();
		}

	}

	public static class AsyncService {

		@Async("orders")
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
