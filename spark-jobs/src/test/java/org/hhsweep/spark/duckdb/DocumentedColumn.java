package org.hhsweep.spark.duckdb;

/**
 * A column as the documentation promises it.
 *
 * @param name the column name
 * @param type the DuckDB type a reader must see ({@code BIGINT}, {@code INTEGER}, {@code DOUBLE},
 *             {@code VARCHAR}, {@code DOUBLE[]}, {@code FLOAT[]})
 * @param unit the unit recorded for it in the table's units metadata: every column has an entry,
 *             the empty string for identifiers and text
 */
public record DocumentedColumn(String name, String type, String unit) {

    public static DocumentedColumn of(String name, String type) {
        return new DocumentedColumn(name, type, "");
    }

    public static DocumentedColumn of(String name, String type, String unit) {
        return new DocumentedColumn(name, type, unit);
    }
}
