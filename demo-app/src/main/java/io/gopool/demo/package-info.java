/**
 * The GoPool demo service: three pools of different shapes behind REST endpoints, a burst
 * generator, and the actuator views.
 */
package io.gopool.demo;
