/**
 * The machinery behind {@link io.gopool.spring.async.GoAsync @GoAsync}: a bean
 * post-processor that checks every annotated method at startup and proxies its bean, and
 * the interceptor that submits each call to its pool.
 */
@NullMarked
package io.gopool.spring.async;

import org.jspecify.annotations.NullMarked;
