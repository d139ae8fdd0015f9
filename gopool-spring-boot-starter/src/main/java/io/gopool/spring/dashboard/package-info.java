/**
 * The live dashboard: a sampler that keeps a few minutes of each pool's history, the data
 * the dashboard page polls, and the HTTP routes that serve both (the only part of the
 * starter that touches Spring MVC).
 */
@NullMarked
package io.gopool.spring.dashboard;

import org.jspecify.annotations.NullMarked;
