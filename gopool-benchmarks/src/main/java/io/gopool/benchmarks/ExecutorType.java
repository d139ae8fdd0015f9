package io.gopool.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import io.gopool.GoPoolBuilder;
import io.gopool.TaskObserver;
import io.gopool.TaskOptions;
import io.gopool.WorkerType;
import io.gopool.spring.observation.ObservationTaskObserver;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The contenders, each built with a number of workers and a queue big enough for the
 * whole run. Every contender is driven through {@link Contender#execute(Runnable, int)},
 * whose priority only GoPool and the priority-queue executor use.
 */
public enum ExecutorType {

	/**
	 * {@code ThreadPoolExecutor} with a {@code LinkedBlockingQueue}: the usual choice,
	 * and the baseline.
	 */
	TPE_LBQ {
		@Override
		Contender create(int workers, int capacity) {
			return Contender.of(new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
					new LinkedBlockingQueue<>(capacity)));
		}
	},

	/** {@code ThreadPoolExecutor} with an {@code ArrayBlockingQueue}. */
	TPE_ABQ {
		@Override
		Contender create(int workers, int capacity) {
			return Contender
				.of(new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity)));
		}
	},

	/**
	 * {@code ThreadPoolExecutor} with a {@code PriorityBlockingQueue}, for the priority
	 * scenario.
	 */
	TPE_PBQ {
		@Override
		Contender create(int workers, int capacity) {
			ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
					new PriorityBlockingQueue<>(capacity));
			return new Contender(executor, (task, priority) -> executor.execute(new PrioritizedTask(task, priority)));
		}
	},

	/** {@code ForkJoinPool}: per-thread queues and work stealing. */
	FORK_JOIN {
		@Override
		Contender create(int workers, int capacity) {
			return Contender.of(new ForkJoinPool(workers));
		}
	},

	/** A virtual thread per task, unbounded (Java 21+). */
	VIRTUAL_PER_TASK {
		@Override
		Contender create(int workers, int capacity) {
			return Contender.of(VirtualThreads.perTaskExecutor());
		}
	},

	/**
	 * A virtual thread per task, at most {@code workers} running, limited by a semaphore
	 * (Java 21+).
	 */
	VIRTUAL_SEMAPHORE {
		@Override
		Contender create(int workers, int capacity) {
			ExecutorService executor = VirtualThreads.perTaskExecutor();
			Semaphore permits = new Semaphore(workers);
			return new Contender(executor, (task, priority) -> executor.execute(() -> {
				permits.acquireUninterruptibly();
				try {
					task.run();
				}
				finally {
					permits.release();
				}
			}));
		}
	},

	/**
	 * Spring's {@code ThreadPoolTaskExecutor}, driven through its own {@code execute}.
	 */
	SPRING_TPTE {
		@Override
		Contender create(int workers, int capacity) {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(workers);
			executor.setMaxPoolSize(workers);
			executor.setQueueCapacity(capacity);
			executor.initialize();
			return new Contender(executor.getThreadPoolExecutor(), (task, priority) -> executor.execute(task));
		}
	},

	/** GoPool with platform workers. */
	GOPOOL {
		@Override
		Contender create(int workers, int capacity) {
			return goPool(WorkerType.PLATFORM, workers, capacity);
		}
	},

	/**
	 * GoPool with platform workers and an Observation per task, recorded by Micrometer's
	 * meter handler (a timer per pool, task name and outcome), as the starter sets it up
	 * in an application with the actuator: what {@code gopool.observations.enabled}
	 * costs.
	 */
	GOPOOL_OBSERVED {
		@Override
		Contender create(int workers, int capacity) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			return goPool(WorkerType.PLATFORM, workers, capacity, new ObservationTaskObserver(registry, null));
		}
	},

	/** GoPool with virtual workers (Java 21+). */
	GOPOOL_VIRTUAL {
		@Override
		Contender create(int workers, int capacity) {
			return goPool(WorkerType.VIRTUAL, workers, capacity);
		}
	};

	private static final TaskOptions[] PRIORITIES = new TaskOptions[TaskOptions.LEAST_URGENT - TaskOptions.MOST_URGENT
			+ 1];

	static {
		for (int i = 0; i < PRIORITIES.length; i++) {
			PRIORITIES[i] = TaskOptions.defaults().withPriority(TaskOptions.MOST_URGENT + i);
		}
	}

	abstract Contender create(int workers, int capacity);

	private static Contender goPool(WorkerType type, int workers, int capacity) {
		return goPool(type, workers, capacity, null);
	}

	private static Contender goPool(WorkerType type, int workers, int capacity, @Nullable TaskObserver observer) {
		GoPoolBuilder builder = GoPool.newBuilder()
			.workerType(type)
			.minWorkers(workers)
			.maxWorkers(workers)
			.queueCapacity(capacity);
		if (observer != null) {
			builder.taskObserver(observer);
		}
		GoPool pool = builder.build("bench");
		return new Contender(pool, (task, priority) -> {
			if (priority == Contender.NO_PRIORITY) {
				pool.execute(task);
			}
			else {
				pool.execute(task, PRIORITIES[priority - TaskOptions.MOST_URGENT]);
			}
		});
	}

	/**
	 * A task for the priority queue: lower value first, as in GoPool.
	 */
	static final class PrioritizedTask implements Runnable, Comparable<PrioritizedTask> {

		private final Runnable task;

		private final int priority;

		PrioritizedTask(Runnable task, int priority) {
			this.task = task;
			this.priority = priority;
		}

		@Override
		public void run() {
			this.task.run();
		}

		@Override
		public int compareTo(PrioritizedTask other) {
			return Integer.compare(this.priority, other.priority);
		}

	}

}
