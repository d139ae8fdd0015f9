package io.gopool.demo;

/**
 * An event for one account of the demo's ledger.
 *
 * @param account the account, the event's key
 * @param sequence the event's place among its account's events
 */
public record LedgerEvent(String account, int sequence) {
}
