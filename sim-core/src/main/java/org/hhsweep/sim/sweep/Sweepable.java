package org.hhsweep.sim.sweep;

import java.util.List;
import org.hhsweep.sim.units.EngineUnit;

/**
 * A part of a run whose numbers a sweep can set: {@link RunTemplate} finds a path's part by the
 * section prefix ("model.", "stimulus.") and hands it the rest of the path, so a part adds paths
 * without RunTemplate, the config reader or the checks knowing them.
 *
 * @param <T> the part's own type, which {@link #with} returns
 */
public interface Sweepable<T> {
    /** The sweepable numbers of this part, by path relative to its section (e.g. "gNa", "amplitude", "channels.na.g"). */
    List<String> paths();

    double get(String path);

    T with(String path, double value);

    /** The engine unit of a path's values. */
    EngineUnit unit(String path);
}
