/**
 * The live dashboard: a sampler that keeps a few minutes of each pool's history, and the
 * data the dashboard page polls.
 */
@NullMarked
package io.gopool.spring.dashboard;

import org.jspecify.annotations.NullMarked;
