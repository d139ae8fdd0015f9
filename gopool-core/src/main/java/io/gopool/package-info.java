/**
 * GoPool core: bounded worker pools for the JVM in the spirit of Go's goroutine pools.
 * <p>
 * Start at {@link io.gopool.GoPool#newBuilder()}. A pool hands each submitted task
 * straight to an idle worker (most recently idle first), starts a new worker while below
 * its maximum, and only then queues the task in a bounded priority queue; a full queue
 * triggers the pool's {@link io.gopool.RejectionPolicy}. Tasks may carry a priority, a
 * deadline and a completion callback ({@link io.gopool.TaskOptions}).
 * {@link io.gopool.GoPoolStats} and {@link io.gopool.GoPoolListener} expose what the pool
 * does.
 * <p>
 * Only the types in this package that are public are API; everything else is engine
 * detail. The package has no runtime dependencies.
 * <p>
 * Null contracts follow JSpecify: nothing is {@code null} unless marked
 * {@link org.jspecify.annotations.Nullable @Nullable}; passing {@code null} where it is
 * not allowed fails at once with a {@link NullPointerException} naming the argument.
 */
@NullMarked
package io.gopool;

import org.jspecify.annotations.NullMarked;
