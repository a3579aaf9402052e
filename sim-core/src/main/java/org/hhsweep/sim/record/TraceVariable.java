package org.hhsweep.sim.record;

import java.util.Arrays;
import java.util.List;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.units.EngineUnit;

/**
 * What a trace can record: V, the gates called m, h and n of models that have them, or the input
 * current.
 */
public enum TraceVariable {
    V("V", EngineUnit.MILLIVOLT), M("m", EngineUnit.DIMENSIONLESS), H("h", EngineUnit.DIMENSIONLESS),
    N("n", EngineUnit.DIMENSIONLESS), I("I", EngineUnit.MICROAMPERE_PER_CM2);

    private final String label;
    private final EngineUnit unit;

    TraceVariable(String label, EngineUnit unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The config and output spelling: V, m, h, n, I. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit.symbol();
    }

    /** The engine unit of the recorded values (and of a quantisation step). */
    public EngineUnit engineUnit() {
        return unit;
    }

    double[] source(NeuronBlock block, double[] current) {
        return switch (this) {
            case V -> block.V;
            case M, H, N -> block.gate(label);
            case I -> current;
        };
    }

    /** Whether this is a gate of the model (m, h or n), which not every model has. */
    public boolean isGate() {
        return this == M || this == H || this == N;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(TraceVariable::label).toList();
    }

    public static TraceVariable fromLabel(String label) {
        for (TraceVariable v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown trace variable '" + label + "', expected one of " + labels());
    }
}
