package org.hhsweep.sim.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.hhsweep.sim.network.ConnectRule;
import org.hhsweep.sim.network.InitialValue;
import org.hhsweep.sim.network.NetworkSpec;
import org.hhsweep.sim.network.Population;
import org.hhsweep.sim.network.SynapseGroup;
import org.hhsweep.sim.stimulus.StimulusSpec;
import org.hhsweep.sim.units.EngineUnit;

/**
 * A network as the resolved config writes it: every population's full model, stimulus and initial
 * values, every group's rule and numbers, in engine units (listed in {@code units}) and in config
 * order, which numbers neurons and groups for their random streams and so is part of the hash.
 */
final class NetworkResolved {
    private NetworkResolved() {
    }

    static void write(ObjectNode out, Map<String, String> units, NetworkSpec network) {
        ObjectNode pops = out.putObject("populations");
        for (Population p : network.populations()) {
            String field = NetworkReader.POPULATIONS + "." + p.name();
            ObjectNode po = pops.putObject(p.name());
            po.put("size", p.size());
            ResolvedConfig.model(po.putObject("model"), units, p.model(), field + ".model.");
            stimulus(po.putObject("stimulus"), units, p.stimulus(), field + ".stimulus.");
            ObjectNode initial = po.putObject("initial");
            initial(initial, units, Population.V, p.initialV(), field, EngineUnit.MILLIVOLT);
            for (SynapseGroup s : network.incoming(p.name())) {
                initial(initial, units, s.conductance(), p.initialG(s.name()), field, EngineUnit.MILLISIEMENS_PER_CM2);
            }
            number(po, units, field + ".refractory", p.refractoryMs(), EngineUnit.MILLISECOND);
        }
        ObjectNode syns = out.putObject("synapses");
        for (SynapseGroup s : network.synapses()) {
            String field = NetworkReader.SYNAPSES + "." + s.name();
            ObjectNode so = syns.putObject(s.name());
            so.put("from", s.from());
            so.put("to", s.to());
            connect(so.putObject("connect"), s.connect());
            number(so, units, field + ".weight", s.weight(), EngineUnit.MILLISIEMENS_PER_CM2);
            number(so, units, field + ".tau", s.tauMs(), EngineUnit.MILLISECOND);
            number(so, units, field + ".E", s.E(), EngineUnit.MILLIVOLT);
            number(so, units, field + ".delay", s.delayMs(), EngineUnit.MILLISECOND);
        }
    }

    private static void stimulus(ObjectNode out, Map<String, String> units, StimulusSpec s, String prefix) {
        out.put("type", s.type());
        for (String f : s.paths()) {
            out.put(f, s.get(f));
            units.put(prefix + f, s.unit(f).symbol());
        }
        if (s.random()) {
            out.put("shared", s.shared());
            out.put("rng", s.rng());
        }
    }

    private static void initial(ObjectNode out, Map<String, String> units, String variable, InitialValue v, String field,
                                EngineUnit unit) {
        String path = field + ".initial." + variable;
        units.put(path, unit.symbol());
        if (v.kind() == InitialValue.Kind.VALUE) {
            out.put(variable, v.a());
            return;
        }
        ArrayNode pair = out.putObject(variable).putArray(v.kind().configName());
        pair.add(v.a());
        pair.add(v.b());
    }

    private static void connect(ObjectNode out, ConnectRule rule) {
        if (rule instanceof ConnectRule.Probability r) {
            out.put(NetworkReader.P, r.p());
            out.put(NetworkReader.AUTAPSES, r.autapses());
        } else if (rule instanceof ConnectRule.InDegree r) {
            out.put(NetworkReader.INDEGREE, r.k());
            out.put(NetworkReader.AUTAPSES, r.autapses());
        } else if (rule instanceof ConnectRule.AllToAll r) {
            out.put(NetworkReader.ALL_TO_ALL, true);
            out.put(NetworkReader.AUTAPSES, r.autapses());
        } else {
            out.put(NetworkReader.ONE_TO_ONE, true);
        }
    }

    private static void number(ObjectNode parent, Map<String, String> units, String path, double value, EngineUnit unit) {
        parent.put(path.substring(path.lastIndexOf('.') + 1), value);
        units.put(path, unit.symbol());
    }
}
