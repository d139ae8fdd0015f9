#!/usr/bin/env bash
# Builds the benchmarks and runs the whole set on JDK 25 (virtual threads need 21+), writing
# results/benchmarks.md and results/benchmarks.png. Takes several minutes on 2 CPUs.
set -euo pipefail
cd "$(dirname "$0")"
source ../.ci/find-jdk.sh
jdk=$(find_jdk 25) || { echo "run.sh needs a JDK 25: set GOPOOL_JDK25 to its home" >&2; exit 1; }
(cd .. && JAVA_HOME="$jdk" ./mvnw -q -B -pl gopool-benchmarks -am package -DskipTests)
"$jdk/bin/java" -cp target/benchmarks.jar io.gopool.benchmarks.BenchmarkReport results
