package org.hhsweep.spark.duckdb;

import java.util.List;

/**
 * How two Parquet tables differ as multisets of rows (row order and file layout ignored).
 *
 * @param rowsA       rows in the first table
 * @param rowsB       rows in the second table
 * @param onlyInA     rows of the first table without a counterpart in the second (EXCEPT ALL)
 * @param onlyInB     rows of the second table without a counterpart in the first
 * @param examplesA   up to a few of the rows counted in {@code onlyInA}
 * @param examplesB   up to a few of the rows counted in {@code onlyInB}
 */
public record TableDifference(long rowsA, long rowsB, long onlyInA, long onlyInB,
                              List<List<Object>> examplesA, List<List<Object>> examplesB) {

    public boolean isEmpty() {
        return onlyInA == 0 && onlyInB == 0;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "same " + rowsA + " rows";
        }
        return rowsA + " vs " + rowsB + " rows; " + onlyInA + " only in the first, e.g. " + examplesA
                + "; " + onlyInB + " only in the second, e.g. " + examplesB;
    }
}
