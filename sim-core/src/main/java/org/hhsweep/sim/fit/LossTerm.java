package org.hhsweep.sim.fit;

import java.io.Serializable;

/** A statistic of the summaries table the loss compares with the target, and its weight (>= 0). */
public record LossTerm(String statistic, double weight) implements Serializable {
}
