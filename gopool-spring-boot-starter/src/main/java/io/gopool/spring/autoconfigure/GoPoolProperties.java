package io.gopool.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gopool.RejectionPolicy;
import io.gopool.WorkerType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for GoPool pools. Every value is checked in one step before
 * any bean is created: a value GoPool cannot use fails startup with an
 * {@link InvalidGoPoolPropertyException} that names its property.
 */
@ConfigurationProperties("gopool")
public class GoPoolProperties {

	/**
	 * Settings that every pool inherits unless it sets its own.
	 */
	private final Pool defaults = new Pool();

	/**
	 * Pools by name; each becomes a GoPool bean of that name.
	 */
	private final Map<String, Pool> pools = new LinkedHashMap<>();

	/**
	 * Whether to carry the submitting thread's logging MDC and Micrometer
	 * context-propagation thread locals (tracing, for one) into pool tasks, and clear
	 * them after each task.
	 */
	private boolean propagateContext = true;

	private final Shutdown shutdown = new Shutdown();

	private final Health health = new Health();

	private final Trace trace = new Trace();

	private final Observations observations = new Observations();

	private final Dashboard dashboard = new Dashboard();

	private final Web web = new Web();

	/**
	 * Name of the pool that becomes the application's task executor: it backs Spring
	 * Boot's applicationTaskExecutor (plain @Async, Spring MVC async requests,
	 * WebSocket), and Boot's own executor backs off. Unset, nothing changes.
	 */
	private @Nullable String applicationExecutor;

	/**
	 * How often to log, per pool, one line with the tasks it rejected and let expire
	 * since the last line (no stack traces; counters and metrics carry the rest). Zero
	 * turns it off.
	 */
	private Duration overloadLogInterval = Duration.ofSeconds(10);

	public Pool getDefaults() {
		return this.defaults;
	}

	public Map<String, Pool> getPools() {
		return this.pools;
	}

	public boolean isPropagateContext() {
		return this.propagateContext;
	}

	public void setPropagateContext(boolean propagateContext) {
		this.propagateContext = propagateContext;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Health getHealth() {
		return this.health;
	}

	public Trace getTrace() {
		return this.trace;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Dashboard getDashboard() {
		return this.dashboard;
	}

	public Web getWeb() {
		return this.web;
	}

	public @Nullable String getApplicationExecutor() {
		return this.applicationExecutor;
	}

	public void setApplicationExecutor(@Nullable String applicationExecutor) {
		this.applicationExecutor = applicationExecutor;
	}

	public Duration getOverloadLogInterval() {
		return this.overloadLogInterval;
	}

	public void setOverloadLogInterval(Duration overloadLogInterval) {
		this.overloadLogInterval = overloadLogInterval;
	}

	/**
	 * Settings of one pool. Settings left unset take the value under
	 * {@code gopool.defaults}, and failing that the GoPool default.
	 */
	public static class Pool {

		/**
		 * Workers started at once and kept however long they are idle. Defaults to the
		 * number of CPUs, but no more than max-workers.
		 */
		private @Nullable Integer minWorkers;

		/**
		 * Most workers running at once. Defaults to twice the number of CPUs, but no less
		 * than min-workers.
		 */
		private @Nullable Integer maxWorkers;

		/**
		 * How long a worker above the minimum stays idle before it retires. Defaults to
		 * 60s.
		 */
		private @Nullable Duration keepAlive;

		/**
		 * Most tasks waiting in the queue; 0 means direct hand-off. Defaults to 1000.
		 */
		private @Nullable Integer queueCapacity;

		/**
		 * What happens to a task when every worker is busy and the queue is full.
		 * Defaults to abort.
		 */
		private @Nullable RejectionPolicy rejectionPolicy;

		/**
		 * Kind of thread the workers run on; virtual needs Java 21 or later. Defaults to
		 * platform, or to virtual when spring.threads.virtual.enabled is set on Java 21
		 * or later.
		 */
		private @Nullable WorkerType workerType;

		/**
		 * Priority of tasks submitted without one, from -20 (most urgent) to 19 (least).
		 * Defaults to 0.
		 */
		private @Nullable Integer defaultPriority;

		/**
		 * How long after submission a task without a deadline of its own may still start.
		 * None by default.
		 */
		private @Nullable Duration defaultDeadline;

		/**
		 * How long a submitter waits for room under the block rejection policy. Defaults
		 * to 10s.
		 */
		private @Nullable Duration blockTimeout;

		/**
		 * Most submitters waiting at once under the block rejection policy. Defaults to
		 * 1000.
		 */
		private @Nullable Integer maxBlockedSubmitters;

		/**
		 * How long a task may run before it is reported stuck: logged once with its
		 * worker's stack trace and counted in the gopool.tasks.stuck gauge. Off by
		 * default.
		 */
		private @Nullable Duration stuckThreshold;

		/**
		 * Whether a task found stuck is also interrupted, once. Needs stuck-threshold.
		 * Defaults to false.
		 */
		private @Nullable Boolean interruptStuckTasks;

		/**
		 * Most workers above max-workers that the pool may start while every worker runs
		 * a stuck task and tasks are queued (hand-off). Needs stuck-threshold. Defaults
		 * to 0.
		 */
		private @Nullable Integer maxExtraWorkers;

		public @Nullable Integer getMinWorkers() {
			return this.minWorkers;
		}

		public void setMinWorkers(@Nullable Integer minWorkers) {
			this.minWorkers = minWorkers;
		}

		public @Nullable Integer getMaxWorkers() {
			return this.maxWorkers;
		}

		public void setMaxWorkers(@Nullable Integer maxWorkers) {
			this.maxWorkers = maxWorkers;
		}

		public @Nullable Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(@Nullable Duration keepAlive) {
			this.keepAlive = keepAlive;
		}

		public @Nullable Integer getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(@Nullable Integer queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public @Nullable RejectionPolicy getRejectionPolicy() {
			return this.rejectionPolicy;
		}

		public void setRejectionPolicy(@Nullable RejectionPolicy rejectionPolicy) {
			this.rejectionPolicy = rejectionPolicy;
		}

		public @Nullable WorkerType getWorkerType() {
			return this.workerType;
		}

		public void setWorkerType(@Nullable WorkerType workerType) {
			this.workerType = workerType;
		}

		public @Nullable Integer getDefaultPriority() {
			return this.defaultPriority;
		}

		public void setDefaultPriority(@Nullable Integer defaultPriority) {
			this.defaultPriority = defaultPriority;
		}

		public @Nullable Duration getDefaultDeadline() {
			return this.defaultDeadline;
		}

		public void setDefaultDeadline(@Nullable Duration defaultDeadline) {
			this.defaultDeadline = defaultDeadline;
		}

		public @Nullable Duration getBlockTimeout() {
			return this.blockTimeout;
		}

		public void setBlockTimeout(@Nullable Duration blockTimeout) {
			this.blockTimeout = blockTimeout;
		}

		public @Nullable Integer getMaxBlockedSubmitters() {
			return this.maxBlockedSubmitters;
		}

		public void setMaxBlockedSubmitters(@Nullable Integer maxBlockedSubmitters) {
			this.maxBlockedSubmitters = maxBlockedSubmitters;
		}

		public @Nullable Duration getStuckThreshold() {
			return this.stuckThreshold;
		}

		public void setStuckThreshold(@Nullable Duration stuckThreshold) {
			this.stuckThreshold = stuckThreshold;
		}

		public @Nullable Boolean getInterruptStuckTasks() {
			return this.interruptStuckTasks;
		}

		public void setInterruptStuckTasks(@Nullable Boolean interruptStuckTasks) {
			this.interruptStuckTasks = interruptStuckTasks;
		}

		public @Nullable Integer getMaxExtraWorkers() {
			return this.maxExtraWorkers;
		}

		public void setMaxExtraWorkers(@Nullable Integer maxExtraWorkers) {
			this.maxExtraWorkers = maxExtraWorkers;
		}

	}

	/**
	 * What happens to pools when the application context closes.
	 */
	public static class Shutdown {

		/**
		 * How long to let pools finish their queued and running tasks when the
		 * application context closes, before the rest are stopped and reported.
		 * Shortened, with a warning, to fit in
		 * spring.lifecycle.timeout-per-shutdown-phase (30s by default) less 2s for
		 * stopping and reporting what is left.
		 */
		private Duration awaitTerminationPeriod = Duration.ofSeconds(25);

		public Duration getAwaitTerminationPeriod() {
			return this.awaitTerminationPeriod;
		}

		public void setAwaitTerminationPeriod(Duration awaitTerminationPeriod) {
			this.awaitTerminationPeriod = awaitTerminationPeriod;
		}

	}

	/**
	 * When a pool's health shows it saturated.
	 */
	public static class Health {

		/**
		 * Queue fill, from 0 to 1, above which a pool is saturated.
		 */
		private double queueFillThreshold = 0.9;

		/**
		 * How long after a rejection a pool still counts as saturated.
		 */
		private Duration rejectionWindow = Duration.ofSeconds(10);

		/**
		 * Health status of a saturated pool. UP (the default) keeps saturation out of the
		 * application's health; OUT_OF_SERVICE makes a saturated pool shed traffic.
		 */
		private String saturatedStatus = "UP";

		public double getQueueFillThreshold() {
			return this.queueFillThreshold;
		}

		public void setQueueFillThreshold(double queueFillThreshold) {
			this.queueFillThreshold = queueFillThreshold;
		}

		public Duration getRejectionWindow() {
			return this.rejectionWindow;
		}

		public void setRejectionWindow(Duration rejectionWindow) {
			this.rejectionWindow = rejectionWindow;
		}

		public String getSaturatedStatus() {
			return this.saturatedStatus;
		}

		public void setSaturatedStatus(String saturatedStatus) {
			this.saturatedStatus = saturatedStatus;
		}

	}

	/**
	 * A periodic one-line summary per pool in the log, like Go's GODEBUG=schedtrace.
	 */
	public static class Trace {

		/**
		 * How often to log a line per pool to the 'io.gopool.trace' logger; off when
		 * unset.
		 */
		private @Nullable Duration interval;

		public @Nullable Duration getInterval() {
			return this.interval;
		}

		public void setInterval(@Nullable Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * A Micrometer Observation per task, when an ObservationRegistry is present.
	 */
	public static class Observations {

		/**
		 * Whether each task runs inside an Observation named 'gopool.task' (a span per
		 * task with a tracer), a child of the submitter's current observation.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The live dashboard page, served by the application itself.
	 */
	public static class Dashboard {

		/**
		 * Whether to serve the dashboard page and its data (Spring MVC or WebFlux
		 * applications).
		 */
		private boolean enabled;

		/**
		 * Path of the dashboard page; its data is served under the same path.
		 */
		private String path = "/gopool";

		/**
		 * How often each pool is sampled for the dashboard's charts.
		 */
		private Duration sampleInterval = Duration.ofSeconds(1);

		/**
		 * How much history the dashboard's charts keep and show.
		 */
		private Duration history = Duration.ofMinutes(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getSampleInterval() {
			return this.sampleInterval;
		}

		public void setSampleInterval(Duration sampleInterval) {
			this.sampleInterval = sampleInterval;
		}

		public Duration getHistory() {
			return this.history;
		}

		public void setHistory(Duration history) {
			this.history = history;
		}

	}

	/**
	 * How web requests whose task a pool did not run are answered.
	 */
	public static class Web {

		/**
		 * Whether a request whose task a pool rejected answers 503 and one whose task
		 * expired answers 504, as RFC 9457 problem details (Spring MVC and WebFlux),
		 * rather than 500. The application's own exception handlers win either way.
		 */
		private boolean problemDetails = true;

		/**
		 * What the Retry-After header of a 503 says, rounded up to whole seconds; zero
		 * leaves the header out.
		 */
		private Duration retryAfter = Duration.ofSeconds(1);

		public boolean isProblemDetails() {
			return this.problemDetails;
		}

		public void setProblemDetails(boolean problemDetails) {
			this.problemDetails = problemDetails;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

	}

}
