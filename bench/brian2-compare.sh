#!/usr/bin/env bash
# Brian2 C++ standalone and this project's kernel on the same work, side by side, on one core:
# N HH neurons (the tutorial's model, or --model traub_miles) under constant currents spread over 0..20
# uA/cm^2, exponential Euler at dt, for a given duration. Rounds alternate Brian2 and each of our
# methods, so a change in machine load hits them alike; the summary gives medians and ratios.
#
#   bench/brian2-compare.sh [--rounds R] [--neurons N] [--duration-ms T] [--dt-ms DT]
#                           [--methods "exp_euler_reference exp_euler_fast exp_euler_table"]
#                           [--modes "kernel pipeline"] [--scalar] [--openmp THREADS] [--out DIR]
#                           [--model hh|traub_miles]
#
# Our side runs in two modes (CompareRun): kernel, the integrator and a spike counter (Brian2's
# work); pipeline, Simulator.simulate with everything a sweep records. Methods by their config
# names (exp_euler is exp_euler_fast; results are labelled exp_euler_fast). --scalar also times
# exp_euler_fast/table without the Vector API (what runs when the JVM lacks the module); --openmp
# also times Brian2 with that many OpenMP threads. Installs Debian's python3-brian when
# /usr/bin/python3 cannot import brian2. MVN_OPTS_EXTRA=-o builds offline. Not part of the test
# suite: a run with the defaults takes about 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=5 neurons=10000 duration=1000 dt=0.01 scalar=0 openmp=0 out="" model=hh
methods="exp_euler_reference exp_euler_fast exp_euler_table"
modes="kernel pipeline"
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --neurons) neurons=$2; shift 2 ;;
        --duration-ms) duration=$2; shift 2 ;;
        --dt-ms) dt=$2; shift 2 ;;
        --methods) methods=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        --scalar) scalar=1; shift ;;
        --openmp) openmp=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

python=/usr/bin/python3 # Debian's, which python3-brian installs into
if ! "$python" -c 'import brian2' 2>/dev/null; then
    echo "installing Brian2 from Debian's packages (python3-brian)..." >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q >&2
    $sudo apt-get install -y -q python3-brian >&2
fi
command -v g++ >/dev/null || { echo "Brian2's C++ standalone mode needs g++ (apt-get install g++)" >&2; exit 1; }

out=${out:-$(mktemp -d -t hh-compare-XXXXXX)}
mkdir -p "$out"
echo "results in $out" >&2

classpath_file="$PWD/sim-core/target/jmh.classpath"
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} -pl sim-core test-compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
cp="$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat "$classpath_file")"

ours() { # label, method, mode, extra JVM options...
    local label=$1 method=$2 mode=$3
    shift 3
    java --add-modules jdk.incubator.vector "$@" -cp "$cp" org.hhsweep.sim.bench.CompareRun \
        "$method" "$neurons" "$duration" "$dt" "$mode" "$model" 2>/dev/null >>"$out/$label.jsonl"
}

brian() { # threads
    local dir="$out/brian2-t$1"
    if [ ! -x "$dir/main" ]; then
        # generates and compiles once, and runs once
        "$python" bench/brian2_hh.py --model "$model" --neurons "$neurons" --duration-ms "$duration" --dt-ms "$dt" \
            --threads "$1" --repeats 1 --workdir "$dir" 2>"$out/brian2-t$1.log" >>"$out/brian2-t$1.jsonl"
    else
        "$python" bench/brian2_hh.py --rerun --workdir "$dir" >>"$out/brian2-t$1.jsonl"
    fi
}

for r in $(seq 1 "$rounds"); do
    echo "round $r of $rounds ($(uptime | sed 's/.*load/load/'))" >&2
    brian 0
    [ "$openmp" -gt 0 ] && brian "$openmp"
    for mode in $modes; do
        for m in $methods; do
            ours "$m-$mode" "$m" "$mode"
            if [ "$scalar" = 1 ] && [ "$m" != exp_euler_reference ] && [ "$m" != rk4 ]; then
                ours "$m-$mode-scalar" "$m" "$mode" -Dhhsweep.vector=false
            fi
        done
    done
done

"$python" bench/compare_summary.py "$out"
