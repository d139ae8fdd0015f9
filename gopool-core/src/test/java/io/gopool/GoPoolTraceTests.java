package io.gopool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Timeout(60)
class GoPoolTraceTests {

	@Test
	void aLineShowsTheStateAndWhatChangedSinceThePreviousLine() throws Exception {
		Gate gate = new Gate(1);
		try (GoPool pool = GoPool.newBuilder().minWorkers(1).maxWorkers(1).queueCapacity(2).build("traced")) {
			GoPoolStats before = pool.stats();
			pool.execute(gate.task());
			gate.awaitEntered();
			pool.execute(() -> {
			});
			pool.execute(() -> {
			});
			assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> pool.execute(() -> {
			}));
			String line = GoPoolTrace.line(before, pool.stats(), pool.settings().queueCapacity(), pool.waitHistogram(),
					Duration.ofMillis(1000));
			assertThat(line)
				.startsWith("GOPOOL 1000ms traced: workers=1 idle=0 busy=1 stuck=0 queue=2/2 done=+0 failed=+0 "
						+ "rejected=+1 expired=+0 wait.p99=");
			gate.open();
		}
	}

	@Test
	@SuppressWarnings("try") // the trace writes while it is open; the body only reads
	void theTraceWritesALinePerPoolUntilClosed() throws Exception {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		try (GoPool first = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("first");
				GoPool second = GoPool.newBuilder().minWorkers(0).maxWorkers(1).build("second")) {
			first.submit(() -> "done").get(10, TimeUnit.SECONDS);
			try (GoPoolTrace trace = GoPoolTrace.start(Duration.ofMillis(20), () -> List.of(first, second),
					lines::add)) {
				String firstLine = lines.poll(10, TimeUnit.SECONDS);
				String secondLine = lines.poll(10, TimeUnit.SECONDS);
				assertThat(firstLine).contains(" first: ").contains("done=+1");
				assertThat(secondLine).contains(" second: ").contains("done=+0");
				assertThat(lines.poll(10, TimeUnit.SECONDS)).contains(" first: ").contains("done=+0");
			}
		}
	}

	@Test
	void waitsArePrintedWithThreeFiguresInAUnitThatSuitsThem() {
		assertThat(GoPoolTrace.format(Duration.ofNanos(640))).isEqualTo("640ns");
		assertThat(GoPoolTrace.format(Duration.ofNanos(24_700))).isEqualTo("24.7us");
		assertThat(GoPoolTrace.format(Duration.ofNanos(4_120_000))).isEqualTo("4.1ms");
		assertThat(GoPoolTrace.format(Duration.ofMillis(2500))).isEqualTo("2.50s");
	}

	@Test
	void anIntervalUnderAMillisecondIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GoPoolTrace.start(Duration.ofNanos(10), List::of, (line) -> {
			}))
			.withMessage("trace interval must be at least 1ms (was PT0.00000001S)");
	}

}
