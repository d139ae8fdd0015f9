/**
 * The GoPool demo service: three pools of different shapes behind REST endpoints, a burst
 * generator, and the actuator views.
 */
@NullMarked
package io.gopool.demo;

import org.jspecify.annotations.NullMarked;
