package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.gopool.testing.PoolAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Task groups: wait for all, fail fast, one deadline, a concurrency limit that holds no
 * worker, structured close, and every member an ordinary task of the pool.
 */
@Timeout(60)
class TaskGroupTests {

	private static final long WAIT_SECONDS = 10;

	@Test
	void joinReturnsTheResultsInSubmissionOrderWhateverOrderTheMembersEndIn() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(4).maxWorkers(4).build("order");
				TaskGroup<Integer> group = pool.newGroup()) {
			List<CountDownLatch> mayEnd = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				mayEnd.add(new CountDownLatch(1));
			}
			for (int i = 0; i < 4; i++) {
				int member = i;
				group.submit(() -> {
					assertThat(mayEnd.get(member).await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
					if (member > 0) {
						mayEnd.get(member - 1).countDown();
					}
					return member;
				});
			}
			group.execute(() -> {
			});
			// The last member ends first and lets the one before it end, and so on.
			mayEnd.get(3).countDown();
			assertThat(group.join()).containsExactly(0, 1, 2, 3, null);
			assertThatIllegalStateException().isThrownBy(() -> group.submit(() -> 5))
				.withMessageContaining("was joined or closed");
		}
	}

	@Test
	void theFirstFailureCancelsQueuedMembersAndInterruptsRunningOnes() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).queueCapacity(10).build("fail-fast")) {
			CountDownLatch queued = new CountDownLatch(1);
			CountDownLatch blockerRunning = new CountDownLatch(1);
			AtomicBoolean blockerInterrupted = new AtomicBoolean();
			AtomicInteger queuedRan = new AtomicInteger();
			IllegalStateException boom = new IllegalStateException("boom");
			TaskGroup<String> group = pool.newGroup(GroupOptions.defaults().withName("quotes"));
			CompletableFuture<String> blocker = group.submit(() -> {
				blockerRunning.countDown();
				try {
					awaitInterrupt();
					return "not interrupted";
				}
				catch (InterruptedException ex) {
					blockerInterrupted.set(true);
					throw ex;
				}
			});
			group.submit(() -> {
				assertThat(blockerRunning.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				assertThat(queued.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				throw boom;
			});
			List<CompletableFuture<String>> waiting = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				waiting.add(group.submit(() -> {
					queuedRan.incrementAndGet();
					return "ran";
				}));
			}
			queued.countDown();
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join)
				.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(boom))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).isEmpty())
				.withMessage("task group 'quotes' failed: java.lang.IllegalStateException: boom");
			assertThat(blockerInterrupted).isTrue();
			assertThat(blocker).isCancelled();
			assertThat(waiting).allSatisfy((member) -> assertThat(member).isCancelled());
			assertThat(queuedRan).hasValue(0);
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.submitted()).isEqualTo(6);
			assertThat(counts.failed()).isEqualTo(1);
			assertThat(counts.cancelled()).isEqualTo(5);
			assertThat(counts.finished()).isEqualTo(counts.submitted());
			assertThat(pool.stats().levels().queueSize()).isZero();
			assertThatIllegalStateException().isThrownBy(() -> group.submit(() -> "late"))
				.withMessageContaining("task group 'quotes' has failed");
		}
	}

	@Test
	void withoutFailFastEveryMemberRunsAndJoinReportsEveryFailure() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("no-fail-fast");
				TaskGroup<Integer> group = pool.newGroup(GroupOptions.defaults().withFailFast(false))) {
			AtomicInteger ran = new AtomicInteger();
			for (int i = 0; i < 10; i++) {
				int member = i;
				group.submit(() -> {
					ran.incrementAndGet();
					if (member % 3 == 0) {
						throw new IllegalArgumentException("member " + member);
					}
					return member;
				});
			}
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join).satisfies((ex) -> {
				List<String> failures = new ArrayList<>();
				failures.add(ex.getCause().getMessage());
				for (Throwable suppressed : ex.getSuppressed()) {
					failures.add(suppressed.getMessage());
				}
				assertThat(failures).containsExactlyInAnyOrder("member 0", "member 3", "member 6", "member 9");
			});
			assertThat(ran).hasValue(10);
		}
	}

	@Test
	void theGroupDeadlineExpiresQueuedMembersAndInterruptsRunningOnes() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("deadline")) {
			AtomicBoolean interrupted = new AtomicBoolean();
			TaskGroup<String> group = pool.newGroup(GroupOptions.defaults().withDeadline(Duration.ofMillis(100)));
			CompletableFuture<String> running = group.submit(() -> {
				try {
					awaitInterrupt();
					return "not interrupted";
				}
				catch (InterruptedException ex) {
					interrupted.set(true);
					throw ex;
				}
			});
			CompletableFuture<String> queued = group.submit(() -> "never");
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join)
				.withCauseInstanceOf(TimeoutException.class)
				.withMessageContaining("the deadline of task group 'group' (PT0.1S) passed");
			assertThat(interrupted).isTrue();
			assertThat(running).isCancelled();
			assertThat(queued).isCompletedExceptionally();
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.expired()).isEqualTo(1);
			assertThat(counts.cancelled()).isEqualTo(1);
			assertThat(counts.finished()).isEqualTo(counts.submitted());
		}
	}

	@Test
	void membersBeyondTheLimitWaitInTheGroupHoldingNoWorkerAndNoQueuePlace() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(4).maxWorkers(4).queueCapacity(100).build("limited");
				TaskGroup<Integer> group = pool.newGroup(GroupOptions.defaults().withLimit(2))) {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch twoRunning = new CountDownLatch(2);
			AtomicInteger running = new AtomicInteger();
			AtomicInteger mostAtOnce = new AtomicInteger();
			for (int i = 0; i < 10; i++) {
				int member = i;
				group.submit(() -> {
					mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
					twoRunning.countDown();
					try {
						assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
						return member;
					}
					finally {
						running.decrementAndGet();
					}
				});
			}
			assertThat(twoRunning.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			GoPoolStats stats = pool.stats();
			assertThat(stats.counts().submitted()).isEqualTo(2);
			assertThat(stats.levels().queueSize()).isZero();
			assertThat(stats.levels().busyWorkers()).isEqualTo(2);
			assertThat(group.unendedMembers()).isEqualTo(10);
			assertThat(stats.levels().activeGroups()).isEqualTo(1);
			release.countDown();
			assertThat(group.join()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
			assertThat(pool.stats().levels().activeGroups()).isZero();
			assertThat(mostAtOnce).hasValue(2);
			assertThat(pool.stats().counts().completed()).isEqualTo(10);
		}
	}

	@Test
	void closingWithoutJoinStopsWhatIsLeftAndReturnsOnlyOnceNoMemberRuns() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("structured")) {
			CountDownLatch running = new CountDownLatch(1);
			AtomicBoolean returned = new AtomicBoolean();
			AtomicInteger laterRan = new AtomicInteger();
			CompletableFuture<String> queued;
			CompletableFuture<String> waitingForLimit;
			try (TaskGroup<String> group = pool.newGroup(GroupOptions.defaults().withLimit(2))) {
				group.submit(() -> {
					running.countDown();
					try {
						awaitInterrupt();
						return "not interrupted";
					}
					finally {
						returned.set(true);
					}
				});
				queued = group.submit(() -> "queued ran " + laterRan.incrementAndGet());
				waitingForLimit = group.submit(() -> "waiting ran " + laterRan.incrementAndGet());
				assertThat(running.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(returned).as("the running member's code returned before close did").isTrue();
			assertThat(queued).isCancelled();
			assertThat(waitingForLimit).isCancelled();
			assertThat(laterRan).hasValue(0);
			// The member held back by the limit was never a task of the pool.
			assertThat(pool.stats().counts().submitted()).isEqualTo(2);
		}
	}

	@Test
	void aMemberThePoolRefusesThrowsAtSubmitAndFailsTheGroup() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(0).build("full")) {
			TaskGroup<String> group = pool.newGroup();
			try {
				group.submit(() -> {
					assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
					return "held";
				});
				assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> group.submit(() -> "refused"));
			}
			finally {
				release.countDown();
			}
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join)
				.withCauseInstanceOf(TaskRejectedException.class);
		}
	}

	@Test
	void joinFromAWorkerOfTheSamePoolIsRefusedAndFromAnotherPoolWorks() throws Exception {
		try (GoPool outer = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("outer");
				GoPool inner = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("inner")) {
			CompletableFuture<String> sameRefused = outer.submit(() -> {
				try (TaskGroup<String> group = outer.newGroup()) {
					group.submit(() -> "child");
					group.join();
					return "joined";
				}
				catch (IllegalStateException ex) {
					return ex.getMessage();
				}
			});
			assertThat(PoolAssertions.await(outer, sameRefused))
				.startsWith("task group 'group' cannot be joined from a worker of its own pool 'outer'");
			CompletableFuture<List<String>> nested = outer.submit(() -> {
				try (TaskGroup<String> group = inner.newGroup()) {
					group.submit(() -> "a");
					group.submit(() -> "b");
					return group.join();
				}
			});
			assertThat(PoolAssertions.await(outer, nested)).containsExactly("a", "b");
		}
	}

	@Test
	void aTimedJoinGivesUpWithoutStoppingTheMembers() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("timed")) {
			CountDownLatch release = new CountDownLatch(1);
			try (TaskGroup<String> group = pool.newGroup()) {
				CompletableFuture<String> member = group.submit(() -> {
					assertThat(release.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
					return "done";
				});
				assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> group.join(Duration.ofMillis(20)))
					.withMessageContaining("1 member(s) still running");
				release.countDown();
				assertThat(group.join()).containsExactly("done");
				assertThat(member).isCompletedWithValue("done");
			}
		}
	}

	@Test
	void shutdownNowReturnsQueuedMembersLikeAnyTask() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).build("returning");
		try (TaskGroup<String> group = pool.newGroup()) {
			group.submit(() -> {
				// shutdownNow interrupts it; it must not fail (and so stop the group)
				// before shutdownNow has taken the queued members.
				awaitUninterruptibly(release);
				return "held";
			});
			group.submit(() -> "one");
			group.submit(() -> "two");
			assertThat(pool.shutdownNow()).hasSize(2);
			release.countDown();
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join)
				.withCauseInstanceOf(CancellationException.class);
		}
		finally {
			release.countDown();
			pool.close();
		}
		assertThat(pool.stats().counts().returned()).isEqualTo(2);
	}

	@Test
	void badOptionsAreRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> GroupOptions.defaults().withLimit(0))
			.withMessage("group limit must be at least 1 (was 0)");
		assertThatIllegalArgumentException().isThrownBy(() -> GroupOptions.defaults().withDeadline(Duration.ZERO))
			.withMessage("group deadline must be positive (was PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> GroupOptions.defaults().withName(" "))
			.withMessage("group name must not be blank");
	}

	@Test
	void everyGroupCountsOneOutcomeWhenItIsFirstJoinedOrClosed() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).build("outcomes")) {
			try (TaskGroup<String> succeeded = pool.newGroup()) {
				succeeded.submit(() -> "ok");
				succeeded.join();
			}
			try (TaskGroup<String> failed = pool.newGroup()) {
				failed.submit(() -> {
					throw new IllegalStateException("boom");
				});
				assertThatExceptionOfType(TaskGroupException.class).isThrownBy(failed::join);
			}
			TaskGroup<String> expired = pool.newGroup(GroupOptions.defaults().withDeadline(Duration.ofMillis(50)));
			expired.submit(() -> {
				awaitInterrupt();
				return "not interrupted";
			});
			assertThatExceptionOfType(TaskGroupException.class).isThrownBy(expired::join)
				.withCauseInstanceOf(TimeoutException.class);
			CountDownLatch running = new CountDownLatch(1);
			try (TaskGroup<String> cancelled = pool.newGroup()) {
				cancelled.submit(() -> {
					running.countDown();
					awaitInterrupt();
					return "not interrupted";
				});
				assertThat(running.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
			}
			try (TaskGroup<String> closedAfterItsMembersEnded = pool.newGroup()) {
				closedAfterItsMembersEnded.submit(() -> "ok").get(WAIT_SECONDS, TimeUnit.SECONDS);
			}
			TaskGroup<String> neverEnded = pool.newGroup();
			neverEnded.submit(() -> "ok").get(WAIT_SECONDS, TimeUnit.SECONDS);
			assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> {
				try (TaskGroup<String> timedOut = pool.newGroup()) {
					CountDownLatch never = new CountDownLatch(1);
					timedOut.submit(() -> {
						never.await();
						return "not interrupted";
					});
					timedOut.join(Duration.ofMillis(10));
				}
			});
			assertThat(expired.unendedMembers()).isZero();
			assertThat(pool.stats().groups()).isEqualTo(new GroupCounts(2, 1, 1, 2));
			assertThat(neverEnded.unendedMembers()).isZero();
		}
	}

	@Test
	void underRandomFailuresEveryGroupEndsAndNoMemberOutlivesItsGroup() throws Exception {
		SplittableRandom random = new SplittableRandom(7);
		AtomicInteger runningCode = new AtomicInteger();
		try (GoPool pool = GoPool.newBuilder().minWorkers(0).maxWorkers(3).queueCapacity(20).build("random")) {
			for (int round = 0; round < 300; round++) {
				GroupOptions options = GroupOptions.defaults()
					.withFailFast(random.nextBoolean())
					.withLimit(1 + random.nextInt(4));
				int members = 1 + random.nextInt(8);
				int failing = random.nextInt(members + 2);
				boolean join = random.nextBoolean();
				try (TaskGroup<Integer> group = pool.newGroup(options)) {
					boolean failedWhileAdding = false;
					try {
						for (int i = 0; i < members; i++) {
							int member = i;
							group.submit(() -> {
								runningCode.incrementAndGet();
								try {
									Thread.yield();
									if (member == failing) {
										throw new IllegalStateException("member " + member);
									}
									return member;
								}
								finally {
									runningCode.decrementAndGet();
								}
							});
						}
					}
					catch (IllegalStateException ex) {
						// A fail-fast group failed while members were still being added.
						assertThat(ex).hasMessageContaining(
								"has failed (java.lang.IllegalStateException: member " + failing + ")");
						failedWhileAdding = true;
					}
					if (join) {
						try {
							assertThat(group.join()).hasSize(members);
							assertThat(failing).isGreaterThanOrEqualTo(members);
							assertThat(failedWhileAdding).isFalse();
						}
						catch (TaskGroupException ex) {
							assertThat(ex.getCause()).hasMessage("member " + failing);
						}
					}
				}
				assertThat(runningCode).as("round %d", round).hasValue(0);
				assertThat(pool.stats().levels().activeGroups()).as("round %d", round).isZero();
				assertThat(pool.stats().groups().ended()).as("round %d: one outcome per group", round)
					.isEqualTo(round + 1);
			}
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.finished()).isEqualTo(counts.submitted());
		}
	}

	@Test
	void failFastRacingMemberCompletionEndsEveryMemberExactlyOnce() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).queueCapacity(100).build("racing")) {
			for (int round = 0; round < 500; round++) {
				AtomicInteger endings = new AtomicInteger();
				List<CompletableFuture<Integer>> futures = new ArrayList<>();
				TaskGroup<Integer> group = pool.newGroup();
				int failing = round % 6;
				int added = 0;
				try {
					for (int i = 0; i < 6; i++) {
						int member = i;
						futures.add(group.submit(() -> {
							if (member == failing) {
								throw new IllegalStateException("member " + member);
							}
							return member;
						}, TaskOptions.defaults()
							.withCallback((outcome, result, failure) -> endings.incrementAndGet())));
						added++;
					}
				}
				catch (IllegalStateException ex) {
					// The group failed while members were still being added.
					assertThat(ex).hasMessageContaining("has failed");
				}
				int members = added;
				assertThatExceptionOfType(TaskGroupException.class).isThrownBy(group::join)
					.satisfies((ex) -> assertThat(ex.getCause()).hasMessage("member " + failing));
				assertThat(futures).allSatisfy((future) -> assertThat(future).isDone());
				// A callback runs before its task's future completes, and join waits for
				// every member's future.
				assertThat(endings).hasValue(members);
			}
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.finished()).isEqualTo(counts.submitted());
			assertThat(counts.failed()).isEqualTo(500);
			assertThat(counts.completed() + counts.cancelled()).isEqualTo(counts.submitted() - 500);
		}
	}

	@Test
	void theGroupDeadlineRacingCompletionEndsEveryMemberExactlyOnce() throws Exception {
		try (GoPool pool = GoPool.newBuilder().minWorkers(2).maxWorkers(2).queueCapacity(100).build("deadline-race")) {
			for (int round = 0; round < 200; round++) {
				AtomicInteger endings = new AtomicInteger();
				TaskGroup<Integer> group = pool.newGroup(GroupOptions.defaults().withDeadline(Duration.ofMillis(1)));
				int added = 0;
				try {
					for (int i = 0; i < 4; i++) {
						int member = i;
						group.submit(() -> {
							AccountingTests.busyWork(20_000);
							return member;
						}, TaskOptions.defaults()
							.withCallback((outcome, result, failure) -> endings.incrementAndGet()));
						added++;
					}
				}
				catch (IllegalStateException ex) {
					assertThat(ex).hasMessageContaining("has failed");
				}
				int members = added;
				try {
					assertThat(group.join()).containsExactly(0, 1, 2, 3);
				}
				catch (TaskGroupException ex) {
					assertThat(ex.getCause()).isInstanceOfAny(TimeoutException.class, TaskExpiredException.class);
				}
				// A callback runs before its task's future completes, and join waits for
				// every member's future.
				assertThat(endings).hasValue(members);
			}
			pool.shutdown();
			PoolAssertions.assertTerminates(pool);
			TaskCounts counts = pool.stats().counts();
			assertThat(counts.finished()).isEqualTo(counts.submitted());
		}
	}

	/**
	 * The work of a member that only the group's interrupt ends: it waits on a latch that
	 * nothing opens, so it returns early only if interrupted.
	 */
	private static void awaitInterrupt() throws InterruptedException {
		assertThat(new CountDownLatch(1).await(WAIT_SECONDS, TimeUnit.SECONDS)).as("never opened").isFalse();
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
