package io.gopool.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.gopool.TaskExpiredException;
import io.gopool.TaskRejectedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per kind of work. A full pool answers 503 and an expired call 504, each
 * with a body that says why, never a hang or a stack trace.
 */
@RestController
class DemoController {

	private static final int MAX_REPORT_SECONDS = 60;

	private final DemoWork work;

	DemoController(DemoWork work) {
		this.work = work;
	}

	@GetMapping("/orders/{id}")
	CompletableFuture<DemoWork.Result> order(@PathVariable String id) {
		return this.work.order(id);
	}

	@GetMapping("/orders/{id}/urgent")
	CompletableFuture<DemoWork.Result> urgentOrder(@PathVariable String id) {
		return this.work.urgentOrder(id);
	}

	@GetMapping("/quotes/{id}")
	CompletableFuture<DemoWork.Result> quote(@PathVariable String id) {
		return this.work.quote(id);
	}

	@GetMapping("/fetch/{id}")
	CompletableFuture<DemoWork.Result> fetch(@PathVariable String id) {
		return this.work.fetch(id);
	}

	@GetMapping("/reports/{id}")
	CompletableFuture<DemoWork.Result> report(@PathVariable String id, @RequestParam(defaultValue = "5") int seconds) {
		if (seconds < 0 || seconds > MAX_REPORT_SECONDS) {
			throw new IllegalArgumentException(
					"seconds must be from 0 to " + MAX_REPORT_SECONDS + " (was " + seconds + ")");
		}
		return this.work.report(id, Duration.ofSeconds(seconds));
	}

	@GetMapping("/hash/{id}")
	CompletableFuture<DemoWork.Result> hash(@PathVariable String id) {
		return this.work.hash(id);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "bad request");
		body.put("message", ex.getMessage());
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> rejected(TaskRejectedException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE, "pool full", ex.getPoolName(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> expired(TaskExpiredException ex) {
		return error(HttpStatus.GATEWAY_TIMEOUT, "expired in queue", ex.getPoolName(), ex.getMessage());
	}

	static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String pool, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("pool", pool);
		body.put("message", message);
		return ResponseEntity.status(status).header("Retry-After", "1").body(body);
	}

}
