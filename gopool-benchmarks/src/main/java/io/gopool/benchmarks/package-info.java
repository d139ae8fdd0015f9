/**
 * JMH benchmarks of GoPool against the executors a user would otherwise pick, run side by
 * side in one run, so that only ratios are compared.
 * {@link io.gopool.benchmarks.BenchmarkReport} runs the set and writes the table and
 * chart; {@code run.sh} builds and runs it on JDK 25.
 */
@NullMarked
package io.gopool.benchmarks;

import org.jspecify.annotations.NullMarked;
