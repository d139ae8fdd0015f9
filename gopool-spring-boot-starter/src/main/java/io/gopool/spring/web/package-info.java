/**
 * The web answer to overload: a request whose task a pool rejected or let expire gets an
 * RFC 9457 problem detail (503 with {@code Retry-After}, or 504), in Spring MVC and
 * WebFlux alike.
 */
@NullMarked
package io.gopool.spring.web;

import org.jspecify.annotations.NullMarked;
