package org.hhsweep.spark.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hhsweep.spark.io.Json;
import org.hhsweep.spark.io.OutputDirectory;
import org.hhsweep.spark.io.OutputLayout;
import org.hhsweep.spark.io.OutputLock;
import org.hhsweep.spark.io.OutputRefused;
import org.hhsweep.spark.io.Signature;
import org.hhsweep.spark.io.Tables;

/**
 * DIR/report.html, a static page about one sweep that opens from disk with no server and loads
 * nothing from elsewhere: the manifest's facts, the model, the result tables, the figures that
 * suit the sweep's shape (PNGs in DIR/report/, linked relatively) and the resolved config.
 */
public final class Report {
    public static final String PAGE = OutputLayout.REPORT_PAGE;
    public static final String FIGURES = OutputLayout.REPORT_FIGURES;

    /** What was written: the page, the figures, and the figures left out with the reason. */
    public record Result(Path page, List<Path> figures, List<String> skipped) {
    }

    private record Shown(ReportPlan.Planned plan, String file, Rendered rendered) {
    }

    private Report() {
    }

    public static Result write(SweepOutput out, Configuration conf) throws IOException {
        Path figuresDir = new Path(out.dir(), FIGURES);
        Path page = new Path(out.dir(), PAGE);
        checkTargets(out, conf);
        List<Shown> shown = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (ReportPlan.Planned p : ReportPlan.of(out)) {
            try {
                Rendered r = p.kind().render(out, p.options());
                String name = p.kind().id() + "." + ImageFormat.PNG.extension();
                Path file = new Path(figuresDir, name);
                OutputFiles.write(file, conf, false, s -> r.figure().write(s, ImageFormat.PNG));
                files.add(file);
                shown.add(new Shown(p, FIGURES + "/" + name, r));
            } catch (PlotException e) {
                skipped.add(p.kind().id() + ": " + e.getMessage());
            }
        }
        String html = page(out, out.has(Tables.FIT) ? FitTables.of(out) : SummaryTables.of(out), shown, skipped);
        OutputFiles.write(page, conf, false, s -> s.write(html.getBytes(StandardCharsets.UTF_8)));
        // Figures of an earlier report (of a differently shaped sweep) must not linger; a user's file stays.
        OutputFiles.removeOwnedExcept(figuresDir, files.stream().map(Path::getName).collect(Collectors.toSet()), conf);
        return new Result(page, files, skipped);
    }

    /**
     * Refuses, before any figure is drawn, a page or figure directory in the way: a symbolic link,
     * or a file of the user's where the report writes its own.
     */
    public static void checkTargets(SweepOutput out, Configuration conf) throws IOException {
        checkTargets(out.dir(), conf);
    }

    public static void checkTargets(Path dir, Configuration conf) throws IOException {
        OutputFiles.checkTarget(new Path(dir, PAGE), conf, false, "");
        Path figuresDir = new Path(dir, FIGURES);
        java.nio.file.Path local = OutputLock.local(figuresDir);
        FileSystem fs = figuresDir.getFileSystem(conf);
        if (local != null ? java.nio.file.Files.isSymbolicLink(local)
                || java.nio.file.Files.isRegularFile(local) : fs.isFile(figuresDir)) {
            throw new OutputRefused(OutputDirectory.display(figuresDir) + " is not a directory of figures hhsweep"
                    + " wrote (a " + (local != null && java.nio.file.Files.isSymbolicLink(local) ? "symbolic link"
                    : "file") + "); move it away to write the report");
        }
        for (PlotKind k : PlotKind.values()) {
            OutputFiles.checkTarget(new Path(figuresDir, k.id() + "." + ImageFormat.PNG.extension()), conf, false, "");
        }
    }

    private static void tables(Html h, List<SummaryTables.Table> tables, String cssClass) {
        for (SummaryTables.Table t : tables) {
            h.element("h3", t.title());
            h.table(t.header(), t.rows(), cssClass);
            if (!t.note().isEmpty()) {
                h.raw("<p class=\"note\">").text(t.note()).raw("</p>\n");
            }
        }
    }

    private static String page(SweepOutput out, List<SummaryTables.Table> tables, List<Shown> shown,
                               List<String> skipped) throws IOException {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw(Signature.HTML_META + "\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("hhsweep report: " + out.name()).raw("</title>\n")
                .raw("<style>\n").raw(ReportAssets.CSS).raw("</style>\n")
                .raw("<script>\n").raw(ReportAssets.SELF_CHECK).raw("</script>\n")
                .raw("</head>\n<body>\n");
        h.element("h1", (out.has(Tables.FIT) ? "Fit " : "Sweep ") + out.name());
        if (!out.complete()) {
            h.raw("<p class=\"warning\">").text("This sweep has not finished (status "
                    + out.manifest().path("status").asText("unknown")
                    + "): the tables and figures show the chunks it committed.").raw("</p>\n");
        }
        h.raw("<section>\n").element("h2", "Run");
        h.table(List.of("", ""), ManifestFacts.of(out.manifest()), "facts");
        h.raw("</section>\n<section>\n").element("h2", "Results");
        tables(h, tables, "numbers");
        h.raw("</section>\n<section>\n").element("h2", "Figures");
        for (Shown s : shown) {
            String plotCommand = "./submit.sh plot " + OutputDirectory.display(out.dir()) + " --kind " + s.plan().kind().id();
            h.raw("<figure>\n<img src=\"").text(s.file()).raw("\" width=\"")
                    .text(Integer.toString(s.rendered().figure().width())).raw("\" height=\"")
                    .text(Integer.toString(s.rendered().figure().height())).raw("\" alt=\"")
                    .text(s.plan().kind().description()).raw("\">\n<figcaption>")
                    .text(s.plan().caption() + " Shows " + s.rendered().summary() + ". ")
                    .raw("<code>").text(plotCommand).raw("</code>")
                    .raw("</figcaption>\n</figure>\n");
        }
        if (shown.isEmpty()) {
            h.raw("<p class=\"note\">").text("No figure suits this output.").raw("</p>\n");
        }
        for (String s : skipped) {
            h.raw("<p class=\"note\">").text("Not shown: " + s).raw("</p>\n");
        }
        // after the figures, beside the config it details: the page opens on the results
        h.raw("</section>\n<section>\n").element("h2", "Model");
        ModelTables model = ModelTables.of(out);
        if (!model.membrane().isEmpty()) {
            h.element("p", model.membrane());
        }
        tables(h, model.tables(), "model");
        for (String note : model.notes()) {
            h.raw("<p class=\"note\">").text(note).raw("</p>\n");
        }
        h.raw("</section>\n<section>\n").element("h2", "Configuration (resolved, engine units)");
        JsonNode config = out.manifest().path("config");
        h.raw("<pre>").text(config.isMissingNode() ? "(not in the manifest)" : Json.MAPPER.writeValueAsString(config))
                .raw("</pre>\n</section>\n");
        h.raw("<footer>").text(String.format(Locale.ROOT, "Written by hhsweep %s from %s.",
                out.manifest().path("software").path("version").asText("?"), OutputDirectory.display(out.dir())))
                .raw("</footer>\n</body>\n</html>\n");
        return h.toString();
    }
}
