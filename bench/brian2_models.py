"""Brian2 reference spike trains for hhsweep's library neuron models (issue 12).

Every library model is data: a membrane capacitance, a spike threshold, a temperature factor phi
and channels, each a conductance g, a reversal potential E and gates raised to powers. Each gate's
rates alpha(V) and beta(V) use one of three forms (V in mV, rates in 1/ms):

    exponential   rate * exp((V - midpoint) / scale)
    sigmoid       rate / (1 + exp((midpoint - V) / scale))
    exp_linear    rate * x / (1 - exp(-x)),  x = (V - midpoint) / scale   (= rate / exprel(-x))

    dx/dt = phi * (alpha (1 - x) - beta x)        (a gate's own phi replaces the model's)
    C dV/dt = I - sum_channels g * prod(gate^power) * (V - E)

An `instantaneous` gate is not a state variable: it is alpha/(alpha+beta) of V. This script
writes Brian2 equations from that data (one rate function per form, nothing per model), runs every
model under constant currents from V0 = -65 mV with each gate at alpha/(alpha+beta) there, records
V every step and counts spikes the way hhsweep's SpikeDetector does: step k (from 0) holds a spike
when V_before < V_th <= V_after, and the spike's time is the end of that step, (k + 1) * dt.

Runtime mode, numpy target, float64. Models integrable by Brian2's exponential_euler (V's equation
linear in V given the gates) use it; wang_buzsaki's instantaneous m_inf(V)^3 makes V's equation
nonlinear, so it runs with rk4 at smaller steps.

    /usr/bin/python3 bench/brian2_models.py                 # writes the reference JSON
    /usr/bin/python3 bench/brian2_models.py --scan hh       # spike counts over a current grid
"""
import argparse
import datetime
import json
import math
import os
import platform
import sys
import time

import numpy as np

OUT_DEFAULT = 'sim-core/src/test/resources/reference/brian2-library.json'  # from the repository root
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
V0_MV = -65.0
DURATION_MS = 500.0


def rate(form, r, midpoint, scale):
    return {'form': form, 'rate': r, 'midpoint': midpoint, 'scale': scale}


def gate(name, power, alpha, beta, instantaneous=False, phi=None):
    g = {'name': name, 'power': power, 'alpha': alpha, 'beta': beta}
    if instantaneous:
        g['instantaneous'] = True
    if phi is not None:
        g['phi'] = phi
    return g


def channel(name, g, E, gates=()):
    return {'name': name, 'g': g, 'E': E, 'gates': list(gates)}


def traub_miles_channels():
    # Brette et al. 2007 (Brian2 examples/COBAHH.py), VT = -63 mV folded into the midpoints.
    return [
        channel('na', 100.0, 50.0, [
            gate('m', 3, rate('exp_linear', 1.28, -50.0, 4.0), rate('exp_linear', 1.4, -23.0, -5.0)),
            gate('h', 1, rate('exponential', 0.128, -46.0, -18.0), rate('sigmoid', 4.0, -23.0, 5.0)),
        ]),
        channel('k', 30.0, -90.0, [
            gate('n', 4, rate('exp_linear', 0.16, -48.0, 5.0), rate('exponential', 0.5, -53.0, -40.0)),
        ]),
        channel('leak', 0.05, -60.0),
    ]


# Units: C uF/cm^2, V_th/E/midpoint/scale mV, g mS/cm^2, rate 1/ms, phi dimensionless.
MODELS = {
    'hh': {
        'about': 'Hodgkin-Huxley squid axon, the tutorial\'s parameters (rest shifted to -65 mV)',
        'C': 1.0, 'V_th': 20.0, 'phi': 1.0,
        'channels': [
            channel('na', 120.0, 50.0, [
                gate('m', 3, rate('exp_linear', 1.0, -40.0, 10.0), rate('exponential', 4.0, -65.0, -18.0)),
                gate('h', 1, rate('exponential', 0.07, -65.0, -20.0), rate('sigmoid', 1.0, -35.0, 10.0)),
            ]),
            channel('k', 36.0, -77.0, [
                gate('n', 4, rate('exp_linear', 0.1, -55.0, 10.0), rate('exponential', 0.125, -65.0, -80.0)),
            ]),
            channel('leak', 0.03, -54.387),
        ],
    },
    'traub_miles': {
        'about': 'Traub-Miles cell of Brette et al. 2007 (Brian2 examples/COBAHH.py, VT = -63 mV), per area',
        'C': 1.0, 'V_th': -20.0, 'phi': 1.0,
        'channels': traub_miles_channels(),
    },
    'wang_buzsaki': {
        'about': 'Wang & Buzsaki 1996 interneuron; m instantaneous, phi 5 on h and n',
        'C': 1.0, 'V_th': -20.0, 'phi': 5.0,
        'channels': [
            channel('na', 35.0, 55.0, [
                gate('m', 3, rate('exp_linear', 1.0, -35.0, 10.0), rate('exponential', 4.0, -60.0, -18.0),
                     instantaneous=True),
                gate('h', 1, rate('exponential', 0.07, -58.0, -20.0), rate('sigmoid', 1.0, -28.0, 10.0)),
            ]),
            channel('k', 9.0, -90.0, [
                gate('n', 4, rate('exp_linear', 0.1, -34.0, 10.0), rate('exponential', 0.125, -44.0, -80.0)),
            ]),
            channel('leak', 0.1, -65.0),
        ],
    },
    'traub_miles_m': {
        'about': 'traub_miles plus the M-type K channel of Mainen & Sejnowski 1996 (km.mod: Ra = Rb = '
                 '0.001/ms/mV, tha = -30 mV, qa = 9 mV, so rate Ra*qa = 0.009/ms; q10 2.3 from 23 to 36 degC: '
                 'phi 2.95 on this gate; gbar 10 pS/um^2 = 1 mS/cm^2, not multiplied by tadj as km.mod does)',
        'C': 1.0, 'V_th': -20.0, 'phi': 1.0,
        'channels': traub_miles_channels() + [
            channel('m_k', 1.0, -90.0, [
                gate('p', 1, rate('exp_linear', 0.009, -30.0, 9.0), rate('exp_linear', 0.009, -30.0, -9.0),
                     phi=2.95),
            ]),
        ],
    },
}

# Currents (uA/cm^2) per model: silent, both sides of the 500 ms rheobase, low to fast firing.
# Picked from `--scan` grids (docs/benchmarks.md): each count is the same at I +- 0.002 and
# I +- 0.005 at both of the model's dt, so no case sits on a change of count. traub_miles fires at
# I = 0 (7 spikes), hence its negative currents.
CURRENTS = {
    'hh': [0.0, 2.0, 4.0, 4.2, 6.0, 10.0, 20.0, 30.0],
    'traub_miles': [-0.5, -0.2, -0.12, 0.0, 0.5, 2.0, 5.0, 20.0],
    'wang_buzsaki': [0.0, 0.15, 0.175, 0.26, 0.5, 1.2, 3.0, 10.0],
    'traub_miles_m': [0.0, 0.5, 0.7, 1.0, 1.5, 2.0, 5.0, 20.0],
}

# (model, method, dt in ms)
RUNS = [(m, 'exponential_euler', dt) for m in ('hh', 'traub_miles', 'traub_miles_m')
        for dt in (0.01, 0.025)] + [('wang_buzsaki', 'rk4', dt) for dt in (0.01, 0.005)]

CROSSING_RULE = ('step k (k = 0, 1, ...) advances V from V_before to V_after; it holds a spike when '
                 'V_before < V_th <= V_after; the spike time is the end of the step, (k + 1) * dt '
                 '(hhsweep SpikeDetector, tutorial times)')


# ---- the three rate forms, as Brian2 expressions and in numpy (v is V in mV, dimensionless) ----
#
# Every number of a model goes into the equations as a named constant of the group's namespace,
# not as a literal: with a float literal inside exprel(...), sympy rewrites rate/exprel(-x) as
# rate*x/(1 - exp(-x)) (0/0 at V = midpoint, and another kernel for the timing script to run),
# while a named constant keeps Brian2's exprel.

def rate_expression(r, prefix, namespace):
    """Brian2 expression (1/ms, dimensionless) of one rate in `v` (mV, dimensionless)."""
    k, mid, s = prefix + '_rate', prefix + '_mid', prefix + '_scale'
    namespace.update({k: float(r['rate']), mid: float(r['midpoint']), s: float(r['scale'])})
    form = r['form']
    if form == 'exponential':
        return '%s*exp((v - %s)/%s)' % (k, mid, s)
    if form == 'sigmoid':
        return '%s/(1 + exp((%s - v)/%s))' % (k, mid, s)
    if form == 'exp_linear':
        return '%s/exprel(-(v - %s)/%s)' % (k, mid, s)
    raise ValueError('unknown rate form %r' % form)


def rate_value(r, v):
    """The same rate in float64 numpy, for the initial state."""
    form, k, mid, s = r['form'], r['rate'], r['midpoint'], r['scale']
    if form == 'exponential':
        return k * math.exp((v - mid) / s)
    if form == 'sigmoid':
        return k / (1.0 + math.exp((mid - v) / s))
    if form == 'exp_linear':
        x = (v - mid) / s
        return k if x == 0.0 else k * x / -math.expm1(-x)
    raise ValueError('unknown rate form %r' % form)


def gate_variable(ch, g):
    return '%s_%s' % (g['name'], ch['name'])


def equations(model):
    """Brian2 equations of a model and the namespace of their constants: v in mV and I in
    uA/cm^2, both dimensionless; time in ms."""
    ns = {'C_m': float(model['C'])}
    currents, lines = [], []
    for ch in model['channels']:
        g_name, e_name = 'g_' + ch['name'], 'E_' + ch['name']
        ns.update({g_name: float(ch['g']), e_name: float(ch['E'])})
        factors = [g_name]
        for g in ch['gates']:
            x = gate_variable(ch, g)
            a, b = 'alpha_' + x, 'beta_' + x
            lines.append('%s = %s : 1' % (a, rate_expression(g['alpha'], a, ns)))
            lines.append('%s = %s : 1' % (b, rate_expression(g['beta'], b, ns)))
            if g.get('instantaneous'):
                lines.append('%s = %s/(%s + %s) : 1' % (x, a, a, b))
            else:
                phi = float(g.get('phi', model['phi']))
                scale = ''
                if phi != 1.0:
                    scale = 'phi_%s*' % x
                    ns['phi_' + x] = phi
                lines.append('d%s/dt = %s(%s*(1 - %s) - %s*%s)/ms : 1' % (x, scale, a, x, b, x))
            factors.append(x if g['power'] == 1 else '%s**%d' % (x, g['power']))
        currents.append('%s*(v - %s)' % ('*'.join(factors), e_name))
    dv = 'dv/dt = (I - (%s))/C_m/ms : 1' % ' + '.join(currents)
    return '\n'.join([dv] + lines + ['I : 1 (constant)']), ns


def initial_state(model, v0=V0_MV):
    """State variables at v0 (mV): v and every non-instantaneous gate at alpha/(alpha+beta)."""
    state = {'v': v0}
    for ch in model['channels']:
        for g in ch['gates']:
            if not g.get('instantaneous'):
                a, b = rate_value(g['alpha'], v0), rate_value(g['beta'], v0)
                state[gate_variable(ch, g)] = a / (a + b)
    return state


def upward_crossings(v0, v_after, v_th, dt):
    """Spike times (ms) per neuron from V after every step (neurons x steps), SpikeDetector's rule."""
    v_before = np.concatenate([np.full((v_after.shape[0], 1), v0), v_after[:, :-1]], axis=1)
    times = []
    for before, after in zip(v_before, v_after):
        steps = np.nonzero((before < v_th) & (after >= v_th))[0]
        times.append([(int(k) + 1) * dt for k in steps])
    return times


# ---- running ----

def simulate(name, method, dt_ms, currents, duration_ms=DURATION_MS):
    """One NeuronGroup, a neuron per current; returns (spike times per neuron, V after each step)."""
    import brian2 as b2
    from brian2.core.functions import DEFAULT_FUNCTIONS
    from brian2.units.unitsafefunctions import exprel
    # Brian2 2.5.1 wraps exprel's numpy implementation in a unit check that formats its result
    # as a string on every call (most of a step's time); the same function without the check
    # (Brian2's own discard_units option) computes the same numbers, about 4 times faster.
    DEFAULT_FUNCTIONS['exprel'].implementations.add_numpy_implementation(exprel, discard_units=True)
    b2.start_scope()
    b2.prefs.codegen.target = 'numpy'
    b2.prefs.core.default_float_dtype = np.float64
    model = MODELS[name]
    eqs, namespace = equations(model)
    group = b2.NeuronGroup(len(currents), eqs, method=method, dt=dt_ms * b2.ms, namespace=namespace)
    for var, value in initial_state(model).items():
        setattr(group, var, value)
    group.I = np.asarray(currents, dtype=np.float64)
    # when='end': after the state update, so sample k is V after step k.
    monitor = b2.StateMonitor(group, 'v', record=True, when='end')
    b2.run(duration_ms * b2.ms)
    v_after = np.asarray(monitor.v[:], dtype=np.float64)
    steps = int(round(duration_ms / dt_ms))
    if v_after.shape != (len(currents), steps):
        raise RuntimeError('expected %d steps, got %s' % (steps, v_after.shape))
    if not np.all(np.isfinite(v_after)):
        raise RuntimeError('%s %s dt %g: V not finite' % (name, method, dt_ms))
    return upward_crossings(V0_MV, v_after, model['V_th'], dt_ms), v_after


def scan(names, lo, hi, step, dt_ms):
    """Prints spike counts over a current grid, the data the CURRENTS above were picked from."""
    grid = np.round(np.arange(lo, hi + step / 2, step), 6)
    for name in names:
        method = next(m for n, m, _ in RUNS if n == name)
        times, v = simulate(name, method, dt_ms, grid)
        print('%s (%s, dt %g ms, %g ms): I -> spikes [V min, max]' % (name, method, dt_ms, DURATION_MS))
        for j, (i, t) in enumerate(zip(grid, times)):
            print('  %8.4f %4d  [%.1f, %.1f]' % (i, len(t), v[j].min(), v[j].max()))
        sys.stdout.flush()


def dump(doc):
    """JSON with one line per case and per model, so the file stays readable and diffable."""
    out = ['{']
    out.append(' "provenance": %s,' % json.dumps(doc['provenance'], indent=1).replace('\n', '\n '))
    out.append(' "models": {')
    names = list(doc['models'])
    for n in names:
        out.append('  %s: %s%s' % (json.dumps(n), json.dumps(doc['models'][n]),
                                   ',' if n != names[-1] else ''))
    out.append(' },')
    out.append(' "cases": [')
    cases = doc['cases']
    for i, c in enumerate(cases):
        out.append('  %s%s' % (json.dumps(c), ',' if i < len(cases) - 1 else ''))
    out.append(' ]')
    out.append('}')
    return '\n'.join(out) + '\n'


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', default=OUT_DEFAULT, help='JSON to write (default: %(default)s in the repository)')
    p.add_argument('--scan', nargs='+', metavar='MODEL', choices=sorted(MODELS),
                   help='only print spike counts over a current grid for these models')
    p.add_argument('--scan-range', nargs=3, type=float, default=(0.0, 10.0, 0.1), metavar=('LO', 'HI', 'STEP'))
    p.add_argument('--scan-dt-ms', type=float, default=0.025)
    a = p.parse_args()
    if a.scan:
        scan(a.scan, *a.scan_range, a.scan_dt_ms)
        return

    try:
        import brian2
    except ImportError:
        sys.exit('brian2 is missing: apt-get install python3-brian (Debian\'s Brian2, for /usr/bin/python3)')
    out = a.out if a.out != OUT_DEFAULT else os.path.join(ROOT, OUT_DEFAULT)
    started = time.time()
    cases = []
    for name, method, dt in RUNS:
        t0 = time.time()
        times, _ = simulate(name, method, dt, CURRENTS[name])
        for current, t in zip(CURRENTS[name], times):
            cases.append({'model': name, 'method': method, 'dt_ms': dt, 'duration_ms': DURATION_MS,
                          'v0_mV': V0_MV, 'current_uA_per_cm2': current, 'spike_count': len(t),
                          'spike_times_ms': t})
        print('%-21s %-17s dt %-6g %5.1f s  counts %s' % (name, method, dt, time.time() - t0,
                                                        [len(t) for t in times]), file=sys.stderr)
    runtime = time.time() - started
    doc = {
        'provenance': {
            'script': 'bench/brian2_models.py',
            'command': '/usr/bin/python3 bench/brian2_models.py' + (
                '' if a.out == OUT_DEFAULT else ' --out ' + a.out),
            'brian2_version': brian2.__version__,
            'numpy_version': np.__version__,
            'python_version': platform.python_version(),
            'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
            'runtime_s': round(runtime, 1),
            'target': 'Brian2 runtime mode, codegen target numpy, float64',
            'methods': {'exponential_euler': 'hh, traub_miles, traub_miles_m at dt 0.01 and 0.025 ms',
                        'rk4': 'wang_buzsaki at dt 0.01 and 0.005 ms (its instantaneous m_inf(V)^3 makes '
                               "V's equation nonlinear, which Brian2's exponential_euler refuses); rk4 "
                               "evaluates m_inf at each stage's V"},
            'initial_state': 'V0 = -65 mV, every non-instantaneous gate at alpha/(alpha+beta) at V0',
            'input': 'constant current I (uA/cm^2) from t = 0, one neuron per current',
            'crossing_rule': CROSSING_RULE,
            'recording': "StateMonitor of v at every step, when='end' (V after each step); V before step 0 is V0",
            'units': 'V, E, midpoint, scale, V_th in mV; t, dt in ms; rates in 1/ms; g in mS/cm^2; '
                     'C in uF/cm^2; I in uA/cm^2',
            'rate_forms': {
                'exponential': 'rate * exp((V - midpoint) / scale)',
                'sigmoid': 'rate / (1 + exp((midpoint - V) / scale))',
                'exp_linear': 'rate * x / (1 - exp(-x)), x = (V - midpoint) / scale; = rate at x = 0 '
                              '(Brian2: rate / exprel(-x))',
            },
            'dynamics': 'dx/dt = phi * (alpha (1 - x) - beta x), a gate\'s phi replacing the model\'s; '
                        'an instantaneous gate is alpha/(alpha+beta) of V; '
                        'C dV/dt = I - sum g * prod(gate^power) * (V - E)',
        },
        'models': MODELS,
        'cases': cases,
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w') as f:
        f.write(dump(doc))
    print('wrote %s (%d cases) in %.1f s' % (out, len(cases), runtime), file=sys.stderr)


if __name__ == '__main__':
    main()
