package io.gopool;

/**
 * An immutable snapshot of a pool, taken by {@link GoPool#stats()}: its levels now (how
 * much of it is in use) and its task counts so far. The configuration is apart, in
 * {@link GoPool#settings()}.
 * <p>
 * The snapshot is read without stopping the pool, so under load its values may be a few
 * tasks apart.
 *
 * @param poolName the pool's name
 * @param levels how much of the pool is in use at this moment
 * @param counts what the pool's tasks have done so far
 * @param groups how the pool's task groups ({@link GoPool#newGroup}) have ended so far
 */
public record GoPoolStats(String poolName, GoPoolLevels levels, TaskCounts counts, GroupCounts groups) {

}
