package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each listener method gets its own event type, carrying the fields that event has.
 */
@Timeout(60)
class ListenerTests {

	private final FakeTicker ticker = new FakeTicker();

	private final List<TaskEvent> events = new CopyOnWriteArrayList<>();

	private final GoPoolListener recorder = new GoPoolListener() {

		@Override
		public void taskSubmitted(TaskEvent.Submitted event) {
			ListenerTests.this.events.add(event);
		}

		@Override
		public void taskRejected(TaskEvent.Rejected event) {
			ListenerTests.this.events.add(event);
		}

		@Override
		public void taskStarted(TaskEvent.Started event) {
			ListenerTests.this.events.add(event);
		}

		@Override
		public void taskFinished(TaskEvent.Finished event) {
			ListenerTests.this.events.add(event);
		}

	};

	@Test
	void eachEventCarriesItsOwnFields() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(1)
			.maxWorkers(1)
			.queueCapacity(1)
			.ticker(this.ticker)
			.listener(this.recorder)
			.build("events")) {
			pool.execute(gate.task(), TaskOptions.defaults().withName("holder"));
			gate.awaitEntered();
			CompletableFuture<String> queued = pool.submit(() -> "done",
					TaskOptions.defaults().withName("queued").withPriority(-3));
			TaskRejectedException rejection = catchRejection(pool);
			this.ticker.advance(Duration.ofMillis(7));
			gate.open();
			assertThat(PoolAssertions.await(pool, queued)).isEqualTo("done");
			pool.shutdown();
			assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(this.events).filteredOn((event) -> "queued".equals(event.taskName()))
				.containsExactly(new TaskEvent.Submitted("events", "queued", -3),
						new TaskEvent.Started("events", "queued", -3, Duration.ofMillis(7).toNanos()),
						new TaskEvent.Finished("events", "queued", -3, TaskOutcome.COMPLETED,
								Duration.ofMillis(7).toNanos(), 0, null));
			assertThat(this.events).filteredOn((event) -> "refused".equals(event.taskName()))
				.containsExactly(new TaskEvent.Rejected("events", "refused", 0, rejection));
		}
	}

	private static TaskRejectedException catchRejection(GoPool pool) {
		TaskRejectedException[] caught = new TaskRejectedException[1];
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
		}, TaskOptions.defaults().withName("refused"))).satisfies((ex) -> caught[0] = ex);
		return caught[0];
	}

}
