/**
 * Spring Boot integration for GoPool. This module is a placeholder that pulls in
 * {@code gopool-core}; the auto-configuration, {@code @EnableGoPool} and {@code @GoAsync}
 * are not built yet.
 */
package io.gopool.spring;
