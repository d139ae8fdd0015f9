package io.gopool;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The idle workers, most recently idle on top (LIFO, as in ants' worker stack): hot
 * workers are reused and the ones at the bottom stay idle long enough to retire after
 * keep-alive.
 * <p>
 * A lock-free Treiber stack. Every push allocates a fresh node and a node is never pushed
 * twice, so the head CAS cannot suffer ABA. Nodes are only hints: the authority on
 * whether a worker takes work is the CAS on its {@link Worker#tryAssign slot}. A node
 * whose worker has since retired, been woken through another node, or gone busy is simply
 * dropped when popped.
 */
final class IdleWorkerStack {

	static final class Node {

		final Worker worker;

		Node next;

		Node(Worker worker) {
			this.worker = worker;
		}

	}

	private final AtomicReference<Node> head = new AtomicReference<>();

	Node push(Worker worker) {
		Node node = new Node(worker);
		Node top;
		do {
			top = this.head.get();
			node.next = top;
		}
		while (!this.head.compareAndSet(top, node));
		return node;
	}

	boolean isEmpty() {
		return this.head.get() == null;
	}

	/**
	 * Pops nodes until a worker accepts the work; returns that worker, or {@code null} if
	 * the stack ran out.
	 */
	Worker assign(Object work) {
		for (;;) {
			Node top = this.head.get();
			if (top == null) {
				return null;
			}
			if (this.head.compareAndSet(top, top.next) && top.worker.tryAssign(work)) {
				return top.worker;
			}
		}
	}

	/**
	 * Drops the node if it is still on top; a worker that took itself back out of
	 * idleness calls this.
	 */
	void removeIfTop(Node node) {
		this.head.compareAndSet(node, node.next);
	}

}
