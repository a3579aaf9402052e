package org.hhsweep.spark.io;

import java.util.List;
import org.hhsweep.sim.sensitivity.SensitivityMethod;

/**
 * The Markdown description of the output tables, generated from {@link Tables}: the tables of a
 * simulating sweep for docs/spark.md and the README, the thresholds table of a threshold search for
 * docs/search.md, the lossless traces table for docs/traces.md, a fit's tables for docs/config.md.
 */
public final class TablesDoc {
    /** Stands for the swept parameter columns, which depend on the sweep. */
    private static final String SWEPT_PATH = "model.gNa";
    /** Stands for the searched parameter, whose unit the threshold columns take. */
    private static final String SEARCHED_PATH = "stimulus.amplitude";
    /** Stands for the grid axes of a sensitivity analysis. */
    private static final String GRID_PATH = "stimulus.amplitude";
    private static final List<String> SEARCH_COLUMNS = List.of("threshold", "bracket_low", "bracket_high");

    private TablesDoc() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        for (Table<?> t : Tables.all(List.of(SWEPT_PATH)).list()) {
            table(b, t);
        }
        return b.toString();
    }

    /** The thresholds table of a threshold search. */
    public static String searchMarkdown() {
        StringBuilder b = new StringBuilder();
        table(b, Tables.search(List.of(SWEPT_PATH), SEARCHED_PATH).thresholds().orElseThrow());
        return b.toString();
    }

    private static void table(StringBuilder b, Table<?> t) {
        b.append("### `").append(t.name()).append("/`: ").append(t.description()).append("\n\n");
        b.append("| column | type | unit | nullable | meaning |\n");
        b.append("|---|---|---|---|---|\n");
        for (Column<?> c : t.columns()) {
            if (c.description().startsWith("swept parameter ")) {
                b.append("| *swept parameters* | double | the parameter's |  | one column per swept "
                        + "parameter, named by its config path with `.` replaced by `_` (e.g. `model_gNa`) |\n");
                continue;
            }
            if (c.description().startsWith(Tables.GRID_PARAMETER)) {
                b.append("| *grid parameters* | double | the parameter's |  | one column per `sweep.grid` axis, named"
                        + " by its config path with `.` replaced by `_` (none without a grid) |\n");
                continue;
            }
            String unit = c.unit().isEmpty() ? "" : c.unit().equals(Tables.OUTPUT_UNIT) ? c.unit() + " (per full range)"
                    : "`" + c.unit() + "`";
            if (t.name().equals(Tables.THRESHOLDS) && SEARCH_COLUMNS.contains(c.name())) {
                unit = "the searched parameter's (`" + c.unit() + "` for `"
                        + SEARCHED_PATH + "`)";
            }
            b.append("| `").append(c.name()).append("` | ").append(c.type().sql()).append(" | ")
                    .append(unit).append(" | ")
                    .append(c.nullable() ? "yes" : "").append(" | ")
                    .append(c.description().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n");
    }

    /**
     * The tables of a fit, for docs/config.md: those of the fit of the config.md's example (two
     * parameters, one condition, two loss statistics), whose columns stand for any fit's.
     */
    public static String fitMarkdown() {
        StringBuilder b = new StringBuilder();
        for (Table<?> t : Tables.fitOf(List.of("model.gNa", "model.gK"), List.of(SEARCHED_PATH),
                List.of("rate_hz", "first_spike_ms")).list()) {
            table(b, t);
        }
        return b.toString();
    }

    /** The sensitivity table of each method, for the README. */
    public static String sensitivityMarkdown() {
        StringBuilder b = new StringBuilder();
        for (SensitivityMethod m : SensitivityMethod.values()) {
            table(b, Tables.sensitivity(List.of(GRID_PATH), m));
        }
        return b.toString();
    }

    /** The traces table of a sweep with record.traces.quantize: none, for docs/traces.md. */
    public static String losslessTracesMarkdown() {
        StringBuilder b = new StringBuilder();
        table(b, Tables.losslessTraces());
        return b.toString();
    }

    /**
     * Prints the tables of docs/spark.md and the README; with the argument "search" the thresholds
     * table of docs/search.md, with "traces" the lossless traces table of docs/traces.md, with "fit" the
     * fit's tables of docs/config.md, with "sensitivity" the README's sensitivity tables.
     */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "";
        System.out.print(which.equals("search") ? searchMarkdown()
                : which.equals("traces") ? losslessTracesMarkdown() : which.equals("fit") ? fitMarkdown()
                : which.equals("sensitivity") ? sensitivityMarkdown() : markdown());
    }
}
