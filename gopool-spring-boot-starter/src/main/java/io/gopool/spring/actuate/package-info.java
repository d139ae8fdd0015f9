/**
 * Operations views of GoPool pools: the {@code gopools} actuator endpoint, health and
 * Micrometer meters. Each is a view over the {@link io.gopool.spring.GoPoolRegistry}.
 */
@NullMarked
package io.gopool.spring.actuate;

import org.jspecify.annotations.NullMarked;
