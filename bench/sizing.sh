#!/usr/bin/env bash
# The measured figures behind docs/deploy.md#sizing that bench/pipeline.sh does not give, through
# ./submit.sh in local mode:
#
#   validate  ./submit.sh validate docs/sizing-1e8.yaml (chunks, estimated output of 10^8 runs);
#   bytes     two 2,000-run miniatures of docs/sizing-1e8.yaml (its three axes over the same ranges
#             on a 20 x 10 x 10 grid, at two offsets), cut into chunks of 500 runs as the full
#             sweep is: bytes per table, per run and per spike as written;
#   overhead  the first miniature in one chunk of 2,000 runs: a file's own bytes (footer, schema);
#   memory    the first miniature under --driver-memory 512m with -Xlog:gc: the heap after each
#             collection (driver and two running chunks in one JVM), and the floor Spark puts on a
#             heap (--driver-memory 256m is refused).
#
# usage: bench/sizing.sh [--out DIR]
# Sizes do not depend on the machine; the load does not matter here. 2-6 minutes on 2 cores.
# Every figure line carries the date and the load average and is appended to DIR/figures.txt;
# outputs and logs stay in DIR (default: a new temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."

out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
out=${out:-$(mktemp -d -t hh-sizing-XXXXXX)}
mkdir -p "$out"
echo "outputs and logs in $out" >&2

stamp() { echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
report() { echo "$(stamp) | $*" | tee -a "$out/figures.txt"; }

# shellcheck source=bench/miniature.sh
source bench/miniature.sh

sweep() { # name, extra submit.sh options...
    local name=$1
    shift
    ./submit.sh "$@" sweep "$out/$name.yaml" --out "$out/$name" --overwrite >"$out/$name.log" 2>&1 \
        || { tail -n 20 "$out/$name.log" >&2; echo "sweep $name failed" >&2; exit 1; }
}

bytes() { # output directory, table: "BYTES FILES"
    find "$1/$2" -name 'part-*.parquet' -printf '%s\n' | awk '{ s += $1; n++ } END { print s + 0, n + 0 }'
}

./submit.sh validate docs/sizing-1e8.yaml >"$out/validate.log" 2>&1
report "validate docs/sizing-1e8.yaml: $(grep -E '^(runs|chunks):' "$out/validate.log" | tr '\n' ';' | sed 's/;$//'); estimate $(awk '/^  total/ { print $2, $3 }' "$out/validate.log") + 16 B per spike"

miniature mini-1 0.02 20.2 80.1 500 >"$out/mini-1.yaml"
miniature mini-2 0.52 21.2 85.1 500 >"$out/mini-2.yaml"
miniature mini-1-one-chunk 0.02 20.2 80.1 2000 >"$out/mini-1-one-chunk.yaml"
for name in mini-1 mini-2 mini-1-one-chunk; do
    sweep "$name"
    spikes=$(sed -n 's/^spikes: \([0-9,]*\) .*/\1/p' "$out/$name.log" | tr -d ,)
    read -r runs_b runs_n <<<"$(bytes "$out/$name" runs)"
    read -r summaries_b summaries_n <<<"$(bytes "$out/$name" summaries)"
    read -r spikes_b spikes_n <<<"$(bytes "$out/$name" spikes)"
    total=$((runs_b + summaries_b + spikes_b))
    report "$name (2,000 runs, $((runs_n + summaries_n + spikes_n)) files): runs $runs_b B, summaries $summaries_b B," \
        "spikes $spikes_b B for $spikes spikes ($(awk -v b="$spikes_b" -v s="$spikes" 'BEGIN { printf "%.2f", b / s }') B per spike);" \
        "total $total B = $(awk -v t="$total" 'BEGIN { printf "%.1f", t / 2000 }') B per run"
    eval "total_$(echo "$name" | tr - _)=$total"
done
# shellcheck disable=SC2154
report "a file's own bytes: (mini-1 in 12 files - in 3 files) / 9 = $(( (total_mini_1 - total_mini_1_one_chunk) / 9 )) B"

HHSWEEP_JAVA_OPTS="-Xlog:gc:file=$out/gc-512m.log" sweep mini-1 --driver-memory 512m
report "mini-1 under --driver-memory 512m: $(grep -c 'Pause' "$out/gc-512m.log") collections, heap after each at most" \
    "$(sed -n 's/.*Pause.*->\([0-9]*\)M.*/\1/p' "$out/gc-512m.log" | sort -n | tail -n 1) MB"
if ./submit.sh --driver-memory 256m sweep "$out/mini-1.yaml" --out "$out/mini-1-256m" >"$out/mini-1-256m.log" 2>&1; then
    report "--driver-memory 256m: the sweep ran"
else
    report "--driver-memory 256m: refused: $(grep -m 1 -o 'System memory [0-9]* must be at least [0-9]*' "$out/mini-1-256m.log")"
fi
