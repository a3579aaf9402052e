package org.hhsweep.sim.integrate;

import org.hhsweep.sim.model.NeuronBlock;

/** What the passes of a step read: the block, its input, dt, the gate table, the chunk arrays. */
final class StepContext {
    NeuronBlock b;
    double[] current;
    double dt;
    GateTable table;
    final RatePlan plan;
    final Chunk c;

    StepContext(RatePlan plan) {
        this.plan = plan;
        this.c = new Chunk(plan);
    }
}
