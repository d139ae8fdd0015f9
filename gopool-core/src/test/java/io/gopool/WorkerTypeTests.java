package io.gopool;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

import io.gopool.testing.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Virtual workers need Java 21; CI runs this module on Java 17 and on Java 25 so both
 * branches run.
 */
@Timeout(60)
class WorkerTypeTests {

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualWorkersOnAnOlderJavaFailAtTheSetterWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> GoPool.newBuilder().workerType(WorkerType.VIRTUAL))
			.withMessage("virtual worker type requires Java 21 or later (this JVM is Java "
					+ Runtime.version().feature() + ")");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void virtualWorkersRunTasksOnNamedVirtualThreadsWithTheSameSemantics() throws Exception {
		Method isVirtual = Thread.class.getMethod("isVirtual");
		Gate gate = new Gate(3);
		try (GoPool pool = GoPool.newBuilder()
			.workerType(WorkerType.VIRTUAL)
			.minWorkers(1)
			.maxWorkers(3)
			.queueCapacity(2)
			.build("vt")) {
			assertThat(pool.submit(() -> (Boolean) isVirtual.invoke(Thread.currentThread())).get(10, TimeUnit.SECONDS))
				.isTrue();
			assertThat(pool.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
				.startsWith("gopool-vt-");
			for (int i = 0; i < 3; i++) {
				pool.execute(gate.task());
			}
			gate.awaitEntered();
			pool.execute(() -> {
			});
			pool.execute(() -> {
			});
			org.assertj.core.api.Assertions.assertThatExceptionOfType(TaskRejectedException.class)
				.isThrownBy(() -> pool.execute(() -> {
				}));
			GoPoolStats stats = pool.stats();
			assertThat(stats.levels().workers()).isEqualTo(3);
			assertThat(stats.levels().queueSize()).isEqualTo(2);
			// The in-flight view sees virtual workers and their stacks too.
			assertThat(pool.runningTasks(true)).hasSize(3)
				.allSatisfy((task) -> assertThat(task.stackTrace()).extracting(StackTraceElement::getClassName)
					.contains(Gate.class.getName()));
			gate.open();
		}
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void manyVirtualWorkersHoldThousandsOfBlockedTasksAtOnce() throws Exception {
		int workers = 2_000;
		Gate gate = new Gate(workers);
		try (GoPool pool = GoPool.newBuilder()
			.workerType(WorkerType.VIRTUAL)
			.minWorkers(0)
			.maxWorkers(workers)
			.queueCapacity(0)
			.build("vt-many")) {
			for (int i = 0; i < workers; i++) {
				pool.execute(gate.task());
			}
			gate.awaitEntered();
			assertThat(pool.stats().levels().busyWorkers()).isEqualTo(workers);
			gate.open();
		}
	}

}
