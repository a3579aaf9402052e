package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files as files: their size, their encoding, their name (the sweep's default name) and
 * YAML features that must never cost more than the text they are written in.
 */
class ConfigFileTest {
    private static final Path CONF = Path.of("..", "conf");
    private static final String SIM = "simulation: {duration: 10 ms}\n";

    @TempDir
    Path tmp;

    /** A YAML config of exactly {@code size} bytes: a valid config, then a name of one long scalar. */
    private static String ofSize(int size) {
        String head = SIM + "record: {spikes: true}\n# ";
        return head + "x".repeat(size - head.length() - 1) + "\n";
    }

    @Test
    void anOversizedFileIsRefusedByItsSizeAtOnce() throws IOException {
        // the case that took about 240 s of CPU: a 30 MB YAML scalar
        Path big = tmp.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("name: ".getBytes(StandardCharsets.US_ASCII));
            byte[] block = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 30 * 16; i++) {
                out.write(block);
            }
        }
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(big));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("", e.field());
        assertEquals("'" + big + "' of " + Files.size(big) + " bytes", e.value());
        assertEquals("a config file of at most 1 MiB (1048576 bytes)", e.expected());
        assertTrue(seconds < 1, "took " + seconds + " s");
    }

    @Test
    void theLimitIsOneMebibyteExactly() throws IOException {
        Path at = Files.writeString(tmp.resolve("at.yaml"), ofSize(ConfigLoader.MAX_BYTES));
        assertEquals(ConfigLoader.MAX_BYTES, Files.size(at));
        assertEquals(1, ConfigLoader.load(at).spec().runCount());

        Path over = Files.writeString(tmp.resolve("over.yaml"), ofSize(ConfigLoader.MAX_BYTES + 1));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(over));
        assertTrue(e.getMessage().contains("of 1048577 bytes"), e.getMessage());
    }

    @Test
    void theWorstTextJustUnderTheLimitParsesInASecondOrSo() {
        // a plain scalar of nearly 1 MiB where a quantity is expected, and the same as a name: among
        // the slowest inputs measured (docs/config.md); at 30 MB such a scalar took minutes. CPU
        // time, so a busy machine does not fail the test; the bound is loose, the figure printed.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String pad = "x".repeat(ConfigLoader.MAX_BYTES - 100);
        for (String text : new String[] {"simulation: {duration: 100 ms, dt: " + pad + "}\n", SIM + "name: " + pad + "\n"}) {
            long start = threads.getCurrentThreadCpuTime();
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "worst.yaml"));
            double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf("ConfigFileTest: a %d-character scalar refused at %s in %.2f s of CPU%n", pad.length(),
                    e.field(), seconds);
            assertTrue(seconds < 10, "took " + seconds + " s");
            // and the message stays one short line
            assertTrue(e.getMessage().length() < 2000, e.getMessage().length() + " characters");
            assertTrue(e.value().endsWith(" characters)"), e.value());
        }
    }

    @Test
    void parseRefusesTextOverTheLimit() {
        String text = ofSize(ConfigLoader.MAX_BYTES + 1);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "big.yaml"));
        assertEquals("", e.field());
        assertEquals("a config of 1048577 characters", e.value());
        assertTrue(e.expected().startsWith("a config file of at most 1 MiB"), e.getMessage());
        assertEquals(1, ConfigLoader.parse(ofSize(ConfigLoader.MAX_BYTES), "at.yaml").spec().runCount());
    }

    @Test
    void aByteOrderMarkIsIgnoredInJsonAsInYaml() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String name : new String[] {"tutorial.json", "tutorial.yaml"}) {
            byte[] text = Files.readAllBytes(CONF.resolve(name));
            byte[] withBom = new byte[bom.length + text.length];
            System.arraycopy(bom, 0, withBom, 0, bom.length);
            System.arraycopy(text, 0, withBom, bom.length, text.length);
            Path file = Files.write(Files.createDirectories(tmp.resolve("bom")).resolve(name), withBom);
            SweepConfig plain = ConfigLoader.load(CONF.resolve(name));
            SweepConfig marked = ConfigLoader.load(file);
            assertEquals(plain.resolved(), marked.resolved(), name);
            assertEquals(plain.hash(), marked.hash(), name);
        }
        assertEquals(ConfigLoader.parse("{\"simulation\": {\"duration\": \"5 ms\"}}", "a.json").hash(),
                ConfigLoader.parse("\uFEFF{\"simulation\": {\"duration\": \"5 ms\"}}", "a.json").hash());
    }

    @Test
    void aByteOrderMarkOnlyCountsAtTheStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("{\"simulation\": \uFEFF{\"duration\": \"5 ms\"}}", "a.json"));
        assertTrue(e.getMessage().startsWith("config: got invalid JSON at line 1, column 16"), e.getMessage());
    }

    @Test
    void theDefaultNameIsTheFileNameMadeSafe() {
        String[][] cases = {
                {"fi-curve.yaml", "fi-curve"},
                {"my config.yaml", "my_config"},
                {"run:1 (copy).yml", "run_1__copy_"},
                {"r\u00e9sum\u00e9.json", "r_sum_"},
                {".hidden.yaml", "_hidden"},
                {"..yaml", "_"},
                {"v1.2.yaml", "v1.2"},
                {"\u4f8b.yaml", "_"},
                {"n".repeat(300) + ".yaml", "n".repeat(SweepName.MAX_LENGTH)},
        };
        for (String[] c : cases) {
            String text = c[0].endsWith(".json") ? "{\"simulation\": {\"duration\": \"5 ms\"}}" : SIM;
            assertEquals(c[1], ConfigLoader.parse(text, c[0]).spec().name(), c[0]);
        }
    }

    @Test
    void everyDerivedNameIsOneSafeComponentInsideOut() {
        SplittableRandom random = new SplittableRandom(10);
        String alphabet = "aZ09._- /\\:*?\"<>|\u00e9\u4f8b\n\t\u0000.";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(0, 130);
            for (int k = 0; k < length; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = SweepName.fromFile(b.toString());
            assertTrue(SweepName.isSafe(name), "'" + b + "' gave '" + name + "'");
            Path out = Path.of("out").resolve(name).normalize();
            assertEquals(2, out.getNameCount(), name);
            assertEquals(Path.of("out"), out.getParent(), name);
        }
    }

    @Test
    void aGivenSafeNameIsKept() {
        assertEquals("gK_30-36.v2", ConfigLoader.parse(SIM + "name: gK_30-36.v2\n", "x.yaml").spec().name());
        assertEquals("n".repeat(100), ConfigLoader.parse(SIM + "name: " + "n".repeat(100) + "\n", "x.yaml")
                .spec().name());
    }

    @Test
    void anAliasBombIsRefusedAtItsFirstAlias() {
        StringBuilder b = new StringBuilder(SIM + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("x").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                b.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(b.toString(), "bomb.yaml"));
        assertEquals("x1[0]", e.field());
        assertTrue(e.getMessage().contains("a YAML alias (*a0)"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 1);
    }

    @Test
    void anchorsWithoutAliasesChangeNothing() {
        SweepConfig anchored = ConfigLoader.parse("simulation: &s {duration: &d 10 ms}\nneurons: &n 3\n", "a.yaml");
        SweepConfig plain = ConfigLoader.parse("simulation: {duration: 10 ms}\nneurons: 3\n", "a.yaml");
        assertEquals(plain.hash(), anchored.hash());
    }

    @Test
    void messagesAreOneLineWhateverTheConfigHolds() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(SIM + "seed: \"4\\n2\\r\\u2028x\"\n", "a.yaml"));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r")
                || e.getMessage().contains("\u2028"), e.getMessage());
        assertEquals("seed: got 4\\n2\\r\\u2028x, expected a whole number (the sweep's random seed)", e.getMessage());

        ConfigException key = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("{\"" + "k".repeat(40_000) + "\": 1}", "a.json"));
        assertTrue(key.getMessage().length() < 2000, key.getMessage().length() + " characters");
        assertTrue(key.field().endsWith("... (40000 characters)"), key.field());
    }
}
