package org.hhsweep.sim.units;

/**
 * The units the engine computes in. Configs may use any unit of the right dimension; they are
 * converted to these once, when the config is loaded, and every output column is in these.
 */
public enum EngineUnit {
    MILLIVOLT("mV"),
    MILLISECOND("ms"),
    MILLISIEMENS_PER_CM2("mS/cm^2"),
    MICROFARAD_PER_CM2("uF/cm^2"),
    MICROAMPERE_PER_CM2("uA/cm^2"),
    HERTZ("Hz"),
    /** Rates of gating transitions. */
    PER_MILLISECOND("1/ms"),
    DIMENSIONLESS("1");

    private final String symbol;

    EngineUnit(String symbol) {
        this.symbol = symbol;
    }

    /** The unit as written in configs, docs and Parquet metadata. */
    public String symbol() {
        return symbol;
    }
}
