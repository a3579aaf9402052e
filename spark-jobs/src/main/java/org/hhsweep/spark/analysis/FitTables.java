package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The report's result tables for a fit: the best candidate (its values, loss and per statistic
 * errors, from the manifest) and the loss by generation (from the fit table).
 */
final class FitTables {
    private FitTables() {
    }

    static List<SummaryTables.Table> of(SweepOutput out) {
        List<SummaryTables.Table> tables = new ArrayList<>();
        JsonNode best = out.manifest().path("fit").path("best");
        if (best.path("loss").isNumber()) {
            tables.add(best(best));
        }
        tables.add(generations(out));
        return tables;
    }

    private static SummaryTables.Table best(JsonNode best) {
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = best.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String unit = e.getValue().path("unit").asText("");
            rows.add(List.of(e.getKey(), AxisLabels.number(e.getValue().path("value").asDouble())
                    + (unit.isEmpty() || unit.equals("1") ? "" : " " + unit)));
        }
        rows.add(List.of("loss", String.format(Locale.ROOT, "%.4g", best.path("loss").asDouble())));
        for (Iterator<Map.Entry<String, JsonNode>> it = best.path("errors").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rows.add(List.of("error of " + e.getKey(), String.format(Locale.ROOT, "%.4g (%d rows missed)",
                    e.getValue().asDouble(), best.path("missed").path(e.getKey()).asInt())));
        }
        return new SummaryTables.Table(String.format(Locale.ROOT, "Best candidate: generation %d, candidate %d",
                best.path("generation").asInt(), best.path("candidate").asInt()), List.of("", ""), rows, "");
    }

    private static SummaryTables.Table generations(SweepOutput out) {
        List<Row> all = out.sql("SELECT generation, max(best_so_far), min(loss), percentile(loss, 0.5), count(*)"
                + " FROM fit GROUP BY generation ORDER BY generation").collectAsList();
        List<List<String>> rows = new ArrayList<>();
        // the first and last generations when there are many: how it started and how it ended
        int n = all.size();
        int shown = Math.min(n, SummaryTables.MAX_ROWS);
        for (int k = 0; k < shown; k++) {
            Row r = all.get(k < shown / 2 ? k : n - (shown - k));
            rows.add(List.of(Integer.toString(r.getInt(0)), String.format(Locale.ROOT, "%.4g", r.getDouble(1)),
                    String.format(Locale.ROOT, "%.4g", r.getDouble(2)), String.format(Locale.ROOT, "%.4g", r.getDouble(3)),
                    Long.toString(r.getLong(4))));
        }
        return new SummaryTables.Table("Loss by generation", List.of("generation", "best so far", "lowest", "median",
                "candidates"), rows, shown < n ? String.format(Locale.ROOT, "The first %d and last %d of %d generations.",
                shown / 2, shown - shown / 2, n) : "");
    }
}
