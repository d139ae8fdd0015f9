package io.gopool.spring;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gopool.GoPool;

/**
 * The pools of an application, by name, in the order they were declared. Endpoints,
 * health, metrics and {@code @GoAsync} find pools here.
 */
public final class GoPoolRegistry implements AutoCloseable {

	private final Map<String, GoPool> pools;

	/**
	 * Creates a registry of the given pools.
	 * @param pools the pools; names must be unique
	 * @throws IllegalArgumentException if two pools share a name
	 */
	public GoPoolRegistry(Collection<GoPool> pools) {
		Map<String, GoPool> byName = new LinkedHashMap<>();
		for (GoPool pool : pools) {
			if (byName.putIfAbsent(pool.name(), pool) != null) {
				throw new IllegalArgumentException("two pools are named '" + pool.name() + "'");
			}
		}
		this.pools = Collections.unmodifiableMap(byName);
	}

	/**
	 * Returns the named pool.
	 * @param name the pool's name
	 * @return the pool
	 * @throws IllegalArgumentException if there is no such pool; the message lists the
	 * pools
	 */
	public GoPool get(String name) {
		GoPool pool = this.pools.get(name);
		if (pool == null) {
			throw new IllegalArgumentException("no pool named '" + name + "'; the pools are " + this.pools.keySet());
		}
		return pool;
	}

	/**
	 * Returns the named pool, if there is one.
	 * @param name the pool's name
	 * @return the pool, or empty
	 */
	public Optional<GoPool> find(String name) {
		return Optional.ofNullable(this.pools.get(name));
	}

	/**
	 * Returns the names of the pools, in declaration order.
	 * @return the pool names
	 */
	public Set<String> names() {
		return this.pools.keySet();
	}

	/**
	 * Returns the pools, in declaration order.
	 * @return the pools
	 */
	public Collection<GoPool> pools() {
		return this.pools.values();
	}

	/**
	 * Stops every pool at once, as {@link GoPool#shutdownNow()} does. The starter drains
	 * pools gracefully when the context closes and calls this afterwards, when it is a
	 * no-op; it matters when startup fails, so that pools never outlive their context.
	 */
	@Override
	public void close() {
		this.pools.values().forEach(GoPool::shutdownNow);
	}

}
