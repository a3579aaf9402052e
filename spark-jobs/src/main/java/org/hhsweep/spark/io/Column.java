package org.hhsweep.spark.io;

import java.util.function.Function;

/**
 * One column of an output table: its name, type, unit and meaning, and how its value is read from
 * the record a row is made of (a run, a neuron's statistics, ...).
 *
 * @param unit  the engine unit of the values ("1" for a pure number), or "" for identifiers and labels
 * @param value the value of a record: Integer, Long, Double, String, double[], float[] or int[] as the
 *              type says; null only for a nullable column
 * @param <R>   the record a row is made of
 */
public record Column<R>(String name, ColumnType type, boolean nullable, String unit, String description,
                        Function<R, Object> value) {
}
