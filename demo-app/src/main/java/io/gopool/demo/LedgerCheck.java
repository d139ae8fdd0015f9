package io.gopool.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one run of ledger events: whether each account's events were applied in order
 * and one at a time, and how many accounts were applied at once.
 */
public final class LedgerCheck {

	private final Map<String, Integer> lastSequence = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger mostAtOnce = new AtomicInteger();

	private final AtomicInteger outOfOrder = new AtomicInteger();

	private final AtomicInteger overlapping = new AtomicInteger();

	void applying(LedgerEvent event) {
		if (this.inFlight.computeIfAbsent(event.account(), (account) -> new AtomicInteger()).incrementAndGet() > 1) {
			this.overlapping.incrementAndGet();
		}
		this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
		Integer last = this.lastSequence.put(event.account(), event.sequence());
		if (last != null && last > event.sequence()) {
			this.outOfOrder.incrementAndGet();
		}
	}

	void applied(LedgerEvent event) {
		this.running.decrementAndGet();
		this.inFlight.get(event.account()).decrementAndGet();
	}

	/**
	 * The run's findings.
	 * @param accounts how many accounts
	 * @param events how many events
	 * @return what was seen
	 */
	Map<String, Object> summary(int accounts, int events) {
		return Map.of("accounts", accounts, "events", events, "outOfOrder", this.outOfOrder.get(), "sameAccountAtOnce",
				this.overlapping.get(), "mostAccountsAtOnce", this.mostAtOnce.get());
	}

}
