package io.gopool;

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
@SuppressWarnings("unused")
final class IdleWorkerStack extends IdleStackTop {

	/**
	 * Padding after the head; with {@link PaddingAhead} before it, the head has its cache
	 * lines to itself. Submitters read it on every submission, so a neighbour written by
	 * workers (a queue counter, say) would make each of those reads a miss.
	 */
	private long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

	Node push(Worker worker) {
		Node node = new Node(worker);
		Node top;
		do {
			top = head();
			node.next = top;
		}
		while (!casHead(top, node));
		return node;
	}

	boolean isEmpty() {
		return head() == null;
	}

	/**
	 * Pops nodes until a worker accepts the work; returns that worker, or {@code null} if
	 * the stack ran out.
	 */
	Worker assign(Object work) {
		for (;;) {
			Node top = head();
			if (top == null) {
				return null;
			}
			if (casHead(top, top.next) && top.worker.tryAssign(work)) {
				return top.worker;
			}
		}
	}

	/**
	 * Drops the node if it is still on top; a worker that took itself back out of
	 * idleness calls this.
	 */
	void removeIfTop(Node node) {
		casHead(node, node.next);
	}

	static final class Node {

		final Worker worker;

		Node next;

		Node(Worker worker) {
			this.worker = worker;
		}

	}

}
