"""Brian2 C++ standalone run of one of hhsweep's library models, timed like hhsweep's kernel.

--model hh (the default) is the tutorial's Hodgkin-Huxley model; traub_miles is the COBAHH cell
(Brette et al. 2007). The equations come from the model data in brian2_models.py, the script that
writes the Brian2 reference spike trains. N neurons with constant currents numpy.linspace(0, 20, N)
uA/cm^2, exponential Euler at dt, for the given duration; spikes counted on upward crossings of the
model's V_th (20 mV for hh, -20 mV for traub_miles). The code is generated and compiled once, then
the binary is run REPEATS times; each run's time is Brian2's own measurement of the network run
(device._last_run_time), so code generation, compilation and start-up are excluded.
Prints one JSON object on stdout.
"""
import argparse
import glob
import json
import os
import subprocess
import tempfile
import time

import numpy as np
from brian2 import NeuronGroup, SpikeMonitor, defaultclock, device, prefs, run, set_device, ms

from brian2_models import MODELS, equations, initial_state

TIMED_MODELS = ('hh', 'traub_miles')  # the ones Brian2's exponential_euler integrates


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--model', choices=TIMED_MODELS, default='hh')
    p.add_argument('--neurons', type=int, default=10_000)
    p.add_argument('--duration-ms', type=float, default=1000.0)
    p.add_argument('--dt-ms', type=float, default=0.01)
    p.add_argument('--threads', type=int, default=0, help='OpenMP threads; 0 = no OpenMP (one thread)')
    p.add_argument('--repeats', type=int, default=3)
    p.add_argument('--workdir', default=None, help='where Brian2 writes the C++ project (default: a temp dir)')
    p.add_argument('--rerun', action='store_true',
                   help='run the binary already built in --workdir again, without Brian2 (other options ignored)')
    a = p.parse_args()
    if a.rerun:
        rerun(a.workdir)
        return

    workdir = a.workdir or tempfile.mkdtemp(prefix='brian2-hh-')
    set_device('cpp_standalone', directory=workdir, build_on_run=False)
    prefs.devices.cpp_standalone.openmp_threads = a.threads
    defaultclock.dt = a.dt_ms * ms

    # v in mV and I in uA/cm^2, dimensionless, float64 like ours (brian2_models.equations).
    model = MODELS[a.model]
    threshold = 'v >= %r' % model['V_th']
    eqs, namespace = equations(model)
    group = NeuronGroup(a.neurons, eqs, method='exponential_euler',
                        threshold=threshold, refractory=threshold, namespace=namespace)
    # Start at -65 mV with every gate at its steady state there.
    for var, value in initial_state(model).items():
        setattr(group, var, value)
    group.I = np.linspace(0.0, 20.0, a.neurons)
    spikes = SpikeMonitor(group, record=False)
    run(a.duration_ms * ms)

    t0 = time.perf_counter()
    device.build(directory=workdir, compile=True, run=True)
    build_and_first_run_s = time.perf_counter() - t0
    run_s = [device._last_run_time]
    for _ in range(a.repeats - 1):
        device.run(workdir, False, [])
        run_s.append(device._last_run_time)
    counts = np.asarray(spikes.count[:], dtype=np.int64)

    steps = int(round(a.duration_ms / a.dt_ms))
    about = {'simulator': 'brian2 %s cpp_standalone' % __import__('brian2').__version__,
             'model': a.model, 'threads': a.threads, 'neurons': a.neurons, 'steps': steps, 'dt_ms': a.dt_ms}
    with open(os.path.join(workdir, 'about.json'), 'w') as f:
        json.dump(about, f)
    print(json.dumps(dict(about, **{
        'run_seconds': run_s,
        'neuron_steps_per_s': [a.neurons * steps / s for s in run_s],
        'build_and_first_run_seconds': build_and_first_run_s,
        'spikes_total': int(counts.sum()),
        'spike_counts': counts.tolist(),
        'workdir': workdir,
    })))


def rerun(workdir):
    """Runs the compiled project again; its own timer measures the network run, as in main()."""
    with open(os.path.join(workdir, 'about.json')) as f:
        about = json.load(f)
    subprocess.run(['./main'], cwd=workdir, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(workdir, 'results', 'last_run_info.txt')) as f:
        run_s = float(f.read().split()[0])
    count_file, = glob.glob(os.path.join(workdir, 'results', '_array_spikemonitor_count_*'))
    counts = np.fromfile(count_file, dtype=np.int32)
    steps = about['steps']
    print(json.dumps(dict(about, **{
        'run_seconds': [run_s],
        'neuron_steps_per_s': [about['neurons'] * steps / run_s],
        'spikes_total': int(counts.sum()),
        'spike_counts': counts.tolist(),
        'workdir': workdir,
    })))


if __name__ == '__main__':
    main()
