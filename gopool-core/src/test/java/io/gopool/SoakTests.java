package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A randomized soak: cycle after cycle, a pool with a random shape takes a random mix of
 * normal, throwing, Error-throwing, slow, cancelled, prioritised and deadline-bound tasks
 * from concurrent submitters while it is resized and, in some cycles, while the sysmon
 * flags, interrupts and hands off slow tasks, and is then shut down (gracefully or at
 * once). After every cycle the accounting must add up; at the end no worker thread may be
 * left and the heap must be back where it started.
 * <p>
 * The default build runs it for {@code soak.seconds} (15 s); {@code ./mvnw verify -Psoak}
 * runs it for 10 minutes.
 */
class SoakTests {

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("soak.seconds", 15));

	/** Totals over all cycles, for the summary line. */
	private final Totals totals = new Totals();

	@Test
	void accountingHoldsCycleAfterCycleAndNothingIsLeftBehind() throws Exception {
		long heapBefore = usedHeapAfterGc();
		long deadline = System.nanoTime() + DURATION.toNanos();
		SplittableRandom random = new SplittableRandom(7);
		int cycles = 0;
		while (System.nanoTime() < deadline) {
			cycle(random.split(), cycles++);
		}
		assertThat(cycles).isPositive();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((t) -> t.getName().startsWith("gopool-soak-")));
		long heapAfter = usedHeapAfterGc();
		assertThat(heapAfter - heapBefore).as("heap growth after %d cycles", cycles).isLessThan(64L * 1024 * 1024);
		System.out.printf(java.util.Locale.ROOT,
				"Soak: %d s, %d cycles, %s, %d invariant checks, heap growth %d KB, no worker thread left%n",
				DURATION.toSeconds(), cycles, this.totals, this.totals.checks, (heapAfter - heapBefore) / 1024);
	}

	private void cycle(SplittableRandom random, int cycle) throws Exception {
		AtomicLong callbacks = new AtomicLong();
		AtomicLong handled = new AtomicLong();
		RejectionPolicy policy = RejectionPolicy.values()[random.nextInt(RejectionPolicy.values().length)];
		int max = random.nextInt(1, 9);
		GoPoolBuilder builder = GoPool.newBuilder()
			.minWorkers(random.nextInt(0, max + 1))
			.maxWorkers(max)
			.queueCapacity(random.nextInt(0, 200))
			.keepAlive(Duration.ofMillis(random.nextInt(0, 20)))
			.rejectionPolicy(policy)
			.blockTimeout(Duration.ofMillis(5))
			.uncaughtExceptionHandler((thread, ex) -> handled.incrementAndGet());
		if (random.nextInt(3) == 0) {
			builder.stuckThreshold(Duration.ofMillis(random.nextInt(1, 5)))
				.interruptStuckTasks(random.nextBoolean())
				.maxExtraWorkers(random.nextInt(0, 3));
		}
		GoPool pool = builder.build("soak-" + cycle);
		int submitters = random.nextInt(1, 4);
		CountDownLatch done = new CountDownLatch(submitters);
		for (int s = 0; s < submitters; s++) {
			SplittableRandom own = random.split();
			Thread submitter = new Thread(() -> {
				try {
					submit(pool, own, callbacks);
				}
				finally {
					done.countDown();
				}
			}, "soak-submitter-" + cycle + "-" + s);
			submitter.start();
		}
		while (done.getCount() > 0) {
			int newMax = random.nextInt(1, 9);
			pool.tune(GoPoolTuning.create().minWorkers(random.nextInt(0, newMax + 1)).maxWorkers(newMax));
			done.await(2, TimeUnit.MILLISECONDS);
		}
		if (random.nextBoolean()) {
			pool.shutdown();
		}
		else {
			pool.shutdownNow();
		}
		PoolAssertions.assertTerminates(pool);
		GoPoolStats stats = pool.stats();
		assertThat(stats.counts().finished())
			.as("cycle %d (%s): every accepted task ended once: %s", cycle, policy, stats)
			.isEqualTo(stats.counts().submitted());
		assertThat(callbacks.get()).as("cycle %d: one callback per accepted task", cycle)
			.isEqualTo(stats.counts().submitted());
		assertThat(stats.levels().queueSize()).isZero();
		assertThat(stats.levels().workers()).isZero();
		assertThat(stats.levels().stuckTasks()).isZero();
		assertThat(((WorkerPool) pool).searchingWorkers()).as("cycle %d: no worker left counted as searching", cycle)
			.isZero();
		assertThat(((WorkerPool) pool).keyCount()).as("cycle %d: no key left", cycle).isZero();
		assertThat(stats.levels().waitingBehindKey()).isZero();
		this.totals.add(stats, 6);
	}

	private static void submit(GoPool pool, SplittableRandom random, AtomicLong callbacks) {
		List<CompletableFuture<?>> submitted = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			TaskOptions options = TaskOptions.defaults()
				.withPriority(random.nextInt(TaskOptions.MOST_URGENT, TaskOptions.LEAST_URGENT + 1))
				.withCallback((outcome, result, failure) -> callbacks.incrementAndGet());
			if (random.nextInt(4) == 0) {
				options = options.withDeadline(Duration.ofNanos(random.nextLong(0, 3_000_000)));
			}
			if (random.nextInt(3) == 0) {
				options = options.withKey(random.nextInt(5));
			}
			int kind = random.nextInt(10);
			try {
				if (kind == 9) {
					pool.execute(() -> {
						throw new IllegalStateException("soak");
					}, options);
					continue;
				}
				CompletableFuture<?> future = pool.submit(() -> {
					switch (kind) {
						case 0 -> throw new IllegalStateException("soak");
						case 1 -> throw new AssertionError("soak");
						case 2 -> AccountingTests.busyWork(50_000);
						default -> AccountingTests.busyWork(200);
					}
					return kind;
				}, options);
				submitted.add(future);
				if (random.nextInt(8) == 0) {
					submitted.get(random.nextInt(submitted.size())).cancel(random.nextBoolean());
				}
			}
			catch (TaskRejectedException ex) {
				// full or shut down: counted as rejected, never accepted
			}
		}
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	/**
	 * What all cycles did together.
	 */
	private static final class Totals {

		private long accepted;

		private long completed;

		private long failed;

		private long expired;

		private long cancelled;

		private long evicted;

		private long returned;

		private long rejected;

		private long checks;

		void add(GoPoolStats stats, int checks) {
			this.accepted += stats.counts().submitted();
			this.completed += stats.counts().completed();
			this.failed += stats.counts().failed();
			this.expired += stats.counts().expired();
			this.cancelled += stats.counts().cancelled();
			this.evicted += stats.counts().evicted();
			this.returned += stats.counts().returned();
			this.rejected += stats.counts().rejected();
			this.checks += checks;
		}

		@Override
		public String toString() {
			return this.accepted + " tasks accepted (" + this.completed + " completed, " + this.failed + " failed, "
					+ this.expired + " expired, " + this.cancelled + " cancelled, " + this.evicted + " evicted, "
					+ this.returned + " returned), " + this.rejected + " rejected";
		}

	}

}
