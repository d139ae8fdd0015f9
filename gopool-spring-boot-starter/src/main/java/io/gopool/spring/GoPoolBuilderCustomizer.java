package io.gopool.spring;

import io.gopool.GoPoolBuilder;

/**
 * Customizes the builder of each pool declared under {@code gopool.pools} after its
 * properties have been applied and before it is built: to add a listener, set a thread
 * factory or an uncaught-exception handler. Customizers are applied in
 * {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface GoPoolBuilderCustomizer {

	/**
	 * Customizes the builder of the named pool.
	 * @param poolName the pool's name
	 * @param builder the builder, with the pool's properties applied
	 */
	void customize(String poolName, GoPoolBuilder builder);

}
