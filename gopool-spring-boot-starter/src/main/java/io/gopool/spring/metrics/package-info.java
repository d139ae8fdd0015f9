/**
 * The pools' Micrometer meters and their auto-configuration; the only package of the
 * starter that uses Micrometer.
 */
@NullMarked
package io.gopool.spring.metrics;

import org.jspecify.annotations.NullMarked;
