package io.gopool.demo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.gopool.GoPool;
import io.gopool.GoPoolLevels;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolStats;
import io.gopool.TaskCounts;
import io.gopool.TaskRejectedException;
import io.gopool.spring.GoPoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fires a burst at the {@code orders} pool, as a flood of requests would: every tenth
 * call is urgent and every fifth is a quote that may expire. It answers at once (202)
 * with what the pool accepted and rejected, and logs the outcome when the accepted calls
 * have ended. Watch it in {@code /actuator/gopools/orders} and {@code /actuator/health}.
 */
@RestController
class BurstController {

	private static final Logger logger = LoggerFactory.getLogger(BurstController.class);

	private final DemoWork work;

	private final GoPool orders;

	BurstController(DemoWork work, GoPoolRegistry pools) {
		this.work = work;
		this.orders = pools.get("orders");
	}

	@PostMapping("/burst")
	ResponseEntity<Map<String, Object>> burst(@RequestParam(defaultValue = "100000") int tasks) {
		TaskCounts before = this.orders.stats().counts();
		long start = System.nanoTime();
		List<CompletableFuture<DemoWork.Result>> accepted = new ArrayList<>();
		int rejected = 0;
		for (int i = 0; i < tasks; i++) {
			String id = "burst-" + i;
			try {
				accepted.add((i % 10 == 0) ? this.work.urgentOrder(id)
						: (i % 5 == 0) ? this.work.quote(id) : this.work.order(id));
			}
			catch (TaskRejectedException ex) {
				rejected++;
			}
		}
		long submitMillis = (System.nanoTime() - start) / 1_000_000;
		GoPoolLevels after = this.orders.stats().levels();
		GoPoolSettings settings = this.orders.settings();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tasks", tasks);
		body.put("accepted", accepted.size());
		body.put("rejected", rejected);
		body.put("submitMillis", submitMillis);
		body.put("workers", after.workers());
		body.put("maxWorkers", settings.maxWorkers());
		body.put("queued", after.queueSize());
		body.put("queueCapacity", settings.queueCapacity());
		body.put("jvmThreads", Thread.activeCount());
		body.put("heapUsedMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
		logger.info(
				"Burst of {} submitted in {} ms: {} accepted, {} rejected at once; {} workers (max {}), queue {}/{}",
				tasks, submitMillis, accepted.size(), rejected, after.workers(), settings.maxWorkers(),
				after.queueSize(), settings.queueCapacity());
		CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new))
			.whenComplete((result, failure) -> logOutcome(before, start));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	private void logOutcome(TaskCounts before, long start) {
		GoPoolStats now = this.orders.stats();
		TaskCounts burst = now.counts().since(before);
		logger.info("Burst done in {} ms: {} completed, {} expired in the queue, {} failed; at most {} workers ran",
				(System.nanoTime() - start) / 1_000_000, burst.completed(), burst.expired(), burst.failed(),
				now.levels().largestWorkers());
	}

}
