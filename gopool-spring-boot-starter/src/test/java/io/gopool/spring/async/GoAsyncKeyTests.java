package io.gopool.spring.async;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.spring.autoconfigure.GoPoolAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code @GoAsync(key = ...)}: calls with equal keys run one at a time in call order, and
 * a key expression that cannot work fails startup naming the method.
 */
class GoAsyncKeyTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GoPoolAutoConfiguration.class))
		.withPropertyValues("gopool.pools.events.min-workers=3", "gopool.pools.events.max-workers=3",
				"gopool.pools.events.queue-capacity=10000");

	@Test
	void callsWithEqualKeysRunOneAtATimeInCallOrderAndOtherKeysInParallel() {
		this.contextRunner.withUserConfiguration(LedgerConfiguration.class).run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			List<CompletableFuture<Void>> calls = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				Event event = new Event("account-" + (i % 4), i);
				calls.add((i % 2 == 0) ? ledger.apply(event) : ledger.applyByPosition(event));
			}
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			// Through the proxy's methods: its own fields are never set.
			assertThat(ledger.overlaps()).isEmpty();
			assertThat(ledger.applied()).hasSize(4)
				.allSatisfy((account, sequences) -> assertThat(sequences).hasSize(150).isSorted());
			assertThat(ledger.mostAtOnce()).as("accounts ran in parallel").isGreaterThan(1);
		});
	}

	@Test
	void aCallWhoseKeyIsNullIsRefused() {
		this.contextRunner.withUserConfiguration(LedgerConfiguration.class).run((context) -> {
			Ledger ledger = context.getBean(Ledger.class);
			assertThatIllegalArgumentException().isThrownBy(() -> ledger.apply(new Event(null, 1)))
				.withMessage("the key expression '#event.account' of GoAsyncKeyTests.Ledger.apply(Event) gave null "
						+ "for this call; a keyed call needs a key");
		});
	}

	@Test
	void aKeyExpressionThatDoesNotParseFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(UnparsableKeyConfiguration.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("@GoAsync method GoAsyncKeyTests.UnparsableKeyService.apply(Event) has key expression "
						+ "'#event.', which does not parse: ");
			assertThat(analysis.getAction())
				.isEqualTo("Use a SpEL expression over the arguments, such as #event.accountId or #p0.");
		});
	}

	@Test
	void aKeyExpressionThatReadsNoArgumentFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(MisspelledKeyConfiguration.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("@GoAsync method GoAsyncKeyTests.MisspelledKeyService.apply(Event) has key expression "
						+ "'#evnt.account', which reads #evnt, not an argument of the method.");
			assertThat(analysis.getAction()).isEqualTo("Name an argument: #event, or #p0 to #p0 by position.");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new InvalidGoAsyncMethodFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	public record Event(String account, int sequence) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class LedgerConfiguration {

		@Bean
		Ledger ledger() {
			return new Ledger();
		}

	}

	public static class Ledger {

		private final Map<String, List<Integer>> applied = new ConcurrentHashMap<>();

		private final List<String> overlaps = new CopyOnWriteArrayList<>();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

		private final AtomicInteger runningAll = new AtomicInteger();

		@GoAsync(pool = "events", key = "#event.account")
		public CompletableFuture<Void> apply(Event event) {
			record(event);
			return CompletableFuture.completedFuture(null);
		}

		@GoAsync(pool = "events", key = "#p0.account")
		public CompletableFuture<Void> applyByPosition(Event event) {
			record(event);
			return CompletableFuture.completedFuture(null);
		}

		public Map<String, List<Integer>> applied() {
			return this.applied;
		}

		public List<String> overlaps() {
			return this.overlaps;
		}

		public int mostAtOnce() {
			return this.mostAtOnce.get();
		}

		private void record(Event event) {
			AtomicInteger onAccount = this.running.computeIfAbsent(event.account(), (account) -> new AtomicInteger());
			if (onAccount.incrementAndGet() != 1) {
				this.overlaps.add(event.account());
			}
			this.mostAtOnce.accumulateAndGet(this.runningAll.incrementAndGet(), Math::max);
			Thread.yield();
			this.applied.computeIfAbsent(event.account(), (account) -> new CopyOnWriteArrayList<>())
				.add(event.sequence());
			this.runningAll.decrementAndGet();
			onAccount.decrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class UnparsableKeyConfiguration {

		@Bean
		UnparsableKeyService unparsableKeyService() {
			return new UnparsableKeyService();
		}

	}

	public static class UnparsableKeyService {

		@GoAsync(pool = "events", key = "#event.")
		public void apply(Event event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableGoPool(proxyTargetClass = true)
	static class MisspelledKeyConfiguration {

		@Bean
		MisspelledKeyService misspelledKeyService() {
			return new MisspelledKeyService();
		}

	}

	public static class MisspelledKeyService {

		@GoAsync(pool = "events", key = "#evnt.account")
		public void apply(Event event) {
		}

	}

}
