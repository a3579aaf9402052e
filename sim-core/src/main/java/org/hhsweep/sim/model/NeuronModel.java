package org.hhsweep.sim.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;

/**
 * An HH-type neuron as data: membrane capacitance C (uF/cm^2), spike threshold V_th (mV, upward
 * crossings), a temperature factor phi on every gate's rates (a gate may have its own), and its
 * channels in order. Integrators read nothing else about a model, so a user's kinetics run on the
 * same kernels as the library's.
 *
 * <p>Every number is addressed by a path relative to the config's {@code model} section:
 * {@code C}, {@code V_th}, {@code phi}, {@code channels.NAME.g}, {@code channels.NAME.E},
 * {@code channels.NAME.gates.GATE.power|phi|initial} and
 * {@code channels.NAME.gates.GATE.alpha|beta.rate|midpoint|scale}; {@link #ALIASES} keeps the
 * tutorial's short names (gNa, ENa, ...) for models with channels na, k and leak.
 */
public record NeuronModel(double C, double Vth, double phi, List<Channel> channels)
        implements Serializable, Sweepable<NeuronModel> {

    /** The tutorial's parameter names and the paths they stand for. */
    public static final Map<String, String> ALIASES = Map.of(
            "gNa", "channels.na.g", "ENa", "channels.na.E",
            "gK", "channels.k.g", "EK", "channels.k.E",
            "gL", "channels.leak.g", "EL", "channels.leak.E");
    /** The aliases in the order configs and columns have always listed them. */
    public static final List<String> ALIAS_ORDER = List.of("ENa", "gNa", "EK", "gK", "EL", "gL");

    public static final String CHANNELS = "channels.";
    public static final String GATES = "gates.";

    public NeuronModel {
        channels = List.copyOf(channels);
    }

    /** The gates of every channel, in channel order: the order of state variables after V. */
    public List<Gate> gates() {
        List<Gate> out = new ArrayList<>();
        for (Channel c : channels) {
            out.addAll(c.gates());
        }
        return out;
    }

    public Channel channel(String name) {
        for (Channel c : channels) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The index of the first gate called name in {@link #gates()}, or -1. */
    public int gateIndex(String name) {
        List<Gate> gates = gates();
        for (int k = 0; k < gates.size(); k++) {
            if (gates.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * This model with every per-neuron number (C, V_th, each channel's g and E, each gate's initial
     * value) cleared: what neurons must share to be simulated in one block.
     */
    public NeuronModel kinetics() {
        List<Channel> cs = new ArrayList<>();
        for (Channel c : channels) {
            List<Gate> gs = new ArrayList<>();
            for (Gate g : c.gates()) {
                gs.add(g.withInitial(Double.NaN));
            }
            cs.add(new Channel(c.name(), 0.0, 0.0, gs));
        }
        return new NeuronModel(0.0, 0.0, phi, cs);
    }

    // the sweepable numbers

    /** Every sweepable path of this model: C, V_th, phi, the aliases it has, then each channel's numbers. */
    @Override
    public List<String> paths() {
        List<String> out = new ArrayList<>(List.of("C", "V_th", "phi"));
        for (String alias : ALIAS_ORDER) {
            if (has(ALIASES.get(alias))) {
                out.add(alias);
            }
        }
        for (Channel c : channels) {
            String cp = CHANNELS + c.name() + ".";
            out.add(cp + "g");
            out.add(cp + "E");
            for (Gate g : c.gates()) {
                String gp = cp + GATES + g.name() + ".";
                // phi and initial are NaN while the gate takes the model's phi and starts at steady state
                out.add(gp + "power");
                out.add(gp + "phi");
                out.add(gp + "initial");
                for (String r : List.of("alpha", "beta")) {
                    for (String n : RateFunction.NUMBERS) {
                        out.add(gp + r + "." + n);
                    }
                }
            }
        }
        return out;
    }

    public boolean has(String path) {
        try {
            get(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public double get(String path) {
        switch (path) {
            case "C":
                return C;
            case "V_th":
                return Vth;
            case "phi":
                return phi;
            default:
        }
        Address a = address(path);
        if (a.gate == null) {
            return a.number.equals("g") ? a.channel.g() : a.channel.E();
        }
        return switch (a.number) {
            case "power" -> a.gate.power();
            case "phi" -> a.gate.phi();
            case "initial" -> a.gate.initial();
            default -> (a.rate.equals("alpha") ? a.gate.alpha() : a.gate.beta()).get(a.number);
        };
    }

    @Override
    public NeuronModel with(String path, double value) {
        switch (path) {
            case "C":
                return new NeuronModel(value, Vth, phi, channels);
            case "V_th":
                return new NeuronModel(C, value, phi, channels);
            case "phi":
                return new NeuronModel(C, Vth, value, channels);
            default:
        }
        Address a = address(path);
        Channel c = a.channel;
        if (a.gate == null) {
            return replace(a.number.equals("g") ? c.withG(value) : c.withE(value));
        }
        Gate g = a.gate;
        Gate changed = switch (a.number) {
            case "power" -> g.withPower(value);
            case "phi" -> g.withPhi(value);
            case "initial" -> g.withInitial(value);
            default -> a.rate.equals("alpha") ? g.withAlpha(g.alpha().with(a.number, value))
                    : g.withBeta(g.beta().with(a.number, value));
        };
        List<Gate> gates = new ArrayList<>(c.gates());
        gates.set(gates.indexOf(g), changed);
        return replace(c.withGates(gates));
    }

    /** The engine unit of a path's values (it follows from the path alone). */
    @Override
    public EngineUnit unit(String path) {
        if (!has(path)) {
            throw unknown(path);
        }
        return unitOf(path);
    }

    /** The engine unit of the values of a model path or alias. */
    public static EngineUnit unitOf(String path) {
        String p = ALIASES.getOrDefault(path, path);
        if (p.equals("C")) {
            return EngineUnit.MICROFARAD_PER_CM2;
        }
        if (p.equals("V_th") || p.endsWith(".E") || p.endsWith(".midpoint") || p.endsWith(".scale")) {
            return EngineUnit.MILLIVOLT;
        }
        if (p.startsWith(CHANNELS) && p.endsWith(".g") && p.indexOf('.', CHANNELS.length()) == p.length() - 2) {
            return EngineUnit.MILLISIEMENS_PER_CM2;
        }
        if (p.endsWith(".rate")) {
            return EngineUnit.PER_MILLISECOND;
        }
        return EngineUnit.DIMENSIONLESS;
    }

    private NeuronModel replace(Channel changed) {
        List<Channel> cs = new ArrayList<>(channels);
        for (int k = 0; k < cs.size(); k++) {
            if (cs.get(k).name().equals(changed.name())) {
                cs.set(k, changed);
            }
        }
        return new NeuronModel(C, Vth, phi, cs);
    }

    private record Address(Channel channel, Gate gate, String rate, String number) {
    }

    /** The channel, gate and number a path names; IllegalArgumentException when it names none. */
    private Address address(String path) {
        String p = ALIASES.getOrDefault(path, path);
        if (!p.startsWith(CHANNELS)) {
            throw unknown(path);
        }
        String[] parts = p.substring(CHANNELS.length()).split("\\.", -1);
        Channel c = channel(parts[0]);
        if (c == null) {
            throw unknown(path);
        }
        if (parts.length == 2 && (parts[1].equals("g") || parts[1].equals("E"))) {
            return new Address(c, null, null, parts[1]);
        }
        if (parts.length < 4 || !parts[1].equals("gates")) {
            throw unknown(path);
        }
        Gate g = null;
        for (Gate x : c.gates()) {
            if (x.name().equals(parts[2])) {
                g = x;
            }
        }
        if (g == null) {
            throw unknown(path);
        }
        if (parts.length == 4 && List.of("power", "phi", "initial").contains(parts[3])) {
            return new Address(c, g, null, parts[3]);
        }
        if (parts.length == 5 && (parts[3].equals("alpha") || parts[3].equals("beta"))
                && RateFunction.NUMBERS.contains(parts[4])) {
            return new Address(c, g, parts[3], parts[4]);
        }
        throw unknown(path);
    }

    private IllegalArgumentException unknown(String path) {
        return new IllegalArgumentException("the model has no number '" + path + "'");
    }

    // the equations, for reference solvers

    /**
     * The right-hand side of the ODE for state y = (V, gates in {@link #gates()} order) under input
     * current i (uA/cm^2), with this model's own g, E and C; an instantaneous gate's entry is
     * ignored and alpha/(alpha + beta) of y's V taken instead (its derivative is reported as 0).
     */
    public void derivatives(double i, double[] y, double[] dydt) {
        double v = y[0];
        double ionic = 0.0;
        int k = 1;
        for (Channel c : channels) {
            double open = c.g();
            for (Gate g : c.gates()) {
                double x = g.instantaneous() ? g.steadyState(v) : y[k];
                open *= Math.pow(x, g.power());
                double a = g.alpha().at(v), b = g.beta().at(v);
                dydt[k] = g.instantaneous() ? 0.0 : g.phi(phi) * (a * (1.0 - x) - b * x);
                k++;
            }
            ionic += open * (v - c.E());
        }
        dydt[0] = (-ionic + i) / C;
    }

    /** The state at t = 0: V0, each gate at its initial value or its steady state at V0. */
    public double[] initialState(double v0) {
        List<Gate> gates = gates();
        double[] y = new double[1 + gates.size()];
        y[0] = v0;
        for (int k = 0; k < gates.size(); k++) {
            Gate g = gates.get(k);
            y[k + 1] = Double.isNaN(g.initial()) || g.instantaneous() ? g.steadyState(v0) : g.initial();
        }
        return y;
    }
}
