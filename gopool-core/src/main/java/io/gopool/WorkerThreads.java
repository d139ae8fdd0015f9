package io.gopool;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes worker threads. The library is compiled for Java 17, so virtual threads are
 * reached through method handles, resolved once, when the first virtual pool is built on
 * Java 21+.
 */
final class WorkerThreads {

	private WorkerThreads() {
	}

	static ThreadFactory factory(WorkerType type, String namePrefix) {
		return (type == WorkerType.VIRTUAL) ? VirtualFactory.create(namePrefix) : platform(namePrefix);
	}

	private static ThreadFactory platform(String namePrefix) {
		AtomicInteger sequence = new AtomicInteger();
		return (runnable) -> new Thread(runnable, namePrefix + sequence.incrementAndGet());
	}

	/**
	 * Holder so that the method handles are looked up only when a virtual pool is built.
	 */
	private static final class VirtualFactory {

		private static final MethodHandle CREATE = lookupCreate();

		private static MethodHandle lookupCreate() {
			try {
				MethodHandles.Lookup lookup = MethodHandles.publicLookup();
				Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
				Class<?> virtualBuilderClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
				MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
						MethodType.methodType(virtualBuilderClass));
				MethodHandle name = lookup.findVirtual(virtualBuilderClass, "name",
						MethodType.methodType(virtualBuilderClass, String.class, long.class));
				MethodHandle factory = lookup.findVirtual(builderClass, "factory",
						MethodType.methodType(ThreadFactory.class));
				// factory(name(ofVirtual(), prefix, start))
				MethodHandle named = MethodHandles.collectArguments(name, 0, ofVirtual);
				return MethodHandles.filterReturnValue(named,
						factory.asType(factory.type().changeParameterType(0, virtualBuilderClass)));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("virtual threads are not available on this JVM", ex);
			}
		}

		static ThreadFactory create(String namePrefix) {
			try {
				return (ThreadFactory) CREATE.invoke(namePrefix, 1L);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("could not create a virtual thread factory", ex);
			}
		}

	}

}
