package org.hhsweep.spark.duckdb;

/**
 * One column of a Parquet table as DuckDB sees it.
 *
 * @param name the column name
 * @param type DuckDB's type name, e.g. {@code BIGINT}, {@code DOUBLE}, {@code VARCHAR}, {@code FLOAT[]}
 */
public record ParquetColumn(String name, String type) {
}
