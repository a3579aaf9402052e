#!/usr/bin/env bash
# The Brian2 comparison's work (CompareRun: 10,000 neurons of the tutorial's model under constant
# currents 0..20 uA/cm^2, 1 s at 0.01 ms, one core) on two builds of this project, alternating, so
# a change of machine load hits both alike: this work tree, and another git revision (default: the
# last commit before models became data, whose kernels were written by hand for hh).
#
#   bench/compare-builds.sh [--rev REV] [--rounds R] [--neurons N] [--duration-ms T]
#   bench/compare-builds.sh --same-jvm PAIRS [--jvms J] [--rev REV] [--neurons N] [--duration-ms T]
#
# Prints one line per run: build, mode, method, M neuron-steps/s, spikes in total. Builds REV in a
# temporary git worktree (removed at the end). MVN_OPTS_EXTRA=-o builds offline. About 4 minutes
# per round. With --same-jvm, both builds run in one JVM per method and mode (bench/SameJvmCompare.java),
# in PAIRS alternating pairs after 2 warm-up pairs, 200 ms of simulated time each unless
# --duration-ms says otherwise; one line per method and mode: the median of the pairs' ratios.
# With --jvms J, J such JVMs per method and mode (C2 compiles the passes a little differently in
# each JVM: the ratio moved by up to 10% from one JVM to the next), and a last line per method and
# mode with the median of the J JVMs' medians.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=a48ee79 rounds=1 neurons=10000 duration= pairs=0 jvms=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rev) rev=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --neurons) neurons=$2; shift 2 ;;
        --duration-ms) duration=$2; shift 2 ;;
        --same-jvm) pairs=$2; shift 2 ;;
        --jvms) jvms=$2; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

other=$(mktemp -d -t hh-rev-XXXXXX)
trap 'git worktree remove --force "$other" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$other" "$rev"
build() { # dir -> classpath
    # shellcheck disable=SC2086
    (cd "$1" && mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
        -Dmdep.outputFile="$1/sim-core/target/bench.classpath" -Dmdep.includeScope=test >&2)
    echo "$1/sim-core/target/test-classes:$1/sim-core/target/classes:$(cat "$1/sim-core/target/bench.classpath")"
}
cp_this=$(build "$PWD")
cp_other=$(build "$other")

if [ "$pairs" -gt 0 ]; then
    for mode in kernel pipeline; do
        for m in exp_euler_fast exp_euler_table; do
            medians=()
            for _ in $(seq 1 "$jvms"); do
                line=$(java --add-modules jdk.incubator.vector bench/SameJvmCompare.java "$cp_other" "$cp_this" "$rev" \
                    "$pairs" 2 "$neurons" "${duration:-200}" "$m" "$mode" 2>/dev/null)
                echo "$line"
                medians+=("$(sed -n 's/.*median ratio \([0-9.]*\)%.*/\1/p' <<<"$line")")
            done
            if [ "$jvms" -gt 1 ]; then
                printf '%s\n' "${medians[@]}" | sort -n | awk -v what="$m $mode $rev" '{v[NR] = $1}
                    END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                         printf "%s: median over %d JVMs %.1f%% (lowest %.1f%%, highest %.1f%%)\n", what, NR, m, v[1], v[NR]}'
            fi
        done
    done
    exit 0
fi
duration=${duration:-1000}

run() { # label classpath mode method
    java --add-modules jdk.incubator.vector -cp "$2" org.hhsweep.sim.bench.CompareRun "$4" "$neurons" "$duration" 0.01 "$3" \
        2>/dev/null | python3 -c "import json,sys; d=json.load(sys.stdin); print('$1', '$3', '$4', round(d['neuron_steps_per_s'][0]/1e6, 1), d['spikes_total'])"
}
for r in $(seq 1 "$rounds"); do
    for mode in kernel pipeline; do
        for m in exp_euler_fast exp_euler_table; do
            run "$rev" "$cp_other" "$mode" "$m"
            run "this" "$cp_this" "$mode" "$m"
        done
    done
done
