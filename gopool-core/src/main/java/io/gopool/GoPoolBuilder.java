package io.gopool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * Configures and builds a {@link GoPool}; obtain one from {@link GoPool#newBuilder()}.
 * Each setter checks its argument at once and throws with a message naming the setting
 * and the allowed range; rules that tie two settings together are checked by
 * {@link #build(String)}. Settings left unset take the defaults below.
 * <table>
 * <caption>Defaults</caption>
 * <tr>
 * <th>setting</th>
 * <th>default</th>
 * </tr>
 * <tr>
 * <td>{@code minWorkers}</td>
 * <td>the number of CPUs, but no more than {@code maxWorkers}</td>
 * </tr>
 * <tr>
 * <td>{@code maxWorkers}</td>
 * <td>twice the number of CPUs, but no less than {@code minWorkers}</td>
 * </tr>
 * <tr>
 * <td>{@code keepAlive}</td>
 * <td>60 seconds</td>
 * </tr>
 * <tr>
 * <td>{@code queueCapacity}</td>
 * <td>1000</td>
 * </tr>
 * <tr>
 * <td>{@code rejectionPolicy}</td>
 * <td>{@link RejectionPolicy#ABORT}</td>
 * </tr>
 * <tr>
 * <td>{@code workerType}</td>
 * <td>{@link WorkerType#PLATFORM}</td>
 * </tr>
 * <tr>
 * <td>{@code defaultPriority}</td>
 * <td>0</td>
 * </tr>
 * <tr>
 * <td>{@code defaultDeadline}</td>
 * <td>none</td>
 * </tr>
 * <tr>
 * <td>{@code blockTimeout}</td>
 * <td>10 seconds</td>
 * </tr>
 * <tr>
 * <td>{@code maxBlockedSubmitters}</td>
 * <td>1000</td>
 * </tr>
 * <tr>
 * <td>{@code stuckThreshold}</td>
 * <td>none: no stuck-task monitoring</td>
 * </tr>
 * <tr>
 * <td>{@code interruptStuckTasks}</td>
 * <td>{@code false}</td>
 * </tr>
 * <tr>
 * <td>{@code maxExtraWorkers}</td>
 * <td>0: no hand-off</td>
 * </tr>
 * </table>
 * A builder may build several pools; each gets its own copy of the settings.
 */
public final class GoPoolBuilder {

	/**
	 * The most workers a pool may have, minimum or maximum: far beyond what platform
	 * threads allow, enough for virtual workers, and a guard against a typo that would
	 * start billions of threads.
	 */
	public static final int MAX_WORKERS = 1_000_000;

	static final int UNSET = -1;

	static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

	static final int DEFAULT_QUEUE_CAPACITY = 1000;

	static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(10);

	static final int DEFAULT_MAX_BLOCKED_SUBMITTERS = 1000;

	private int minWorkers = UNSET;

	private int maxWorkers = UNSET;

	private Duration keepAlive;

	private int queueCapacity = UNSET;

	private RejectionPolicy rejectionPolicy;

	private WorkerType workerType;

	private @Nullable ThreadFactory threadFactory;

	private int defaultPriority;

	private @Nullable Duration defaultDeadline;

	private Duration blockTimeout;

	private int maxBlockedSubmitters = UNSET;

	private @Nullable Duration stuckThreshold;

	private boolean interruptStuckTasks;

	private int maxExtraWorkers;

	private Ticker ticker;

	private Thread.@Nullable UncaughtExceptionHandler uncaughtExceptionHandler;

	private @Nullable TaskDecorator taskDecorator;

	private @Nullable TaskObserver taskObserver;

	private final List<GoPoolListener> listeners = new ArrayList<>();

	GoPoolBuilder() {
	}

	/**
	 * Sets how many workers the pool starts at once and keeps however long they stay
	 * idle.
	 * @param minWorkers zero to {@value #MAX_WORKERS}
	 * @return this builder
	 * @throws IllegalArgumentException if out of range
	 */
	public GoPoolBuilder minWorkers(int minWorkers) {
		checkMinWorkers(minWorkers);
		this.minWorkers = minWorkers;
		return this;
	}

	/**
	 * Sets the most workers the pool runs at once.
	 * @param maxWorkers one to {@value #MAX_WORKERS}
	 * @return this builder
	 * @throws IllegalArgumentException if out of range
	 */
	public GoPoolBuilder maxWorkers(int maxWorkers) {
		checkMaxWorkers(maxWorkers);
		this.maxWorkers = maxWorkers;
		return this;
	}

	/**
	 * Sets how long a worker above the minimum may stay idle before it retires. Times are
	 * kept in nanoseconds, so anything beyond about 292 years is taken as that.
	 * @param keepAlive zero or more; zero retires surplus workers as soon as they are
	 * idle
	 * @return this builder
	 * @throws IllegalArgumentException if negative
	 */
	public GoPoolBuilder keepAlive(Duration keepAlive) {
		checkKeepAlive(keepAlive);
		this.keepAlive = keepAlive;
		return this;
	}

	/**
	 * Sets how many tasks may wait in the queue. Zero means direct hand-off: a task runs
	 * only if a worker is idle or may be started.
	 * @param queueCapacity zero or more
	 * @return this builder
	 * @throws IllegalArgumentException if negative
	 */
	public GoPoolBuilder queueCapacity(int queueCapacity) {
		checkQueueCapacity(queueCapacity);
		this.queueCapacity = queueCapacity;
		return this;
	}

	/**
	 * Sets what happens to a task when the pool is full.
	 * @param rejectionPolicy the policy
	 * @return this builder
	 */
	public GoPoolBuilder rejectionPolicy(RejectionPolicy rejectionPolicy) {
		this.rejectionPolicy = requireNonNull(rejectionPolicy, "rejection policy");
		return this;
	}

	/**
	 * Sets the kind of thread workers run on.
	 * @param workerType the worker type
	 * @return this builder
	 * @throws IllegalStateException for {@link WorkerType#VIRTUAL} on a JVM older than
	 * Java 21
	 */
	public GoPoolBuilder workerType(WorkerType workerType) {
		requireNonNull(workerType, "worker type");
		if (workerType == WorkerType.VIRTUAL && !WorkerType.virtualThreadsAvailable()) {
			throw new IllegalStateException("virtual worker type requires Java 21 or later (this JVM is Java "
					+ Runtime.version().feature() + ")");
		}
		this.workerType = workerType;
		return this;
	}

	/**
	 * Sets the factory that makes worker threads, in place of the one chosen by
	 * {@link #workerType(WorkerType)}. If the factory returns {@code null} or throws, the
	 * pool does not count the worker, rejects the task that needed it, and tries again on
	 * the next task.
	 * @param threadFactory the factory
	 * @return this builder
	 */
	public GoPoolBuilder threadFactory(ThreadFactory threadFactory) {
		this.threadFactory = requireNonNull(threadFactory, "thread factory");
		return this;
	}

	/**
	 * Sets the priority of tasks submitted without one.
	 * @param defaultPriority from {@value TaskOptions#MOST_URGENT} to
	 * {@value TaskOptions#LEAST_URGENT}
	 * @return this builder
	 * @throws IllegalArgumentException if out of range
	 */
	public GoPoolBuilder defaultPriority(int defaultPriority) {
		TaskOptions.checkPriority(defaultPriority, "default priority");
		this.defaultPriority = defaultPriority;
		return this;
	}

	/**
	 * Sets the deadline of tasks submitted without one: how long after submission they
	 * may still start.
	 * @param defaultDeadline positive
	 * @return this builder
	 * @throws IllegalArgumentException if zero or negative
	 */
	public GoPoolBuilder defaultDeadline(Duration defaultDeadline) {
		requireNonNull(defaultDeadline, "default deadline");
		requireArgument(!defaultDeadline.isNegative() && !defaultDeadline.isZero(),
				"default deadline must be positive (was %s)", defaultDeadline);
		this.defaultDeadline = defaultDeadline;
		return this;
	}

	/**
	 * Sets how long a submitter waits for room under {@link RejectionPolicy#BLOCK}.
	 * @param blockTimeout positive
	 * @return this builder
	 * @throws IllegalArgumentException if zero or negative
	 */
	public GoPoolBuilder blockTimeout(Duration blockTimeout) {
		requireNonNull(blockTimeout, "block timeout");
		requireArgument(!blockTimeout.isNegative() && !blockTimeout.isZero(), "block timeout must be positive (was %s)",
				blockTimeout);
		this.blockTimeout = blockTimeout;
		return this;
	}

	/**
	 * Sets how many submitters may wait at once under {@link RejectionPolicy#BLOCK};
	 * further ones are rejected at once.
	 * @param maxBlockedSubmitters one or more
	 * @return this builder
	 * @throws IllegalArgumentException if zero or negative
	 */
	public GoPoolBuilder maxBlockedSubmitters(int maxBlockedSubmitters) {
		requireArgument(maxBlockedSubmitters > 0, "max blocked submitters must be positive (was %s)",
				maxBlockedSubmitters);
		this.maxBlockedSubmitters = maxBlockedSubmitters;
		return this;
	}

	/**
	 * Turns on stuck-task monitoring: a task that runs longer than this is reported once
	 * to the listeners ({@link GoPoolListener#taskStuck}) with its worker's stack trace,
	 * and counted in {@link GoPoolLevels#stuckTasks()} until it ends. One shared monitor
	 * thread (like Go's {@code sysmon}) scans the pools that have a threshold.
	 * @param stuckThreshold positive
	 * @return this builder
	 * @throws IllegalArgumentException if zero or negative
	 */
	public GoPoolBuilder stuckThreshold(Duration stuckThreshold) {
		requireNonNull(stuckThreshold, "stuck threshold");
		requireArgument(!stuckThreshold.isNegative() && !stuckThreshold.isZero(),
				"stuck threshold must be positive (was %s)", stuckThreshold);
		this.stuckThreshold = stuckThreshold;
		return this;
	}

	/**
	 * Sets whether a task found stuck is also interrupted, once, when it is reported. The
	 * interrupt reaches only that task, never the worker's next one. Requires
	 * {@link #stuckThreshold(Duration)}.
	 * @param interruptStuckTasks whether to interrupt stuck tasks
	 * @return this builder
	 */
	public GoPoolBuilder interruptStuckTasks(boolean interruptStuckTasks) {
		this.interruptStuckTasks = interruptStuckTasks;
		return this;
	}

	/**
	 * Sets how many workers above {@code maxWorkers} the pool may start while every
	 * worker runs a stuck task and tasks wait in the queue: Go's hand-off, which keeps a
	 * pool serving while a few tasks hang. There are never more extra workers than stuck
	 * tasks, and they retire as the stuck tasks end. Requires
	 * {@link #stuckThreshold(Duration)}.
	 * @param maxExtraWorkers zero (no hand-off) to {@value #MAX_WORKERS}
	 * @return this builder
	 * @throws IllegalArgumentException if out of range
	 */
	public GoPoolBuilder maxExtraWorkers(int maxExtraWorkers) {
		requireArgument(maxExtraWorkers >= 0, "max extra workers must not be negative (was %s)", maxExtraWorkers);
		requireArgument(maxExtraWorkers <= MAX_WORKERS, "max extra workers must be at most %s (was %s)", MAX_WORKERS,
				maxExtraWorkers);
		this.maxExtraWorkers = maxExtraWorkers;
		return this;
	}

	/**
	 * Sets the time source for deadlines and wait and run times; for tests.
	 * @param ticker the ticker
	 * @return this builder
	 */
	public GoPoolBuilder ticker(Ticker ticker) {
		this.ticker = requireNonNull(ticker, "ticker");
		return this;
	}

	/**
	 * Sets the handler for what tasks given to {@code execute} throw, and for what
	 * callbacks and listeners throw. Without one, the worker thread's own
	 * uncaught-exception handler gets it, as with
	 * {@link java.util.concurrent.ThreadPoolExecutor}, but the worker survives. A handler
	 * that throws is contained: what it throws goes to the thread's handler.
	 * @param handler the handler
	 * @return this builder
	 */
	public GoPoolBuilder uncaughtExceptionHandler(Thread.UncaughtExceptionHandler handler) {
		this.uncaughtExceptionHandler = requireNonNull(handler, "uncaught exception handler");
		return this;
	}

	/**
	 * Sets the decorator that wraps each task on the submitting thread, to carry context
	 * into the worker.
	 * @param taskDecorator the decorator
	 * @return this builder
	 */
	public GoPoolBuilder taskDecorator(TaskDecorator taskDecorator) {
		this.taskDecorator = requireNonNull(taskDecorator, "task decorator");
		return this;
	}

	/**
	 * Sets the observer that follows each task from submission to its ending, with the
	 * task's identity, as a tracer needs to give each task a span; see
	 * {@link TaskObserver} for when it is called. A pool has at most one; setting another
	 * replaces it.
	 * @param taskObserver the observer
	 * @return this builder
	 */
	public GoPoolBuilder taskObserver(TaskObserver taskObserver) {
		this.taskObserver = requireNonNull(taskObserver, "task observer");
		return this;
	}

	/**
	 * Adds a listener for task events; listeners are called in the order added.
	 * @param listener the listener
	 * @return this builder
	 */
	public GoPoolBuilder listener(GoPoolListener listener) {
		this.listeners.add(requireNonNull(listener, "listener"));
		return this;
	}

	/**
	 * Builds and starts a pool: its minimum workers are started before this method
	 * returns.
	 * @param name the pool's name, used in thread names, messages and stats
	 * @return the new pool
	 * @throws IllegalArgumentException if the name is blank or
	 * {@code minWorkers > maxWorkers}
	 * @throws IllegalStateException if a thread factory is combined with virtual workers,
	 * or stuck tasks are to be interrupted or handed off without a stuck threshold
	 * @throws WorkerStartException if the minimum workers cannot be started; those
	 * already started are stopped first
	 */
	public GoPool build(String name) {
		requireNonNull(name, "pool name");
		requireArgument(!name.isBlank(), "pool name must not be blank");
		checkWorkerRange(getMinWorkers(), getMaxWorkers());
		if (this.threadFactory != null && this.workerType == WorkerType.VIRTUAL) {
			throw new IllegalStateException("thread factory and virtual worker type must not be combined");
		}
		if (this.stuckThreshold == null && this.interruptStuckTasks) {
			throw new IllegalStateException("interrupting stuck tasks requires a stuck threshold");
		}
		if (this.stuckThreshold == null && this.maxExtraWorkers > 0) {
			throw new IllegalStateException("max extra workers requires a stuck threshold");
		}
		return new WorkerPool(name, this);
	}

	/** The settings this builder resolves to, defaults filled in. */
	GoPoolSettings settings() {
		return new GoPoolSettings(getMinWorkers(), getMaxWorkers(), getKeepAlive(), getQueueCapacity(),
				getRejectionPolicy(), getWorkerType(), getDefaultPriority(), getDefaultDeadline(), getBlockTimeout(),
				getMaxBlockedSubmitters(), getStuckThreshold(), isInterruptStuckTasks(), getMaxExtraWorkers());
	}

	int getMinWorkers() {
		if (this.minWorkers != UNSET) {
			return this.minWorkers;
		}
		int cpus = Runtime.getRuntime().availableProcessors();
		return (this.maxWorkers != UNSET) ? Math.min(cpus, this.maxWorkers) : cpus;
	}

	int getMaxWorkers() {
		if (this.maxWorkers != UNSET) {
			return this.maxWorkers;
		}
		return Math.max(2 * Runtime.getRuntime().availableProcessors(), getMinWorkers());
	}

	Duration getKeepAlive() {
		return (this.keepAlive != null) ? this.keepAlive : DEFAULT_KEEP_ALIVE;
	}

	int getQueueCapacity() {
		return (this.queueCapacity != UNSET) ? this.queueCapacity : DEFAULT_QUEUE_CAPACITY;
	}

	RejectionPolicy getRejectionPolicy() {
		return (this.rejectionPolicy != null) ? this.rejectionPolicy : RejectionPolicy.ABORT;
	}

	WorkerType getWorkerType() {
		return (this.workerType != null) ? this.workerType : WorkerType.PLATFORM;
	}

	ThreadFactory getThreadFactory(String poolName) {
		if (this.threadFactory != null) {
			return this.threadFactory;
		}
		return WorkerThreads.factory(getWorkerType(), "gopool-" + poolName + "-");
	}

	int getDefaultPriority() {
		return this.defaultPriority;
	}

	@Nullable Duration getDefaultDeadline() {
		return this.defaultDeadline;
	}

	Duration getBlockTimeout() {
		return (this.blockTimeout != null) ? this.blockTimeout : DEFAULT_BLOCK_TIMEOUT;
	}

	int getMaxBlockedSubmitters() {
		return (this.maxBlockedSubmitters != UNSET) ? this.maxBlockedSubmitters : DEFAULT_MAX_BLOCKED_SUBMITTERS;
	}

	@Nullable Duration getStuckThreshold() {
		return this.stuckThreshold;
	}

	boolean isInterruptStuckTasks() {
		return this.interruptStuckTasks;
	}

	int getMaxExtraWorkers() {
		return this.maxExtraWorkers;
	}

	Ticker getTicker() {
		return (this.ticker != null) ? this.ticker : Ticker.systemTicker();
	}

	Thread.@Nullable UncaughtExceptionHandler getUncaughtExceptionHandler() {
		return this.uncaughtExceptionHandler;
	}

	@Nullable TaskDecorator getTaskDecorator() {
		return this.taskDecorator;
	}

	@Nullable TaskObserver getTaskObserver() {
		return this.taskObserver;
	}

	List<GoPoolListener> getListeners() {
		return List.copyOf(this.listeners);
	}

	/*
	 * The rules for the settings a live pool can retune: the builder's setters and the
	 * pool's tuning methods share them, so a value and its message are the same wherever
	 * it is set.
	 */

	static void checkMinWorkers(int minWorkers) {
		requireArgument(minWorkers >= 0, "min workers must not be negative (was %s)", minWorkers);
		requireArgument(minWorkers <= MAX_WORKERS, "min workers must be at most %s (was %s)", MAX_WORKERS, minWorkers);
	}

	static void checkMaxWorkers(int maxWorkers) {
		requireArgument(maxWorkers > 0, "max workers must be positive (was %s)", maxWorkers);
		requireArgument(maxWorkers <= MAX_WORKERS, "max workers must be at most %s (was %s)", MAX_WORKERS, maxWorkers);
	}

	static void checkWorkerRange(int minWorkers, int maxWorkers) {
		requireArgument(minWorkers <= maxWorkers, "min workers (%s) must not exceed max workers (%s)", minWorkers,
				maxWorkers);
	}

	static void checkKeepAlive(Duration keepAlive) {
		requireNonNull(keepAlive, "keep alive");
		requireArgument(!keepAlive.isNegative(), "keep alive must not be negative (was %s)", keepAlive);
	}

	static void checkQueueCapacity(int queueCapacity) {
		requireArgument(queueCapacity >= 0, "queue capacity must not be negative (was %s)", queueCapacity);
	}

	static void requireArgument(boolean expression, String template, Object... args) {
		if (!expression) {
			throw new IllegalArgumentException(String.format(template, args));
		}
	}

	static <T> T requireNonNull(T value, String setting) {
		return Objects.requireNonNull(value, () -> setting + " must not be null");
	}

}
