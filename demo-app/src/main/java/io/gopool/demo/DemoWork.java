package io.gopool.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import io.gopool.spring.async.GoAsync;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The demo's work, each kind on its own pool: orders (a few workers, a deep queue, urgent
 * calls overtake it, quotes expire), simulated I/O (many cheap workers) and CPU-bound
 * hashing.
 */
@Service
public class DemoWork {

	private final long orderNanos;

	private final long ioNanos;

	DemoWork(@Value("${demo.order-time}") Duration orderTime, @Value("${demo.io-time}") Duration ioTime) {
		this.orderNanos = orderTime.toNanos();
		this.ioNanos = ioTime.toNanos();
	}

	@GoAsync("orders")
	public CompletableFuture<Result> order(String id) {
		return CompletableFuture.completedFuture(work("order", id, this.orderNanos));
	}

	@GoAsync(pool = "orders", priority = -10)
	public CompletableFuture<Result> urgentOrder(String id) {
		return CompletableFuture.completedFuture(work("urgent order", id, this.orderNanos));
	}

	@GoAsync(pool = "orders", deadline = "${demo.quote-deadline}")
	public CompletableFuture<Result> quote(String id) {
		return CompletableFuture.completedFuture(work("quote", id, this.orderNanos));
	}

	@GoAsync("io")
	public CompletableFuture<Result> fetch(String id) {
		return CompletableFuture.completedFuture(work("fetch", id, this.ioNanos));
	}

	/**
	 * A report that takes as long as asked: past the io pool's stuck threshold, the
	 * sysmon logs it with its stack, and the endpoint's in-flight view shows it as stuck.
	 * @param id the report's id
	 * @param time how long it runs
	 * @return what it did
	 */
	@GoAsync("io")
	public CompletableFuture<Result> report(String id, Duration time) {
		return CompletableFuture.completedFuture(work("report", id, time.toNanos()));
	}

	@GoAsync("cpu")
	public CompletableFuture<Result> hash(String id) {
		long start = System.nanoTime();
		long hash = id.hashCode();
		for (int i = 0; i < 2_000_000; i++) {
			hash = hash * 31 + i;
		}
		return CompletableFuture.completedFuture(new Result("hash", id + ":" + Long.toHexString(hash),
				Thread.currentThread().getName(), (System.nanoTime() - start) / 1_000_000));
	}

	/**
	 * One supplier's quote, called by the members of a task group (plain, not async).
	 * @param supplier the supplier
	 * @param item the item quoted
	 * @return what the call did
	 */
	public Result supplierQuote(String supplier, String item) {
		return work("quote from " + supplier, item, this.ioNanos);
	}

	/**
	 * Applies one ledger event; calls for the same account run one at a time, in call
	 * order, and calls for different accounts in parallel.
	 * @param event the event
	 * @param check what watches the run
	 * @return completed once the event is applied
	 */
	@GoAsync(pool = "io", key = "#event.account")
	public CompletableFuture<Void> applyLedgerEvent(LedgerEvent event, LedgerCheck check) {
		check.applying(event);
		LockSupport.parkNanos(this.ioNanos / 10);
		check.applied(event);
		return CompletableFuture.completedFuture(null);
	}

	private static Result work(String kind, String id, long nanos) {
		long start = System.nanoTime();
		// Stands in for a database or HTTP call: the worker waits, as it would on I/O.
		LockSupport.parkNanos(nanos);
		return new Result(kind, id, Thread.currentThread().getName(), (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * What one call did.
	 *
	 * @param kind the kind of work
	 * @param id the request's id
	 * @param worker the worker thread that ran it
	 * @param tookMillis how long it ran
	 */
	public record Result(String kind, String id, String worker, long tookMillis) {
	}

}
