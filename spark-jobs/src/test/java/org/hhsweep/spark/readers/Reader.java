package org.hhsweep.spark.readers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hhsweep.spark.SparkTestSession;
import org.hhsweep.spark.duckdb.DuckDbReader;

/**
 * The readers every output must open with their default settings, and the reference they are
 * compared with: Spark's row-based reader (parquet-java's record reader), which decodes every
 * Parquet encoding.
 */
enum Reader {
    /** A Spark session with default reader settings: the vectorized Parquet reader. */
    SPARK("Spark (vectorized reader)") {
        @Override
        TableRows read(Path dir, StructType schema) {
            SparkSession spark = SparkTestSession.get();
            assertTrue(spark.conf().get(VECTORIZED).equals("true"), "the test session keeps Spark's default " + VECTORIZED);
            return spark(spark, dir, true);
        }
    },
    /** DuckDB through JDBC: its own Parquet implementation in C++. */
    DUCKDB("DuckDB") {
        @Override
        TableRows read(Path dir, StructType schema) throws Exception {
            String files = "read_parquet('" + dir.toAbsolutePath() + "/*.parquet')";
            try (DuckDbReader duck = DuckDbReader.open()) {
                List<String> columns = duck.describe(dir).stream().map(c -> c.name()).toList();
                List<List<Object>> rows = new ArrayList<>();
                for (List<Object> row : duck.query("SELECT * FROM " + files)) {
                    List<Object> cells = new ArrayList<>(row.size());
                    for (int i = 0; i < row.size(); i++) {
                        cells.add(Cells.of(row.get(i), schema.fields()[i].dataType()));
                    }
                    rows.add(cells);
                }
                return new TableRows(schema, columns, rows);
            }
        }
    },
    /** hyparquet in node: pure JavaScript, no code shared with the others. */
    HYPARQUET("hyparquet (node)") {
        @Override
        TableRows read(Path dir, StructType schema) throws Exception {
            return Hyparquet.read(dir, schema);
        }
    };

    static final String VECTORIZED = "spark.sql.parquet.enableVectorizedReader";
    private static SparkSession rowReaderParent;
    private static SparkSession rowReaderSession;
    private final String label;

    Reader(String label) {
        this.label = label;
    }

    /** Every row of the Parquet files in {@code dir}, typed by the reference reader's schema. */
    abstract TableRows read(Path dir, StructType schema) throws Exception;

    @Override
    public String toString() {
        return label;
    }

    /** The reference: Spark's row-based reader, in a session of its own with the vectorized one off. */
    static synchronized TableRows reference(Path dir) {
        // a session of its own shares the test session's context; renewed if a test replaced that
        if (rowReaderParent != SparkTestSession.get()) {
            rowReaderParent = SparkTestSession.get();
            rowReaderSession = rowReaderParent.newSession();
            rowReaderSession.conf().set(VECTORIZED, "false");
        }
        return spark(rowReaderSession, dir, false);
    }

    private static TableRows spark(SparkSession spark, Path dir, boolean vectorized) {
        Dataset<Row> d = spark.read().parquet(dir.toString());
        String plan = d.queryExecution().executedPlan().toString();
        // ColumnarToRow sits above a scan that decodes whole column batches: the vectorized reader
        if (vectorized) {
            assertTrue(plan.contains("ColumnarToRow"), "the vectorized reader reads " + dir + ":\n" + plan);
        } else {
            assertFalse(plan.contains("ColumnarToRow"), "the row reader reads " + dir + ":\n" + plan);
        }
        StructType schema = d.schema();
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : d.collectAsList()) {
            List<Object> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                StructField f = schema.fields()[i];
                Object v = row.isNullAt(i) ? null : f.dataType() instanceof ArrayType ? row.getList(i) : row.get(i);
                cells.add(Cells.of(v, f.dataType()));
            }
            rows.add(cells);
        }
        return new TableRows(schema, Arrays.asList(d.columns()), rows);
    }
}
