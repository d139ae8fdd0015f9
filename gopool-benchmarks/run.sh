#!/usr/bin/env bash
# Builds the benchmarks and runs the whole set on JDK 25 (virtual threads need 21+), writing
# results/benchmarks.md and results/benchmarks.png: the JMH scenarios (A, B, D), the open-loop
# latency and the steady-rate CPU cost (E) in one run, then
# the burst scenario (C), each contender in its own JVM under GNU time for its peak RSS.
# Takes several minutes on 2 CPUs. Needs GNU time (Debian package "time") for scenario C.
set -euo pipefail
cd "$(dirname "$0")"
source ../.ci/find-jdk.sh
jdk=$(find_jdk 25) || { echo "run.sh needs a JDK 25: set GOPOOL_JDK25 to its home" >&2; exit 1; }
(cd .. && JAVA_HOME="$jdk" ./mvnw -q -B -pl gopool-benchmarks -am package -DskipTests)
"$jdk/bin/java" -cp target/benchmarks.jar io.gopool.benchmarks.BenchmarkReport results

if [ ! -x /usr/bin/time ]; then
	echo "GNU time not found (apt-get install time): scenario C skipped" >&2
	exit 0
fi
{
	echo "**C. Burst: 1,000,000 tasks that sleep 10 ms each, submitted at once, one JVM each**"
	echo
	echo "| executor | drain time s | peak RSS MB |"
	echo "| --- | --- | --- |"
} >> results/benchmarks.md
for contender in VIRTUAL_PER_TASK VIRTUAL_SEMAPHORE GOPOOL_VIRTUAL TPE_200; do
	output=$(/usr/bin/time -v "$jdk/bin/java" -Xmx4g -cp target/benchmarks.jar io.gopool.benchmarks.BurstMain "$contender" 2>&1)
	drain=$(awk '/^drain-ms/ {printf "%.1f", $2 / 1000}' <<< "$output")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' <<< "$output")
	echo "| $contender | $drain | $rss |" | tee -a results/benchmarks.md
done
echo >> results/benchmarks.md
