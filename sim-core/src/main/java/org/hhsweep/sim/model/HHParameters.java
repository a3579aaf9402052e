package org.hhsweep.sim.model;

import java.io.Serializable;
import java.util.List;
import org.hhsweep.sim.sweep.Sweepable;
import org.hhsweep.sim.units.EngineUnit;

/**
 * The scalar parameters of one Hodgkin-Huxley neuron, in the engine's units:
 * mV, mS/cm^2, uF/cm^2. Defaults are the tutorial's (gL a tenth of the textbook value, so rest
 * settles near -70.7 mV rather than -65 mV); they are the project's reference, do not "fix" them.
 */
public record HHParameters(double ENa, double gNa, double EK, double gK, double EL, double gL,
                           double C, double Vth) implements Sweepable<HHParameters>, Serializable {

    public static final HHParameters DEFAULTS =
            new HHParameters(50.0, 120.0, -77.0, 36.0, -54.387, 0.03, 1.0, 20.0);

    /** Parameter names as they appear in configs (model.NAME) and in output columns. */
    public static final List<String> NAMES = List.of("ENa", "gNa", "EK", "gK", "EL", "gL", "C", "V_th");

    @Override
    public List<String> paths() {
        return NAMES;
    }

    @Override
    public EngineUnit unit(String name) {
        return switch (name) {
            case "ENa", "EK", "EL", "V_th" -> EngineUnit.MILLIVOLT;
            case "gNa", "gK", "gL" -> EngineUnit.MILLISIEMENS_PER_CM2;
            case "C" -> EngineUnit.MICROFARAD_PER_CM2;
            default -> throw unknown(name);
        };
    }

    @Override
    public double get(String name) {
        return switch (name) {
            case "ENa" -> ENa;
            case "gNa" -> gNa;
            case "EK" -> EK;
            case "gK" -> gK;
            case "EL" -> EL;
            case "gL" -> gL;
            case "C" -> C;
            case "V_th" -> Vth;
            default -> throw unknown(name);
        };
    }

    @Override
    public HHParameters with(String name, double value) {
        return switch (name) {
            case "ENa" -> new HHParameters(value, gNa, EK, gK, EL, gL, C, Vth);
            case "gNa" -> new HHParameters(ENa, value, EK, gK, EL, gL, C, Vth);
            case "EK" -> new HHParameters(ENa, gNa, value, gK, EL, gL, C, Vth);
            case "gK" -> new HHParameters(ENa, gNa, EK, value, EL, gL, C, Vth);
            case "EL" -> new HHParameters(ENa, gNa, EK, gK, value, gL, C, Vth);
            case "gL" -> new HHParameters(ENa, gNa, EK, gK, EL, value, C, Vth);
            case "C" -> new HHParameters(ENa, gNa, EK, gK, EL, gL, value, Vth);
            case "V_th" -> new HHParameters(ENa, gNa, EK, gK, EL, gL, C, value);
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown HH parameter '" + name + "', expected one of " + NAMES);
    }
}
