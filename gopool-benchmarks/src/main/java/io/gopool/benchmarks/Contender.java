package io.gopool.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor under test and how to hand it a task, with or without a priority.
 */
final class Contender {

	static final int NO_PRIORITY = Integer.MIN_VALUE;

	private final ExecutorService executor;

	private final Submission submission;

	Contender(ExecutorService executor, Submission submission) {
		this.executor = executor;
		this.submission = submission;
	}

	static Contender of(ExecutorService executor) {
		return new Contender(executor, (task, priority) -> executor.execute(task));
	}

	void execute(Runnable task, int priority) {
		this.submission.execute(task, priority);
	}

	void shutdown() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("executor did not terminate: " + this.executor);
		}
	}

	/** How a contender takes a task. */
	@FunctionalInterface
	interface Submission {

		void execute(Runnable task, int priority);

	}

}
