/**
 * Auto-configuration for GoPool: pools from {@code gopool.*} properties, each a bean
 * named after the pool, with startup failures that name the offending property.
 */
package io.gopool.spring.autoconfigure;
