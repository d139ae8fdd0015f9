/**
 * GoPool for Spring: the {@link io.gopool.spring.GoPoolRegistry} of the pools declared
 * under {@code gopool.pools}, and the {@link io.gopool.spring.GoPoolBuilderCustomizer}
 * extension point.
 */
package io.gopool.spring;
