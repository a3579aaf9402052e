"""Summarises a bench/brian2-compare.sh run: median neuron-steps/s of each simulator over the
rounds, its ratio to Brian2's single-thread median, and how its spike counts compare with
Brian2's (last round of each). Prints a Markdown table."""
import json
import os
import statistics
import sys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main(out):
    runs = {}
    for name in sorted(os.listdir(out)):
        if name.endswith('.jsonl'):
            rows = load(os.path.join(out, name))
            if rows:
                runs[name[:-len('.jsonl')]] = rows
    if 'brian2-t0' not in runs:
        sys.exit('no Brian2 single-thread results in ' + out)
    base_rows = runs['brian2-t0']
    base = statistics.median(r for row in base_rows for r in row['neuron_steps_per_s'])
    brian_counts = base_rows[-1]['spike_counts']
    first = base_rows[0]
    print('%d neurons, %d steps of %s ms, %d rounds; medians of neuron-steps per second on one core'
          % (first['neurons'], first['steps'], first['dt_ms'], len(base_rows)))
    print()
    print('| simulator | runs | median M neuron-steps/s | min-max | x Brian2 (1 thread) | spikes | neurons whose count differs from Brian2 |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    order = sorted(runs, key=lambda k: (not k.startswith('brian2'), 'pipeline' in k, k))
    for label in order:
        rows = runs[label]
        rates = [r for row in rows for r in row['neuron_steps_per_s']]
        med = statistics.median(rates)
        counts = rows[-1]['spike_counts']
        differ = sum(1 for a, b in zip(counts, brian_counts) if a != b)
        name = rows[-1]['simulator'] + (' %d threads' % rows[-1]['threads'] if rows[-1].get('threads') else '')
        print('| %s | %d | %.1f | %.1f-%.1f | %.2f | %d | %d |'
              % (name, len(rates), med / 1e6, min(rates) / 1e6, max(rates) / 1e6, med / base,
                 rows[-1]['spikes_total'], differ))


if __name__ == '__main__':
    main(sys.argv[1])
