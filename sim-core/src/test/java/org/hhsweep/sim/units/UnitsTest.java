package org.hhsweep.sim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    /** Expected values are worked out by hand from the SI prefixes, not by Indriya. */
    @ParameterizedTest(name = "{0} = {2} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            120 mS/cm^2     | MILLISIEMENS_PER_CM2 | 120
            0.12 S/cm^2     | MILLISIEMENS_PER_CM2 | 120
            120 mS/cm²      | MILLISIEMENS_PER_CM2 | 120
            120 mS/cm2      | MILLISIEMENS_PER_CM2 | 120
            120 mS / cm^2   | MILLISIEMENS_PER_CM2 | 120
            1.2 mS/mm^2     | MILLISIEMENS_PER_CM2 | 120
            1200 S/m^2      | MILLISIEMENS_PER_CM2 | 120
            120000 uS/cm^2  | MILLISIEMENS_PER_CM2 | 120
            0.03 mS/cm^2    | MILLISIEMENS_PER_CM2 | 0.03
            -65 mV          | MILLIVOLT            | -65
            −65 mV          | MILLIVOLT            | -65
            -0.065 V        | MILLIVOLT            | -65
            -65000 uV       | MILLIVOLT            | -65
            +50 mV          | MILLIVOLT            | 50
            0.01 ms         | MILLISECOND          | 0.01
            10 us           | MILLISECOND          | 0.01
            10 µs           | MILLISECOND          | 0.01
            10 μs           | MILLISECOND          | 0.01
            1e-3 s          | MILLISECOND          | 1
            1E3 ms          | MILLISECOND          | 1000
            1 s             | MILLISECOND          | 1000
            .5 ms           | MILLISECOND          | 0.5
            2.5ms           | MILLISECOND          | 2.5
            1 min           | MILLISECOND          | 60000
            1 µF/cm^2       | MICROFARAD_PER_CM2   | 1
            1 uF/cm^2       | MICROFARAD_PER_CM2   | 1
            1 μF/cm^2       | MICROFARAD_PER_CM2   | 1
            0.01 F/m^2      | MICROFARAD_PER_CM2   | 1
            10 nF/mm^2      | MICROFARAD_PER_CM2   | 1
            10 uA/cm^2      | MICROAMPERE_PER_CM2  | 10
            10 µA/cm^2      | MICROAMPERE_PER_CM2  | 10
            0.01 mA/cm^2    | MICROAMPERE_PER_CM2  | 10
            100 nA/mm^2     | MICROAMPERE_PER_CM2  | 10
            0.1 A/m^2       | MICROAMPERE_PER_CM2  | 10
            60 Hz           | HERTZ                | 60
            0.06 kHz        | HERTZ                | 60
            """)
    void convertsToEngineUnits(String text, EngineUnit unit, double expected) {
        assertEquals(expected, Units.toEngine(text, unit), 1e-12 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void sameUnitIsReturnedBitForBit() {
        // Values already in engine units must not pick up conversion rounding (grids compare exactly).
        for (double v : new double[] {0.01, 0.1, 0.3, -54.387, 1e-7, 123456.789}) {
            assertEquals(v, Units.toEngine(v + " ms", EngineUnit.MILLISECOND), 0.0);
            assertEquals(v, Units.toEngine(v + " uA/cm^2", EngineUnit.MICROAMPERE_PER_CM2), 0.0);
            assertEquals(v, Units.toEngine(v + " µA/cm^2", EngineUnit.MICROAMPERE_PER_CM2), 0.0);
            assertEquals(v, Units.toEngine(v + " mS/cm^2", EngineUnit.MILLISIEMENS_PER_CM2), 0.0);
        }
    }

    @Test
    void bareNumberNamesTheExpectedUnit() {
        Units.QuantityException e = assertThrows(Units.QuantityException.class,
                () -> Units.toEngine("120", EngineUnit.MILLISIEMENS_PER_CM2));
        assertEquals("a quantity with a unit of conductance density such as \"120 mS/cm^2\"", e.expected());
    }

    @Test
    void wrongDimensionNamesBothDimensions() {
        Units.QuantityException e = assertThrows(Units.QuantityException.class,
                () -> Units.toEngine("120 mV", EngineUnit.MILLISIEMENS_PER_CM2));
        assertTrue(e.expected().contains("conductance density"), e.expected());
        assertTrue(e.expected().contains("mV is a unit of voltage"), e.expected());
        // conductance instead of conductance density: same prefix, missing area
        e = assertThrows(Units.QuantityException.class, () -> Units.toEngine("120 mS", EngineUnit.MILLISIEMENS_PER_CM2));
        assertTrue(e.expected().contains("mS is a unit of dimension"), e.expected());
        e = assertThrows(Units.QuantityException.class, () -> Units.toEngine("10 mV", EngineUnit.MILLISECOND));
        assertTrue(e.expected().contains("a time"), e.expected());
    }

    @Test
    void rejectsTextThatIsNoQuantity() {
        for (String bad : new String[] {"", "ms", "abc", "10 furlongs", "10 uA/cm^2 extra", "1,5 ms", "ten ms"}) {
            assertThrows(Units.QuantityException.class, () -> Units.toEngine(bad, EngineUnit.MILLISECOND), bad);
        }
    }

    @Test
    void rejectsNonFiniteValues() {
        for (String bad : new String[] {"NaN mV", "nan mV", ".nan mV", "inf mV", "-Infinity mV", "1e400 mV",
                "1e308 kV"}) {
            Units.QuantityException e = assertThrows(Units.QuantityException.class,
                    () -> Units.toEngine(bad, EngineUnit.MILLIVOLT), bad);
            assertTrue(e.expected().contains("finite"), bad + ": " + e.expected());
        }
    }

    @Test
    void formatsEngineValues() {
        assertEquals("0.01 ms", Units.format(0.01, EngineUnit.MILLISECOND));
        assertEquals("120 mS/cm^2", Units.format(120.0, EngineUnit.MILLISIEMENS_PER_CM2));
        assertEquals("-54.387 mV", Units.format(-54.387, EngineUnit.MILLIVOLT));
        assertEquals("conductance density", Units.dimensionName(EngineUnit.MILLISIEMENS_PER_CM2));
        // Every example parses back in its own unit: the messages never suggest something invalid.
        for (EngineUnit u : EngineUnit.values()) {
            Units.toEngine(Units.example(u), u);
        }
    }

    @Test
    void parsedUnitsAreCached() {
        // Uncached, Indriya needs ~0.3 ms per unit; 20,000 cached reads take a few ms.
        String[] texts = {"120 mS/cm^2", "0.01 ms", "10 uA/cm^2", "1 µF/cm^2", "-65 mV"};
        EngineUnit[] units = {EngineUnit.MILLISIEMENS_PER_CM2, EngineUnit.MILLISECOND,
                EngineUnit.MICROAMPERE_PER_CM2, EngineUnit.MICROFARAD_PER_CM2, EngineUnit.MILLIVOLT};
        for (int i = 0; i < texts.length; i++) {
            Units.toEngine(texts[i], units[i]);
        }
        long start = System.nanoTime();
        for (int k = 0; k < 20_000; k++) {
            Units.toEngine(texts[k % 5], units[k % 5]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2.0, "20,000 cached parses took " + seconds + " s");
    }
}
