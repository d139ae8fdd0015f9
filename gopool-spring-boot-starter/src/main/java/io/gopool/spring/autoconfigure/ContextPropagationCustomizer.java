package io.gopool.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.gopool.GoPoolBuilder;
import io.gopool.spring.GoPoolBuilderCustomizer;

import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.ClassUtils;

/**
 * Gives every pool one task decorator made of: Micrometer context-propagation (when it is
 * on the class path), the logging MDC (when SLF4J is), and the application's
 * {@link TaskDecorator} beans, in order. It runs first among customizers, so a later one
 * may replace the decorator.
 */
final class ContextPropagationCustomizer implements GoPoolBuilderCustomizer, Ordered {

	private static final boolean CONTEXT_PROPAGATION_PRESENT = ClassUtils
		.isPresent("io.micrometer.context.ContextSnapshotFactory", null);

	private static final boolean MDC_PRESENT = ClassUtils.isPresent("org.slf4j.MDC", null);

	private final TaskDecorator decorator;

	ContextPropagationCustomizer(boolean propagateContext, List<TaskDecorator> applicationDecorators) {
		List<TaskDecorator> decorators = new ArrayList<>();
		if (propagateContext && CONTEXT_PROPAGATION_PRESENT) {
			decorators.add(new ContextPropagatingTaskDecorator());
		}
		if (propagateContext && MDC_PRESENT) {
			decorators.add(new MdcTaskDecorator());
		}
		decorators.addAll(applicationDecorators);
		this.decorator = decorators.isEmpty() ? null : new CompositeTaskDecorator(decorators);
	}

	@Override
	public void customize(String poolName, GoPoolBuilder builder) {
		if (this.decorator != null) {
			builder.taskDecorator(this.decorator::decorate);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
