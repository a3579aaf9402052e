package org.hhsweep.sim.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which passes the fast methods get, and the reason given when they are the scalar ones. */
class FastKernelsTest {

    @Test
    void thePropertyIsNamedAsTheReasonWhenItTurnsSimdOff() {
        FastKernels.Choice off = FastKernels.choose("false", true);
        assertSame(ScalarSteps.INSTANCE, off.steps());
        assertEquals("-Dhhsweep.vector=false", off.scalarReason());
        // the property wins over a missing module: it is what the user set
        assertEquals("-Dhhsweep.vector=no", FastKernels.choose("no", false).scalarReason());
    }

    @Test
    void theMissingModuleIsNamedWhenThePropertyAllowsSimd() {
        FastKernels.Choice noModule = FastKernels.choose("true", false);
        assertSame(ScalarSteps.INSTANCE, noModule.steps());
        assertEquals("no Vector API (java --add-modules jdk.incubator.vector)", noModule.scalarReason());
    }

    /** Surefire runs with the module (the pom's argLine) and without the property. */
    @Test
    void thisJvmRunsOnSimdLanesAndGivesNoReason() {
        FastKernels.Choice on = FastKernels.choose("true", true);
        assertTrue(on.steps() instanceof VectorSteps, on.steps().getClass().getName());
        assertNull(on.scalarReason());
        assertTrue(FastKernels.vectorized());
        assertNull(FastKernels.scalarReason());
    }
}
