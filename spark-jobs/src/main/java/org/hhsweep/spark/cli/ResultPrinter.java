package org.hhsweep.spark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * Prints a query's result: an aligned table for people, CSV (with a header) or JSON lines for
 * programs. CSV and JSON stream the rows; the table collects at most its row limit.
 */
final class ResultPrinter {
    enum Format {
        TABLE, CSV, JSON;

        static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format must be table, csv or json, got " + s);
            }
        }
    }

    private ResultPrinter() {
    }

    static void print(Dataset<Row> result, Format format, long limit, PrintStream out) {
        Dataset<Row> rows = limit == Long.MAX_VALUE ? result : result.limit((int) Math.min(limit + 1, Integer.MAX_VALUE));
        switch (format) {
            case CSV -> csv(rows, limit, out);
            case JSON -> json(rows, limit, out);
            case TABLE -> table(rows, limit, out);
        }
        out.flush();
    }

    private static void csv(Dataset<Row> rows, long limit, PrintStream out) {
        StructField[] fields = rows.schema().fields();
        List<String> header = new ArrayList<>();
        for (StructField f : fields) {
            header.add(csvCell(f.name()));
        }
        out.println(String.join(",", header));
        Iterator<Row> it = rows.toLocalIterator();
        for (long n = 0; n < limit && it.hasNext(); n++) {
            Row row = it.next();
            List<String> cells = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) {
                cells.add(row.isNullAt(i) ? "" : csvCell(value(row, i)));
            }
            out.println(String.join(",", cells));
        }
    }

    private static void json(Dataset<Row> rows, long limit, PrintStream out) {
        Iterator<String> it = rows.toJSON().toLocalIterator();
        for (long n = 0; n < limit && it.hasNext(); n++) {
            out.println(it.next());
        }
    }

    private static void table(Dataset<Row> rows, long limit, PrintStream out) {
        StructField[] fields = rows.schema().fields();
        List<Row> collected = rows.collectAsList();
        boolean more = collected.size() > limit;
        List<Row> shown = more ? collected.subList(0, (int) limit) : collected;
        int[] width = new int[fields.length];
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            header[i] = fields[i].name();
            width[i] = header[i].length();
        }
        for (Row row : shown) {
            String[] c = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                c[i] = row.isNullAt(i) ? "null" : value(row, i);
                if (c[i].length() > 60) {
                    c[i] = c[i].substring(0, 57) + "...";
                }
                width[i] = Math.max(width[i], c[i].length());
            }
            cells.add(c);
        }
        out.println(line(header, width));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (String[] c : cells) {
            out.println(line(c, width));
        }
        out.println(more ? "(first " + limit + " rows; --limit N shows more)"
                : "(" + shown.size() + " row" + (shown.size() == 1 ? "" : "s") + ")");
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cells[i]));
        }
        return b.toString().stripTrailing();
    }

    /** A cell's text: arrays as [a, b, c], everything else as Java prints it (60.0, 6, ok). */
    private static String value(Row row, int i) {
        if (row.schema().fields()[i].dataType() instanceof ArrayType) {
            return row.getList(i).toString();
        }
        return String.valueOf(row.get(i));
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
