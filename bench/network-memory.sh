#!/usr/bin/env bash
# The largest network one executor of a given heap holds: COBAHH scaled to N cells (80% E, 20% I,
# p 0.02, so N^2/50 synapses), built and stepped in a JVM with -Xmx HEAP, for growing N until it
# fails. Prints one JSON line per size (heap in use after the steps) and the largest that ran.
#
#   bench/network-memory.sh [--heap 4g] [--sizes "50000 100000 150000 200000"] [--steps 20]
#
# MVN_OPTS_EXTRA=-o builds offline. Minutes per size at the large end (connectivity generation).
set -euo pipefail
cd "$(dirname "$0")/.."
heap=4g sizes="50000 100000 150000 200000 250000" steps=20
while [ $# -gt 0 ]; do
    case "$1" in
        --heap) heap=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --steps) steps=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/sim-core/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat sim-core/target/bench.classpath)"
largest=none
for n in $sizes; do
    if line=$(java -Xmx"$heap" --add-modules jdk.incubator.vector -cp "$cp" org.hhsweep.sim.network.NetworkMemoryRun \
            "$n" "$steps" 2>/dev/null | tail -1) && [ -n "$line" ]; then
        echo "$line"
        largest=$n
    else
        echo "{\"neurons\": $n, \"failed\": true}"
        break
    fi
done
echo "largest that ran with -Xmx$heap: $largest cells"
