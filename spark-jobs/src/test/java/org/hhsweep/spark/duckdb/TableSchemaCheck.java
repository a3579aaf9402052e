package org.hhsweep.spark.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a written table, read with DuckDB, with its documentation: every documented column is
 * there with its type, nothing undocumented is, and every Parquet file's units metadata names
 * exactly the documented units. Returns all problems at once, so one run shows every mismatch.
 */
public final class TableSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableSchemaCheck() {
    }

    /** The problems of every table of a sweep's output directory (each table in its own subdirectory). */
    public static List<String> problems(DuckDbReader reader, Path outputDir, List<DocumentedTable> tables)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        for (DocumentedTable table : tables) {
            Path tableDir = outputDir.resolve(table.name());
            if (!Files.isDirectory(tableDir)) {
                problems.add(table.name() + ": no table directory " + tableDir);
            } else {
                problems.addAll(problems(reader, tableDir, table));
            }
        }
        return problems;
    }

    /** The problems found, each a sentence naming the table and column; empty when all is as documented. */
    public static List<String> problems(DuckDbReader reader, Path tableDir, DocumentedTable table)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        checkColumns(reader.describe(tableDir), table, problems);
        for (Map.Entry<String, Map<String, String>> file : reader.keyValueMetadataByFile(tableDir).entrySet()) {
            checkUnits(file.getKey(), file.getValue().get(DocumentedTables.UNITS_KEY), table, problems);
        }
        return problems;
    }

    private static void checkColumns(List<ParquetColumn> actual, DocumentedTable table, List<String> problems) {
        Map<String, String> actualTypes = new LinkedHashMap<>();
        for (ParquetColumn column : actual) {
            actualTypes.put(column.name(), column.type());
        }
        for (DocumentedColumn column : table.columns()) {
            String type = actualTypes.remove(column.name());
            if (type == null) {
                problems.add(table.name() + ": documented column " + column.name() + " is missing");
            } else if (!type.equals(column.type())) {
                problems.add(table.name() + "." + column.name() + ": type " + type + ", documented "
                        + column.type());
            }
        }
        for (Map.Entry<String, String> extra : actualTypes.entrySet()) {
            problems.add(table.name() + ": column " + extra.getKey() + " (" + extra.getValue()
                    + ") is not documented");
        }
    }

    private static void checkUnits(String file, String json, DocumentedTable table, List<String> problems) {
        String where = table.name() + " (" + Path.of(file).getFileName() + ")";
        if (json == null) {
            problems.add(where + ": no " + DocumentedTables.UNITS_KEY + " metadata");
            return;
        }
        Map<String, String> actual = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                problems.add(where + ": " + DocumentedTables.UNITS_KEY + " is not a JSON object: " + json);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                actual.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().textValue()
                        : entry.getValue().toString());
            }
        } catch (JsonProcessingException e) {
            problems.add(where + ": " + DocumentedTables.UNITS_KEY + " is not JSON: " + json);
            return;
        }
        Map<String, String> expected = table.units();
        for (Map.Entry<String, String> unit : expected.entrySet()) {
            String found = actual.remove(unit.getKey());
            if (found == null) {
                problems.add(where + "." + unit.getKey() + ": no unit recorded, documented " + unit.getValue());
            } else if (!found.equals(unit.getValue())) {
                problems.add(where + "." + unit.getKey() + ": unit " + found + ", documented " + unit.getValue());
            }
        }
        for (Map.Entry<String, String> extra : actual.entrySet()) {
            problems.add(where + "." + extra.getKey() + ": unit " + extra.getValue() + " recorded, none documented");
        }
    }
}
