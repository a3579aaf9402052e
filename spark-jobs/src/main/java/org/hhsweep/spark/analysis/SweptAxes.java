package org.hhsweep.spark.analysis;

import java.util.ArrayList;
import java.util.List;

/** Which swept parameters the fi and heatmap plots put on their axes when the user does not say. */
final class SweptAxes {
    /** Inputs first: an f-I curve is a rate against an input current. */
    private static final List<String> INPUTS = List.of("stimulus.amplitude", "stimulus.mean");

    private SweptAxes() {
    }

    /** The preferred x axis: the stimulus amplitude or mean, another stimulus field, else the first grid axis. */
    static String defaultX(SweepOutput out, String plot) {
        List<String> grid = out.gridPaths();
        List<String> swept = out.sweptPaths();
        for (String p : INPUTS) {
            if (swept.contains(p)) {
                return p;
            }
        }
        for (String p : grid) {
            if (p.startsWith("stimulus.")) {
                return p;
            }
        }
        if (!grid.isEmpty()) {
            return grid.get(0);
        }
        if (!swept.isEmpty()) {
            return swept.get(0);
        }
        throw new PlotException(plot + " needs a swept parameter, and this sweep sweeps nothing"
                + " (the summary table and the traces, raster and isi plots still apply)");
    }

    /** Grid axes other than the given ones, in grid order. */
    static List<String> otherGridPaths(SweepOutput out, String... taken) {
        List<String> rest = new ArrayList<>(out.gridPaths());
        rest.removeAll(List.of(taken));
        return rest;
    }

    /** How many distinct values a swept column takes among the rows of summaries that match. */
    static long distinct(SweepOutput out, String path, String where) {
        return out.sql("SELECT count(DISTINCT " + SweepOutput.column(path) + ") FROM summaries WHERE true"
                + SweepOutput.and(where)).first().getLong(0);
    }

    /** The name of a path's last part, for legends: model.gK -> gK. */
    static String shortName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
