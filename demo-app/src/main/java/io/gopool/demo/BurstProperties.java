package io.gopool.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shape of the demo burst.
 *
 * @param tasks how many tasks the burst fires
 * @param submitters how many threads fire them
 * @param taskTime how long each task works (simulated I/O)
 * @param deadline how long a task may wait in the queue before it is dropped
 * @param urgentEvery every how many tasks one is urgent (priority -10)
 * @param maxWorkers the pool's maximum number of workers
 * @param queueCapacity the pool's queue capacity
 */
@ConfigurationProperties("demo.burst")
public record BurstProperties(int tasks, int submitters, Duration taskTime, Duration deadline, int urgentEvery,
		int maxWorkers, int queueCapacity) {

}
