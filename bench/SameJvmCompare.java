import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two builds' CompareRun in one JVM, each in a class loader of its own, alternating short runs so
 * that whatever else the machine does (other tenants of a shared VM, other builds) hits both
 * builds within seconds of each other. Separate JVMs a minute apart (bench/compare-builds.sh without
 * --same-jvm) saw the same build vary by 15% between rounds; here each pair's ratio is taken, and
 * the median over pairs is reported, after warm-up pairs that are not counted.
 *
 * <p>Usage (bench/compare-builds.sh --same-jvm runs it):
 * java --add-modules jdk.incubator.vector SameJvmCompare.java CP_OTHER CP_THIS LABEL PAIRS WARMUP NEURONS DURATION_MS METHOD MODE
 */
public class SameJvmCompare {
    private static final Pattern RATE = Pattern.compile("\"neuron_steps_per_s\": \\[([0-9.]+)\\]");
    private static final Pattern SPIKES = Pattern.compile("\"spikes_total\": ([0-9]+)");

    public static void main(String[] a) throws Exception {
        Method other = entry(a[0]), self = entry(a[1]);
        String label = a[2];
        int pairs = Integer.parseInt(a[3]), warmup = Integer.parseInt(a[4]);
        String[] args = {a[7], a[5], a[6], "0.01", a[8]};
        List<Double> ratios = new ArrayList<>();
        double sumOther = 0, sumSelf = 0;
        for (int p = 0; p < warmup + pairs; p++) {
            // the order within a pair alternates too: neither build always runs right after the other
            double[] o, s;
            if (p % 2 == 0) {
                o = run(other, args);
                s = run(self, args);
            } else {
                s = run(self, args);
                o = run(other, args);
            }
            if (o[1] != s[1]) {
                throw new IllegalStateException("the builds count different spikes: " + o[1] + " and " + s[1]);
            }
            if (p >= warmup) {
                ratios.add(s[0] / o[0]);
                sumOther += o[0];
                sumSelf += s[0];
            }
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s %s %s: %d pairs, median ratio %.1f%% (quartiles %.1f%%, %.1f%%), ratio of sums %.1f%%,"
                        + " mean M neuron-steps/s %s %.1f, this %.1f%n",
                a[7], a[8], label, pairs, 100 * median(r, 0.5), 100 * median(r, 0.25), 100 * median(r, 0.75),
                100 * sumSelf / sumOther, label, sumOther / pairs / 1e6, sumSelf / pairs / 1e6);
    }

    private static double median(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static Method entry(String classpath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String part : classpath.split(File.pathSeparator)) {
            if (!part.isEmpty()) {
                urls.add(new File(part).toURI().toURL());
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return loader.loadClass("org.hhsweep.sim.bench.CompareRun").getMethod("main", String[].class);
    }

    /** {neuron-steps/s, spikes} of one CompareRun. */
    private static double[] run(Method main, String[] args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // libraries that find their services through the context loader (indriya's units) must see the build's
        Thread.currentThread().setContextClassLoader(main.getDeclaringClass().getClassLoader());
        try {
            main.invoke(null, (Object) Arrays.copyOf(args, args.length));
        } finally {
            System.setOut(out);
        }
        String json = captured.toString(StandardCharsets.UTF_8);
        Matcher rate = RATE.matcher(json), spikes = SPIKES.matcher(json);
        if (!rate.find() || !spikes.find()) {
            throw new IllegalStateException("CompareRun printed no rate: " + json);
        }
        return new double[] {Double.parseDouble(rate.group(1)), Double.parseDouble(spikes.group(1))};
    }
}
