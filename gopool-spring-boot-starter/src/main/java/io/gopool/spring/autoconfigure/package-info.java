/**
 * Auto-configuration for GoPool: pools from {@code gopool.*} properties, each a bean
 * named after the pool, with startup failures that name the offending property.
 */
@NullMarked
package io.gopool.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
