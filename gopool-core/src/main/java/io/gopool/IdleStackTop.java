package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The top of the {@link IdleWorkerStack}, after the leading padding.
 */
abstract class IdleStackTop extends PaddingAhead {

	private static final VarHandle TOP = VarHandles.find(MethodHandles.lookup(), "top", IdleWorkerStack.Node.class);

	private volatile IdleWorkerStack.Node top;

	final IdleWorkerStack.Node head() {
		return this.top;
	}

	final boolean casHead(IdleWorkerStack.Node expected, IdleWorkerStack.Node next) {
		return TOP.compareAndSet(this, expected, next);
	}

}
