package org.hhsweep.spark.cluster;

/**
 * The sweep the fault tests interrupt (CrashRecoveryIT locally and on a standalone cluster,
 * SweepOnYarnIT on YARN): many small chunks, so a kill after the first commits lands mid-sweep,
 * and every table with rows.
 */
public final class FaultSweep {
    /** One run per chunk. */
    public static final int CHUNKS = 40;
    /** 40 runs of 50 neurons for 300 ms: 6e7 neuron-steps, ~6 s on two quiet cores. */
    public static final String CONFIG = """
            name: crash
            seed: 11
            simulation: {duration: 300 ms, dt: 0.01 ms, window: {start: 150 ms, end: 300 ms}}
            neurons: 50
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 3 uA/cm^2, tau: 5 ms}
            sweep:
              grid:
                stimulus.mean: {from: 2 uA/cm^2, to: 16 uA/cm^2, step: 2 uA/cm^2}
              seeds: 5
            record: {traces: {variables: [V], every: 1 ms, neurons: 2}, spikes: true}
            execution: {chunk_runs: 1}
            """;

    private FaultSweep() {
    }
}
