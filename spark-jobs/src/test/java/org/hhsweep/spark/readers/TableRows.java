package org.hhsweep.spark.readers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * A table as one reader read it: its column names and types and every row, values in the form of
 * {@link Cells}. Rows are a multiset: readers may return files and rows in any order.
 */
record TableRows(StructType schema, List<String> columns, List<List<Object>> rows) {
    private static final int EXAMPLES = 3;
    private static final int SHOWN_CHARS = 300;

    /** What differs between the rows {@code expected} read and these, or null when nothing does. */
    String differenceFrom(TableRows expected) {
        if (!columns.equals(expected.columns)) {
            return "columns " + columns + ", expected " + expected.columns;
        }
        Map<List<Object>, Integer> missing = counts(expected.rows);
        List<List<Object>> extra = new ArrayList<>();
        for (List<Object> row : rows) {
            Integer n = missing.get(row);
            if (n == null) {
                extra.add(row);
            } else if (n == 1) {
                missing.remove(row);
            } else {
                missing.put(row, n - 1);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return rows.size() + " rows, expected " + expected.rows.size() + "; " + extra.size()
                + " rows not expected, e.g. " + shown(extra) + "; expected rows not read, e.g. "
                + shown(new ArrayList<>(missing.keySet()));
    }

    private static Map<List<Object>, Integer> counts(List<List<Object>> rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (List<Object> row : rows) {
            counts.merge(row, 1, Integer::sum);
        }
        return counts;
    }

    private static String shown(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows.subList(0, Math.min(EXAMPLES, rows.size()))) {
            String s = row.toString();
            out.add(s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "..." : s);
        }
        return out.toString();
    }
}
