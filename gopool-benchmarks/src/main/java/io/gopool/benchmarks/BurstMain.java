package io.gopool.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.gopool.GoPool;
import io.gopool.WorkerType;

/**
 * Scenario C, one contender per JVM so that peak memory can be measured from outside: a
 * million tasks that each sleep 10 ms, submitted as fast as possible; prints how long the
 * whole burst took to drain. {@code run.sh} runs each contender under GNU {@code time -v}
 * for its peak RSS.
 * <p>
 * Run:
 * {@code java -cp target/benchmarks.jar io.gopool.benchmarks.BurstMain GOPOOL_VIRTUAL}
 * (Java 21+ for the virtual-thread contenders).
 */
public final class BurstMain {

	static final int TASKS = 1_000_000;

	static final int LIMIT = 10_000;

	private BurstMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		String contender = args[0];
		CountDownLatch done = new CountDownLatch(TASKS);
		Runnable sleeper = () -> {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			done.countDown();
		};
		long start = System.nanoTime();
		ExecutorService executor = switch (contender) {
			case "GOPOOL_VIRTUAL" -> {
				GoPool pool = GoPool.newBuilder()
					.workerType(WorkerType.VIRTUAL)
					.minWorkers(0)
					.maxWorkers(LIMIT)
					.queueCapacity(TASKS)
					.build("burst");
				submitAll(pool, sleeper);
				yield pool;
			}
			case "VIRTUAL_PER_TASK" -> {
				ExecutorService perTask = VirtualThreads.perTaskExecutor();
				submitAll(perTask, sleeper);
				yield perTask;
			}
			case "VIRTUAL_SEMAPHORE" -> {
				ExecutorService perTask = VirtualThreads.perTaskExecutor();
				Semaphore permits = new Semaphore(LIMIT);
				submitAll(perTask, () -> {
					permits.acquireUninterruptibly();
					try {
						sleeper.run();
					}
					finally {
						permits.release();
					}
				});
				yield perTask;
			}
			case "TPE_200" -> {
				ThreadPoolExecutor tpe = new ThreadPoolExecutor(200, 200, 60, TimeUnit.SECONDS,
						new LinkedBlockingQueue<>());
				submitAll(tpe, sleeper);
				yield tpe;
			}
			default -> throw new IllegalArgumentException("unknown contender " + contender);
		};
		done.await();
		long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		executor.shutdown();
		System.out.println("drain-ms " + drainMillis);
	}

	private static void submitAll(ExecutorService executor, Runnable task) {
		for (int i = 0; i < TASKS; i++) {
			executor.execute(task);
		}
	}

}
