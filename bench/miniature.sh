# shellcheck shell=bash
# A miniature of docs/sizing-1e8.yaml: its three axes over the same ranges on a 20 x 10 x 10 grid
# (2,000 runs), from the given first values, cut into the given runs per chunk. Sourced by
# bench/sizing.sh and bench/s3a-local.sh; run from the repository's root.
#
#   miniature NAME AMPLITUDE_FROM GK_FROM GNA_FROM CHUNK_RUNS > FILE
miniature() {
    local amp_to gk_to gna_to
    amp_to=$(awk -v a="$2" 'BEGIN { print a + 19 }')
    gk_to=$(awk -v a="$3" 'BEGIN { print a + 18 }')
    gna_to=$(awk -v a="$4" 'BEGIN { print a + 90 }')
    sed -e "s/^name: .*/name: $1/" -e '/^output:/d' \
        -e "s|stimulus.amplitude: {.*}|stimulus.amplitude: {from: $2 uA/cm^2, to: $amp_to uA/cm^2, step: 1 uA/cm^2}|" \
        -e "s|model.gK: {.*}|model.gK: {from: $3 mS/cm^2, to: $gk_to mS/cm^2, step: 2 mS/cm^2}|" \
        -e "s|model.gNa: {.*}|model.gNa: {from: $4 mS/cm^2, to: $gna_to mS/cm^2, step: 10 mS/cm^2}|" \
        docs/sizing-1e8.yaml
    echo "execution: {chunk_runs: $5}"
}
