package org.hhsweep.spark.io;

import java.util.Arrays;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** An output table as queries and plots see it, whatever layout its files have. */
public final class TableViews {
    private TableViews() {
    }

    /**
     * The table's files; quantised traces get the dequantised {@code values} column of lossless
     * ones (after {@code step} and {@code values_q}), so the same SQL and plots work on both.
     */
    public static Dataset<Row> read(SparkSession session, Path tableDir, String table) {
        Dataset<Row> d = session.read().parquet(tableDir.toString());
        if (table.equals(Tables.TRACES) && Arrays.asList(d.columns()).contains(Tables.TRACE_STEPS_COLUMN)) {
            d = d.withColumn("values", functions.expr(Tables.DEQUANTIZED_VALUES_SQL));
        }
        return d;
    }
}
