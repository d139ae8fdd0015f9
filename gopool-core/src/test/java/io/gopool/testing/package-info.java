/**
 * Test fixtures shared by the core's and the starter's tests, published as the core's
 * {@code tests} jar: a gate that holds tasks on their workers, a ticker that moves only
 * when told, and waits that fail with the pool's state and its workers' stacks.
 */
@NullMarked
package io.gopool.testing;

import org.jspecify.annotations.NullMarked;
