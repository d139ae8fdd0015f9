package io.gopool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCountsTests {

	@Test
	void sinceSubtractsEveryCounter() {
		TaskCounts earlier = new TaskCounts(10, 9, 5, 1, 2, 1, 1, 1, 0, 900, 5_000);
		TaskCounts later = new TaskCounts(21, 19, 12, 3, 7, 2, 2, 1, 1, 2_000, 9_000);
		assertThat(later.since(earlier)).isEqualTo(new TaskCounts(11, 10, 7, 2, 5, 1, 1, 0, 1, 1_100, 4_000));
		assertThat(later.since(later)).isEqualTo(new TaskCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void finishedCountsEveryEndingButRejections() {
		TaskCounts counts = new TaskCounts(21, 19, 12, 3, 7, 2, 2, 1, 1, 0, 0);
		assertThat(counts.finished()).as("completed, failed, expired, cancelled, evicted, returned").isEqualTo(21);
	}

}
