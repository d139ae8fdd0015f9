package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Predicate;

/**
 * The FIFO of one priority level: an unbounded lock-free queue whose elements are the
 * tasks themselves, held in linked chunks of array slots, with no node per task (after
 * the linked-array queues of JCTools; the protocol is our own).
 * <p>
 * A slot goes from empty ({@code null}) to a task exactly once, by the producer's CAS,
 * and then to {@link #TAKEN} (by the consumer that takes it) or {@link #REMOVED} (by
 * {@link #removeIf}); it is never empty again. A producer tries the first empty slot at
 * or after its hint, and a slot is filled only after every slot before it was, so all
 * slots before a filled one are filled: an empty slot at the consumer index means the
 * lane is empty, and no consumer ever waits for a producer that took a place but has not
 * stored yet. Nothing is taken before a task is stored, so a producer that fails (say,
 * out of memory for a new chunk) leaves nothing half-done behind it.
 * <p>
 * A consumer claims the task at the consumer index by CAS on its slot, then moves the
 * index on; others that find the slot taken or removed help move it. Capacity is not this
 * class's concern: the {@link TaskQueue} reserves a place before a task is offered.
 * <p>
 * Memory: chunks are linked forward only, and both hints only move forward; once they
 * have left a chunk nothing refers to it, and a taken or removed slot no longer refers to
 * its task, so a lane keeps no finished task alive.
 */
final class TaskLane {

	private static final int CHUNK_SHIFT = 8;

	private static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;

	private static final int CHUNK_MASK = CHUNK_SIZE - 1;

	/** What a slot holds once its task was taken by a consumer. */
	private static final Object TAKEN = new Object();

	/** What a slot holds once {@link #removeIf} took its task out in place. */
	private static final Object REMOVED = new Object();

	private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

	private static final VarHandle PRODUCER_CHUNK = VarHandles.find(MethodHandles.lookup(), "producerChunk",
			Chunk.class);

	private static final VarHandle CONSUMER_CHUNK = VarHandles.find(MethodHandles.lookup(), "consumerChunk",
			Chunk.class);

	/** No later than the first empty slot; on cache lines of its own. */
	private final PaddedCounter producerIndex = new PaddedCounter();

	/**
	 * The first slot not yet taken or removed, or one behind it; on cache lines of its
	 * own.
	 */
	private final PaddedCounter consumerIndex = new PaddedCounter();

	/** A chunk at or before the producer index's. */
	@SuppressWarnings("unused")
	private volatile Chunk producerChunk;

	/** A chunk at or before the consumer index's. */
	@SuppressWarnings("unused")
	private volatile Chunk consumerChunk;

	TaskLane() {
		Chunk first = new Chunk(0);
		this.producerChunk = first;
		this.consumerChunk = first;
	}

	void offer(Task task) {
		Chunk chunk = this.producerChunk;
		// Slots before a newer chunk are all filled: start at the later of the two hints.
		long index = Math.max(this.producerIndex.get(), chunk.index << CHUNK_SHIFT);
		for (;; index++) {
			chunk = chunkAt(chunk, chunkIndex(index), true);
			int slot = slot(index);
			if (SLOTS.getAcquire(chunk.slots, slot) == null && SLOTS.compareAndSet(chunk.slots, slot, null, task)) {
				break;
			}
		}
		// Hints only: a late write that moves one back costs a later producer a few
		// reads.
		this.producerIndex.setOpaque(index + 1);
		Chunk hint = this.producerChunk;
		if (hint.index < chunk.index) {
			PRODUCER_CHUNK.compareAndSet(this, hint, chunk);
		}
	}

	/** Takes the oldest task; {@code null} if the lane is empty. */
	Task poll() {
		for (;;) {
			long index = this.consumerIndex.get();
			Chunk chunk = consumerChunk(index);
			if (chunk.index != chunkIndex(index)) {
				// The index moved on while we looked: read it again.
				continue;
			}
			int slot = slot(index);
			Object element = SLOTS.getAcquire(chunk.slots, slot);
			if (element == null) {
				return null;
			}
			if (element != TAKEN && element != REMOVED) {
				if (!SLOTS.compareAndSet(chunk.slots, slot, element, TAKEN)) {
					continue;
				}
				this.consumerIndex.compareAndSet(index, index + 1);
				return (Task) element;
			}
			// Taken or removed, the index not moved on yet: help.
			this.consumerIndex.compareAndSet(index, index + 1);
		}
	}

	/** Whether a poll would find no task. */
	boolean isEmpty() {
		long index = this.consumerIndex.get();
		Chunk chunk = consumerChunk(index);
		for (index = Math.max(index, chunk.index << CHUNK_SHIFT);; index++) {
			chunk = chunkAt(chunk, chunkIndex(index), false);
			if (chunk == null) {
				return true;
			}
			Object element = SLOTS.getAcquire(chunk.slots, slot(index));
			if (element == null) {
				return true;
			}
			if (element != TAKEN && element != REMOVED) {
				return false;
			}
		}
	}

	/**
	 * Takes out in place every queued task the predicate accepts; the predicate also
	 * decides the task's fate (for example, expires it), as with
	 * {@link java.util.Collection#removeIf}, and a task a consumer takes meanwhile is
	 * that consumer's.
	 */
	void removeIf(Predicate<Task> predicate) {
		long index = this.consumerIndex.get();
		Chunk chunk = consumerChunk(index);
		for (index = Math.max(index, chunk.index << CHUNK_SHIFT);; index++) {
			chunk = chunkAt(chunk, chunkIndex(index), false);
			if (chunk == null) {
				return;
			}
			int slot = slot(index);
			Object element = SLOTS.getAcquire(chunk.slots, slot);
			if (element == null) {
				return;
			}
			if (element instanceof Task task && predicate.test(task)) {
				SLOTS.compareAndSet(chunk.slots, slot, task, REMOVED);
			}
		}
	}

	/**
	 * The chunk of a consumer's index, found from the consumers' hint, which it moves on:
	 * every slot before the index is taken or removed, so no one needs an earlier chunk.
	 * If another consumer moved the hint past it, the index is stale and the hint's chunk
	 * is returned; the caller reads the index again or starts at that chunk.
	 */
	private Chunk consumerChunk(long index) {
		Chunk hint = this.consumerChunk;
		Chunk chunk = chunkAt(hint, chunkIndex(index), true);
		if (chunk != hint) {
			CONSUMER_CHUNK.compareAndSet(this, hint, chunk);
		}
		return chunk;
	}

	/**
	 * Walks forward from {@code chunk} to the chunk numbered {@code wanted}, creating
	 * missing ones if {@code create}, or answering {@code null} if not.
	 */
	private static Chunk chunkAt(Chunk chunk, long wanted, boolean create) {
		while (chunk.index < wanted) {
			Chunk next = chunk.next;
			if (next == null) {
				if (!create) {
					return null;
				}
				Chunk fresh = new Chunk(chunk.index + 1);
				next = Chunk.NEXT.compareAndSet(chunk, null, fresh) ? fresh : chunk.next;
			}
			chunk = next;
		}
		return chunk;
	}

	private static long chunkIndex(long index) {
		return index >>> CHUNK_SHIFT;
	}

	private static int slot(long index) {
		return (int) (index & CHUNK_MASK);
	}

	/**
	 * A run of slots, numbered from {@code index * CHUNK_SIZE}.
	 */
	private static final class Chunk {

		static final VarHandle NEXT = VarHandles.find(MethodHandles.lookup(), "next", Chunk.class);

		final long index;

		final Object[] slots = new Object[CHUNK_SIZE];

		volatile Chunk next;

		Chunk(long index) {
			this.index = index;
		}

	}

}
