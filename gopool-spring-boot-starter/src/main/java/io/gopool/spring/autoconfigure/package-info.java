/**
 * Auto-configuration for GoPool: pools from {@code gopool.*} properties, each a bean
 * named after the pool, with startup failures that name the offending property; the
 * endpoint, health, dashboard and refresh wiring. The table of pool settings
 * ({@code PoolSetting}) and the one validation step live here.
 */
@NullMarked
package io.gopool.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
