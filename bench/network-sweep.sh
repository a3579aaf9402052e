#!/usr/bin/env bash
# A sweep of COBAHH networks through ./submit.sh in local mode, on one core and on two (issue 13's
# goal: 64 runs on 2 cores at >= 85% of twice the one-core rate). The config is conf/cobahh.yaml
# (4000 cells, 1 s at 0.1 ms, spikes and 1 ms rates recorded) with `sweep: {seeds: RUNS}`; each
# sweep's runs per second count JVM and Spark start-up, as a user's command does.
#
#   bench/network-sweep.sh [--runs 64] [--out DIR]
#
# MVN_OPTS_EXTRA is passed to Maven (e.g. -o). About 3 minutes on a quiet 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=64 out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-$(mktemp -d -t network-sweep-XXXXXX)}
mkdir -p "$out"
log=$(mktemp)
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -DskipTests -pl spark-jobs -am package >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
sed -e "s/^name: cobahh$/name: cobahh-$runs/" -e '/^output:/d' conf/cobahh.yaml >"$out/cobahh-$runs.yaml"
printf 'sweep: {seeds: %d}\n' "$runs" >>"$out/cobahh-$runs.yaml"

declare -A rate
for cores in 1 2; do
    t0=$(date +%s.%N)
    ./submit.sh --master "local[$cores]" sweep "$out/cobahh-$runs.yaml" --out "$out/local-$cores" --overwrite \
        >"$out/local-$cores.log" 2>&1 || { tail -n 20 "$out/local-$cores.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    rate[$cores]=$(awk -v n="$runs" -v w="$wall" 'BEGIN { printf "%.4f", n / w }')
    echo "$(date -u +%FT%TZ) local[$cores]: $runs COBAHH runs in $wall s wall, ${rate[$cores]} runs/s (load $(cut -d' ' -f1 /proc/loadavg))"
done
awk -v a="${rate[1]}" -v b="${rate[2]}" 'BEGIN { e = b / (2 * a);
    printf "two cores at %.1f%% of twice one core (goal >= 85%%): %s\n", 100 * e, (e >= 0.85 ? "REACHED" : "not reached") }'
echo "outputs and logs: $out"
