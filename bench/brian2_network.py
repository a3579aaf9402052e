"""Brian2 reference runs for hhsweep's networks (issue 13): a synapse pair and the COBAHH benchmark.

Network semantics (what hhsweep implements, reproduced here in Brian2):

- A synapse group gives every target neuron one conductance g (mS/cm^2) with its own decay time
  tau (ms) and reversal E (mV): dg/dt = -g/tau, and the neuron's dv/dt gets + g (E - v) / C. Every
  presynaptic spike adds the synapse's weight (mS/cm^2) to g. g is a state variable of the target
  NeuronGroup (one per synapse group: g_AB, ge, gi) and everything is integrated together by
  Brian2's exponential_euler: within a step, g and the gates are taken at the step's start.
- Brian2's schedule per step: state update, threshold, synaptic propagation. A spike found at
  step k with delay 0 adds its weight after step k, so step k + 1 is the first to see it; a delay
  d adds it d/dt steps later (seen by step k + d/dt + 1).

Units are dimensionless floats throughout: V in mV, t in ms, g in mS/cm^2, I in uA/cm^2, C in
uF/cm^2. Equations and initial states come from brian2_models.py (the library models' data).

Subcommands:

  pair          Two tutorial cells (model `hh`, V_th 20 mV): A under a constant current I_A, B
                without current; one excitatory synapse A -> B (E 0 mV, tau 5 ms). Spikes are
                upward crossings: threshold 'v >= V_th', refractory = the same condition. Both
                cells start at brian2_models.initial_state (V0 -65 mV, gates at steady state),
                g = 0. Every combination of PAIR_CURRENTS x PAIR_WEIGHTS x PAIR_DELAYS at each of
                PAIR_DTS, 200 ms. All pairs of one dt run in one NeuronGroup (A's first, then B's),
                connected one-to-one by index arrays, so nothing couples two pairs; the script
                checks the connectivity and reruns a few pairs alone (their spike times must be
                the same to the bit). Each case also runs perturbed (I_A +- 0.01 uA/cm^2, weight
                x (1 +- 0.01)) in the same group: `stable` says that A's and B's counts are the same
                under all four perturbations. Runtime mode, numpy target, float64.
  cobahh        Brian2's examples/COBAHH.py (Brette et al. 2007, benchmark 3): 4000 traub_miles
                cells, 3200 E then 800 I; Synapses Ce from P[:3200] and Ci from P[3200:] onto all
                of P, each connect(p=0.02) (autapses included); per area (20000 um^2): we 6 nS =
                0.03 mS/cm^2, wi 67 nS = 0.335 mS/cm^2, taue 5 ms Ee 0 mV, taui 10 ms Ei -80 mV;
                threshold 'v > -20' with refractory 3 ms; v = -60 + (randn()*5 - 5) mV,
                ge = (randn()*1.5 + 4)*0.05, gi = (randn()*12 + 20)*0.05 mS/cm^2 (10 nS =
                0.05 mS/cm^2), drawn after connecting, in that order; m, h, n start at 0 (the
                example sets no gate); dt 0.1 ms, 1 s. Per seed (seed(s) before building): E and
                I mean rates; then the same with both weights 0 (each cell's tonic rate). Also one
                run with upward-crossing spikes (threshold 'v >= -20', refractory = the condition)
                to see whether the 3 ms refractory changes any spike. Runtime mode, numpy target.
                --literal runs the example's own equations (with units) on the same seeds instead.
  time-cobahh   COBAHH as in `cobahh`, C++ standalone, no OpenMP, timed like brian2_hh.py: code
                generated and compiled once, the binary run --repeats times, each run's time
                Brian2's device._last_run_time (the network run only: no compile, no connect).
                Prints one JSON object.
  all           pair then cobahh.

--write PATH (pair, cobahh, all) updates that subcommand's section of the JSON at PATH (other
sections are kept), by default sim-core/src/test/resources/org/hhsweep/sim/network/
brian2-network.json. Keys:

  provenance               script, units, spike_rule, spike_time_rule, brian2_version,
                           numpy_version, python_version, and per section (pair, cobahh) the
                           command, date (UTC), runtime_s, target, dt_ms and what was run
  pair                     {"model", "V_th_mV", "initial_state", "cases": [...]}; one case:
    current_uA_cm2         I_A (B has none)
    weight_mS_cm2          the synapse's weight
    tau_ms, E_mV           the synaptic conductance's decay time and reversal
    delay_ms, dt_ms, duration_ms
    spikes_A, spikes_B     spike counts in the run
    first_spikes_A_ms, first_spikes_B_ms   the first (up to) 5 spike times
    stable                 the same counts under the perturbations above
  cobahh
    parameters             COBAHH above: N, N_E, N_I, p, area_um2, w_E_mS_cm2, w_I_mS_cm2, tau_E_ms,
                           E_E_mV, tau_I_ms, E_I_mV, V_th_mV, refractory_ms, dt_ms, duration_ms,
                           initial values v0_mV, ge0_mS_cm2, gi0_mS_cm2 as {"normal": [mean, sd]}
    seeds                  per seed: seed, rate_E_Hz, rate_I_Hz (spikes / cells / 1 s), spikes_E,
                           spikes_I, synapses_E, synapses_I, cell_rate_max_Hz, min_isi_ms,
                           spikes_at_refractory_end (spikes exactly 3 ms after the cell's previous
                           one), cells_gi0_negative (gi starts below 0 in ~4.8% of the cells)
    over_seeds             {"rate_E_Hz": {"min", "max", "mean"}, "rate_I_Hz": {...}}
    weights_zero           we = wi = 0: per seed {seed, rate_mean_Hz, rate_min_Hz, rate_max_Hz,
                           last_isi_ms {min, max} (each cell's last interval: the tonic period),
                           counts {"spike count": cells}}; the same over seeds; initial_g_zero:
                           one seed again with ge = gi = 0 at t = 0
    crossing_check         one seed with upward crossings instead of the 3 ms refractory: spikes_E,
                           spikes_I beside the refractory run's, min_isi_ms

Spike times (first_spikes_*_ms) are the end of the step that holds the spike, (k + 1) * dt for
step k from 0, like brian2-library.json and hhsweep's SpikeDetector; Brian2's SpikeMonitor
reports the step's start, k * dt (subtract dt_ms).

    /usr/bin/python3 bench/brian2_network.py all --write       # both sections (about 4 minutes)
    /usr/bin/python3 bench/brian2_network.py pair --write
    /usr/bin/python3 bench/brian2_network.py cobahh --seeds 1 2 --write /tmp/x.json
    /usr/bin/python3 bench/brian2_network.py time-cobahh --repeats 3
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from brian2_models import MODELS, equations, initial_state  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT_DEFAULT = 'sim-core/src/test/resources/org/hhsweep/sim/network/brian2-network.json'
UNITS = ('V, E, V_th in mV; t, dt, delay, tau in ms; g and weights in mS/cm^2 (per area of membrane); '
         'I in uA/cm^2; C in uF/cm^2; rates in Hz (spikes per cell per second)')
SPIKE_TIME_RULE = ('a spike time is the end of the step that holds it, (k + 1) * dt for step k from 0 '
                   "(brian2-library.json's and SpikeDetector's rule); Brian2's SpikeMonitor reports k * dt")

# ---- pair ----
PAIR_MODEL = 'hh'
# From a scan at dt 0.025 ms, no delay: A is silent at 3 uA/cm^2 and fires 11 to 18 times in 200 ms
# from 5 to 20; B fires never at 0.05 mS/cm^2, at about half of A's spikes at 0.07, and at every one
# of them from 0.3 (0.1 to 0.2: in between, depending on I_A).
PAIR_CURRENTS = [3.0, 5.0, 7.0, 10.0, 15.0, 20.0]
PAIR_WEIGHTS = [0.05, 0.07, 0.1, 0.15, 0.2, 0.5, 1.0]
PAIR_DELAYS = [0.0, 1.0]
PAIR_DTS = [0.01, 0.025]
PAIR_TAU_MS, PAIR_E_MV = 5.0, 0.0
PAIR_DURATION_MS = 200.0
FIRST_SPIKES = 5
PERTURBATIONS = [(0.01, 1.0), (-0.01, 1.0), (0.0, 1.01), (0.0, 0.99)]  # (added to I_A, weight factor)

# ---- COBAHH (Brian2 examples/COBAHH.py), per area of 20000 um^2 = 2e-4 cm^2 ----
AREA_CM2 = 20000e-8
NS = 1e-6 / AREA_CM2  # 1 nS in mS/cm^2 over that area: 0.005
COBAHH = {
    'model': 'traub_miles', 'N': 4000, 'N_E': 3200, 'N_I': 800, 'p': 0.02,
    'area_um2': 20000.0,
    'w_E_mS_cm2': 6 * NS, 'w_I_mS_cm2': 67 * NS,
    'tau_E_ms': 5.0, 'E_E_mV': 0.0, 'tau_I_ms': 10.0, 'E_I_mV': -80.0,
    'V_th_mV': -20.0, 'threshold': 'v > V_th (strict, as in the example)', 'refractory_ms': 3.0,
    'dt_ms': 0.1, 'duration_ms': 1000.0,
    'v0_mV': {'normal': [-65.0, 5.0]},
    'ge0_mS_cm2': {'normal': [4 * 10 * NS, 1.5 * 10 * NS]},
    'gi0_mS_cm2': {'normal': [20 * 10 * NS, 12 * 10 * NS]},
    'gates0': 'm = h = n = 0 (the example sets no gate; Brian2 starts them at 0)',
    'draw_order': "Ce.connect(p), Ci.connect(p), then v, ge, gi over all cells (randn() in each "
                  "cell's string expression), after seed(s)",
    'connect': 'Ce: every (i in P[:3200], j in P) with probability p; Ci: every (i in P[3200:], j in P) with '
               'probability p; autapses included; delay 0',
}
COBAHH_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]


def setup_runtime():
    import brian2 as b2
    from brian2.core.functions import DEFAULT_FUNCTIONS
    from brian2.units.unitsafefunctions import exprel
    # As in brian2_models.simulate: exprel's numpy implementation without the unit check that
    # formats its result as a string on every call (same numbers, much faster).
    DEFAULT_FUNCTIONS['exprel'].implementations.add_numpy_implementation(exprel, discard_units=True)
    b2.prefs.codegen.target = 'numpy'
    b2.prefs.core.default_float_dtype = np.float64
    return b2


def synaptic_equations(model, conductances):
    """The model's equations (brian2_models.equations) with one conductance per synapse group:
    conductances = [(g name, E mV, tau ms)], each dg/dt = -g/tau and + g (E - v) in C dv/dt."""
    eqs, ns = equations(model)
    head = 'dv/dt = (I - ('
    if not eqs.startswith(head):
        raise RuntimeError('unexpected form of V\'s equation: %s' % eqs.splitlines()[0])
    terms, lines = [], []
    for g, e, tau in conductances:
        ns['E_' + g], ns['tau_' + g] = float(e), float(tau)
        terms.append('%s*(E_%s - v)' % (g, g))
        lines.append('d%s/dt = -%s/tau_%s/ms : 1' % (g, g, g))
    eqs = 'dv/dt = (I + %s - (' % ' + '.join(terms) + eqs[len(head):]
    return '\n'.join([eqs] + lines), ns


def spike_steps(monitor, dt_ms):
    """Per neuron, the step indices k of its spikes (SpikeMonitor's t = k * dt)."""
    i = np.asarray(monitor.i[:])
    k = np.rint(np.asarray(monitor.t_[:]) * 1000.0 / dt_ms).astype(np.int64)
    order = np.lexsort((k, i))
    return i[order], k[order]


def first_times(i, k, neuron, dt_ms, n=FIRST_SPIKES):
    steps = k[i == neuron][:n]
    return [round((int(s) + 1) * dt_ms, 10) for s in steps]


def run_pairs(b2, dt_ms, currents, weights, delays, duration_ms=PAIR_DURATION_MS):
    """Independent A -> B pairs in one group: A's are neurons 0..n-1, B's n..2n-1.
    Returns (counts A, counts B, first times A, first times B)."""
    b2.start_scope()
    b2.defaultclock.dt = dt_ms * b2.ms
    model = MODELS[PAIR_MODEL]
    eqs, ns = synaptic_equations(model, [('g_AB', PAIR_E_MV, PAIR_TAU_MS)])
    ns['V_th'] = float(model['V_th'])
    n = len(currents)
    group = b2.NeuronGroup(2 * n, eqs, method='exponential_euler', threshold='v >= V_th',
                           refractory='v >= V_th', namespace=ns)
    for var, value in initial_state(model).items():
        setattr(group, var, value)
    group.g_AB = 0.0
    group.I = np.concatenate([np.asarray(currents, dtype=np.float64), np.zeros(n)])
    syn = b2.Synapses(group, group, model='w : 1', on_pre='g_AB_post += w')
    src, tgt = np.arange(n), n + np.arange(n)
    syn.connect(i=src, j=tgt)
    if not (len(syn) == n and np.array_equal(syn.i[:], src) and np.array_equal(syn.j[:], tgt)):
        raise RuntimeError('pairs are not one-to-one A_k -> B_k')
    syn.w = np.asarray(weights, dtype=np.float64)
    syn.delay = np.asarray(delays, dtype=np.float64) * b2.ms
    mon = b2.SpikeMonitor(group)
    b2.run(duration_ms * b2.ms)
    if not np.all(np.isfinite(group.v[:])):
        raise RuntimeError('V not finite')
    i, k = spike_steps(mon, dt_ms)
    counts = np.bincount(i, minlength=2 * n)
    return (counts[:n], counts[n:], [first_times(i, k, a, dt_ms) for a in range(n)],
            [first_times(i, k, n + a, dt_ms) for a in range(n)])


def pair_section(b2, currents, weights, delays, dts, check=3):
    grid = [(c, w, d) for c in currents for w in weights for d in delays]
    cases, log = [], []
    for dt in dts:
        t0 = time.time()
        runs = [(c + dc, w * fw, d) for dc, fw in [(0.0, 1.0)] + PERTURBATIONS for c, w, d in grid]
        ca, cb, fa, fb = run_pairs(b2, dt, *zip(*runs))
        n = len(grid)
        for x, (c, w, d) in enumerate(grid):
            variants = range(x, len(runs), n)
            stable = all(ca[v] == ca[x] and cb[v] == cb[x] for v in variants)
            cases.append({'current_uA_cm2': c, 'weight_mS_cm2': w, 'tau_ms': PAIR_TAU_MS, 'E_mV': PAIR_E_MV,
                          'delay_ms': d, 'dt_ms': dt, 'duration_ms': PAIR_DURATION_MS,
                          'spikes_A': int(ca[x]), 'spikes_B': int(cb[x]),
                          'first_spikes_A_ms': fa[x], 'first_spikes_B_ms': fb[x], 'stable': stable})
        # Independence: a few pairs run alone must give the same spike times.
        for x in np.linspace(0, n - 1, check).astype(int) if check else []:
            c, w, d = grid[x]
            sa, sb, ta, tb = run_pairs(b2, dt, [c], [w], [d])
            if (sa[0], sb[0]) != (ca[x], cb[x]) or ta[0] != fa[x] or tb[0] != fb[x]:
                raise RuntimeError('pair %s at dt %g differs when run alone' % (grid[x], dt))
        log.append('pair dt %g: %d cases (+%d perturbed, %d rerun alone) in %.1f s'
                   % (dt, n, len(runs) - n, check, time.time() - t0))
        print(log[-1], file=sys.stderr)
    return {'model': PAIR_MODEL, 'V_th_mV': MODELS[PAIR_MODEL]['V_th'],
            'initial_state': initial_state(MODELS[PAIR_MODEL]), 'cases': cases}, log


def print_pairs(section):
    print('dt      I_A    w      delay  A    B    stable  first B (ms)')
    for c in section['cases']:
        print('%-7g %-6g %-6g %-6g %-4d %-4d %-7s %s' % (
            c['dt_ms'], c['current_uA_cm2'], c['weight_mS_cm2'], c['delay_ms'], c['spikes_A'],
            c['spikes_B'], c['stable'], c['first_spikes_B_ms']))


# ---- COBAHH ----

LITERAL_EQS = '''
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
         (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
        (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
         (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
'''  # examples/COBAHH.py's equations, verbatim


def build_cobahh(b2, seed, weights_zero=False, crossing=False, literal=False):
    """COBAHH's network in the current device; returns (group, spike monitor, Ce, Ci)."""
    p = COBAHH
    b2.defaultclock.dt = p['dt_ms'] * b2.ms
    if seed is not None:
        b2.seed(seed)
    if literal:
        from brian2 import umetre, ufarad, cm, siemens, msiemens, mV, ms, nS
        area = 20000 * umetre ** 2
        ns = {'Cm': (1 * ufarad * cm ** -2) * area, 'gl': (5e-5 * siemens * cm ** -2) * area,
              'El': -60 * mV, 'EK': -90 * mV, 'ENa': 50 * mV,
              'g_na': (100 * msiemens * cm ** -2) * area, 'g_kd': (30 * msiemens * cm ** -2) * area,
              'VT': -63 * mV, 'taue': 5 * ms, 'taui': 10 * ms, 'Ee': 0 * mV, 'Ei': -80 * mV,
              'we': 0 * nS if weights_zero else 6 * nS, 'wi': 0 * nS if weights_zero else 67 * nS}
        group = b2.NeuronGroup(p['N'], b2.Equations(LITERAL_EQS), threshold='v>-20*mV', refractory=3 * ms,
                               method='exponential_euler', namespace=ns)
        ce = b2.Synapses(group[:p['N_E']], group, on_pre='ge+=we', namespace=ns)
        ci = b2.Synapses(group[p['N_E']:], group, on_pre='gi+=wi', namespace=ns)
        ce.connect(p=p['p'])
        ci.connect(p=p['p'])
        group.v = 'El + (randn() * 5 - 5)*mV'
        group.ge = '(randn() * 1.5 + 4) * 10.*nS'
        group.gi = '(randn() * 12 + 20) * 10.*nS'
    else:
        model = MODELS[p['model']]
        eqs, ns = synaptic_equations(model, [('ge', p['E_E_mV'], p['tau_E_ms']),
                                             ('gi', p['E_I_mV'], p['tau_I_ms'])])
        ns.update({'V_th': p['V_th_mV'], 'El': -60.0, 'ten_nS': 10 * NS,
                   'we': 0.0 if weights_zero else p['w_E_mS_cm2'], 'wi': 0.0 if weights_zero else p['w_I_mS_cm2']})
        if crossing:
            group = b2.NeuronGroup(p['N'], eqs, threshold='v >= V_th', refractory='v >= V_th',
                                   method='exponential_euler', namespace=ns)
        else:
            group = b2.NeuronGroup(p['N'], eqs, threshold='v > V_th', refractory=p['refractory_ms'] * b2.ms,
                                   method='exponential_euler', namespace=ns)
        group.I = 0.0
        ce = b2.Synapses(group[:p['N_E']], group, on_pre='ge_post += we', namespace=ns)
        ci = b2.Synapses(group[p['N_E']:], group, on_pre='gi_post += wi', namespace=ns)
        ce.connect(p=p['p'])
        ci.connect(p=p['p'])
        group.v = 'El + (randn() * 5 - 5)'
        group.ge = '(randn() * 1.5 + 4) * ten_nS'
        group.gi = '(randn() * 12 + 20) * ten_nS'
    mon = b2.SpikeMonitor(group)
    return group, mon, ce, ci


def run_cobahh(b2, seed, initial_g_zero=False, **kw):
    """One 1 s run; a dict of per-cell spike counts and interval statistics."""
    b2.start_scope()
    t0 = time.time()
    group, mon, ce, ci = build_cobahh(b2, seed, **kw)
    gi0 = np.array(group.gi_[:] if kw.get('literal') else group.gi[:], copy=True)  # numpy target: a view otherwise
    if initial_g_zero:
        group.ge = 0.0
        group.gi = 0.0
    b2.run(COBAHH['duration_ms'] * b2.ms)
    counts = np.asarray(mon.count[:], dtype=np.int64)
    i, k = spike_steps(mon, COBAHH['dt_ms'])
    same = i[1:] == i[:-1]
    isi = (k[1:] - k[:-1])[same]
    ref_steps = int(round(COBAHH['refractory_ms'] / COBAHH['dt_ms']))
    # each cell's last interval (in the weights-0 runs: the tonic period once the start is forgotten)
    last = np.nonzero(np.append(i[1:] != i[:-1], True) & np.append(False, same))[0]
    return {'counts': counts, 'synapses_E': len(ce), 'synapses_I': len(ci),
            'min_isi_ms': round(int(isi.min()) * COBAHH['dt_ms'], 10) if isi.size else None,
            'at_refractory_end': int((isi == ref_steps).sum()),  # spikes exactly 3 ms after the cell's last
            'last_isi_ms': (k[last] - k[last - 1]) * COBAHH['dt_ms'],
            'cells_gi0_negative': int((gi0 < 0).sum()), 'seconds': time.time() - t0}


def rates(counts):
    p, dur_s = COBAHH, COBAHH['duration_ms'] / 1000.0
    return (float(counts[:p['N_E']].sum()) / p['N_E'] / dur_s, float(counts[p['N_E']:].sum()) / p['N_I'] / dur_s)


def summary(values):
    return {'min': min(values), 'max': max(values), 'mean': round(float(np.mean(values)), 6)}


def tonic(r, seed):
    """Weights-0 figures of one run: per-cell rates and the histogram of counts."""
    rate = r['counts'] / (COBAHH['duration_ms'] / 1000.0)
    values, cells = np.unique(r['counts'], return_counts=True)
    return {'seed': seed, 'rate_mean_Hz': round(float(rate.mean()), 6), 'rate_min_Hz': float(rate.min()),
            'rate_max_Hz': float(rate.max()),
            'last_isi_ms': {'min': round(float(r['last_isi_ms'].min()), 6),
                            'max': round(float(r['last_isi_ms'].max()), 6)},
            'counts': {str(int(v)): int(c) for v, c in zip(values, cells)}}


def cobahh_section(b2, seeds, literal=False, crossing_seed=None):
    log, per_seed, zero = [], [], []

    def note(msg):
        log.append(msg)
        print(msg, file=sys.stderr)

    for s in seeds:
        r = run_cobahh(b2, s, literal=literal)
        re, ri = rates(r['counts'])
        per_seed.append({'seed': s, 'rate_E_Hz': round(re, 6), 'rate_I_Hz': round(ri, 6),
                         'spikes_E': int(r['counts'][:COBAHH['N_E']].sum()),
                         'spikes_I': int(r['counts'][COBAHH['N_E']:].sum()),
                         'synapses_E': r['synapses_E'], 'synapses_I': r['synapses_I'],
                         'cell_rate_max_Hz': float(r['counts'].max()) / (COBAHH['duration_ms'] / 1000.0),
                         'min_isi_ms': r['min_isi_ms'], 'spikes_at_refractory_end': r['at_refractory_end'],
                         'cells_gi0_negative': r['cells_gi0_negative']})
        note('cobahh seed %d: %s, %.1f s' % (s, json.dumps(per_seed[-1]), r['seconds']))
        r = run_cobahh(b2, s, literal=literal, weights_zero=True)
        zero.append(tonic(r, s))
        note('cobahh seed %d weights 0: %s, %.1f s' % (s, json.dumps(zero[-1]), r['seconds']))
    section = {
        'parameters': dict({k: round(v, 12) if isinstance(v, float) else v for k, v in COBAHH.items()},
                           literal_equations=literal),
        'seeds': per_seed,
        'over_seeds': {'rate_E_Hz': summary([x['rate_E_Hz'] for x in per_seed]),
                       'rate_I_Hz': summary([x['rate_I_Hz'] for x in per_seed])},
        'weights_zero': {'seeds': zero,
                         'rate_mean_Hz': summary([x['rate_mean_Hz'] for x in zero]),
                         'rate_min_Hz': min(x['rate_min_Hz'] for x in zero),
                         'rate_max_Hz': max(x['rate_max_Hz'] for x in zero),
                         'last_isi_ms': {'min': min(x['last_isi_ms']['min'] for x in zero),
                                         'max': max(x['last_isi_ms']['max'] for x in zero)}},
    }
    if crossing_seed is not None and not literal:
        # The spread of the weights-0 counts comes from the random initial ge, gi: without them
        # every cell fires 13 or 14 times.
        r = run_cobahh(b2, crossing_seed, weights_zero=True, initial_g_zero=True)
        section['weights_zero']['initial_g_zero'] = dict(tonic(r, crossing_seed),
                                                        about='as weights_zero, but ge = gi = 0 at t = 0')
        note('cobahh seed %d weights 0, ge = gi = 0 at t = 0: %s, %.1f s'
             % (crossing_seed, json.dumps(section['weights_zero']['initial_g_zero']), r['seconds']))
        r = run_cobahh(b2, crossing_seed, crossing=True)
        ref = next((x for x in per_seed if x['seed'] == crossing_seed), None)
        section['crossing_check'] = {
            'seed': crossing_seed,
            'rule': "threshold 'v >= V_th', refractory = the same condition (upward crossings), no 3 ms",
            'spikes_E': int(r['counts'][:COBAHH['N_E']].sum()), 'spikes_I': int(r['counts'][COBAHH['N_E']:].sum()),
            'spikes_E_refractory_3ms': ref and ref['spikes_E'], 'spikes_I_refractory_3ms': ref and ref['spikes_I'],
            'min_isi_ms': r['min_isi_ms']}
        note('cobahh seed %d upward crossings: %s, %.1f s' % (crossing_seed, json.dumps(section['crossing_check']),
                                                             r['seconds']))
    return section, log


def time_cobahh(a):
    import brian2 as b2
    workdir = a.workdir or tempfile.mkdtemp(prefix='brian2-cobahh-')
    b2.set_device('cpp_standalone', directory=workdir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = a.threads
    b2.prefs.core.default_float_dtype = np.float64
    group, mon, ce, ci = build_cobahh(b2, a.seed, weights_zero=a.weights_zero, literal=a.literal)
    counter = b2.SpikeMonitor(group, record=False)
    b2.run(COBAHH['duration_ms'] * b2.ms)
    t0 = time.perf_counter()
    b2.device.build(directory=workdir, compile=True, run=True)
    build_and_first_run_s = time.perf_counter() - t0
    run_s = [b2.device._last_run_time]
    for _ in range(a.repeats - 1):
        b2.device.run(workdir, False, [])
        run_s.append(b2.device._last_run_time)
    load = os.getloadavg()[0]  # others share the machine: the 1-minute load average after the runs
    counts = np.asarray(counter.count[:], dtype=np.int64)
    re, ri = rates(counts)
    steps = int(round(COBAHH['duration_ms'] / COBAHH['dt_ms']))
    print(json.dumps({
        'simulator': 'brian2 %s cpp_standalone' % b2.__version__, 'benchmark': 'COBAHH',
        'equations': 'literal' if a.literal else 'traub_miles', 'weights_zero': a.weights_zero,
        'threads': a.threads, 'neurons': COBAHH['N'], 'steps': steps, 'dt_ms': COBAHH['dt_ms'], 'seed': a.seed,
        'synapses': int(len(ce) + len(ci)),
        'run_seconds': run_s, 'build_and_first_run_seconds': build_and_first_run_s, 'load_average_1min': load,
        'spikes_total': int(counts.sum()), 'rate_E_Hz': re, 'rate_I_Hz': ri, 'workdir': workdir}))


# ---- output ----

def dump(doc):
    """JSON with one line per pair case and per seed, so the file stays readable and diffable."""
    def lines(obj, indent):
        pad = ' ' * indent
        if isinstance(obj, dict) and any(isinstance(v, (dict, list)) and v and k != 'counts'
                                         and not (isinstance(v, list) and not isinstance(v[0], (dict, list)))
                                         for k, v in obj.items()) and indent < 4:
            items = list(obj.items())
            out = ['{']
            for n, (k, v) in enumerate(items):
                out.append('%s %s: %s%s' % (pad, json.dumps(k), lines(v, indent + 1), ',' if n < len(items) - 1 else ''))
            return '\n'.join(out + [pad + '}'])
        if isinstance(obj, list) and obj and isinstance(obj[0], dict):
            out = ['[']
            for n, v in enumerate(obj):
                out.append('%s %s%s' % (pad, json.dumps(v), ',' if n < len(obj) - 1 else ''))
            return '\n'.join(out + [pad + ']'])
        return json.dumps(obj)
    return lines(doc, 0) + '\n'


def write(path, sections, logs, command, seconds):
    import brian2
    doc = {}
    if os.path.exists(path):
        with open(path) as f:
            doc = json.load(f)
    prov = doc.get('provenance', {})
    prov.update({
        'script': 'bench/brian2_network.py',
        'units': UNITS,
        'spike_rule': {
            'pair': "threshold 'v >= V_th', refractory 'v >= V_th' (upward crossings of V_th)",
            'cobahh': "threshold 'v > -20' with refractory 3 ms, as examples/COBAHH.py: a cell spikes when "
                      "v > -20 mV and at least 30 steps (3 ms) have passed since its last spike"},
        'spike_time_rule': SPIKE_TIME_RULE,
        'synapse_rule': 'dg/dt = -g/tau, + g (E - v)/C in dv/dt, a spike adds weight to g; exponential_euler '
                        'with the rest of the neuron; schedule state update, threshold, synapses (delay 0: '
                        'the spike of step k is first seen by step k + 1; delay d: d/dt steps later)',
        'brian2_version': brian2.__version__,
        'numpy_version': np.__version__,
        'python_version': platform.python_version(),
    })
    date = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    for name, section in sections.items():
        doc[name] = section
        prov[name] = {'command': command, 'date': date, 'runtime_s': round(seconds[name], 1),
                      'target': 'Brian2 runtime mode, codegen target numpy, float64',
                      'dt_ms': PAIR_DTS if name == 'pair' else COBAHH['dt_ms'], 'log': logs[name]}
    doc['provenance'] = prov
    ordered = {k: doc[k] for k in ('provenance', 'pair', 'cobahh') if k in doc}
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, 'w') as f:
        f.write(dump(ordered))
    print('wrote %s' % path, file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    for name in ('pair', 'cobahh', 'all'):
        s = sub.add_parser(name)
        s.add_argument('--write', nargs='?', const=OUT_DEFAULT, default=None, metavar='PATH',
                       help='update this section of the JSON (default path: %s)' % OUT_DEFAULT)
        if name in ('pair', 'all'):
            s.add_argument('--currents', type=float, nargs='+', default=PAIR_CURRENTS)
            s.add_argument('--weights', type=float, nargs='+', default=PAIR_WEIGHTS)
            s.add_argument('--delays', type=float, nargs='+', default=PAIR_DELAYS)
            s.add_argument('--dts', type=float, nargs='+', default=PAIR_DTS)
            s.add_argument('--check', type=int, default=3, help='pairs per dt rerun alone (independence check)')
        if name in ('cobahh', 'all'):
            s.add_argument('--seeds', type=int, nargs='+', default=COBAHH_SEEDS)
            s.add_argument('--literal', action='store_true', help="the example's own equations, with units")
            s.add_argument('--crossing-seed', type=int, default=COBAHH_SEEDS[0],
                           help='seed of the upward-crossing run (negative: none)')
    s = sub.add_parser('time-cobahh')
    s.add_argument('--repeats', type=int, default=3)
    s.add_argument('--threads', type=int, default=0, help='OpenMP threads; 0 = no OpenMP (one thread)')
    s.add_argument('--seed', type=int, default=COBAHH_SEEDS[0])
    s.add_argument('--weights-zero', action='store_true')
    s.add_argument('--literal', action='store_true')
    s.add_argument('--workdir', default=None)
    a = p.parse_args()

    if a.cmd == 'time-cobahh':
        time_cobahh(a)
        return
    b2 = setup_runtime()
    sections, logs, seconds = {}, {}, {}
    if a.cmd in ('pair', 'all'):
        t0 = time.time()
        sections['pair'], logs['pair'] = pair_section(b2, a.currents, a.weights, a.delays, a.dts, a.check)
        seconds['pair'] = time.time() - t0
        print_pairs(sections['pair'])
    if a.cmd in ('cobahh', 'all'):
        t0 = time.time()
        sections['cobahh'], logs['cobahh'] = cobahh_section(
            b2, a.seeds, a.literal, a.crossing_seed if a.crossing_seed >= 0 else None)
        seconds['cobahh'] = time.time() - t0
        print(json.dumps({k: sections['cobahh'][k] for k in ('over_seeds', 'weights_zero')}))
    if a.write:
        path = a.write if os.path.isabs(a.write) or a.write != OUT_DEFAULT else os.path.join(ROOT, OUT_DEFAULT)
        command = ' '.join(['/usr/bin/python3', 'bench/brian2_network.py'] + [shlex.quote(x) for x in sys.argv[1:]])
        write(path, sections, logs, command, seconds)


if __name__ == '__main__':
    main()
