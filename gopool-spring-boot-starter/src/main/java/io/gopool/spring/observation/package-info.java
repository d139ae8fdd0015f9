/**
 * A Micrometer Observation per task: each task of a pool runs inside an observation named
 * {@code gopool.task}, started when the task is submitted (as a child of the submitter's
 * observation) and stopped when it ends, so that a tracer shows a span per task covering
 * its queue wait and its run. Built on the core's {@link io.gopool.TaskObserver}.
 */
@NullMarked
package io.gopool.spring.observation;

import org.jspecify.annotations.NullMarked;
