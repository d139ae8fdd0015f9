package io.gopool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.FakeTicker;
import io.gopool.testing.Gate;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The flight-recorder events, read back the way a tool reads them: through a
 * {@link RecordingStream} and from a recording file.
 */
@Timeout(60)
class JfrEventsTests {

	private static final List<String> EVENTS = List.of("io.gopool.TaskQueued", "io.gopool.TaskStarted",
			"io.gopool.TaskFinished", "io.gopool.TaskFailed", "io.gopool.TaskExpired", "io.gopool.TaskRejected",
			"io.gopool.TaskStuck", "io.gopool.PoolResized");

	private final FakeTicker ticker = new FakeTicker();

	@Test
	void everyEventArrivesWithItsFieldsOnceARecordingEnablesIt() throws Exception {
		List<RecordedEvent> events = new CopyOnWriteArrayList<>();
		try (RecordingStream stream = new RecordingStream()) {
			for (String name : EVENTS) {
				stream.enable(name);
				stream.onEvent(name, (event) -> {
					if ("recorded".equals(event.getString("pool"))) {
						events.add(event);
					}
				});
			}
			stream.startAsync();
			runOneOfEverything();
			await().atMost(30, TimeUnit.SECONDS)
				.until(() -> events.stream().map((event) -> event.getEventType().getName()).distinct().count(),
						(count) -> count == EVENTS.size());
		}
		RecordedEvent queued = only(events, "io.gopool.TaskQueued", "queued-one");
		assertThat(queued.getInt("priority")).isEqualTo(5);
		assertThat(queued.getInt("queueSize")).isEqualTo(1);
		RecordedEvent started = only(events, "io.gopool.TaskStarted", "queued-one");
		assertThat(started.getDuration("waitTime")).isEqualTo(Duration.ofSeconds(2));
		RecordedEvent finished = only(events, "io.gopool.TaskFinished", "blocker");
		assertThat(finished.getString("outcome")).isEqualTo("COMPLETED");
		assertThat(finished.getDuration()).isPositive();
		assertThat(finished.getThread().getJavaName()).startsWith("gopool-recorded-");
		assertThat(finished.getString("group")).as("a task outside any group").isNull();
		assertThat(only(events, "io.gopool.TaskStarted", "member").getString("group")).isEqualTo("quotes");
		assertThat(only(events, "io.gopool.TaskFinished", "member").getString("group")).isEqualTo("quotes");
		assertThat(only(events, "io.gopool.TaskFinished", "boom").getString("outcome")).isEqualTo("FAILED");
		assertThat(only(events, "io.gopool.TaskFailed", "boom").getClass("exceptionClass").getName())
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(events).as("a failure's message is never recorded")
			.noneMatch((event) -> event.toString().contains("secret payload"));
		RecordedEvent expired = only(events, "io.gopool.TaskExpired", "late");
		assertThat(expired.getDuration("overdue")).isEqualTo(Duration.ofSeconds(1));
		assertThat(only(events, "io.gopool.TaskRejected", "refused").getString("reason")).isEqualTo("the pool is full");
		RecordedEvent stuck = only(events, "io.gopool.TaskStuck", "blocker");
		assertThat(stuck.getDuration("runningTime")).isEqualTo(Duration.ofSeconds(2));
		assertThat(stuck.getString("workerThread")).startsWith("gopool-recorded-");
		RecordedEvent resized = events.stream()
			.filter((event) -> event.getEventType().getName().equals("io.gopool.PoolResized"))
			.findFirst()
			.orElseThrow();
		assertThat(resized.getInt("oldMaxWorkers")).isEqualTo(1);
		assertThat(resized.getInt("newMaxWorkers")).isEqualTo(2);
	}

	@Test
	void theEventsAreOffInTheJdksOwnSettingsSoAStandardRecordingHasNone(@TempDir Path dir) throws Exception {
		assertThat(EventType.getEventType(JfrEvents.TaskStarted.class).isEnabled()).isFalse();
		Path file = dir.resolve("default.jfr");
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			runOneOfEverything();
			recording.stop();
			recording.dump(file);
		}
		assertThat(Files.size(file)).isPositive();
		assertThat(RecordingFile.readAllEvents(file))
			.noneMatch((event) -> event.getEventType().getName().startsWith("io.gopool."));
	}

	/**
	 * One task of each fate in a pool named "recorded", with the fake ticker making the
	 * times exact.
	 */
	private void runOneOfEverything() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder()
			.minWorkers(0)
			.maxWorkers(1)
			.queueCapacity(2)
			.ticker(this.ticker)
			.stuckThreshold(Duration.ofSeconds(1))
			.build("recorded")) {
			pool.execute(gate.task(), TaskOptions.defaults().withName("blocker"));
			gate.awaitEntered();
			CompletableFuture<String> queued = pool.submit(() -> "ran",
					TaskOptions.defaults().withName("queued-one").withPriority(5));
			CompletableFuture<String> late = pool.submit(() -> "never",
					TaskOptions.defaults().withName("late").withDeadline(Duration.ofSeconds(1)));
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}, TaskOptions.defaults().withName("refused")));
			this.ticker.advance(Duration.ofSeconds(2));
			((WorkerPool) pool).scanForStuckTasks();
			gate.open();
			assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> late.get(10, TimeUnit.SECONDS));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> pool.submit(() -> {
				throw new IllegalStateException("secret payload");
			}, TaskOptions.defaults().withName("boom")).get(10, TimeUnit.SECONDS));
			try (TaskGroup<String> group = pool.newGroup(GroupOptions.defaults().withName("quotes"))) {
				group.submit(() -> "quoted", TaskOptions.defaults().withName("member"));
				assertThat(group.join()).containsExactly("quoted");
			}
			pool.tune(GoPoolTuning.create().minWorkers(0).maxWorkers(2));
		}
	}

	private static RecordedEvent only(List<RecordedEvent> events, String type, String task) {
		List<RecordedEvent> matching = events.stream()
			.filter((event) -> event.getEventType().getName().equals(type) && task.equals(event.getString("task")))
			.toList();
		assertThat(matching).as("%s events for %s", type, task).hasSize(1);
		return matching.get(0);
	}

}
