package org.hhsweep.spark.analysis;

/**
 * A drawn plot and one line saying what it shows (what was selected, capped or left out), which
 * the plot command prints and the report puts under the image.
 */
public record Rendered(Figure figure, String summary) {
}
