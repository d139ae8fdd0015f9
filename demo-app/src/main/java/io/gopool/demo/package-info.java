/**
 * The GoPool demo: a burst of tasks far larger than any sane thread count, held in check
 * by a bounded pool.
 */
package io.gopool.demo;
