package io.gopool.spring.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import io.gopool.spring.async.EnableGoPool;
import io.gopool.spring.async.GoAsync;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

class ContextPropagationTests {

	private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.orders.min-workers=1", "gopool.pools.orders.max-workers=1");

	@Test
	void theSubmittersMdcReachesTheTaskAndNothingLeaksIntoTheNextTaskOnTheSameWorker() {
		this.contextRunner.run((context) -> {
			GoPool orders = context.getBean("orders", GoPool.class);
			MDC.put("request", "r-1");
			try {
				assertThat(orders.submit(() -> MDC.get("request")).get(10, TimeUnit.SECONDS)).isEqualTo("r-1");
			}
			finally {
				MDC.clear();
			}
			assertThat(orders.submit(() -> MDC.get("request")).get(10, TimeUnit.SECONDS)).isNull();
		});
	}

	@Test
	void contextPropagationThreadLocalsReachGoAsyncMethodsAndAreClearedAfterwards() {
		ThreadLocalAccessor<String> accessor = new TenantAccessor();
		ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
		try {
			this.contextRunner.withUserConfiguration(TenantServiceConfiguration.class).run((context) -> {
				TenantService service = context.getBean(TenantService.class);
				TENANT.set("acme");
				try {
					assertThat(service.tenant().get(10, TimeUnit.SECONDS)).isEqualTo("acme");
				}
				finally {
					TENANT.remove();
				}
				assertThat(service.tenant().get(10, TimeUnit.SECONDS)).isNull();
			});
		}
		finally {
			ContextRegistry.getInstance().removeThreadLocalAccessor(TenantAccessor.KEY);
		}
	}

	@Test
	void taskDecoratorBeansAreAppliedInOrder() {
		Calls calls = new Calls();
		this.contextRunner.withUserConfiguration(DecoratorConfiguration.class)
			.withBean(Calls.class, () -> calls)
			.run((context) -> {
				context.getBean("orders", GoPool.class).submit(() -> calls.add("task")).get(10, TimeUnit.SECONDS);
				assertThat(calls).containsExactly("second", "first", "task");
			});
	}

	@Test
	void whenPropagationIsSwitchedOffTheMdcStaysBehindButDecoratorBeansStillApply() {
		Calls calls = new Calls();
		this.contextRunner.withPropertyValues("gopool.propagate-context=false")
			.withUserConfiguration(DecoratorConfiguration.class)
			.withBean(Calls.class, () -> calls)
			.run((context) -> {
				MDC.put("request", "r-2");
				try {
					assertThat(context.getBean("orders", GoPool.class)
						.submit(() -> MDC.get("request"))
						.get(10, TimeUnit.SECONDS)).isNull();
				}
				finally {
					MDC.clear();
				}
				assertThat(calls).containsExactly("second", "first");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class TenantServiceConfiguration {

		@Bean
		TenantService tenantService() {
			return new TenantService();
		}

	}

	public static class TenantService {

		@GoAsync("orders")
		public CompletableFuture<String> tenant() {
			return CompletableFuture.completedFuture(TENANT.get());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DecoratorConfiguration {

		@Bean
		@Order(1)
		TaskDecorator first(Calls calls) {
			return (task) -> () -> {
				calls.add("first");
				task.run();
			};
		}

		@Bean
		@Order(2)
		TaskDecorator second(Calls calls) {
			return (task) -> () -> {
				calls.add("second");
				task.run();
			};
		}

	}

	/** The order in which decorators and the task ran. */
	static final class Calls extends CopyOnWriteArrayList<String> {

		private static final long serialVersionUID = 1L;

	}

	static final class TenantAccessor implements ThreadLocalAccessor<String> {

		static final String KEY = "gopool.test.tenant";

		@Override
		public Object key() {
			return KEY;
		}

		@Override
		public String getValue() {
			return TENANT.get();
		}

		@Override
		public void setValue(String value) {
			TENANT.set(value);
		}

		@Override
		public void setValue() {
			TENANT.remove();
		}

	}

}
