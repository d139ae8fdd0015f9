package io.gopool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The keys of a pool's keyed tasks ({@link TaskOptions#withKey}): for each key with
 * tasks, the one task the key has let go (queued, handed to a worker or running) and,
 * behind it in submission order, the tasks that wait for it. A waiting task holds a queue
 * place that its submitter reserved, but sits in no lane and on no worker: it is
 * "parked". When the key's task ends, whatever its outcome, the next waiting task that
 * has not ended is let go; when none is left the key is forgotten, so a key costs memory
 * only while it has tasks.
 * <p>
 * Every change to a key happens inside {@link ConcurrentHashMap#compute} on it, so a key
 * is changed by one thread at a time and never by two at once. The count of waiting tasks
 * falls when a task leaves its key's queue, which is always before its place is given
 * back: so {@code queue size - waiting} never undercounts the places of tasks that are
 * linked, or about to be, which the workers' retire check relies on.
 */
final class TaskKeys {

	/** How a keyed task was admitted. */
	enum Admission {

		/** The key had no task: this one goes on as any task. */
		FIRST,

		/** The key is busy: the task waits behind it, holding a reserved place. */
		PARKED,

		/** The key is busy and the queue has no room for the task to wait. */
		FULL

	}

	private final ConcurrentHashMap<Object, Chain> chains = new ConcurrentHashMap<>();

	private final AtomicInteger waiting = new AtomicInteger();

	/**
	 * Lets the task go if its key has no task, or parks it behind the key if a queue
	 * place can be reserved for it.
	 */
	Admission admit(Task task, TaskQueue queue) {
		Admission[] admission = new Admission[1];
		this.chains.compute(task.key, (key, chain) -> {
			if (chain == null) {
				admission[0] = Admission.FIRST;
				return new Chain(task);
			}
			if (!queue.tryReserve()) {
				admission[0] = Admission.FULL;
				return chain;
			}
			task.inQueue = true;
			task.parked = true;
			chain.waiting.add(task);
			this.waiting.incrementAndGet();
			admission[0] = Admission.PARKED;
			return chain;
		});
		return admission[0];
	}

	/**
	 * Called when a keyed task ended (or was refused). If it was its key's task, returns
	 * the next waiting task that has not ended, now the key's task (still marked parked),
	 * or forgets the key if there is none; if it was waiting, takes it out of its key's
	 * queue. Returns {@code null} if no task is to be let go.
	 */
	@Nullable Task ended(Task task) {
		Task[] next = new Task[1];
		this.chains.computeIfPresent(task.key, (key, chain) -> {
			if (chain.current != task) {
				if (chain.waiting.remove(task)) {
					this.waiting.decrementAndGet();
				}
				return chain;
			}
			for (Task candidate = chain.waiting.poll(); candidate != null; candidate = chain.waiting.poll()) {
				this.waiting.decrementAndGet();
				if (candidate.isNew()) {
					chain.current = candidate;
					next[0] = candidate;
					return chain;
				}
				// Ended while waiting (expired, cancelled): its ending gives its place
				// back.
			}
			return null;
		});
		return next[0];
	}

	/**
	 * Takes every waiting task out of its key's queue (for shutdownNow), leaving each key
	 * its current task; the tasks stay marked parked, as their places are not in a lane.
	 */
	List<Task> drainWaiting() {
		List<Task> drained = new ArrayList<>();
		for (Object key : this.chains.keySet()) {
			this.chains.computeIfPresent(key, (k, chain) -> {
				drained.addAll(chain.waiting);
				this.waiting.addAndGet(-chain.waiting.size());
				chain.waiting.clear();
				return chain;
			});
		}
		return drained;
	}

	/** How many keyed tasks wait behind their key. */
	int waiting() {
		return this.waiting.get();
	}

	/** How many keys have tasks. */
	int keys() {
		return this.chains.size();
	}

	/**
	 * Whether the key has tasks, at one instant (unlike {@link #keys()}, whose count lags
	 * the map); for tests.
	 */
	boolean hasTasks(Object key) {
		return this.chains.containsKey(key);
	}

	/**
	 * One key's tasks: the one it let go, and those waiting behind it; changed only
	 * inside {@code compute} on the key.
	 */
	private static final class Chain {

		Task current;

		final ArrayDeque<Task> waiting = new ArrayDeque<>(2);

		Chain(Task current) {
			this.current = current;
		}

	}

}
