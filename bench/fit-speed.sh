#!/usr/bin/env bash
# Issue 15's speed goal for fitting: a fit adds no per-run overhead beyond a normal sweep of the
# same runs. Runs conf/fit-fi.yaml with POPULATION candidates and GENERATIONS generations (its 6
# target rows: POPULATION x 6 x GENERATIONS runs) and a grid sweep of the same model, duration, dt
# and number of runs (the target's 6 currents x POPULATION gNa x GENERATIONS gK values) through
# ./submit.sh in local mode, alternating ROUNDS times, and prints runs/s of each over the job (the
# sweep's own "wall time") and over the whole command. The last line gives the fit's mean extra job
# time over the grid's, and that divided by GENERATIONS; two budgets of one GENERATIONS tell a cost
# per run from one per generation (README, "Sensitivity analysis and fitting").
#
#   bench/fit-speed.sh [--rounds 2] [--population 100] [--generations 10] [--out DIR]
#
# MVN_OPTS_EXTRA is passed to Maven (e.g. -o). About 2 minutes on a quiet 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/timed-sweep.sh
rounds=2 population=100 generations=10 out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --population) population=$2; shift 2 ;;
        --generations) generations=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $rounds -ge 1 && $population -ge 2 && $generations -ge 1 ]] \
    || { echo "--rounds and --generations must be at least 1, --population at least 2" >&2; exit 2; }
out=${out:-$(mktemp -d -t fit-speed-XXXXXX)}
mkdir -p "$out"
log=$(mktemp)
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -DskipTests -pl spark-jobs -am package >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }

# The fit at this budget; the target is read where the shipped config reads it.
sed -e "s|target: data/|target: $PWD/conf/data/|" -e '/^output:/d' \
    -e "s/optimizer: {.*}/optimizer: {method: cmaes, population: $population, generations: $generations}/" \
    conf/fit-fi.yaml >"$out/fit.yaml"
# The grid twin: the fit's simulation and stimulus, then a grid of as many runs over the fit's bounds.
amplitudes=$(grep -v '^#' conf/data/fi-target.csv | tail -n +2 | cut -d, -f1 | sed 's/$/ uA\/cm^2/' | paste -sd, -)
{
    echo "name: fit-fi-grid"
    grep -E '^(seed|simulation|stimulus):' conf/fit-fi.yaml | sed 's/ *#.*//'
    echo "sweep:"
    echo "  grid:"
    echo "    stimulus.amplitude: [${amplitudes//,/, }]"
    awk -v p="$population" -v g="$generations" 'BEGIN {
        printf "    model.gNa: {from: 80 mS/cm^2, to: %.6f mS/cm^2, step: %.6f mS/cm^2}\n", 80 + (p - 1) * 80 / p, 80 / p
        printf "    model.gK: {from: 20 mS/cm^2, to: %.6f mS/cm^2, step: %.6f mS/cm^2}\n", 20 + (g - 1) * 40 / g, 40 / g }'
} >"$out/grid.yaml"
rows=$(grep -v '^#' conf/data/fi-target.csv | tail -n +2 | grep -c .)
runs=$((population * rows * generations))
grid_runs=$(./submit.sh validate "$out/grid.yaml" | sed -n 's/^runs: \([0-9,]*\).*/\1/p' | tr -d ,)
if [[ "$grid_runs" != "$runs" ]]; then
    echo "the grid twin has $grid_runs runs, the fit $runs" >&2
    exit 1
fi

declare -A job_sum=([fit]=0 [grid]=0)
for round in $(seq 1 "$rounds"); do
    for kind in fit grid; do
        timed_sweep "$kind" "$out/$kind.yaml" "$out" "$round" "$runs"
        if [[ $kind == fit ]] && ! grep -q "^fit .*: $generations generations (the budget)" "$out/$kind-$round.log"; then
            echo "the fit stopped before its budget of $generations generations:" >&2
            grep '^fit ' "$out/$kind-$round.log" >&2
            exit 1
        fi
        job_sum[$kind]=$(awk -v a="${job_sum[$kind]}" -v b="$job" 'BEGIN { print a + b }')
    done
done
awk -v f="${job_sum[fit]}" -v g="${job_sum[grid]}" -v r="$rounds" -v n="$generations" 'BEGIN {
    printf "mean job: fit %.2f s, grid %.2f s: the fit takes %+.2f s, %+.0f ms per generation\n",
        f / r, g / r, (f - g) / r, 1000 * (f - g) / r / n }'
echo "outputs and logs: $out"
