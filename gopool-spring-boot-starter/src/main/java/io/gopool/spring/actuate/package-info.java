/**
 * Operations views of GoPool pools: the {@code gopools} actuator endpoint, health and
 * Micrometer meters. Each is a view over the {@link io.gopool.spring.GoPoolRegistry}.
 */
package io.gopool.spring.actuate;
