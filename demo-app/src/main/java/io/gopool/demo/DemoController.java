package io.gopool.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per kind of work. A full pool answers 503 and an expired call 504, each
 * with a problem detail that says why, never a hang or a stack trace: the starter does
 * that, so this controller has no handler of its own for them.
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

}
