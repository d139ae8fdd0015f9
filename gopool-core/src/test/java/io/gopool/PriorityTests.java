package io.gopool;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class PriorityTests {

	private final List<String> order = new CopyOnWriteArrayList<>();

	private CompletableFuture<Object> submit(GoPool pool, String label, Integer priority) {
		TaskOptions options = (priority != null) ? TaskOptions.defaults().withPriority(priority)
				: TaskOptions.defaults();
		return pool.submit(() -> this.order.add(label), options);
	}

	@Test
	void lowerValueRunsFirstAndEqualPrioritiesRunInSubmissionOrder() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("priority")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			submit(pool, "low-1", 10);
			submit(pool, "normal-1", null);
			submit(pool, "urgent-1", -10);
			submit(pool, "low-2", 10);
			submit(pool, "urgent-2", -10);
			submit(pool, "normal-2", 0);
			CompletableFuture<Object> last = submit(pool, "least", TaskOptions.LEAST_URGENT);
			submit(pool, "most", TaskOptions.MOST_URGENT);
			gate.open();
			last.get(10, TimeUnit.SECONDS);
			assertThat(this.order).containsExactly("most", "urgent-1", "urgent-2", "normal-1", "normal-2", "low-1",
					"low-2", "least");
		}
	}

	@Test
	void executeAndPlainSubmitUseThePoolDefaultPriority() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).defaultPriority(5).build("default")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			submit(pool, "six", 6);
			pool.execute(() -> this.order.add("execute"));
			pool.submit(() -> this.order.add("submit"));
			CompletableFuture<Object> last = submit(pool, "four", 4);
			submit(pool, "five", 5);
			gate.open();
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(last).isDone();
			assertThat(this.order).containsExactly("four", "execute", "submit", "five", "six");
		}
	}

	/**
	 * Priorities are strict: a less urgent task waits as long as more urgent ones are
	 * queued, and runs once they are gone. This is the documented starvation behaviour.
	 */
	@Test
	void lessUrgentTaskStarvesWhileMoreUrgentTasksKeepArriving() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(100).build("starve")) {
			pool.execute(gate.task());
			gate.awaitEntered();
			CompletableFuture<Object> starving = submit(pool, "background", 19);
			// Each urgent task submits the next one until 50 have run: the queue is never
			// free of them.
			CompletableFuture<Void> urgentDone = new CompletableFuture<>();
			submitChain(pool, 50, urgentDone);
			gate.open();
			urgentDone.get(10, TimeUnit.SECONDS);
			starving.get(10, TimeUnit.SECONDS);
			assertThat(this.order).hasSize(51);
			assertThat(this.order.get(50)).isEqualTo("background");
		}
	}

	private void submitChain(GoPool pool, int remaining, CompletableFuture<Void> done) {
		pool.submit(() -> {
			this.order.add("urgent-" + remaining);
			if (remaining > 1) {
				submitChain(pool, remaining - 1, done);
			}
			else {
				done.complete(null);
			}
			return null;
		}, TaskOptions.defaults().withPriority(-5));
	}

}
