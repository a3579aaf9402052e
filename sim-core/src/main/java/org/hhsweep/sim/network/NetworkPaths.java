package org.hhsweep.sim.network;

import java.util.ArrayList;
import java.util.List;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;

/**
 * The sweepable numbers of a network, by path relative to the config's {@code network.} section,
 * which {@link NetworkSpec} answers to as a {@link org.hhsweep.sim.sweep.Sweepable}:
 * <ul>
 *   <li>{@code populations.P.size}, {@code populations.P.refractory};</li>
 *   <li>{@code populations.P.model.<path>}: every path of the population's model
 *       ({@link NeuronModel#paths()}: {@code C}, {@code V_th}, aliases, {@code channels.na.g}...);</li>
 *   <li>{@code populations.P.stimulus.<field>}: every field of the population's stimulus type;</li>
 *   <li>{@code populations.P.initial.X} for X = V and each {@code g_<group>} ending on P: the value
 *       when X is one, else the distribution's numbers, {@code initial.X.normal.mean|sd} or
 *       {@code initial.X.uniform.low|high} (the kind of draw is the config's, not sweepable);</li>
 *   <li>{@code synapses.S.weight}, {@code .tau}, {@code .E}, {@code .delay}, and the rule's number:
 *       {@code synapses.S.connect.p} or {@code synapses.S.connect.indegree}.</li>
 * </ul>
 * A value the network cannot take is refused by {@link #with} with {@link NetworkSpec.Refused}, whose message
 * is what was expected; rules that need the run's step (whole-step delays) or a model's and a
 * stimulus's own rules are left to the config checks.
 */
final class NetworkPaths {
    static final String POPULATIONS = "populations.";
    static final String SYNAPSES = "synapses.";
    static final String MODEL = "model.";
    static final String STIMULUS = "stimulus.";
    static final String INITIAL = "initial.";
    static final String CONNECT_P = "connect.p";
    static final String CONNECT_INDEGREE = "connect.indegree";
    private static final List<String> GROUP_NUMBERS = List.of("weight", "tau", "E", "delay");

    private NetworkPaths() {
    }

    static List<String> paths(NetworkSpec n) {
        List<String> out = new ArrayList<>();
        for (Population p : n.populations()) {
            String pp = POPULATIONS + p.name() + ".";
            out.add(pp + "size");
            out.add(pp + "refractory");
            for (String m : p.model().paths()) {
                out.add(pp + MODEL + m);
            }
            for (String f : p.stimulus().paths()) {
                out.add(pp + STIMULUS + f);
            }
            for (String variable : initialVariables(n, p)) {
                for (String suffix : initialSuffixes(initial(p, variable))) {
                    out.add(pp + INITIAL + variable + suffix);
                }
            }
        }
        for (SynapseGroup s : n.synapses()) {
            String sp = SYNAPSES + s.name() + ".";
            for (String g : GROUP_NUMBERS) {
                out.add(sp + g);
            }
            if (s.connect() instanceof ConnectRule.Probability) {
                out.add(sp + CONNECT_P);
            } else if (s.connect() instanceof ConnectRule.InDegree) {
                out.add(sp + CONNECT_INDEGREE);
            }
        }
        return out;
    }

    private static List<String> initialVariables(NetworkSpec n, Population p) {
        List<String> out = new ArrayList<>(List.of(Population.V));
        n.incoming(p.name()).forEach(s -> out.add(s.conductance()));
        return out;
    }

    private static InitialValue initial(Population p, String variable) {
        return variable.equals(Population.V) ? p.initialV()
                : p.initialG(variable.substring(Population.G_PREFIX.length()));
    }

    private static List<String> initialSuffixes(InitialValue v) {
        return switch (v.kind()) {
            case VALUE -> List.of("");
            case NORMAL -> List.of(".normal.mean", ".normal.sd");
            case UNIFORM -> List.of(".uniform.low", ".uniform.high");
        };
    }

    /** A path split into its population or group and the rest. */
    private record Address(Population population, SynapseGroup group, String rest) {
    }

    private static Address address(NetworkSpec n, String path) {
        if (!paths(n).contains(path)) {
            throw new IllegalArgumentException("'" + path + "' is not a sweepable number of the network");
        }
        boolean pop = path.startsWith(POPULATIONS);
        String tail = path.substring((pop ? POPULATIONS : SYNAPSES).length());
        int dot = tail.indexOf('.');
        String name = tail.substring(0, dot);
        String rest = tail.substring(dot + 1);
        if (pop) {
            return new Address(n.population(name), null, rest);
        }
        return new Address(null, n.synapses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(),
                rest);
    }

    static double get(NetworkSpec n, String path) {
        Address a = address(n, path);
        if (a.group != null) {
            SynapseGroup s = a.group;
            return switch (a.rest) {
                case "weight" -> s.weight();
                case "tau" -> s.tauMs();
                case "E" -> s.E();
                case "delay" -> s.delayMs();
                case CONNECT_P -> ((ConnectRule.Probability) s.connect()).p();
                default -> ((ConnectRule.InDegree) s.connect()).k();
            };
        }
        Population p = a.population;
        String r = a.rest;
        if (r.startsWith(MODEL)) {
            return p.model().get(r.substring(MODEL.length()));
        }
        if (r.startsWith(STIMULUS)) {
            return p.stimulus().get(r.substring(STIMULUS.length()));
        }
        if (r.startsWith(INITIAL)) {
            InitialValue v = initialOf(p, r);
            return r.endsWith(".sd") || r.endsWith(".high") ? v.b() : v.a();
        }
        return r.equals("size") ? p.size() : p.refractoryMs();
    }

    private static InitialValue initialOf(Population p, String rest) {
        String variable = rest.substring(INITIAL.length()).split("\\.")[0];
        return initial(p, variable);
    }

    static EngineUnit unit(NetworkSpec n, String path) {
        Address a = address(n, path);
        String r = a.rest;
        if (a.group != null) {
            return switch (r) {
                case "weight" -> EngineUnit.MILLISIEMENS_PER_CM2;
                case "tau", "delay" -> EngineUnit.MILLISECOND;
                case "E" -> EngineUnit.MILLIVOLT;
                default -> EngineUnit.DIMENSIONLESS;
            };
        }
        if (r.startsWith(MODEL)) {
            return a.population.model().unit(r.substring(MODEL.length()));
        }
        if (r.startsWith(STIMULUS)) {
            return a.population.stimulus().unit(r.substring(STIMULUS.length()));
        }
        if (r.startsWith(INITIAL)) {
            return r.startsWith(INITIAL + Population.V + ".") || r.equals(INITIAL + Population.V)
                    ? EngineUnit.MILLIVOLT : EngineUnit.MILLISIEMENS_PER_CM2;
        }
        return r.equals("size") ? EngineUnit.DIMENSIONLESS : EngineUnit.MILLISECOND;
    }

    static NetworkSpec with(NetworkSpec n, String path, double value) {
        Address a = address(n, path);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NetworkSpec.Refused("a finite number");
        }
        List<Population> populations = new ArrayList<>(n.populations());
        List<SynapseGroup> groups = new ArrayList<>(n.synapses());
        if (a.group != null) {
            groups.set(groups.indexOf(a.group), withGroup(a.group, a.rest, value));
        } else {
            populations.set(populations.indexOf(a.population), withPopulation(n, a.population, a.rest, value));
        }
        try {
            return new NetworkSpec(populations, groups);
        } catch (IllegalArgumentException e) {
            // a connection rule the new sizes cannot meet
            throw new NetworkSpec.Refused("a value the network can be built with (" + e.getMessage() + ")");
        }
    }

    private static SynapseGroup withGroup(SynapseGroup s, String rest, double value) {
        return switch (rest) {
            case "weight" -> {
                if (!(value >= 0)) {
                    throw new NetworkSpec.Refused("a conductance density >= 0 (added to the target's g per spike)");
                }
                yield s.withWeight(value);
            }
            case "tau" -> {
                if (!(value > 0)) {
                    throw new NetworkSpec.Refused("a positive decay time constant");
                }
                yield s.withTau(value);
            }
            case "E" -> s.withE(value);
            case "delay" -> {
                if (!(value >= 0)) {
                    throw new NetworkSpec.Refused("a delay >= 0");
                }
                yield s.withDelay(value);
            }
            case CONNECT_P -> {
                if (!(value >= 0 && value <= 1)) {
                    throw new NetworkSpec.Refused("a probability from 0 to 1");
                }
                yield s.withConnect(new ConnectRule.Probability(value, ((ConnectRule.Probability) s.connect()).autapses()));
            }
            default -> s.withConnect(new ConnectRule.InDegree(whole(value, 0, "an in-degree: a whole number >= 0"),
                    ((ConnectRule.InDegree) s.connect()).autapses()));
        };
    }

    private static Population withPopulation(NetworkSpec n, Population p, String rest, double value) {
        if (rest.startsWith(MODEL)) {
            return p.withModel(p.model().with(rest.substring(MODEL.length()), value));
        }
        if (rest.startsWith(STIMULUS)) {
            return p.withStimulus(p.stimulus().with(rest.substring(STIMULUS.length()), value));
        }
        if (rest.startsWith(INITIAL)) {
            String variable = rest.substring(INITIAL.length()).split("\\.")[0];
            return p.withInitial(variable, withInitial(initial(p, variable), rest, value,
                    !variable.equals(Population.V)));
        }
        if (rest.equals("size")) {
            int size = whole(value, 1, "a whole number of neurons >= 1");
            if (n.neurons() - p.size() + size > Integer.MAX_VALUE) {
                throw new NetworkSpec.Refused("a size giving at most " + Integer.MAX_VALUE + " neurons in the network");
            }
            return p.withSize(size);
        }
        if (!(value >= 0)) {
            throw new NetworkSpec.Refused("a time >= 0 (no new spike within it after a spike; 0 for none)");
        }
        return p.withRefractory(value);
    }

    private static InitialValue withInitial(InitialValue v, String rest, double value, boolean conductance) {
        if (v.kind() == InitialValue.Kind.VALUE) {
            if (conductance && value < 0) {
                throw new NetworkSpec.Refused("a conductance density >= 0");
            }
            return InitialValue.of(value);
        }
        boolean second = rest.endsWith(".sd") || rest.endsWith(".high");
        double a = second ? v.a() : value;
        double b = second ? value : v.b();
        if (v.kind() == InitialValue.Kind.NORMAL) {
            if (!(b >= 0)) {
                throw new NetworkSpec.Refused("a standard deviation >= 0");
            }
            return InitialValue.normal(a, b);
        }
        if (!(b >= a)) {
            throw new NetworkSpec.Refused(second ? "an upper bound >= the lower bound (" + a + ")"
                    : "a lower bound <= the upper bound (" + b + ")");
        }
        return InitialValue.uniform(a, b);
    }

    private static int whole(double value, int least, String expected) {
        if (value != Math.rint(value) || value < least || value > Integer.MAX_VALUE) {
            throw new NetworkSpec.Refused(expected);
        }
        return (int) value;
    }
}
