package org.hhsweep.spark.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSchemaCheckTest {

    private static final List<DocumentedColumn> SWEPT = List.of(
            DocumentedTables.swept("stimulus.amplitude", "uA/cm^2"),
            DocumentedTables.swept("model.g_na", "mS/cm^2"));

    private static DuckDbReader reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws SQLException {
        reader = DuckDbReader.open();
    }

    @AfterAll
    static void close() throws SQLException {
        reader.close();
    }

    /** The Parquet field Spark writes for a column DuckDB should read as {@code type} (names may contain dots). */
    private static String parquetField(String name, String type) {
        return switch (type) {
            case "BIGINT" -> "required int64 " + name + ";";
            case "INTEGER" -> "required int32 " + name + ";";
            case "FLOAT" -> "optional float " + name + ";";
            case "DOUBLE" -> "optional double " + name + ";";
            case "VARCHAR" -> "optional binary " + name + " (STRING);";
            case "DOUBLE[]" -> "optional group " + name + " (LIST) { repeated group list { optional double element; } }";
            case "FLOAT[]" -> "optional group " + name + " (LIST) { repeated group list { optional float element; } }";
            case "INTEGER[]" -> "optional group " + name + " (LIST) { repeated group list { optional int32 element; } }";
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static Object sample(String type) {
        return switch (type) {
            case "BIGINT" -> 1L;
            case "INTEGER" -> 2;
            case "FLOAT" -> 3f;
            case "DOUBLE" -> 4.0;
            case "VARCHAR" -> "ok";
            case "DOUBLE[]" -> List.of(5.0, 6.0);
            case "FLOAT[]" -> List.of(7f);
            case "INTEGER[]" -> List.of(8);
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Writes one file of {@code columns} with one row and the given units JSON (null for none). */
    private Path write(String table, String file, List<DocumentedColumn> columns, String unitsJson) {
        StringBuilder schema = new StringBuilder("message spark_schema {\n");
        List<Object> row = new ArrayList<>();
        for (DocumentedColumn column : columns) {
            schema.append("  ").append(parquetField(column.name(), column.type())).append('\n');
            row.add(sample(column.type()));
        }
        schema.append('}');
        Path tableDir = dir.resolve(table);
        ParquetTestFiles.write(tableDir.resolve(file), schema.toString(), List.of(row),
                unitsJson == null ? Map.of() : Map.of(DocumentedTables.UNITS_KEY, unitsJson));
        return tableDir;
    }

    private static String json(Map<String, String> units) {
        StringBuilder s = new StringBuilder("{");
        units.forEach((column, unit) -> s.append(s.length() > 1 ? "," : "")
                .append('"').append(column).append("\":\"").append(unit).append('"'));
        return s.append('}').toString();
    }

    private static List<DocumentedColumn> replace(List<DocumentedColumn> columns, String name, DocumentedColumn by) {
        List<DocumentedColumn> out = new ArrayList<>();
        for (DocumentedColumn column : columns) {
            if (!column.name().equals(name)) {
                out.add(column);
            } else if (by != null) {
                out.add(by);
            }
        }
        return out;
    }

    @Test
    void everyTableWrittenAsDocumentedPasses() throws SQLException {
        for (DocumentedTable table : DocumentedTables.all(SWEPT)) {
            write(table.name(), "part-0.parquet", table.columns(), json(table.units()));
            write(table.name(), "part-1.parquet", table.columns(), json(table.units()));
        }

        assertEquals(List.of(), TableSchemaCheck.problems(reader, dir, DocumentedTables.all(SWEPT)));
    }

    @Test
    void aMissingTableIsAProblem() throws SQLException {
        DocumentedTable spikes = DocumentedTables.spikes();
        write("spikes", "part-0.parquet", spikes.columns(), json(spikes.units()));

        assertEquals(List.of("traces: no table directory " + dir.resolve("traces")),
                TableSchemaCheck.problems(reader, dir, List.of(spikes, DocumentedTables.traces())));
    }

    @Test
    void reportsAWrongTypeAMissingAndAnUndocumentedColumn() throws SQLException {
        DocumentedTable summaries = DocumentedTables.summaries(SWEPT);
        List<DocumentedColumn> columns = replace(summaries.columns(), "rate_hz", DocumentedColumn.of("rate_hz", "FLOAT"));
        columns = replace(columns, "cv_isi", null);
        columns.add(DocumentedColumn.of("isi_std_ms", "DOUBLE"));
        Path written = write("summaries", "part-0.parquet", columns, json(summaries.units()));

        assertEquals(List.of(
                        "summaries.rate_hz: type FLOAT, documented DOUBLE",
                        "summaries: documented column cv_isi is missing",
                        "summaries: column isi_std_ms (DOUBLE) is not documented"),
                TableSchemaCheck.problems(reader, written, summaries));
    }

    @Test
    void reportsASweptParameterWrittenAsTheWrongType() throws SQLException {
        DocumentedTable runs = DocumentedTables.runs(SWEPT);
        List<DocumentedColumn> columns = replace(runs.columns(), "model.g_na",
                DocumentedColumn.of("model.g_na", "VARCHAR"));
        Path written = write("runs", "part-0.parquet", columns, json(runs.units()));

        assertEquals(List.of("runs.model.g_na: type VARCHAR, documented DOUBLE"),
                TableSchemaCheck.problems(reader, written, runs));
    }

    @Test
    void reportsEveryFileWhoseUnitsDifferFromTheDocumentation() throws SQLException {
        DocumentedTable traces = DocumentedTables.losslessTraces();
        write("traces", "part-0.parquet", traces.columns(), json(traces.units()));
        write("traces", "part-1.parquet", traces.columns(), null);
        write("traces", "part-2.parquet", traces.columns(), "{\"run_id\":\"\",\"neuron\":\"\",\"variable\":\"\",\"t0_ms\":\"s\",\"values\":\"mV\"}");
        Path written = write("traces", "part-3.parquet", traces.columns(), "t0_ms=ms");

        assertEquals(List.of(
                        "traces (part-1.parquet): no hhsweep.units metadata",
                        "traces (part-2.parquet).t0_ms: unit s, documented ms",
                        "traces (part-2.parquet).dt_ms: no unit recorded, documented ms",
                        "traces (part-2.parquet).values: unit mV, documented V: mV, m: 1, h: 1, n: 1, I: uA/cm^2",
                        "traces (part-3.parquet): hhsweep.units is not JSON: t0_ms=ms"),
                TableSchemaCheck.problems(reader, written, traces));
    }

    @Test
    void documentedUnitsAreTheOnesTheColumnNamesPromise() {
        // Columns named *_ms, *_hz, *_mV must carry that unit: the name is part of the documentation.
        for (DocumentedTable table : DocumentedTables.all(SWEPT)) {
            for (DocumentedColumn column : table.columns()) {
                String name = column.name();
                String implied = name.endsWith("_ms") ? "ms" : name.endsWith("_hz") ? "Hz"
                        : name.endsWith("_mV") ? "mV" : null;
                if (implied != null) {
                    assertEquals(implied, column.unit(), table.name() + "." + name);
                }
            }
        }
        assertEquals(Arrays.asList("uA/cm^2", "mS/cm^2"),
                Arrays.asList(DocumentedTables.runs(SWEPT).units().get("stimulus.amplitude"),
                        DocumentedTables.summaries(SWEPT).units().get("model.g_na")));
    }
}
