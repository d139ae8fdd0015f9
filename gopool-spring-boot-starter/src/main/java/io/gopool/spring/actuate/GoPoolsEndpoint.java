package io.gopool.spring.actuate;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.gopool.GoPool;
import io.gopool.GoPoolLevels;
import io.gopool.GoPoolSettings;
import io.gopool.GoPoolStats;
import io.gopool.GoPoolTuning;
import io.gopool.GroupCounts;
import io.gopool.RunningTask;
import io.gopool.TaskCounts;
import io.gopool.spring.GoPoolRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code gopools} endpoint: every pool's settings and live stats; one pool by name,
 * with its in-flight view (the tasks running now, and with {@code ?stacks=true} their
 * workers' stacks); and a write operation that retunes a live pool. Like every endpoint,
 * it is not exposed over HTTP unless included in
 * {@code management.endpoints.web.exposure.include}; its access is read-only unless
 * {@code management.endpoint.gopools.access} is set to {@code unrestricted}, so that
 * exposing it does not let anyone who reaches it retune a pool. Its answers are
 * descriptor types of its own, marked {@link OperationResponseBody} so that the actuator
 * writes them with its own JSON settings whatever the application configures for Jackson.
 */
@Endpoint(id = "gopools", defaultAccess = Access.READ_ONLY)
public class GoPoolsEndpoint {

	private final GoPoolRegistry registry;

	private final Function<GoPoolSettings, Map<String, Object>> settingsView;

	/**
	 * Creates the endpoint.
	 * @param registry the pools to show
	 * @param settingsView a pool's settings as they are written in YAML, keyed by
	 * property (the starter's settings table provides it)
	 */
	public GoPoolsEndpoint(GoPoolRegistry registry, Function<GoPoolSettings, Map<String, Object>> settingsView) {
		this.registry = registry;
		this.settingsView = settingsView;
	}

	/**
	 * Returns every pool.
	 * @return the pools by name
	 */
	@ReadOperation
	public PoolsDescriptor pools() {
		Map<String, PoolDescriptor> pools = new LinkedHashMap<>();
		this.registry.pools().forEach((pool) -> pools.put(pool.name(), describe(pool, null)));
		return new PoolsDescriptor(pools);
	}

	/**
	 * Returns one pool with the tasks it is running, or {@code null} (HTTP 404) if there
	 * is no such pool.
	 * @param name the pool's name
	 * @param stacks whether to include each running task's stack trace (briefly pauses
	 * each worker thread)
	 * @return the pool or {@code null}
	 */
	@ReadOperation
	public @Nullable PoolDescriptor pool(@Selector String name, @Nullable Boolean stacks) {
		boolean withStacks = Boolean.TRUE.equals(stacks);
		return this.registry.find(name)
			.map((pool) -> describe(pool, running(pool.runningTasks(withStacks))))
			.orElse(null);
	}

	/**
	 * Retunes a live pool. Values left out keep their current setting. All values are
	 * checked before any is applied, so a refused request (HTTP 400) changes nothing.
	 * @param name the pool's name
	 * @param minWorkers the new minimum number of workers
	 * @param maxWorkers the new maximum number of workers
	 * @param keepAlive the new keep-alive time, such as {@code 30s}
	 * @param queueCapacity the new queue capacity
	 * @return the pool after the change
	 */
	@WriteOperation
	public PoolDescriptor tune(@Selector String name, @Nullable Integer minWorkers, @Nullable Integer maxWorkers,
			@Nullable String keepAlive, @Nullable Integer queueCapacity) {
		GoPool pool = this.registry.find(name)
			.orElseThrow(() -> new InvalidEndpointRequestException("no pool named '" + name + "'",
					"no pool named '" + name + "'; the pools are " + this.registry.names()));
		try {
			GoPoolTuning change = GoPoolTuning.create();
			change = (minWorkers != null) ? change.minWorkers(minWorkers) : change;
			change = (maxWorkers != null) ? change.maxWorkers(maxWorkers) : change;
			change = (keepAlive != null) ? change.keepAlive(parse(keepAlive)) : change;
			change = (queueCapacity != null) ? change.queueCapacity(queueCapacity) : change;
			pool.tune(change);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
		return describe(pool, null);
	}

	private static Duration parse(String keepAlive) {
		try {
			return DurationStyle.detectAndParse(keepAlive);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException("keep alive '" + keepAlive + "' is not a duration",
					"keep alive '" + keepAlive + "' is not a duration, such as 30s or 1m");
		}
	}

	private static List<RunningTaskDescriptor> running(List<RunningTask> tasks) {
		return tasks.stream()
			.map((task) -> new RunningTaskDescriptor(task.task(), task.priority(), task.threadName(),
					millis(task.waited()), millis(task.running()), task.stuck(),
					task.stackTrace().stream().map(StackTraceElement::toString).toList()))
			.toList();
	}

	private static StatsDescriptor stats(GoPoolStats stats) {
		GoPoolLevels levels = stats.levels();
		TaskCounts counts = stats.counts();
		GroupCounts groups = stats.groups();
		return new StatsDescriptor(levels.workers(), levels.idleWorkers(), levels.busyWorkers(),
				levels.largestWorkers(), levels.queueSize(), levels.blockedSubmitters(), levels.stuckTasks(),
				levels.waitingBehindKey(), levels.activeGroups(), counts.submitted(), counts.started(),
				counts.completed(), counts.failed(), counts.rejected(), counts.expired(), counts.cancelled(),
				counts.evicted(), counts.returned(), millis(Duration.ofNanos(counts.totalWaitNanos())),
				millis(Duration.ofNanos(counts.totalRunNanos())), groups.succeeded(), groups.failed(), groups.expired(),
				groups.cancelled());
	}

	/**
	 * A measured time in milliseconds, written as a duration is in YAML ({@code 1500ms}):
	 * one unit for every measurement, so that they compare at a glance.
	 */
	private static String millis(Duration duration) {
		return DurationStyle.SIMPLE.print(duration.truncatedTo(ChronoUnit.MILLIS), ChronoUnit.MILLIS);
	}

	private PoolDescriptor describe(GoPool pool, @Nullable List<RunningTaskDescriptor> running) {
		return new PoolDescriptor(this.settingsView.apply(pool.settings()), pool.isShutdown(), stats(pool.stats()),
				running);
	}

	/**
	 * Every pool, by name.
	 *
	 * @param pools the pools
	 */
	public record PoolsDescriptor(Map<String, PoolDescriptor> pools) implements OperationResponseBody {
	}

	/**
	 * A pool's settings and live stats.
	 *
	 * @param settings the pool's settings as they are written in YAML, keyed by property
	 * ({@code max-workers}, {@code keep-alive}: {@code 1m}); settings without a value (no
	 * stuck threshold, say) are left out
	 * @param shutdown whether the pool has been shut down
	 * @param stats the live stats
	 * @param running the tasks running now, longest-running first; only in the view of
	 * one pool
	 */
	public record PoolDescriptor(Map<String, Object> settings, boolean shutdown, StatsDescriptor stats,
			@Nullable List<RunningTaskDescriptor> running) implements OperationResponseBody {
	}

	/**
	 * A pool's levels now and its task counts so far, with times in milliseconds, written
	 * as YAML durations ({@code 1500ms}). Its fields are listed here, not taken from the
	 * core's records, so that a change in the core cannot change the endpoint's JSON by
	 * accident.
	 *
	 * @param workers the workers that exist now
	 * @param idleWorkers the workers waiting for a task
	 * @param busyWorkers the workers running a task
	 * @param largestWorkers the most workers that ever existed at once
	 * @param queueSize the tasks waiting in the queue
	 * @param blockedSubmitters the submitters waiting for room under the block policy
	 * @param stuckTasks the running tasks reported stuck
	 * @param waitingBehindKey of the queued tasks, those waiting for an earlier task of
	 * their key to end
	 * @param activeGroups the task groups with members that have not ended
	 * @param submitted the tasks accepted
	 * @param started the tasks that began to run
	 * @param completed the tasks that ran and returned
	 * @param failed the tasks that ran and threw
	 * @param rejected the tasks not accepted
	 * @param expired the tasks whose deadline passed before they started
	 * @param cancelled the tasks whose future was cancelled
	 * @param evicted the tasks evicted by the discard-oldest policy
	 * @param returned the tasks returned by a shutdown that stopped the pool
	 * @param totalWait the time started tasks waited between submission and start, summed
	 * @param totalRun the time finished tasks ran, summed
	 * @param groupsSucceeded the task groups whose members all completed
	 * @param groupsFailed the task groups a member's failure ended
	 * @param groupsExpired the task groups whose deadline passed first
	 * @param groupsCancelled the task groups closed, without a join, while members had
	 * not ended
	 */
	public record StatsDescriptor(int workers, int idleWorkers, int busyWorkers, int largestWorkers, int queueSize,
			int blockedSubmitters, int stuckTasks, int waitingBehindKey, int activeGroups, long submitted, long started,
			long completed, long failed, long rejected, long expired, long cancelled, long evicted, long returned,
			String totalWait, String totalRun, long groupsSucceeded, long groupsFailed, long groupsExpired,
			long groupsCancelled) {
	}

	/**
	 * A task a worker is running.
	 *
	 * @param task the task's name (for {@code @GoAsync} methods, the method)
	 * @param priority the task's priority
	 * @param thread the worker thread's name
	 * @param waited how long it waited in the queue, in milliseconds, such as {@code 3ms}
	 * or {@code 2000ms}
	 * @param running how long it has been running, to the millisecond
	 * @param stuck whether it has been reported stuck
	 * @param stackTrace the worker's stack, one frame a line; empty unless asked for
	 */
	public record RunningTaskDescriptor(String task, int priority, String thread, String waited, String running,
			boolean stuck, List<String> stackTrace) {
	}

}
