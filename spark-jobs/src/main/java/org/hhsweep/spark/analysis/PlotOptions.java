package org.hhsweep.spark.analysis;

/**
 * What the user chose for one plot; null means "the plot's default".
 *
 * @param where  a Spark SQL predicate over the plotted table joined with summaries (run_id, neuron,
 *               seed, swept columns, spike_count, status, ...), e.g. "run_id = 0 AND neuron < 3"
 * @param limit  panels (traces), rows (raster), bins (isi)
 * @param x      the swept parameter on the x axis (fi, heatmap), as a config path or a column
 * @param y      the swept parameter on the y axis (heatmap)
 * @param series the swept parameter with one curve per value (fi); "none" pools every value
 * @param run    the run whose model is drawn (gates); null for the base model
 */
public record PlotOptions(String where, Integer limit, String x, String y, String series, int width, int height,
                          Long run) {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 600;
    /** Keeps a typo from allocating gigabytes of pixels; 4000 px is a poster. */
    public static final int MAX_SIDE = 4000;

    public PlotOptions {
        if (width < 200 || height < 150 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new PlotException("image size must be 200..4000 x 150..4000 pixels, got " + width + "x" + height);
        }
        if (limit != null && limit < 1) {
            throw new PlotException("--limit must be at least 1, got " + limit);
        }
    }

    /** Options of a plot of the sweep's tables, not of one run's model. */
    public PlotOptions(String where, Integer limit, String x, String y, String series, int width, int height) {
        this(where, limit, x, y, series, width, height, null);
    }

    public static PlotOptions defaults() {
        return new PlotOptions(null, null, null, null, null, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public PlotOptions withSize(int w, int h) {
        return new PlotOptions(where, limit, x, y, series, w, h, run);
    }

    public PlotOptions withWhere(String predicate) {
        return new PlotOptions(predicate, limit, x, y, series, width, height, run);
    }

    public PlotOptions withRun(Long id) {
        return new PlotOptions(where, limit, x, y, series, width, height, id);
    }

    /** The limit asked for, else the plot's default, never above its maximum (said in the summary). */
    int limit(int fallback, int max) {
        return Math.min(limit == null ? fallback : limit, max);
    }
}
