package io.gopool.spring.actuate;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gopool.GoPool;
import io.gopool.TaskRejectedException;
import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import io.gopool.spring.autoconfigure.GoPoolEndpointAutoConfiguration;
import io.gopool.spring.autoconfigure.GoPoolHealthAutoConfiguration;
import io.gopool.spring.autoconfigure.InvalidGoPoolPropertyException;
import io.gopool.spring.metrics.GoPoolMetrics;
import io.gopool.spring.metrics.GoPoolMetricsAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.gopool.testing.PoolAssertions.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GoPoolActuatorTests {

	private static final List<String> UNITLESS = List.of("gopool.shutdown", "gopool.task.wait.histogram",
			"gopool.task.run.histogram");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolEndpointAutoConfiguration.class,
				GoPoolHealthAutoConfiguration.class, GoPoolMetricsAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=2",
				"gopool.pools.orders.queue-capacity=10", "gopool.pools.audit.max-workers=1",
				"management.endpoints.web.exposure.include=gopools");

	@Test
	void theEndpointShowsEveryPoolsSettingsAndLiveStats() {
		this.contextRunner.run((context) -> {
			context.getBean("orders", GoPool.class).submit(() -> "x").get(10, TimeUnit.SECONDS);
			GoPoolsEndpoint.PoolsDescriptor pools = context.getBean(GoPoolsEndpoint.class).pools();
			assertThat(pools.pools()).containsOnlyKeys("orders", "audit");
			GoPoolsEndpoint.PoolDescriptor orders = pools.pools().get("orders");
			assertThat(orders.settings()).containsEntry("max-workers", 2)
				.containsEntry("keep-alive", "1m")
				.containsEntry("queue-capacity", 10)
				.containsEntry("rejection-policy", "abort")
				.doesNotContainKey("stuck-threshold");
			assertThat(orders.shutdown()).isFalse();
			assertThat(orders.stats().completed()).isEqualTo(1);
		});
	}

	@Test
	void readingAnUnknownPoolGivesNothingWhichTheWebLayerTurnsInto404() {
		this.contextRunner.run((context) -> {
			GoPoolsEndpoint endpoint = context.getBean(GoPoolsEndpoint.class);
			assertThat(endpoint.pool("orders", null)).isNotNull();
			assertThat(endpoint.pool("nope", true)).isNull();
		});
	}

	@Test
	void theWriteOperationRetunesALivePoolAndReturnsItsNewState() {
		this.contextRunner.run((context) -> {
			GoPoolsEndpoint.PoolDescriptor tuned = context.getBean(GoPoolsEndpoint.class)
				.tune("orders", 2, 6, "15s", null);
			assertThat(tuned.settings()).containsEntry("min-workers", 2)
				.containsEntry("max-workers", 6)
				.containsEntry("keep-alive", "15s")
				.containsEntry("queue-capacity", 10);
			GoPool orders = context.getBean("orders", GoPool.class);
			assertThat(orders.settings().keepAlive()).isEqualTo(Duration.ofSeconds(15));
			assertThat(orders.stats().levels().workers()).isEqualTo(2);
		});
	}

	@Test
	void aRefusedRetuneSaysWhyAndChangesNothing() {
		this.contextRunner.run((context) -> {
			GoPoolsEndpoint endpoint = context.getBean(GoPoolsEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.tune("orders", 5, 4, "1s", 3))
				.withMessage("min workers (5) must not exceed max workers (4)");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.tune("orders", null, null, null, -1))
				.withMessage("queue capacity must not be negative (was -1)");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.tune("orders", null, null, "soon", null))
				.withMessage("keep alive 'soon' is not a duration");
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.tune("nope", 1, 1, null, null))
				.withMessage("no pool named 'nope'");
			GoPool orders = context.getBean("orders", GoPool.class);
			assertThat(orders.settings().minWorkers()).isEqualTo(1);
			assertThat(orders.settings().maxWorkers()).isEqualTo(2);
			assertThat(orders.settings().keepAlive()).isEqualTo(Duration.ofSeconds(60));
			assertThat(orders.settings().queueCapacity()).isEqualTo(10);
		});
	}

	@Test
	void theEndpointIsOnlyCreatedWhenExposedAndBacksOffForAUserDefinedOne() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolEndpointAutoConfiguration.class,
							GoPoolHealthAutoConfiguration.class, GoPoolMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(GoPoolsEndpoint.class));
		GoPoolsEndpoint own = new GoPoolsEndpoint(new io.gopool.spring.GoPoolRegistry(java.util.List.of()),
				(settings) -> Map.of());
		this.contextRunner.withBean(GoPoolsEndpoint.class, () -> own)
			.run((context) -> assertThat(context.getBean(GoPoolsEndpoint.class)).isSameAs(own));
	}

	@Test
	void healthHasAComponentPerPoolThatIsUpNormally() {
		this.contextRunner.run((context) -> {
			CompositeHealthContributor gopool = (CompositeHealthContributor) context.getBean("gopoolHealthContributor");
			assertThat(gopool.getContributor("orders")).isInstanceOf(GoPoolHealthIndicator.class);
			Health orders = health(gopool, "orders");
			assertThat(orders.getStatus()).isEqualTo(Status.UP);
			assertThat(orders.getDetails()).containsEntry("queueCapacity", 10).containsEntry("queueFill", 0.0);
		});
	}

	@Test
	void aPoolWithAFullQueueIsSaturatedButUpAndAShutDownPoolIsDown() {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			CountDownLatch release = new CountDownLatch(1);
			for (int i = 0; i < 12; i++) {
				orders.execute(() -> awaitQuietly(release));
			}
			CompositeHealthContributor gopool = (CompositeHealthContributor) context.getBean("gopoolHealthContributor");
			Health saturated = health(gopool, "orders");
			assertThat(saturated.getStatus()).isEqualTo(Status.UP);
			assertThat(saturated.getDetails()).containsEntry("saturated", true)
				.containsEntry("queueFill", 1.0)
				.containsEntry("queueSize", 10);
			release.countDown();
			orders.shutdown();
			assertThat(health(gopool, "orders").getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void aRejectionMakesAPoolSaturatedForTheRejectionWindowOnly() throws Exception {
		AtomicLong clock = new AtomicLong();
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(0).build("window")) {
			GoPoolHealthIndicator indicator = new GoPoolHealthIndicator(pool, 0.9, Duration.ofSeconds(60),
					new Status("BUSY"), clock::get);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			CountDownLatch release = new CountDownLatch(1);
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> pool.stats().levels().idleWorkers() == 1);
			pool.execute(() -> awaitQuietly(release));
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}));
			Health busy = indicator.health();
			assertThat(busy.getStatus().getCode()).isEqualTo("BUSY");
			assertThat(busy.getDetails()).containsEntry("recentRejections", true).containsEntry("rejected", 1L);
			clock.addAndGet(Duration.ofSeconds(59).toNanos());
			assertThat(indicator.health().getStatus().getCode()).isEqualTo("BUSY");
			clock.addAndGet(Duration.ofSeconds(2).toNanos());
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			release.countDown();
		}
	}

	@Test
	void sheddingTrafficWhenSaturatedIsOptInAndThresholdsAreChecked() {
		this.contextRunner
			.withPropertyValues("gopool.health.saturated-status=OUT_OF_SERVICE", "gopool.health.queue-fill-threshold=0")
			.run((context) -> {
				GoPool orders = context.getBean("orders", GoPool.class);
				CountDownLatch release = new CountDownLatch(1);
				for (int i = 0; i < 4; i++) {
					orders.execute(() -> awaitQuietly(release));
				}
				Health health = health((CompositeHealthContributor) context.getBean("gopoolHealthContributor"),
						"orders");
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsEntry("saturated", true);
				release.countDown();
			});
		this.contextRunner.withPropertyValues("gopool.health.queue-fill-threshold=1.5")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidGoPoolPropertyException.class)
				.hasMessage("gopool.health.queue-fill-threshold is 1.5: out of range"));
	}

	@Test
	void aScrapeOfEveryMeterReadsEachPoolOnce() {
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("scraped")) {
			Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
			GoPool counting = (GoPool) Proxy.newProxyInstance(GoPool.class.getClassLoader(),
					new Class<?>[] { GoPool.class }, (proxy, method, args) -> {
						calls.computeIfAbsent(method.getName(), (name) -> new AtomicInteger()).incrementAndGet();
						return method.invoke(pool, args);
					});
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			GoPoolMetrics metrics = new GoPoolMetrics(new GoPoolRegistry(List.of(counting)));
			metrics.bindTo(registry);
			calls.clear();
			// A measurement is read lazily, as a scrape reads it.
			registry.getMeters().forEach((meter) -> meter.measure().forEach(Measurement::getValue));
			assertThat(registry.getMeters()).hasSizeGreaterThan(10);
			assertThat(calls.get("stats")).as("stats() per scrape: %s", calls).hasValue(1);
			assertThat(calls.get("settings")).as("settings() per scrape").hasValue(1);
			assertThat(metrics).isNotNull();
		}
	}

	@Test
	void metersFollowExecutorServiceMetricsNamesAndEveryMeterIsDescribed() throws Exception {
		this.contextRunner.run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(GoPoolMetrics.class).bindTo(registry);
			GoPool orders = context.getBean("orders", GoPool.class);
			orders.submit(() -> "ok").get(10, TimeUnit.SECONDS);
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> orders.submit(() -> {
					throw new IllegalStateException("x");
				}).get(10, TimeUnit.SECONDS));
			assertThat(registry.get("executor.completed").tag("name", "orders").functionCounter().count()).isEqualTo(1);
			assertThat(registry.get("executor.pool.max").tag("name", "orders").gauge().value()).isEqualTo(2);
			assertThat(registry.get("executor.pool.core").tag("name", "orders").gauge().value()).isEqualTo(1);
			assertThat(registry.get("executor.queue.remaining").tag("name", "orders").gauge().value()).isEqualTo(10);
			assertThat(registry.get("executor.queued").tag("name", "orders").gauge().value()).isZero();
			assertThat(registry.get("executor.active").tag("name", "orders").gauge()).isNotNull();
			assertThat(registry.get("executor.pool.size").tag("name", "orders").gauge()).isNotNull();
			FunctionCounter failed = registry.get("gopool.tasks")
				.tags("name", "orders", "result", "failed")
				.functionCounter();
			assertThat(failed.count()).isEqualTo(1);
			assertThat(registry.get("gopool.tasks")
				.tags("name", "orders", "result", "completed")
				.functionCounter()
				.count()).isEqualTo(1);
			FunctionTimer wait = registry.get("gopool.task.wait").tag("name", "orders").functionTimer();
			assertThat(wait.count()).isEqualTo(2);
			assertThat(buckets(registry, "gopool.task.wait.histogram")).hasSize(15).isSorted().last().isEqualTo(2.0);
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> registry.get("gopool.task.run").tag("name", "orders").functionTimer().count() == 2);
			assertThat(buckets(registry, "gopool.task.run.histogram")).hasSize(15).isSorted().last().isEqualTo(2.0);
			for (Meter meter : registry.getMeters()) {
				assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
				// Timers have their time unit; gopool.shutdown is a 0/1 state,
				// as Prometheus's up; the wait buckets count waits below their le,
				// as a Prometheus histogram's buckets do.
				if (!(meter instanceof FunctionTimer) && !UNITLESS.contains(meter.getId().getName())) {
					assertThat(meter.getId().getBaseUnit()).as(meter.getId().getName()).isNotBlank();
				}
				assertThat(meter.getId().getTag("name")).isIn("orders", "audit");
			}
			assertThat(registry.find("gopool.tasks").tag("name", "audit").functionCounters()).hasSize(7);
			assertThat(registry.find("gopool.tasks.stuck").tag("name", "orders").gauge().value()).isZero();
			assertThat(registry.getMeters().stream().filter(Gauge.class::isInstance)).hasSize(20);
			assertThat(registry.get("gopool.groups.active").tag("name", "orders").gauge().value()).isZero();
			assertThat(registry.get("gopool.keys.waiting").tag("name", "orders").gauge().value()).isZero();
			assertThat(registry.find("gopool.groups").tag("name", "orders").functionCounters())
				.extracting((counter) -> counter.getId().getTag("outcome"))
				.containsExactlyInAnyOrder("succeeded", "failed", "expired", "cancelled");
			assertThat(registry.get("gopool.shutdown").tag("name", "audit").gauge().value()).isZero();
			context.getBean("audit", GoPool.class).shutdown();
			org.awaitility.Awaitility.await()
				.atMost(10, TimeUnit.SECONDS)
				.until(() -> registry.get("gopool.shutdown").tag("name", "audit").gauge().value() == 1);
		});
	}

	@Test
	void withoutActuatorHealthOrMicrometerTheirPartsBackOffAndPoolsStillWork() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthContributor.class, MeterBinder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(GoPoolsEndpoint.class)
					.doesNotHaveBean("gopoolHealthContributor")
					.doesNotHaveBean(GoPoolMetrics.class);
				assertThat(context.getBean("orders", GoPool.class).submit(() -> 1).get(10, TimeUnit.SECONDS))
					.isEqualTo(1);
			});
	}

	@Test
	void theHealthIndicatorCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.gopool.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("gopoolHealthContributor"));
	}

	private static Health health(CompositeHealthContributor composite, String pool) {
		return ((HealthIndicator) composite.getContributor(pool)).health();
	}

	/** A histogram's cumulative buckets for the orders pool, by {@code le}. */
	private static List<Double> buckets(MeterRegistry registry, String name) {
		return registry.find(name)
			.tag("name", "orders")
			.functionCounters()
			.stream()
			.sorted(Comparator.comparingDouble((bucket) -> "+Inf".equals(bucket.getId().getTag("le")) ? Double.MAX_VALUE
					: Double.parseDouble(bucket.getId().getTag("le"))))
			.map(FunctionCounter::count)
			.toList();
	}

}
