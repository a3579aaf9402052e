package org.hhsweep.spark.io;

import java.util.List;

/** The Markdown description of the output tables, generated from {@link Tables} for docs/spark.md. */
public final class TablesDoc {
    /** Stands for the swept parameter columns, which depend on the sweep. */
    private static final String SWEPT_PATH = "model.gNa";

    private TablesDoc() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        for (Table<?> t : Tables.all(List.of(SWEPT_PATH)).list()) {
            b.append("### `").append(t.name()).append("/`: ").append(t.description()).append("\n\n");
            b.append("| column | type | unit | nullable | meaning |\n");
            b.append("|---|---|---|---|---|\n");
            for (Column<?> c : t.columns()) {
                if (c.description().startsWith("swept parameter ")) {
                    b.append("| *swept parameters* | double | the parameter's |  | one column per swept "
                            + "parameter, named by its config path with `.` replaced by `_` (e.g. `model_gNa`) |\n");
                    continue;
                }
                b.append("| `").append(c.name()).append("` | ").append(c.type().sql()).append(" | ")
                        .append(c.unit().isEmpty() ? "" : "`" + c.unit() + "`").append(" | ")
                        .append(c.nullable() ? "yes" : "").append(" | ")
                        .append(c.description().replace("|", "\\|")).append(" |\n");
            }
            b.append("\n");
        }
        return b.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
