package org.hhsweep.sim.stimulus;

import java.util.List;
import java.util.Map;
import org.hhsweep.sim.units.EngineUnit;

/** Named access to the numeric fields of each stimulus type, for configs and sweeps. */
final class StimulusFields {
    private static final Map<String, List<String>> FIELDS = Map.of(
            "constant", List.of("amplitude"),
            "pulse", List.of("onset", "duration", "amplitude", "period"),
            "ramp", List.of("onset", "duration", "from", "to"),
            "uniform", List.of("low", "high"),
            "gaussian", List.of("mean", "sigma"),
            "ou", List.of("mean", "sigma", "tau"));

    private StimulusFields() {
    }

    static List<String> fields(String type) {
        List<String> f = FIELDS.get(type);
        if (f == null) {
            throw new IllegalArgumentException("unknown stimulus type '" + type + "', expected one of " + StimulusSpec.TYPES);
        }
        return f;
    }

    static double get(StimulusSpec spec, String field) {
        return values(spec)[index(spec, field)];
    }

    static StimulusSpec with(StimulusSpec spec, String field, double value) {
        double[] v = values(spec);
        v[index(spec, field)] = value;
        if (spec instanceof StimulusSpec.JaxUniform j) {
            return new StimulusSpec.JaxUniform(v[0], v[1], j.shared(), j.neurons());
        }
        return create(spec.type(), v, spec.shared());
    }

    static EngineUnit unit(String field) {
        return switch (field) {
            case "onset", "duration", "period", "tau" -> EngineUnit.MILLISECOND;
            default -> EngineUnit.MICROAMPERE_PER_CM2;
        };
    }

    private static int index(StimulusSpec spec, String field) {
        int i = fields(spec.type()).indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("stimulus type '" + spec.type() + "' has no field '" + field
                    + "', expected one of " + fields(spec.type()));
        }
        return i;
    }

    /** The field values in the order of {@link #fields}. */
    static double[] values(StimulusSpec spec) {
        if (spec instanceof StimulusSpec.Constant s) {
            return new double[] {s.amplitude()};
        } else if (spec instanceof StimulusSpec.Pulse s) {
            return new double[] {s.onset(), s.duration(), s.amplitude(), s.period()};
        } else if (spec instanceof StimulusSpec.Ramp s) {
            return new double[] {s.onset(), s.duration(), s.from(), s.to()};
        } else if (spec instanceof StimulusSpec.Uniform s) {
            return new double[] {s.low(), s.high()};
        } else if (spec instanceof StimulusSpec.JaxUniform s) {
            return new double[] {s.low(), s.high()};
        } else if (spec instanceof StimulusSpec.Gaussian s) {
            return new double[] {s.mean(), s.sigma()};
        } else if (spec instanceof StimulusSpec.OrnsteinUhlenbeck s) {
            return new double[] {s.mean(), s.sigma(), s.tau()};
        }
        throw new IllegalArgumentException("unsupported stimulus spec " + spec);
    }

    /** Builds a spec of the given type from field values in the order of {@link #fields}. */
    static StimulusSpec create(String type, double[] v, boolean shared) {
        return switch (type) {
            case "constant" -> new StimulusSpec.Constant(v[0]);
            case "pulse" -> new StimulusSpec.Pulse(v[0], v[1], v[2], v[3]);
            case "ramp" -> new StimulusSpec.Ramp(v[0], v[1], v[2], v[3]);
            case "uniform" -> new StimulusSpec.Uniform(v[0], v[1], shared);
            case "gaussian" -> new StimulusSpec.Gaussian(v[0], v[1], shared);
            case "ou" -> new StimulusSpec.OrnsteinUhlenbeck(v[0], v[1], v[2], shared);
            default -> throw new IllegalArgumentException("unknown stimulus type '" + type + "', expected one of "
                    + StimulusSpec.TYPES);
        };
    }
}
