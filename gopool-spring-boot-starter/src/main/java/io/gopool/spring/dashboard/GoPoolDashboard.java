package io.gopool.spring.dashboard;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.gopool.DurationHistogram;
import io.gopool.GoPool;
import io.gopool.GoPoolLevels;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolStats;
import io.gopool.RunningTask;
import io.gopool.TaskCounts;
import io.gopool.spring.GoPoolRegistry;

/**
 * Samples every pool at a fixed interval on one daemon thread and keeps the last few
 * minutes, so that the dashboard page shows history as soon as it opens; the page then
 * polls {@link #data(long)} for samples newer than the last it has. Sampling reads each
 * pool's stats and wait histogram, which costs the pools nothing on their hot path.
 */
public final class GoPoolDashboard implements AutoCloseable {

	/** The most running tasks listed per pool, longest-running first. */
	static final int MAX_RUNNING = 25;

	private final GoPoolRegistry registry;

	private final Function<GoPoolSettings, Map<String, Object>> settingsView;

	private final String path;

	private final Duration sampleInterval;

	private final int capacity;

	private final LongSupplier clock;

	private final Map<String, History> histories = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sampler;

	/**
	 * Creates the dashboard and starts sampling.
	 * @param registry the pools
	 * @param settingsView a pool's settings as they are written in YAML, keyed by
	 * property (the starter's settings table provides it)
	 * @param path where the page is served, such as {@code /gopool}
	 * @param sampleInterval how often to sample
	 * @param history how much history to keep
	 */
	public GoPoolDashboard(GoPoolRegistry registry, Function<GoPoolSettings, Map<String, Object>> settingsView,
			String path, Duration sampleInterval, Duration history) {
		this(registry, settingsView, path, sampleInterval, history, System::currentTimeMillis, true);
	}

	GoPoolDashboard(GoPoolRegistry registry, Function<GoPoolSettings, Map<String, Object>> settingsView, String path,
			Duration sampleInterval, Duration history, LongSupplier clock, boolean start) {
		this.registry = registry;
		this.settingsView = settingsView;
		this.path = path;
		this.sampleInterval = sampleInterval;
		this.capacity = (int) Math.max(1, history.toMillis() / Math.max(1, sampleInterval.toMillis()));
		this.clock = clock;
		this.sampler = start ? startSampling() : null;
	}

	private ScheduledExecutorService startSampling() {
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "gopool-dashboard");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = this.sampleInterval.toNanos();
		sampler.scheduleAtFixedRate(this::sampleQuietly, 0, nanos, TimeUnit.NANOSECONDS);
		return sampler;
	}

	private void sampleQuietly() {
		try {
			sample();
		}
		catch (RuntimeException ex) {
			// A failed sample leaves a gap in the charts; the next one may succeed.
		}
	}

	/** Takes one sample of every pool; called by the sampling thread, and by tests. */
	void sample() {
		long now = this.clock.getAsLong();
		for (GoPool pool : this.registry.pools()) {
			this.histories.computeIfAbsent(pool.name(), (name) -> new History(this.capacity))
				.add(now, pool.stats(), pool.settings().queueCapacity(), pool.waitHistogram());
		}
	}

	/**
	 * Returns every pool's settings, the samples taken after the given time, and the
	 * tasks running now.
	 * @param since the time of the newest sample the caller has, in epoch milliseconds (0
	 * for all)
	 * @return the data
	 */
	public DashboardData data(long since) {
		List<PoolView> pools = new ArrayList<>();
		for (GoPool pool : this.registry.pools()) {
			History history = this.histories.get(pool.name());
			List<Sample> samples = (history != null) ? history.since(since) : List.of();
			List<RunningTaskView> running = pool.runningTasks(false)
				.stream()
				.limit(MAX_RUNNING)
				.map(RunningTaskView::of)
				.toList();
			pools.add(new PoolView(pool.name(), this.settingsView.apply(pool.settings()), pool.isShutdown(), samples,
					running));
		}
		return new DashboardData(this.clock.getAsLong(), this.sampleInterval.toMillis(),
				this.capacity * this.sampleInterval.toMillis(), pools);
	}

	/**
	 * Returns the path the page is served at; its data is under {@code <path>/data}.
	 * @return the path, such as {@code /gopool}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Stops sampling.
	 */
	@Override
	public void close() {
		if (this.sampler != null) {
			this.sampler.shutdownNow();
		}
	}

	/**
	 * What the dashboard page polls.
	 *
	 * @param now the server's time, in epoch milliseconds
	 * @param sampleIntervalMillis how often pools are sampled
	 * @param historyMillis how much history is kept
	 * @param pools every pool
	 */
	public record DashboardData(long now, long sampleIntervalMillis, long historyMillis, List<PoolView> pools) {
	}

	/**
	 * One pool on the dashboard.
	 *
	 * @param name the pool's name
	 * @param settings its settings as they are written in YAML, keyed by property; unset
	 * ones left out
	 * @param shutdown whether it has been shut down
	 * @param samples its samples after the time asked for, oldest first
	 * @param running the tasks it is running now, longest-running first (at most 25)
	 */
	public record PoolView(String name, Map<String, Object> settings, boolean shutdown, List<Sample> samples,
			List<RunningTaskView> running) {
	}

	/**
	 * A pool at one moment; rates are per second over the interval before it.
	 *
	 * @param time when it was taken, in epoch milliseconds
	 * @param workers the workers
	 * @param busy the workers running a task
	 * @param queued the tasks in the queue
	 * @param queueCapacity the queue's capacity
	 * @param stuck the tasks reported stuck
	 * @param completed tasks completed per second
	 * @param failed tasks failed per second
	 * @param rejected tasks rejected per second
	 * @param expired tasks expired per second
	 * @param waitP99Millis the 99th percentile queue wait of the tasks started in the
	 * interval, in milliseconds
	 * @param waitingBehindKey of the queued tasks, those waiting for an earlier task of
	 * their key to end
	 * @param activeGroups the task groups with members that have not ended
	 */
	public record Sample(long time, int workers, int busy, int queued, int queueCapacity, int stuck, double completed,
			double failed, double rejected, double expired, double waitP99Millis, int waitingBehindKey,
			int activeGroups) {
	}

	/**
	 * A running task.
	 *
	 * @param task its name
	 * @param thread its worker thread
	 * @param runningMillis how long it has been running
	 * @param stuck whether it has been reported stuck
	 */
	public record RunningTaskView(String task, String thread, long runningMillis, boolean stuck) {

		static RunningTaskView of(RunningTask task) {
			return new RunningTaskView(task.task(), task.threadName(), task.running().toMillis(), task.stuck());
		}

	}

	/**
	 * A pool's samples: a ring of the newest ones.
	 */
	private static final class History {

		private final int capacity;

		private final Deque<Sample> samples = new ArrayDeque<>();

		private long lastTime;

		private TaskCounts lastCounts;

		private DurationHistogram lastWaits = DurationHistogram.empty();

		History(int capacity) {
			this.capacity = capacity;
		}

		synchronized void add(long time, GoPoolStats stats, int queueCapacity, DurationHistogram waits) {
			if (this.lastCounts != null && time > this.lastTime) {
				double seconds = (time - this.lastTime) / 1000.0;
				GoPoolLevels levels = stats.levels();
				TaskCounts counts = stats.counts().since(this.lastCounts);
				this.samples.addLast(new Sample(time, levels.workers(), levels.busyWorkers(), levels.queueSize(),
						queueCapacity, levels.stuckTasks(), counts.completed() / seconds, counts.failed() / seconds,
						counts.rejected() / seconds, counts.expired() / seconds,
						waits.since(this.lastWaits).valueAtQuantile(0.99).toNanos() / 1e6, levels.waitingBehindKey(),
						levels.activeGroups()));
				if (this.samples.size() > this.capacity) {
					this.samples.removeFirst();
				}
			}
			this.lastTime = time;
			this.lastCounts = stats.counts();
			this.lastWaits = waits;
		}

		synchronized List<Sample> since(long time) {
			return this.samples.stream().filter((sample) -> sample.time() > time).toList();
		}

	}

}
