#!/usr/bin/env bash
# Pipeline benchmark (issue 6, goals 3a, 3b and 5), measured through ./submit.sh in local mode:
#
#   3a  a large sweep (N neurons x 1 s at dt 0.01 ms, one neuron per constant current, summaries
#       and spike times recorded) against 85% of twice the single-core kernel rate, JVM and Spark
#       start-up included; the kernel rate is measured in the same run (CompareRun's kernel mode,
#       10,000 neurons x 1 s, pinned to one core with taskset when it exists);
#   3b  the peak live heap of the local-mode JVM (driver and executor in one) for a short
#       simulation swept over 10^4 and 10^6 runs: it must not grow with the number of runs;
#   5   the tutorial end to end (./submit.sh sweep conf/tutorial.yaml) against 10 s.
#
# usage: bench/pipeline.sh [--neurons N] [--large-neurons N|0] [--method M] [--kernel-neurons N]
#                          [--memory-runs "A B"] [--tutorial-rounds N] [--only 3a|3b|5] [--out DIR]
# Defaults: 20,000 and 100,000 neurons, exp_euler (the default method, the fast kernel; the sweeps'
# own lines name it exp_euler_fast), 10,000 kernel neurons, 10^4 and 10^6 runs, 3 tutorial rounds,
# every goal (about 6 minutes on a quiet 2-core machine). --only may be repeated.
# MVN_OPTS_EXTRA is passed to Maven (e.g. -o). Every figure line carries the date and the load
# average; the CPU time of each sweep (all threads; /usr/bin/time) shows its efficiency whatever
# the load. Outputs, logs and GC logs stay in the output directory (default: a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."

neurons=20000
large=100000
method=exp_euler
kernel_neurons=10000
memory_runs="10000 1000000"
tutorial_rounds=3
only=""
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --neurons) neurons=$2; shift 2 ;;
        --large-neurons) large=$2; shift 2 ;;
        --method) method=$2; shift 2 ;;
        --kernel-neurons) kernel_neurons=$2; shift 2 ;;
        --memory-runs) memory_runs=$2; shift 2 ;;
        --tutorial-rounds) tutorial_rounds=$2; shift 2 ;;
        --only) only="$only $2"; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
wanted() { [[ -z "$only" || " $only " == *" $1 "* ]]; }
out=${out:-$(mktemp -d -t hh-pipeline-XXXXXX)}
mkdir -p "$out"
echo "outputs and logs in $out" >&2

stamp() { echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
now() { date +%s.%N; }
report() { echo "$(stamp) | $*" | tee -a "$out/figures.txt"; }

# A warm build: the application jar, then one untimed sweep that also writes the class data
# sharing archive submit.sh keeps next to the jar (see docs/pipeline-performance.md).
build() { # Maven's output only when it fails
    # shellcheck disable=SC2086
    mvn -B -q -Dstyle.color=never ${MVN_OPTS_EXTRA:-} "$@" >"$out/build.log" 2>&1 \
        || { cat "$out/build.log" >&2; echo "the build failed" >&2; exit 1; }
}
build -DskipTests -pl spark-jobs -am package
./submit.sh sweep conf/tutorial.yaml --out "$out/warm-up" --overwrite >"$out/warm-up.log" 2>&1

# A sweep of N neurons x 1 s at dt 0.01 ms: one neuron per constant current in (0, 20] uA/cm^2.
large_config() { # neurons, file
    cat >"$2" <<EOF
name: pipeline-$1
seed: 1
simulation: {duration: 1000 ms, dt: 0.01 ms, method: $method, window: {start: 500 ms, end: 1000 ms}}
neurons: 1
stimulus: {type: constant}
sweep:
  grid:
    stimulus.amplitude: {from: $(awk -v n="$1" 'BEGIN { printf "%.10g", 20 / n }') uA/cm^2, to: 20 uA/cm^2, step: $(awk -v n="$1" 'BEGIN { printf "%.10g", 20 / n }') uA/cm^2}
record: {spikes: true}
EOF
}

# Runs ./submit.sh sweep CONFIG into $out/NAME; sets wall (seconds, start-up included), cpu (CPU
# seconds of the JVM, all threads) and line (the sweep's own "wall time" line).
timed_sweep() { # name, config, extra environment...
    local name=$1 config=$2 t0 t1
    shift 2
    t0=$(now)
    env "$@" /usr/bin/time -f "%U %S" -o "$out/$name.cpu" ./submit.sh sweep "$config" --out "$out/$name" \
        --overwrite >"$out/$name.log" 2>&1 || { tail -n 20 "$out/$name.log" >&2; echo "sweep $name failed" >&2; exit 1; }
    t1=$(now)
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$out/$name.cpu")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    line=$(grep '^wall time' "$out/$name.log" || true)
}

if wanted 3a; then
    classpath_file="$PWD/sim-core/target/jmh.classpath"
    build -pl sim-core test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" \
        -Dmdep.includeScope=test
    pin=()
    command -v taskset >/dev/null && pin=(taskset -c 0)
    "${pin[@]}" java --add-modules jdk.incubator.vector \
        -cp "$PWD/sim-core/target/test-classes:$PWD/sim-core/target/classes:$(cat "$classpath_file")" \
        org.hhsweep.sim.bench.CompareRun "$method" "$kernel_neurons" 1000 0.01 kernel 2>/dev/null >"$out/kernel.json"
    kernel=$(sed 's/.*"neuron_steps_per_s": \[\([0-9.]*\)\].*/\1/' "$out/kernel.json")
    report "kernel $method, one core${pin:+ (taskset -c 0)}: $kernel_neurons neurons x 1e5 steps," \
        "$(awk -v r="$kernel" 'BEGIN { printf "%.1f M neuron-steps/s", r / 1e6 }')"
    for n in $neurons $large; do
        [[ "$n" -gt 0 ]] || continue
        large_config "$n" "$out/large-$n.yaml"
        timed_sweep "large-$n" "$out/large-$n.yaml"
        report "3a sweep $n neurons x 1 s, $method, local[*] ($(nproc) cores): $n x 1e5 neuron-steps in $wall s wall" \
            "(start-up included; the sweep's own line: ${line#wall time: }); CPU $cpu s, the kernel alone" \
            "$(awk -v n="$n" -v k="$kernel" 'BEGIN { printf "%.1f", n * 1e5 / k }') s;" \
            "$(awk -v n="$n" -v w="$wall" -v k="$kernel" 'BEGIN { r = n * 1e5 / w;
                printf "%.1f M neuron-steps/s = %.0f%% of 2 x kernel; goal >= 85%%: %s", r / 1e6, 100 * r / (2 * k),
                (r >= 0.85 * 2 * k) ? "REACHED" : "not reached" }')"
    done
fi

if wanted 3b; then
    # The live heap is sampled by a full GC (jcmd GC.run) every second while the sweep runs; a
    # young GC's "after" figure would count old garbage not yet collected. The sweep's wall time
    # includes these pauses (~0.1 s each).
    peaks=()
    for runs in $memory_runs; do
        cat >"$out/memory-$runs.yaml" <<EOF
name: memory-$runs
seed: 7
simulation: {duration: 1 ms, dt: 0.01 ms, method: $method}
neurons: 1
stimulus: {type: uniform, low: 0 uA/cm^2, high: 20 uA/cm^2}
sweep: {seeds: $runs}
record: {spikes: true}
EOF
        gc_log="$out/memory-$runs.gc.log"
        HHSWEEP_JAVA_OPTS="-Xlog:gc:file=$gc_log" ./submit.sh sweep "$out/memory-$runs.yaml" \
            --out "$out/memory-$runs" --overwrite >"$out/memory-$runs.log" 2>&1 &
        pid=$!
        while sleep 1 && kill -0 "$pid" 2>/dev/null; do
            jcmd "$pid" GC.run >/dev/null 2>&1 || true
        done
        wait "$pid" || { tail -n 20 "$out/memory-$runs.log" >&2; echo "sweep memory-$runs failed" >&2; exit 1; }
        # "Pause Full (Diagnostic Command) 612M->47M(960M)": the figure after the arrow is the live heap.
        awk '/Pause Full \(Diagnostic Command\)/ { split($0, a, "->"); print a[2] + 0 }' "$gc_log" \
            | sort -g >"$gc_log.live"
        read -r peak median samples < <(awk '{ v[NR] = $1 } END { print v[NR] + 0, v[int((NR + 1) / 2)] + 0, NR }' \
            "$gc_log.live")
        peaks+=("$peak")
        report "3b $runs runs x 1 ms (1 neuron, $method): live heap peak $peak MB, median $median MB over" \
            "$samples full-GC samples; $(grep '^wall time' "$out/memory-$runs.log")"
    done
    if [[ ${#peaks[@]} -ge 2 ]]; then
        # What running chunks hold (two tasks, each with up to five open Parquet files: a 1 MB
        # compressor buffer and the column buffers of each) comes and goes with the sampling
        # moment; 64 MB covers it (0-50 MB seen). Anything kept per run would add to it.
        report "3b live heap peak ${peaks[0]} MB -> ${peaks[-1]} MB from the fewest to the most runs" \
            "($(awk -v a="${peaks[0]}" -v b="${peaks[-1]}" -v r="$memory_runs" 'BEGIN { n = split(r, x, " ");
                printf "at most %.0f B per extra run", (b - a) * 1048576 / (x[n] - x[1]) }'));" \
            "goal (no growth: at most 1.25 x + 64 MB for running chunks):" \
            "$(awk -v a="${peaks[0]}" -v b="${peaks[-1]}" 'BEGIN { print (b <= 1.25 * a + 64 ? "REACHED" : "not reached") }')"
    fi
fi

if wanted 5; then
    walls=()
    for ((i = 1; i <= tutorial_rounds; i++)); do
        timed_sweep "tutorial-$i" conf/tutorial.yaml
        walls+=("$wall")
    done
    median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
    report "5 tutorial end to end (./submit.sh sweep conf/tutorial.yaml, warm build): ${walls[*]} s wall," \
        "median $median s (CPU of the last: $cpu s); goal < 10 s: $(awk -v m="$median" 'BEGIN { print (m < 10 ? "REACHED" : "not reached") }')"
fi
