package org.hhsweep.spark.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

class DuckDbReaderTest {

    private static final String SCHEMA = """
            message trace {
              required int64 run_id;
              required int32 neuron;
              optional binary variable (STRING);
              required double t0_ms;
              optional group values (LIST) {
                repeated group list {
                  required float element;
                }
              }
            }""";

    private static final String UNITS = "{\"t0_ms\":\"ms\",\"values\":\"mV\"}";

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

    private static List<Object> row(long run, int neuron, String variable, double t0, Float... values) {
        return Arrays.asList(run, neuron, variable, t0, values == null ? null : List.of(values));
    }

    @Test
    void describesColumnsWithDuckDbTypes() throws SQLException {
        ParquetTestFiles.write(dir.resolve("part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0.0, -65f)), Map.of());

        assertEquals(List.of(
                        new ParquetColumn("run_id", "BIGINT"),
                        new ParquetColumn("neuron", "INTEGER"),
                        new ParquetColumn("variable", "VARCHAR"),
                        new ParquetColumn("t0_ms", "DOUBLE"),
                        new ParquetColumn("values", "FLOAT[]")),
                reader.describe(dir));
    }

    @Test
    void readsValuesExactlyIncludingFloatLists() throws SQLException {
        // Values a decimal round trip would spoil: the smallest subnormal and a float's nearest neighbours.
        float tiny = Float.MIN_VALUE;
        float justAbove = Math.nextUp(-65.0f);
        ParquetTestFiles.write(dir.resolve("part-0.parquet"), SCHEMA, List.of(
                row(7L, 2, "V", 0.125, tiny, justAbove, Float.NaN),
                row(8L, 0, null, 1.0e300),
                row(9L, 1, "m", -0.0, (Float[]) null)), Map.of());

        List<List<Object>> rows = reader.query("SELECT * FROM " + DuckDbReader.table(dir) + " ORDER BY run_id");

        assertEquals(3, rows.size());
        assertEquals(Arrays.asList(7L, 2, "V", 0.125, List.of(tiny, justAbove, Float.NaN)), rows.get(0));
        assertEquals(Arrays.asList(8L, 0, null, 1.0e300, List.of()), rows.get(1));
        assertEquals(Arrays.asList(9L, 1, "m", -0.0, null), rows.get(2));
        assertEquals(Float.floatToRawIntBits(justAbove),
                Float.floatToRawIntBits((Float) ((List<?>) rows.get(0).get(4)).get(1)));
    }

    @Test
    void readsEveryPartFileBelowTheDirectoryAndNothingElse() throws Exception {
        // Spark's layout: part files in partition subdirectories next to marker and checksum files.
        ParquetTestFiles.write(dir.resolve("status=ok/part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0, 1f), row(2, 0, "V", 0, 2f)), Map.of());
        ParquetTestFiles.write(dir.resolve("status=diverged/part-1.parquet"), SCHEMA,
                List.of(row(3, 0, "V", 0, 3f)), Map.of());
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.write(dir.resolve("status=ok/.part-0.parquet.crc"), new byte[] {1, 2, 3});

        assertEquals(3, reader.count(dir));
        assertEquals(List.of(List.of("diverged", 1L), List.of("ok", 2L)), reader.query(
                "SELECT status, count(*) FROM " + DuckDbReader.table(dir) + " GROUP BY status ORDER BY status"));
    }

    @Test
    void readsKeyValueMetadataOfEveryFile() throws SQLException {
        ParquetTestFiles.write(dir.resolve("a/part-0.parquet"), SCHEMA, List.of(row(1, 0, "V", 0, 1f)),
                Map.of("hhsweep.units", UNITS, "writer", "one"));
        ParquetTestFiles.write(dir.resolve("a/part-1.parquet"), SCHEMA, List.of(row(2, 0, "V", 0, 1f)),
                Map.of("hhsweep.units", UNITS, "writer", "two"));

        Map<String, Map<String, String>> byFile = reader.keyValueMetadataByFile(dir.resolve("a"));
        assertEquals(2, byFile.size());
        for (Map<String, String> metadata : byFile.values()) {
            assertEquals(UNITS, metadata.get("hhsweep.units"));
        }
        assertEquals(UNITS, reader.keyValueMetadata(dir.resolve("a"), "hhsweep.units").get("hhsweep.units"));
        IllegalStateException disagreement = assertThrows(IllegalStateException.class,
                () -> reader.keyValueMetadata(dir.resolve("a"), "writer"));
        assertTrue(disagreement.getMessage().contains("writer"), disagreement.getMessage());
    }

    @Test
    void aFileWithoutTheMetadataIsAReportedDisagreement() throws SQLException {
        ParquetTestFiles.write(dir.resolve("part-0.parquet"), SCHEMA, List.of(row(1, 0, "V", 0, 1f)),
                Map.of("hhsweep.units", UNITS));
        ParquetTestFiles.write(dir.resolve("part-1.parquet"), SCHEMA, List.of(row(2, 0, "V", 0, 1f)), Map.of());

        Map<String, Map<String, String>> byFile = reader.keyValueMetadataByFile(dir);
        assertEquals(2, byFile.size());
        assertTrue(byFile.values().stream().anyMatch(m -> !m.containsKey("hhsweep.units")), byFile.toString());
        assertThrows(IllegalStateException.class, () -> reader.keyValueMetadata(dir, "hhsweep.units"));
    }

    @Test
    void sameRowsInAnotherOrderAndFileLayoutAreNoDifference() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row(i, i % 3, "V", i * 0.1, i * 0.5f, -i * 1e-3f, Float.NaN));
        }
        ParquetTestFiles.write(dir.resolve("a/part-0.parquet"), SCHEMA, rows, Map.of());
        List<List<Object>> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        ParquetTestFiles.write(dir.resolve("b/part-0.parquet"), SCHEMA, reversed.subList(0, 20), Map.of());
        ParquetTestFiles.write(dir.resolve("b/part-1.parquet"), SCHEMA, reversed.subList(20, 50), Map.of());

        TableDifference difference = reader.difference(dir.resolve("a"), dir.resolve("b"), "*");

        assertTrue(difference.isEmpty(), difference.toString());
        assertEquals(50, difference.rowsA());
        assertEquals(50, difference.rowsB());
    }

    @Test
    void oneUlpInOneListElementIsADifference() throws SQLException {
        ParquetTestFiles.write(dir.resolve("a/part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0, 1f, -65f), row(2, 0, "V", 0, 3f)), Map.of());
        ParquetTestFiles.write(dir.resolve("b/part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0, 1f, Math.nextDown(-65f)), row(2, 0, "V", 0, 3f)), Map.of());

        TableDifference difference = reader.difference(dir.resolve("a"), dir.resolve("b"), "run_id, values");

        assertFalse(difference.isEmpty());
        assertEquals(1, difference.onlyInA());
        assertEquals(1, difference.onlyInB());
        assertEquals(List.of(List.of(1L, List.of(1f, -65f))), difference.examplesA());
        assertEquals(List.of(List.of(1L, List.of(1f, Math.nextDown(-65f)))), difference.examplesB());
    }

    @Test
    void aDuplicatedRowIsADifference() throws SQLException {
        ParquetTestFiles.write(dir.resolve("a/part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0, 1f), row(2, 0, "V", 0, 2f)), Map.of());
        ParquetTestFiles.write(dir.resolve("b/part-0.parquet"), SCHEMA,
                List.of(row(1, 0, "V", 0, 1f), row(2, 0, "V", 0, 2f), row(2, 0, "V", 0, 2f)), Map.of());

        TableDifference difference = reader.difference(dir.resolve("a"), dir.resolve("b"), "*");

        assertEquals(0, difference.onlyInA());
        assertEquals(1, difference.onlyInB());
    }
}
