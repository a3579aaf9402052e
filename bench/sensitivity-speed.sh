#!/usr/bin/env bash
# Issue 15's speed goal: a sensitivity analysis adds no per-run overhead beyond a normal sweep of
# the same runs. Runs conf/sensitivity-hh.yaml (sobol: 2 grid points x 512 x (2 + 2) = 4,096 runs)
# and a grid sweep of the same model, duration, dt and number of runs (2 currents x 64 gNa x 32 gK)
# through ./submit.sh in local mode, alternating ROUNDS times, and prints runs/s of each: over the
# job (the sweep's own "wall time", which for the sensitivity sweep includes computing and writing
# its indices) and over the whole command (JVM and Spark start-up included).
#
#   bench/sensitivity-speed.sh [--rounds 2] [--out DIR]
#
# MVN_OPTS_EXTRA is passed to Maven (e.g. -o). About 2 minutes on a quiet 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/timed-sweep.sh
rounds=2 out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-$(mktemp -d -t sensitivity-speed-XXXXXX)}
mkdir -p "$out"
log=$(mktemp)
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -DskipTests -pl spark-jobs -am package >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }

# The grid twin: everything but sweep: and name: from the sobol config, then a grid of as many runs.
sed -e 's/^name: sensitivity-hh$/name: sensitivity-hh-grid/' -e '/^output:/d' -e '/^sweep:/,$d' \
    conf/sensitivity-hh.yaml >"$out/grid.yaml"
cat >>"$out/grid.yaml" <<'YAML'
sweep:
  grid:
    stimulus.amplitude: [5 uA/cm^2, 10 uA/cm^2]
    model.gNa: {from: 100 mS/cm^2, to: 139.375 mS/cm^2, step: 0.625 mS/cm^2}
    model.gK: {from: 30 mS/cm^2, to: 41.625 mS/cm^2, step: 0.375 mS/cm^2}
YAML
runs_of() { ./submit.sh validate "$1" | sed -n 's/^runs: \([0-9,]*\).*/\1/p' | tr -d ,; }
sobol_runs=$(runs_of conf/sensitivity-hh.yaml)
grid_runs=$(runs_of "$out/grid.yaml")
if [[ "$sobol_runs" != "$grid_runs" ]]; then
    echo "the grid twin has $grid_runs runs, the sobol config $sobol_runs" >&2
    exit 1
fi

for round in $(seq 1 "$rounds"); do
    for kind in sobol grid; do
        config=$([[ $kind == sobol ]] && echo conf/sensitivity-hh.yaml || echo "$out/grid.yaml")
        timed_sweep "$kind" "$config" "$out" "$round" "$sobol_runs"
    done
done
echo "outputs and logs: $out"
