#!/usr/bin/env bash
# Bytes per stored trace sample: the size of an output's traces/ Parquet files over the number of
# samples they hold, for typical spiking traces, lossless (float32) and quantised.
#
#   bench/trace-size.sh [WORKDIR [CASE...]]
#
# WORKDIR defaults to /tmp/hhsweep-trace-size (its outputs are replaced); CASEs pick cases by name.
#
# Cases: the tutorial (10 neurons, noisy shared input, V every step, 100 ms) and a constant-current
# sweep (0..20 uA/cm^2 in 21 runs, 1 s at dt 0.01 ms, so 100,000 steps per neuron) with V every
# step, V every 10 steps and m, h, n every step; 10 neurons with their own Gaussian noise input
# (200 ms, V every step); the tutorial's input current I. Each with the default steps
# (record.traces.quantize left out: V in 1e-4 mV, gates in 1e-6, I in 1e-4 uA/cm^2), lossless
# (quantize: none, float32) and with coarser steps (V in 0.001 mV and 0.01 mV, gates in 1e-5).
# The tutorial's 10 neurons share one input and start alike, so their traces are identical and
# compress far better than typical ones.
# Extra Spark settings go in HHSWEEP_TRACE_CONF, e.g. the ZSTD level:
#   HHSWEEP_TRACE_CONF=spark.hadoop.parquet.compression.codec.zstd.level=19 bench/trace-size.sh
# Prints one line per case and the date and load (the machine may be shared: note the load).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/hhsweep-trace-size}"
shift || true
mkdir -p "$work"

# A quantize value ("none", a mapping) or "" for the default steps (the key left out).
quantize_key() { [[ -n "$1" ]] && echo ", quantize: $1"; true; }

# $1 case name, $2 variables, $3 every, $4 quantize value or "" for the default
constant_sweep() {
    local quantize; quantize=$(quantize_key "$4")
    cat >"$work/$1.yaml" <<YAML
name: $1
seed: 1
simulation: {duration: 1000 ms, dt: 0.01 ms, method: exp_euler}
stimulus: {type: constant, amplitude: 0 uA/cm^2}
sweep:
  grid:
    stimulus.amplitude: {from: 0 uA/cm^2, to: 20 uA/cm^2, step: 1 uA/cm^2}
record: {traces: {variables: $2, every: $3$quantize}, spikes: false}
YAML
}

# $1 case name, $2 traced variable, $3 quantize value or "" for the default
tutorial() {
    local quantize; quantize=$(quantize_key "$3")
    sed -e "s/^name: tutorial/name: $1/" \
        -e "s/traces: {variables: \[V\], every: 0.01 ms, neurons: all}/traces: {variables: [$2], every: 0.01 ms, neurons: all$quantize}/" \
        conf/tutorial.yaml >"$work/$1.yaml"
    grep -q "neurons: all$quantize}" "$work/$1.yaml" || { echo "conf/tutorial.yaml changed: update $0" >&2; exit 1; }
}

# $1 case name, $2 quantize value or "" for the default: 10 neurons, each with its own Gaussian noise
noisy() {
    local quantize; quantize=$(quantize_key "$2")
    cat >"$work/$1.yaml" <<YAML
name: $1
seed: 5
simulation: {duration: 200 ms, dt: 0.01 ms}
neurons: 10
stimulus: {type: gaussian, mean: 8 uA/cm^2, sigma: 3 uA/cm^2, shared: false}
record: {traces: {variables: [V], every: 0.01 ms, neurons: all$quantize}, spikes: false}
YAML
}

cases=()
add() { cases+=("$1"); }
tutorial tutorial-V V "";                                                add tutorial-V
tutorial tutorial-V-lossless V none;                                     add tutorial-V-lossless
tutorial tutorial-V-q3 V "{V: 0.001 mV}";                                add tutorial-V-q3
tutorial tutorial-I I "";                                                add tutorial-I
tutorial tutorial-I-lossless I none;                                     add tutorial-I-lossless
noisy noisy-V "";                                                        add noisy-V
noisy noisy-V-lossless none;                                             add noisy-V-lossless
noisy noisy-V-q3 "{V: 0.001 mV}";                                        add noisy-V-q3
noisy noisy-V-q2 "{V: 0.01 mV}";                                         add noisy-V-q2
constant_sweep constant-V "[V]" "0.01 ms" "";                            add constant-V
constant_sweep constant-V-lossless "[V]" "0.01 ms" none;                 add constant-V-lossless
constant_sweep constant-V-q3 "[V]" "0.01 ms" "{V: 0.001 mV}";            add constant-V-q3
constant_sweep constant-V-every10 "[V]" "0.1 ms" "";                     add constant-V-every10
constant_sweep constant-V-every10-lossless "[V]" "0.1 ms" none;          add constant-V-every10-lossless
constant_sweep constant-V-every10-q3 "[V]" "0.1 ms" "{V: 0.001 mV}";     add constant-V-every10-q3
constant_sweep constant-V-every10-q2 "[V]" "0.1 ms" "{V: 0.01 mV}";      add constant-V-every10-q2
constant_sweep constant-mhn "[m, h, n]" "0.01 ms" "";                    add constant-mhn
constant_sweep constant-mhn-lossless "[m, h, n]" "0.01 ms" none;         add constant-mhn-lossless
constant_sweep constant-mhn-q5 "[m, h, n]" "0.01 ms" "{m: 1e-5, h: 1e-5, n: 1e-5}"; add constant-mhn-q5

[[ $# -gt 0 ]] && cases=("$@")
printf '%-28s %12s %12s %10s\n' case samples bytes B/sample
for c in "${cases[@]}"; do
    ./submit.sh ${HHSWEEP_TRACE_CONF:+--conf "$HHSWEEP_TRACE_CONF"} sweep "$work/$c.yaml" --out "$work/$c" --overwrite >"$work/$c.log" 2>&1 \
        || { echo "$c failed, see $work/$c.log" >&2; exit 1; }
    bytes=$(cat "$work/$c"/traces/*.parquet | wc -c)
    samples=$(./submit.sh query "$work/$c" "SELECT sum(size(values)) AS n FROM traces" --format csv | tail -1)
    awk -v c="$c" -v s="$samples" -v b="$bytes" 'BEGIN { printf "%-28s %12d %12d %10.3f\n", c, s, b, b / s }'
done
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
