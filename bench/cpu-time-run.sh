#!/usr/bin/env bash
# CompareRun's kernel mode (or the integrator alone) repeated in one JVM, timed by the stepping
# thread's CPU time: for before/after comparisons on a machine other processes load, where wall
# time measures the load. Alternate the builds compared and record `uptime` with the figures.
#
#   bench/cpu-time-run.sh [METHOD [NEURONS [STEPS [REPEATS [kernel|integrator]]]]]
#
# Defaults: exp_euler_table 10000 neurons, 20000 steps of 0.01 ms, 6 repeats (the first includes
# JIT warm-up), kernel. Extra JVM options in JAVA_OPTS (e.g. -Dhhsweep.vector=false).
# MVN_OPTS_EXTRA=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/sim-core/target/jmh.classpath"
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
cp="$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat "$classpath_file")"
# shellcheck disable=SC2086
exec java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -cp "$cp" org.hhsweep.sim.bench.CpuTimeRun \
    "${1:-exp_euler_table}" "${2:-10000}" "${3:-20000}" "${4:-6}" "${5:-kernel}" 2>/dev/null
