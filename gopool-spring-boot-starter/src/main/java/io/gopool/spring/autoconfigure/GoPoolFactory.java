package io.gopool.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.gopool.GoPool;
import io.gopool.GoPoolBuilder;
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

	GoPoolFactory(GoPoolProperties properties, List<GoPoolBuilderCustomizer> customizers) {
		this.properties = properties;
		this.customizers = customizers;
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
