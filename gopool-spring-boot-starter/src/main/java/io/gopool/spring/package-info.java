/**
 * GoPool for Spring: the {@link io.gopool.spring.GoPoolRegistry} of the pools declared
 * under {@code gopool.pools}, and the {@link io.gopool.spring.GoPoolBuilderCustomizer}
 * extension point.
 */
@NullMarked
package io.gopool.spring;

import org.jspecify.annotations.NullMarked;
