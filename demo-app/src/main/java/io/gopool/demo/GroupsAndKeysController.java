package io.gopool.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.gopool.GoPool;
import io.gopool.GroupOptions;
import io.gopool.TaskGroup;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A task group (three suppliers asked at once, two at a time, within one deadline) and
 * keyed calls (ledger events in order per account, accounts in parallel).
 */
@RestController
class GroupsAndKeysController {

	private static final List<String> SUPPLIERS = List.of("north", "south", "east");

	private static final int MAX_EVENTS = 10_000;

	private final DemoWork work;

	private final GoPool io;

	GroupsAndKeysController(DemoWork work, @Qualifier("io") GoPool io) {
		this.work = work;
		this.io = io;
	}

	@GetMapping("/compare/{item}")
	Map<String, Object> compare(@PathVariable String item) throws InterruptedException {
		GroupOptions options = GroupOptions.defaults()
			.withName("compare " + item)
			.withDeadline(Duration.ofSeconds(2))
			.withLimit(2);
		try (TaskGroup<DemoWork.Result> quotes = this.io.newGroup(options)) {
			for (String supplier : SUPPLIERS) {
				quotes.submit(() -> this.work.supplierQuote(supplier, item));
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("item", item);
			body.put("quotes", quotes.join());
			return body;
		}
	}

	@PostMapping("/ledger")
	CompletableFuture<Map<String, Object>> ledger(@RequestParam(defaultValue = "4") int accounts,
			@RequestParam(defaultValue = "400") int events) {
		if (accounts < 1 || events < 1 || events > MAX_EVENTS) {
			throw new IllegalArgumentException("accounts must be at least 1 and events from 1 to " + MAX_EVENTS
					+ " (were " + accounts + ", " + events + ")");
		}
		LedgerCheck check = new LedgerCheck();
		List<CompletableFuture<Void>> applied = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			applied.add(this.work.applyLedgerEvent(new LedgerEvent("account-" + (i % accounts), i), check));
		}
		return CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new))
			.thenApply((done) -> check.summary(accounts, events));
	}

}
