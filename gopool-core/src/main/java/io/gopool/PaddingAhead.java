package io.gopool;

/**
 * 128 bytes of padding for a class to extend, so that its first fields start two cache
 * lines away from whatever the allocator put before the object; see
 * {@link PaddedCounter}.
 */
@SuppressWarnings("unused")
abstract class PaddingAhead {

	private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

}
