#!/usr/bin/env bash
# Makes conf/data/fi-target.csv, the target of conf/fit-fi.yaml, from KNOWN parameters: the
# engine's statistics of the tutorial's neuron with gNa 110 mS/cm^2 and gK 40 mS/cm^2 at six
# constant currents, 300 ms at dt 0.025 ms as the fit runs them (a constant current has no noise,
# so the seed does not matter), written with full precision. The fit should recover 110 and 40.
#
#   bench/fit-fi-target.sh            # rewrites conf/data/fi-target.csv
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/truth.yaml" <<'YAML'
name: fit-fi-truth
simulation: {duration: 300 ms, dt: 0.025 ms}
model: {gNa: 110 mS/cm^2, gK: 40 mS/cm^2}
stimulus: {type: constant, amplitude: 0 uA/cm^2}
sweep:
  grid: {stimulus.amplitude: [4 uA/cm^2, 6 uA/cm^2, 8 uA/cm^2, 10 uA/cm^2, 14 uA/cm^2, 20 uA/cm^2]}
record: {spikes: false}
YAML
"$ROOT/submit.sh" sweep "$WORK/truth.yaml" --out "$WORK/out" >&2
{
    echo "# f-I statistics of the engine at gNa 110 mS/cm^2, gK 40 mS/cm^2 (bench/fit-fi-target.sh)"
    "$ROOT/submit.sh" query "$WORK/out" "SELECT stimulus_amplitude AS \`stimulus.amplitude\`, rate_hz,
        first_spike_ms, mean_isi_ms FROM summaries ORDER BY stimulus_amplitude" --format csv
} > "$ROOT/conf/data/fi-target.csv"
cat "$ROOT/conf/data/fi-target.csv"
