/**
 * GoPool core: bounded worker pools for the JVM. Exports the API package only; the
 * engine's types in it are not public. Reads the flight recorder when the runtime has it,
 * and the JSpecify null annotations at compile time only.
 */
module io.gopool {

	requires static jdk.jfr;

	requires static transitive org.jspecify;

	exports io.gopool;

}
