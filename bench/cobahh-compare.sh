#!/usr/bin/env bash
# COBAHH (Brette et al. 2007 benchmark 3: 4000 traub_miles cells, p 0.02, dt 0.1 ms, 1 s) on one
# thread: Brian2 C++ standalone (bench/brian2_network.py time-cobahh; code generation and compile
# excluded, Brian2's own run time) and this project (sim-core's CobahhRun: the same network from
# the same reference parameters, connectivity built in every repeat), alternating round by round
# so a change of machine load hits both alike. Prints each side's run seconds per round and the
# median ratio.
#
#   bench/cobahh-compare.sh [--rounds R] [--repeats K] [--method exp_euler_fast|exp_euler_table|exp_euler]
#
# Installs Debian's python3-brian when /usr/bin/python3 cannot import brian2 (as brian2-compare.sh).
# MVN_OPTS_EXTRA=-o builds offline. About 2 minutes per round with the defaults (3 repeats).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 repeats=3 method=exp_euler_fast
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --repeats) repeats=$2; shift 2 ;;
        --method) method=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
python=/usr/bin/python3
if ! "$python" -c 'import brian2' 2>/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q python3-brian >&2
fi
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/sim-core/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat sim-core/target/bench.classpath)"
out=$(mktemp -d -t cobahh-XXXXXX)
for r in $(seq 1 "$rounds"); do
    OMP_NUM_THREADS=1 "$python" bench/brian2_network.py time-cobahh --repeats "$repeats" 2>/dev/null | tail -1 \
        > "$out/brian2-$r.json"
    java --add-modules jdk.incubator.vector -cp "$cp" org.hhsweep.sim.network.CobahhRun "$method" "$repeats" \
        2>/dev/null > "$out/hhsweep-$r.json"
    echo "round $r load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
"$python" - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
ratios = []
for r in range(1, rounds + 1):
    b = json.load(open(f'{out}/brian2-{r}.json'))
    h = json.load(open(f'{out}/hhsweep-{r}.json'))
    bs, hs = statistics.median(b['run_seconds']), statistics.median(h['run_seconds'])
    ratios.append(bs / hs)
    print(f"round {r}: brian2 {bs:.2f} s (E {b['rate_E_Hz']:.1f} Hz, I {b['rate_I_Hz']:.1f} Hz), "
          f"hhsweep {h['method']} {hs:.2f} s (runs {h['run_seconds']}; E {h['rate_E_Hz']:.1f} Hz, I {h['rate_I_Hz']:.1f} Hz), "
          f"ratio {bs / hs:.2f}")
print(f"median ratio brian2/hhsweep: {statistics.median(ratios):.2f}")
PY
