package org.hhsweep.spark.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The plots the plot command draws. */
public enum PlotKind {
    TRACES("membrane voltage over time, one panel per neuron, dashed threshold", TracesPlot::render),
    RASTER("spike raster: one row per neuron, one tick per spike, a colour per population of a network",
            RasterPlot::render),
    FI("firing rate against a swept parameter, one curve per value of another, mean and s.d.", FiPlot::render),
    HEATMAP("mean firing rate over two swept parameters", HeatmapPlot::render),
    ISI("histogram of inter-spike intervals", IsiPlot::render),
    GATES("steady state and time constant of every gate of one run's model against V", GatesPlot::render, true),
    RATES("a network run's population rates over time, one line per population", RatesPlot::render, true),
    SENSITIVITY("sensitivity indices per parameter (S1 and ST, or mu_star and sigma) with 95% intervals, a panel per"
            + " output", SensitivityPlot::render),
    FIT("a fit's loss by generation, and the target against the best candidate's predictions", FitPlot::render);

    private final String description;
    private final BiFunction<SweepOutput, PlotOptions, Rendered> renderer;
    private final boolean takesRun;

    PlotKind(String description, BiFunction<SweepOutput, PlotOptions, Rendered> renderer) {
        this(description, renderer, false);
    }

    /** @param takesRun whether the plot draws one run, chosen with --run ID */
    PlotKind(String description, BiFunction<SweepOutput, PlotOptions, Rendered> renderer, boolean takesRun) {
        this.description = description;
        this.renderer = renderer;
        this.takesRun = takesRun;
    }

    /**
     * The image's height without --height: a fit's four stacked panels at the usual 600 px leave its
     * log-scale loss axis too short for any decade's label.
     */
    public int defaultHeight() {
        return this == FIT ? 900 : PlotOptions.DEFAULT_HEIGHT;
    }

    /** Whether --run ID chooses the run drawn (the other plots pick runs with --where). */
    public boolean takesRun() {
        return takesRun;
    }

    /** The ids of the kinds that take --run, for messages: "gates and rates". */
    public static String runKinds() {
        List<String> ids = Arrays.stream(values()).filter(PlotKind::takesRun).map(PlotKind::id).toList();
        return ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** The name on the command line and in file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public Rendered render(SweepOutput output, PlotOptions options) {
        return renderer.apply(output, options);
    }

    public static PlotKind parse(String s) {
        for (PlotKind k : values()) {
            if (k.id().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new PlotException("unknown plot kind '" + s + "'; kinds: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(PlotKind::id).collect(Collectors.joining(", "));
    }
}
