package io.gopool.spring.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.gopool.GoPool;
import io.gopool.TaskExpiredException;
import io.gopool.TaskOptions;
import io.gopool.TaskRejectedException;
import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import io.gopool.testing.Gate;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each task gets a {@code gopool.task} observation: a child of the submitter's, with its
 * outcome, its wait, and a scope on the worker that ends with the task.
 */
@Timeout(60)
class GoPoolObservationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(GoPoolAutoConfiguration.class, GoPoolObservationAutoConfiguration.class))
		.withPropertyValues("gopool.pools.work.min-workers=1", "gopool.pools.work.max-workers=1",
				"gopool.pools.work.queue-capacity=1", "gopool.pools.work.rejection-policy=abort");

	@Test
	void everyOutcomeEndsTheTasksObservationAsAChildOfTheSubmitters() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			GoPool work = context.getBean("work", GoPool.class);
			Observation request = Observation.start("request", registry);
			Gate gate = new Gate(1);
			Observation.Scope scope = request.openScope();
			try {
				assertThat(work.submit(() -> "ok", named("ok")).get(10, TimeUnit.SECONDS)).isEqualTo("ok");
				assertThat(work.submit(() -> {
					throw new IllegalStateException("boom");
				}, named("failing"))).failsWithin(10, TimeUnit.SECONDS);
				work.execute(gate.task(), named("holder"));
				gate.awaitEntered();
				CompletableFuture<?> late = work.submit(() -> {
				}, named("late").withDeadline(Duration.ofMillis(20)));
				assertThat(late).failsWithin(10, TimeUnit.SECONDS)
					.withThrowableThat()
					.withCauseInstanceOf(TaskExpiredException.class);
				work.execute(() -> {
				}, named("queued"));
				assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> work.execute(() -> {
				}, named("refused")));
			}
			finally {
				gate.open();
				scope.close();
				request.stop();
			}
			work.shutdown();
			assertThat(work.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("gopool.task", 6)
				.hasHandledContextsThatSatisfy((contexts) -> {
					Map<String, GoPoolTaskContext> tasks = contexts.stream()
						.filter(GoPoolTaskContext.class::isInstance)
						.map(GoPoolTaskContext.class::cast)
						.collect(Collectors.toMap(GoPoolTaskContext::getTaskName, Function.identity()));
					assertThat(tasks).containsOnlyKeys("ok", "failing", "holder", "late", "queued", "refused");
					assertThat(tasks.values()).allSatisfy((task) -> {
						assertThat(task.getParentObservation()).isSameAs(request);
						assertThat(task.getLowCardinalityKeyValue("pool").getValue()).isEqualTo("work");
						assertThat(task.getLowCardinalityKeyValue("task").getValue()).isEqualTo(task.getTaskName());
					});
					assertOutcome(tasks.get("ok"), "completed", "none");
					assertOutcome(tasks.get("failing"), "failed", "IllegalStateException");
					assertOutcome(tasks.get("holder"), "completed", "none");
					assertOutcome(tasks.get("late"), "expired", "TaskExpiredException");
					assertOutcome(tasks.get("queued"), "completed", "none");
					assertOutcome(tasks.get("refused"), "rejected", "TaskRejectedException");
					assertThat(tasks.get("late").getWaitNanos())
						.isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
					assertThat(tasks.get("late").getHighCardinalityKeyValue("wait.us").getValue())
						.isEqualTo(Long.toString(TimeUnit.NANOSECONDS.toMicros(tasks.get("late").getWaitNanos())));
				});
			assertThat(registry.getCurrentObservation()).isNull();
		});
	}

	@Test
	void aTracerShowsASpanPerTaskUnderTheRequestAndNothingLeaksIntoTheNextTask() {
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			GoPool work = context.getBean("work", GoPool.class);
			Observation request = Observation.createNotStarted("http get /orders", registry).start();
			String spanInTask;
			Observation.Scope scope = request.openScope();
			try {
				spanInTask = work.submit(() -> tracer.currentSpan().context().spanId(), named("load-order"))
					.get(10, TimeUnit.SECONDS);
			}
			finally {
				scope.close();
				request.stop();
			}
			String spanInNextTask = work.submit(() -> tracer.currentSpan().context().spanId(), named("next"))
				.get(10, TimeUnit.SECONDS);
			Map<String, SimpleSpan> spans = tracer.getSpans()
				.stream()
				.collect(Collectors.toMap(SimpleSpan::getName, Function.identity()));
			System.out.println("span tree:\n" + tree(tracer.getSpans()));
			SimpleSpan http = spans.get("http get /orders");
			SimpleSpan task = spans.get("load-order");
			SimpleSpan next = spans.get("next");
			assertThat(task.getParentId()).isEqualTo(http.getSpanId());
			assertThat(task.getTraceId()).isEqualTo(http.getTraceId());
			assertThat(spanInTask).isEqualTo(task.getSpanId());
			assertThat(task.getTags()).containsEntry("pool", "work")
				.containsEntry("outcome", "completed")
				.containsKeys("wait.us", "run.us");
			assertThat(task.getEndTimestamp()).isNotNull();
			assertThat(next.getParentId()).isNullOrEmpty();
			assertThat(next.getTraceId()).isNotEqualTo(http.getTraceId());
			assertThat(spanInNextTask).isEqualTo(next.getSpanId());
		});
	}

	@Test
	void switchedOffThePoolsObserveNothing() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("gopool.observations.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(GoPoolObservationAutoConfiguration.class);
				GoPool work = context.getBean("work", GoPool.class);
				assertThat(work.submit(() -> "ok", named("ok")).get(10, TimeUnit.SECONDS)).isEqualTo("ok");
				TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
			});
	}

	@Test
	void anObservationPredicateLeavesOnePoolUnobserved() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig()
			.observationPredicate((name,
					context) -> !(context instanceof GoPoolTaskContext task && task.getPoolName().equals("work")));
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("gopool.pools.audit.max-workers=1")
			.run((context) -> {
				assertThat(context.getBean("work", GoPool.class).submit(() -> "ok").get(10, TimeUnit.SECONDS))
					.isEqualTo("ok");
				assertThat(context.getBean("audit", GoPool.class).submit(() -> "ok").get(10, TimeUnit.SECONDS))
					.isEqualTo("ok");
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("gopool.task", 1)
					.hasObservationWithNameEqualTo("gopool.task")
					.that()
					.hasLowCardinalityKeyValue("pool", "audit");
			});
	}

	@Test
	void aConventionBeanRenamesTheObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(GoPoolTaskObservationConvention.class, () -> new DefaultGoPoolTaskObservationConvention() {

				@Override
				public String getName() {
					return "jobs.run";
				}

			})
			.run((context) -> {
				GoPool work = context.getBean("work", GoPool.class);
				assertThat(work.submit(() -> "ok", named("ok")).get(10, TimeUnit.SECONDS)).isEqualTo("ok");
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("jobs.run")
					.that()
					.hasLowCardinalityKeyValue("outcome", "completed");
			});
	}

	private static void assertOutcome(GoPoolTaskContext task, String outcome, String exception) {
		assertThat(task.getOutcome()).as(task.getTaskName()).isEqualTo(outcome);
		assertThat(task.getLowCardinalityKeyValue("outcome").getValue()).as(task.getTaskName()).isEqualTo(outcome);
		assertThat(task.getLowCardinalityKeyValue("exception").getValue()).as(task.getTaskName()).isEqualTo(exception);
	}

	private static TaskOptions named(String name) {
		return TaskOptions.defaults().withName(name);
	}

	/** The spans as an indented tree, children under their parent, by start time. */
	private static String tree(java.util.Collection<SimpleSpan> spans) {
		List<SimpleSpan> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparing(SimpleSpan::getStartTimestamp));
		StringBuilder out = new StringBuilder();
		for (SimpleSpan root : sorted) {
			if (root.getParentId() == null || root.getParentId().isEmpty()) {
				append(out, root, sorted, 0);
			}
		}
		return out.toString();
	}

	private static void append(StringBuilder out, SimpleSpan span, List<SimpleSpan> all, int depth) {
		out.append("  ".repeat(depth))
			.append(span.getName())
			.append(" [trace ")
			.append(span.getTraceId())
			.append(", span ")
			.append(span.getSpanId())
			.append("] ")
			.append(span.getTags())
			.append('\n');
		for (SimpleSpan child : all) {
			if (span.getSpanId().equals(child.getParentId())) {
				append(out, child, all, depth + 1);
			}
		}
	}

}
