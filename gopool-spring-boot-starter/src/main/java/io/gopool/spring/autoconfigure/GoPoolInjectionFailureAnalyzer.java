package io.gopool.spring.autoconfigure;

import java.util.Map;

import io.gopool.GoPool;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Explains an injection of a {@link GoPool} by type alone, which finds no bean because
 * pool beans are not default candidates (so that Spring Boot's own task executor stays in
 * place): it lists the pools and says how to name one. It comes before Spring Boot's own
 * analysis of a missing bean, which would only say that none was found.
 */
class GoPoolInjectionFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private final Environment environment;

	GoPoolInjectionFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause,
			@Nullable String description) {
		ResolvableType type = cause.getResolvableType();
		if (type == null || type.resolve() != GoPool.class) {
			return null;
		}
		Map<String, Object> pools = Binder.get(this.environment)
			.bind("gopool.pools", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		String example = pools.isEmpty() ? "orders" : pools.keySet().iterator().next();
		String needs = (description != null) ? description : "An injection point";
		String problem = needs + " needs a GoPool by type alone, but pools are injected by name: their beans are "
				+ "not default candidates, so that Spring Boot's own task executor stays in place. "
				+ (pools.isEmpty() ? "No pool is declared under gopool.pools."
						: "The pools are: " + String.join(", ", pools.keySet()) + ".");
		String action = "Name the pool, as in @Qualifier(\"" + example + "\") GoPool " + example
				+ ", or inject GoPoolRegistry to reach every pool by name"
				+ (pools.isEmpty() ? "; declare pools under gopool.pools.<name>." : ".");
		return new FailureAnalysis(problem, action, cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
