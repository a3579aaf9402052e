#!/usr/bin/env bash
# Runs sim-core's JMH benchmarks on one thread (one core): bench/jmh.sh [JMH options] [regex].
# Without arguments it runs KernelBenchmark (neuron-steps/s); bench/jmh.sh -h lists JMH's options.
# MVN_OPTS_EXTRA is passed to Maven, e.g. MVN_OPTS_EXTRA=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file="$PWD/sim-core/target/jmh.classpath"
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2

if [ $# -eq 0 ]; then
    set -- 'org\.hhsweep\.sim\.bench\.KernelBenchmark\.'
fi
# The incubating Vector API lets exp_euler_fast run on SIMD lanes; JMH's forks inherit the option.
exec java --add-modules jdk.incubator.vector -cp "$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat "$classpath_file")" \
    org.openjdk.jmh.Main "$@"
