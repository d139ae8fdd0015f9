package io.gopool.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.gopool.GoPool;
import io.gopool.GoPoolBuilder;
import io.gopool.WorkerType;
import io.gopool.spring.GoPoolBuilderCustomizer;
import io.gopool.spring.GoPoolRegistry;
import io.gopool.spring.autoconfigure.GoPoolProperties.Pool;

/**
 * Builds the pools declared under {@code gopool.pools}. Each setting is taken from the
 * pool, else from {@code gopool.defaults}, and handed to the core builder through the
 * {@link PoolSetting} table; the values were checked when the properties were bound, so
 * the builder refuses none of them (a customizer may still set a value it refuses).
 */
final class GoPoolFactory {

	private final GoPoolProperties properties;

	private final List<GoPoolBuilderCustomizer> customizers;

	private final boolean virtualThreads;

	/**
	 * Creates the factory.
	 * @param virtualThreads whether Spring Boot's virtual threads are on
	 * ({@code spring.threads.virtual.enabled} on Java 21 or later): then a pool without a
	 * worker type of its own gets virtual workers, as Boot's own executors do
	 */
	GoPoolFactory(GoPoolProperties properties, List<GoPoolBuilderCustomizer> customizers, boolean virtualThreads) {
		this.properties = properties;
		this.customizers = customizers;
		this.virtualThreads = virtualThreads;
	}

	/**
	 * Builds every declared pool; if one fails, the ones already built are stopped.
	 */
	GoPoolRegistry createRegistry() {
		List<GoPool> pools = new ArrayList<>();
		try {
			for (String name : this.properties.getPools().keySet()) {
				pools.add(create(name));
			}
		}
		catch (RuntimeException ex) {
			pools.forEach(GoPool::shutdownNow);
			throw ex;
		}
		return new GoPoolRegistry(pools);
	}

	private GoPool create(String name) {
		Pool pool = this.properties.getPools().get(name);
		Pool defaults = this.properties.getDefaults();
		GoPoolBuilder builder = GoPool.newBuilder();
		if (this.virtualThreads && PoolSetting.WORKER_TYPE.configured(pool, defaults) == null) {
			builder.workerType(WorkerType.VIRTUAL);
		}
		for (PoolSetting<?> setting : PoolSetting.ALL) {
			setting.apply(builder, pool, defaults);
		}
		if (PoolSetting.STUCK_THRESHOLD.configured(pool, defaults) != null) {
			builder.listener(new StuckTaskLogger());
		}
		for (GoPoolBuilderCustomizer customizer : this.customizers) {
			customizer.customize(name, builder);
		}
		return builder.build(name);
	}

}
