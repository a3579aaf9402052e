package org.hhsweep.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hhsweep.sim.integrate.ExponentialEuler;
import org.hhsweep.sim.integrate.FastExponentialEuler;
import org.hhsweep.sim.integrate.Method;
import org.junit.jupiter.api.Test;

/**
 * The method names since issue 11: the plain exp_euler runs the fast kernel (the default), the
 * strict one is exp_euler_reference, exp_euler_fast stays a name of the fast kernel. Outputs
 * written before keep resuming: their hashes below were printed by the code before the rename
 * (ConfigLoader.parse(...).hash() at commit 05738a7), not computed here.
 */
class MethodNamesTest {
    /** Without traces, whose recorded settings may change: only the method matters here. */
    private static final String CONFIG = """
            name: names
            seed: 5
            simulation: {duration: 30 ms, dt: 0.02 msMETHOD}
            neurons: 3
            stimulus: {type: ou, mean: 8 uA/cm^2, sigma: 3 uA/cm^2, tau: 5 ms}
            sweep: {grid: {stimulus.mean: [4 uA/cm^2, 12 uA/cm^2]}}
            """;
    /** The hash of CONFIG with method exp_euler_fast, or none, before the rename. */
    private static final String FAST_HASH_BEFORE = "005fbf25119f331324c8aaa64e392b1ae817c1a2ffdd312d375a0aa3eff5de6a";
    /** The hash of CONFIG with method exp_euler, then the reference, before the rename. */
    private static final String REFERENCE_HASH_BEFORE = "e45ce62f4187eb209ab594b41a689f0f1c0cd1898d688896a5e4a830d80299cb";
    /** The hash of CONFIG with method exp_euler_table before the rename. */
    private static final String TABLE_HASH_BEFORE = "a9266a2718a8c204e54523c97fe945d4399dab9c694f29754acfc33b1540e274";

    private static SweepConfig withMethod(String method) {
        return ConfigLoader.parse(CONFIG.replace("METHOD", method == null ? "" : ", method: " + method), "names.yaml");
    }

    @Test
    void thePlainNameAndTheDefaultRunTheFastKernel() {
        for (String name : new String[] {"exp_euler", "exp_euler_fast", null}) {
            SweepConfig c = withMethod(name);
            assertEquals(Method.EXP_EULER_FAST, c.spec().base().method(), String.valueOf(name));
            assertInstanceOf(FastExponentialEuler.class, c.spec().base().method().create());
            assertEquals("exp_euler_fast", c.resolved().at("/simulation/method").asText());
        }
        SweepConfig reference = withMethod("exp_euler_reference");
        assertEquals(Method.EXP_EULER_REFERENCE, reference.spec().base().method());
        assertInstanceOf(ExponentialEuler.class, reference.spec().base().method().create());
        assertEquals("exp_euler_reference", reference.resolved().at("/simulation/method").asText());
        assertEquals(Method.EXP_EULER_FAST, Method.DEFAULT);
    }

    @Test
    void everyNameOfTheFastKernelAndTheOtherMethodsKeepTheHashTheirOutputsRecorded() {
        assertEquals(FAST_HASH_BEFORE, withMethod(null).hash());
        assertEquals(FAST_HASH_BEFORE, withMethod("exp_euler").hash());
        assertEquals(FAST_HASH_BEFORE, withMethod("exp_euler_fast").hash());
        assertEquals(TABLE_HASH_BEFORE, withMethod("exp_euler_table").hash());
    }

    @Test
    void theReferenceIsAnotherSweepThatMatchesOutputsRecordedUnderItsFormerName() {
        SweepConfig reference = withMethod("exp_euler_reference");
        assertNotEquals(FAST_HASH_BEFORE, reference.hash());
        assertNotEquals(REFERENCE_HASH_BEFORE, reference.hash());
        assertEquals("exp_euler", Method.EXP_EULER_REFERENCE.formerName());
        assertEquals(REFERENCE_HASH_BEFORE, reference.hashWithMethodRecordedAs("exp_euler"));
        // the fast kernel recorded under the reference's former name is what a silent mix would be
        assertEquals(REFERENCE_HASH_BEFORE, withMethod("exp_euler").hashWithMethodRecordedAs("exp_euler"));
        assertEquals(reference.hash(), withMethod("exp_euler").hashWithMethodRecordedAs("exp_euler_reference"));
    }

    /** Users copy the shipped configs: none of them may leave them on a slower method than the default. */
    @Test
    void everyShippedConfigRunsTheDefaultMethod() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "conf"))) {
            files = s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        }
        assertTrue(files.size() >= 6, files.toString());
        for (Path f : files) {
            assertEquals(Method.DEFAULT, ConfigLoader.load(f).spec().base().method(), f.toString());
        }
    }

    @Test
    void aFormerNameIsNeverRecordedNow() {
        assertEquals(Method.EXP_EULER_REFERENCE, Method.fromFormerName("exp_euler"));
        for (Method m : Method.values()) {
            assertNull(Method.fromFormerName(m.recordedName()), m.recordedName());
            assertEquals(m, Method.fromName(m.recordedName()), "outputs' names are config names too");
            assertEquals(m.recordedName(), m.create().name());
        }
        assertEquals(List.of("exp_euler", "exp_euler_fast", "exp_euler_reference", "rk4", "exp_euler_table"),
                Method.names());
    }
}
