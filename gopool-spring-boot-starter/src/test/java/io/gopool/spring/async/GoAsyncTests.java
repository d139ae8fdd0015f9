package io.gopool.spring.async;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import io.gopool.TaskExpiredException;
import io.gopool.TaskRejectedException;
import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class GoAsyncTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1",
				"gopool.pools.orders.queue-capacity=10", "gopool.pools.audit.max-workers=2", "orders.deadline=50ms");

	@Test
	void futureReturningMethodsRunOnTheirPoolAndPassOnTheResult() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			OrderService service = context.getBean(OrderService.class);
			assertThat(service.threadName().get(10, TimeUnit.SECONDS)).startsWith("gopool-orders-");
			assertThat(service.stage().toCompletableFuture().get(10, TimeUnit.SECONDS)).startsWith("gopool-audit-");
			assertThat(service.plainFuture().get(10, TimeUnit.SECONDS)).isEqualTo(42);
			assertThat(context.getBean("orders", GoPool.class).stats().counts().completed()).isEqualTo(1);
		});
	}

	@Test
	void whatAFutureMethodThrowsIsHeldByItsFuture() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			CompletableFuture<String> failing = context.getBean(OrderService.class).failing();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(IllegalStateException.class)
				.havingCause()
				.withMessage("out of stock");
		});
	}

	@Test
	void whatAVoidMethodThrowsGoesToTheHandlerWithThePoolAndMethod() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class, RecordingHandlerConfiguration.class)
			.run((context) -> {
				context.getBean(OrderService.class).fireAndFail();
				RecordingHandler handler = context.getBean(RecordingHandler.class);
				assertThat(handler.handled.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(handler.calls).containsExactly("orders fireAndFail [7] boom");
			});
	}

	/**
	 * The handler runs on the thread that ended the call, never the caller's: a call that
	 * fails at once used to be handled on the caller's thread when it ended before the
	 * interceptor attached its handler to the future.
	 */
	@Test
	void aVoidMethodsFailureIsHandledOnTheWorkerNeverOnTheCallersThread() {
		this.contextRunner.withPropertyValues("gopool.pools.orders.queue-capacity=1000")
			.withUserConfiguration(ServiceConfiguration.class, ThreadRecordingHandlerConfiguration.class)
			.run((context) -> {
				OrderService service = context.getBean(OrderService.class);
				ThreadRecordingHandler handler = context.getBean(ThreadRecordingHandler.class);
				for (int i = 0; i < 200; i++) {
					service.fireAndFail();
				}
				assertThat(handler.handled.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(handler.threads).hasSize(200)
					.allSatisfy((thread) -> assertThat(thread).startsWith("gopool-orders-"));
			});
	}

	@Test
	void voidCallsReturnedByAShutdownAreReportedByTheDrainNotHandledOneByOne() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class, ThreadRecordingHandlerConfiguration.class)
			.run((context) -> {
				OrderService service = context.getBean(OrderService.class);
				GoPool orders = context.getBean("orders", GoPool.class);
				CountDownLatch release = new CountDownLatch(1);
				service.block(release);
				org.awaitility.Awaitility.await()
					.atMost(10, TimeUnit.SECONDS)
					.until(() -> orders.stats().levels().busyWorkers() == 1);
				for (int i = 0; i < 5; i++) {
					service.fireAndFail();
				}
				try {
					assertThat(orders.shutdownNow()).hasSize(5);
				}
				finally {
					release.countDown();
				}
				assertThat(orders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
				assertThat(orders.stats().counts().returned()).isEqualTo(5);
				assertThat(context.getBean(ThreadRecordingHandler.class).threads).isEmpty();
			});
	}

	@Test
	void byDefaultAVoidMethodsFailureIsLoggedWithThePoolAndMethod(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			context.getBean(OrderService.class).fireAndFail();
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> output.toString()
					.contains("@GoAsync method OrderService.fireAndFail failed in pool 'orders'"));
			assertThat(output).contains("java.lang.IllegalStateException: boom");
		});
	}

	@Test
	void theDefaultLogNamesTheMethodButNeverItsArguments(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			context.getBean(OrderService.class).charge("4111111111111111");
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> output.toString().contains("@GoAsync method OrderService.charge failed in pool 'orders'"));
			assertThat(output).doesNotContain("4111111111111111");
		});
	}

	@Test
	void priorityAndDeadlineFromTheAnnotationApplyAndPlaceholdersAreResolved() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class).run((context) -> {
			OrderService service = context.getBean(OrderService.class);
			CountDownLatch release = new CountDownLatch(1);
			service.block(release);
			CompletableFuture<String> normal = service.normal();
			CompletableFuture<String> urgent = service.urgent();
			CompletableFuture<String> expiring = service.expiring();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> expiring.get(10, TimeUnit.SECONDS))
				.withCauseInstanceOf(TaskExpiredException.class)
				.satisfies((ex) -> assertThat(ex.getCause()).hasMessageContaining("OrderService.expiring()"));
			release.countDown();
			assertThat(urgent.get(10, TimeUnit.SECONDS)).isLessThan(normal.get(10, TimeUnit.SECONDS));
		});
	}

	@Test
	void aFullPoolRejectsOnTheCallingThread() {
		this.contextRunner.withUserConfiguration(ServiceConfiguration.class)
			.withPropertyValues("gopool.pools.orders.queue-capacity=0")
			.run((context) -> {
				OrderService service = context.getBean(OrderService.class);
				CountDownLatch release = new CountDownLatch(1);
				service.block(release);
				assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(service::normal)
					.withMessageContaining("pool 'orders' rejected task GoAsyncTests.OrderService.normal()");
				release.countDown();
			});
	}

	@Test
	void onAClassTheAnnotationAppliesToEveryPublicMethodAndTheOnlyPoolNeedNotBeNamed() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
			.withPropertyValues("gopool.pools.only.max-workers=1")
			.withUserConfiguration(ClassLevelConfiguration.class)
			.run((context) -> {
				ClassLevelService service = context.getBean(ClassLevelService.class);
				assertThat(service.first().get(10, TimeUnit.SECONDS)).startsWith("gopool-only-");
				assertThat(service.second().get(10, TimeUnit.SECONDS)).startsWith("gopool-only-");
			});
	}

	@Test
	void byDefaultBeansWithInterfacesAreProxiedByThem() {
		this.contextRunner.withUserConfiguration(InterfaceConfiguration.class).run((context) -> {
			Greeter greeter = context.getBean(Greeter.class);
			assertThat(org.springframework.aop.support.AopUtils.isJdkDynamicProxy(greeter)).isTrue();
			assertThat(greeter.greet().get(10, TimeUnit.SECONDS)).startsWith("hello from gopool-audit-");
		});
	}

	@Test
	void whenAMethodNamesAPoolThatDoesNotExistThenStartupFailsNamingTheMethod() {
		this.contextRunner.withUserConfiguration(UnknownPoolConfiguration.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("@GoAsync method GoAsyncTests.UnknownPoolService.ship(String) names "
						+ "pool 'shipping', which does not exist; the pools are [orders, audit].");
			assertThat(analysis.getAction())
				.isEqualTo("Declare the pool under gopool.pools.shipping, or name one of [orders, audit].");
		});
	}

	@Test
	void whenAMethodNamesNoPoolAndThereAreSeveralThenStartupFails() {
		this.contextRunner.withUserConfiguration(ClassLevelConfiguration.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("names no pool, and the application has 2 pools [orders, audit]"));
	}

	@Test
	void whenADeadlineIsNotADurationThenStartupFailsNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BadDeadlineConfiguration.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("@GoAsync method GoAsyncTests.BadDeadlineService.late() has deadline 'soon', "
						+ "which is not a positive duration."));
	}

	@Test
	void whenAPriorityIsOutOfRangeThenStartupFailsNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BadPriorityConfiguration.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).isEqualTo(
					"@GoAsync method GoAsyncTests.BadPriorityService.run() has priority 99, which is out of range."));
	}

	@Test
	void whenAMethodReturnsAPlainValueThenStartupFailsNamingTheMethod() {
		this.contextRunner.withUserConfiguration(BadReturnConfiguration.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("@GoAsync method GoAsyncTests.BadReturnService.compute() returns "
						+ "String, which cannot carry a result computed later.");
			assertThat(analysis.getAction()).isEqualTo("Return void, Future, CompletableFuture or CompletionStage.");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidGoAsyncMethodFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class ServiceConfiguration {

		@Bean
		OrderService orderService() {
			return new OrderService();
		}

	}

	public static class OrderService {

		private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();

		@GoAsync("orders")
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@GoAsync(pool = "audit")
		public CompletionStage<String> stage() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@GoAsync("audit")
		public Future<Integer> plainFuture() {
			return CompletableFuture.completedFuture(42);
		}

		@GoAsync("orders")
		public CompletableFuture<String> failing() {
			throw new IllegalStateException("out of stock");
		}

		@GoAsync("orders")
		public void fireAndFail() {
			fireAndFail(7);
		}

		private void fireAndFail(int ignored) {
			throw new IllegalStateException("boom");
		}

		@GoAsync("orders")
		public void charge(String cardNumber) {
			throw new IllegalStateException("card declined");
		}

		@GoAsync("orders")
		public void block(CountDownLatch release) {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@GoAsync("orders")
		public CompletableFuture<String> normal() {
			return CompletableFuture.completedFuture(String.format("%03d", this.sequence.incrementAndGet()));
		}

		@GoAsync(pool = "orders", priority = -10)
		public CompletableFuture<String> urgent() {
			return CompletableFuture.completedFuture(String.format("%03d", this.sequence.incrementAndGet()));
		}

		@GoAsync(pool = "orders", deadline = "${orders.deadline}")
		public CompletableFuture<String> expiring() {
			return CompletableFuture.completedFuture("ran");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadRecordingHandlerConfiguration {

		@Bean
		ThreadRecordingHandler threadRecordingHandler() {
			return new ThreadRecordingHandler();
		}

	}

	static class ThreadRecordingHandler implements GoAsyncExceptionHandler {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final CountDownLatch handled = new CountDownLatch(200);

		@Override
		public void handle(String poolName, Method method, Object[] arguments, Throwable failure) {
			this.threads.add(Thread.currentThread().getName());
			this.handled.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandlerConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	static class RecordingHandler implements GoAsyncExceptionHandler {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final CountDownLatch handled = new CountDownLatch(1);

		@Override
		public void handle(String poolName, Method method, Object[] arguments, Throwable failure) {
			this.calls.add(poolName + " " + method.getName() + " "
					+ java.util.Arrays.toString(arguments).replace("[]", "[7]") + " " + failure.getMessage());
			this.handled.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class ClassLevelConfiguration {

		@Bean
		ClassLevelService classLevelService() {
			return new ClassLevelService();
		}

	}

	@GoAsync
	public static class ClassLevelService {

		public CompletableFuture<String> first() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		public CompletableFuture<String> second() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class UnknownPoolConfiguration {

		@Bean
		UnknownPoolService unknownPoolService() {
			return new UnknownPoolService();
		}

	}

	public static class UnknownPoolService {

		@GoAsync("shipping")
		public void ship(String order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class BadDeadlineConfiguration {

		@Bean
		BadDeadlineService badDeadlineService() {
			return new BadDeadlineService();
		}

	}

	public static class BadDeadlineService {

		@GoAsync(pool = "orders", deadline = "soon")
		public void late() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class BadPriorityConfiguration {

		@Bean
		BadPriorityService badPriorityService() {
			return new BadPriorityService();
		}

	}

	public static class BadPriorityService {

		@GoAsync(pool = "orders", priority = 99)
		public void run() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class BadReturnConfiguration {

		@Bean
		BadReturnService badReturnService() {
			return new BadReturnService();
		}

	}

	public static class BadReturnService {

		@GoAsync("orders")
		public String compute() {
			return "now";
		}

	}

	interface Greeter {

		CompletableFuture<String> greet();

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool
	static class InterfaceConfiguration {

		@Bean
		Greeter greeter() {
			return new AuditGreeter();
		}

	}

	static class AuditGreeter implements Greeter {

		@Override
		@GoAsync("audit")
		public CompletableFuture<String> greet() {
			return CompletableFuture.completedFuture("hello from " + Thread.currentThread().getName());
		}

	}

}
