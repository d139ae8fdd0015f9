package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The fields of a {@link PaddedCounter}, after the leading padding.
 */
abstract class PaddedCounterFields extends PaddingAhead {

	static final VarHandle VALUE = VarHandles.find(MethodHandles.lookup(), "value", long.class);

	static final VarHandle NOTE = VarHandles.find(MethodHandles.lookup(), "note", long.class);

	@SuppressWarnings("unused")
	private volatile long value;

	@SuppressWarnings("unused")
	private long note;

}
