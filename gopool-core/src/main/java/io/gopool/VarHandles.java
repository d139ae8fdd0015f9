package io.gopool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Finds the VarHandles the engine uses for its lock-free fields.
 */
final class VarHandles {

	private VarHandles() {
	}

	/**
	 * Finds a field's VarHandle; {@code lookup} must come from the declaring class, so
	 * that private fields are reachable.
	 */
	static VarHandle find(MethodHandles.Lookup lookup, String field, Class<?> type) {
		try {
			return lookup.findVarHandle(lookup.lookupClass(), field, type);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

}
