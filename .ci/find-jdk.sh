# Sourced by .ci/run and gopool-benchmarks/run.sh: find_jdk N prints the home of a JDK whose
# feature version is N: $GOPOOL_JDK<N> first, then the usual install places.
find_jdk() {
	local want="$1" var="GOPOOL_JDK$1" dir version
	for dir in ${!var:-} /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
		[ -x "$dir/bin/java" ] || continue
		version=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
		if [ "$version" = "$want" ]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}
