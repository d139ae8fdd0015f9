package io.gopool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array lane on its own: order across chunk boundaries, removal in place, and, under
 * concurrent producers, consumers and removal, every task out exactly once and in each
 * producer's order.
 */
@Timeout(60)
class TaskLaneTests {

	@Test
	void tasksComeOutInOrderAcrossChunksAndRemovedOnesAreSkipped() {
		TaskLane lane = new TaskLane();
		List<NumberedTask> tasks = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			NumberedTask task = new NumberedTask(0, i);
			tasks.add(task);
			lane.offer(task);
		}
		assertThat(lane.isEmpty()).isFalse();
		lane.removeIf((task) -> ((NumberedTask) task).sequence % 3 == 0);
		for (NumberedTask task : tasks) {
			if (task.sequence % 3 != 0) {
				assertThat(lane.poll()).isSameAs(task);
			}
		}
		assertThat(lane.poll()).isNull();
		assertThat(lane.isEmpty()).isTrue();
		NumberedTask later = new NumberedTask(0, 1_000);
		lane.offer(later);
		assertThat(lane.isEmpty()).isFalse();
		assertThat(lane.poll()).isSameAs(later);
	}

	@Test
	void aLaneWhoseHeadTasksWereAllRemovedIsEmpty() {
		TaskLane lane = new TaskLane();
		for (int i = 0; i < 300; i++) {
			lane.offer(new NumberedTask(0, i));
		}
		lane.removeIf((task) -> true);
		assertThat(lane.isEmpty()).isTrue();
		assertThat(lane.poll()).isNull();
	}

	@Test
	void concurrentProducersConsumersAndRemovalHandEachTaskOutOnceInProducerOrder() throws Exception {
		int producers = 3;
		int perProducer = 60_000;
		TaskLane lane = new TaskLane();
		NumberedTask[][] tasks = new NumberedTask[producers][perProducer];
		AtomicIntegerArray polled = new AtomicIntegerArray(producers * perProducer);
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch produced = new CountDownLatch(producers);
		CountDownLatch consumed = new CountDownLatch(2);
		ExecutorService threads = Executors.newFixedThreadPool(producers + 3);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int p = 0; p < producers; p++) {
				int producer = p;
				futures.add(threads.submit(() -> {
					start.await();
					for (int i = 0; i < perProducer; i++) {
						tasks[producer][i] = new NumberedTask(producer, i);
						lane.offer(tasks[producer][i]);
					}
					produced.countDown();
					return null;
				}));
			}
			for (int c = 0; c < 2; c++) {
				futures.add(threads.submit(() -> {
					int[] last = new int[producers];
					Arrays.fill(last, -1);
					start.await();
					try {
						while (!Thread.currentThread().isInterrupted()) {
							Task next = lane.poll();
							if (next == null) {
								if (produced.getCount() == 0 && lane.isEmpty()) {
									return null;
								}
								Thread.onSpinWait();
								continue;
							}
							NumberedTask task = (NumberedTask) next;
							assertThat(task.sequence).as("order of producer %d", task.producer)
								.isGreaterThan(last[task.producer]);
							last[task.producer] = task.sequence;
							polled.incrementAndGet(task.producer * perProducer + task.sequence);
						}
						return null;
					}
					finally {
						consumed.countDown();
					}
				}));
			}
			futures.add(threads.submit(() -> {
				start.await();
				while (consumed.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
					// The predicate decides the task's fate, as the pool's expiry does.
					lane.removeIf((task) -> ((NumberedTask) task).sequence % 7 == 0 && ((NumberedTask) task).claim());
				}
				return null;
			}));
			start.countDown();
			for (Future<?> future : futures) {
				future.get(50, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		int removed = 0;
		for (int p = 0; p < producers; p++) {
			for (int i = 0; i < perProducer; i++) {
				int times = polled.get(p * perProducer + i);
				if (tasks[p][i].claimed()) {
					// Removed in place, unless a consumer had taken it first.
					assertThat(times).as("removed task %d/%d", p, i).isLessThanOrEqualTo(1);
					removed += 1 - times;
				}
				else {
					assertThat(times).as("task %d/%d handed out once", p, i).isEqualTo(1);
				}
			}
		}
		assertThat(removed).as("tasks removed in place").isPositive();
		assertThat(lane.poll()).isNull();
	}

	/**
	 * A task numbered by producer and sequence; removal claims it in its predicate, as
	 * the pool's expiry does.
	 */
	private static final class NumberedTask extends Task {

		final int producer;

		final int sequence;

		NumberedTask(int producer, int sequence) {
			super(0, null, null, 0, 0, false);
			this.producer = producer;
			this.sequence = sequence;
		}

		boolean claim() {
			return transition(NEW, EXPIRED);
		}

		boolean claimed() {
			return state() == EXPIRED;
		}

		@Override
		Object call() {
			return null;
		}

		@Override
		boolean reportsFailure() {
			return false;
		}

		@Override
		void complete(Object result) {
		}

		@Override
		void completeExceptionally(Throwable failure) {
		}

		@Override
		void completeCancelled() {
		}

		@Override
		Runnable unstarted() {
			return null;
		}

	}

}
