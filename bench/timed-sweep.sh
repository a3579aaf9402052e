# Sourced by the bench scripts that compare a sweep with its grid twin (sensitivity-speed.sh,
# fit-speed.sh): one definition of how a round is run, timed and printed.
#
#   timed_sweep KIND CONFIG OUT ROUND RUNS
#
# runs ./submit.sh sweep CONFIG --out OUT/KIND --overwrite (log in OUT/KIND-ROUND.log), prints one
# line with the job's runs/s (its own "wall time") and the whole command's, and sets `job` to the
# job's seconds. Exits on a failed sweep with the end of its log.
timed_sweep() {
    local kind=$1 config=$2 out=$3 round=$4 runs=$5 t0 t1
    t0=$(date +%s.%N)
    ./submit.sh sweep "$config" --out "$out/$kind" --overwrite >"$out/$kind-$round.log" 2>&1 \
        || { tail -n 20 "$out/$kind-$round.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    job=$(sed -n 's/^wall time: \([0-9.]*\) s.*/\1/p' "$out/$kind-$round.log")
    awk -v k="$kind" -v r="$round" -v n="$runs" -v j="$job" -v a="$t0" -v b="$t1" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" -v d="$(date -u +%FT%TZ)" 'BEGIN {
        printf "%s round %d %-5s %d runs: job %.1f s, %.0f runs/s; command %.1f s, %.0f runs/s (load %s)\n",
            d, r, k, n, j, n / j, b - a, n / (b - a), l }'
}
