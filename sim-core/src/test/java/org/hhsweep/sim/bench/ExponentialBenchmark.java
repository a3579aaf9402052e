package org.hhsweep.sim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.hhsweep.sim.integrate.PlainExp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call of the exponentials the kernels use, to see where their time goes: exp is
 * a HotSpot intrinsic, while expm1 (behind every exprel) is StrictMath's native fdlibm on JDK 17.
 * A step of exp_euler makes 4 exp and 6 expm1 calls per neuron, one of rk4 16 exp and 8 expm1.
 * plainExp is exp_euler_fast's library-free exponential one value at a time; vectorExp and
 * vectorExpm1 the Vector API's (SVML-backed) lane operations, which exp_euler_fast does not use
 * (docs/performance.md). Results are in ns per value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExponentialBenchmark {
    static final int CALLS = 1024;

    /**
     * rate: arguments of the rate functions, -(V+40)/10 and the like, over V in [-80, 50] mV;
     * step: the exprel arguments of a step, dt times a rate or a conductance, in [-1.6, 0].
     */
    @Param({"rate", "step"})
    String arguments;

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

    private double[] x;
    private final double[] y = new double[CALLS];

    @Setup(Level.Trial)
    public void setUp() {
        double lo = arguments.equals("rate") ? -9.0 : -1.6;
        double hi = arguments.equals("rate") ? 4.0 : 0.0;
        SplittableRandom random = new SplittableRandom(20240611L);
        x = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            x[i] = random.nextDouble(lo, hi);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double exp() {
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double plainExp() {
        double sum = 0;
        for (double v : x) {
            sum += PlainExp.exp(v);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double[] vectorExp() {
        for (int i = 0; i < CALLS; i += LANES.length()) {
            DoubleVector.fromArray(LANES, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double[] vectorExpm1() {
        for (int i = 0; i < CALLS; i += LANES.length()) {
            DoubleVector.fromArray(LANES, x, i).lanewise(VectorOperators.EXPM1).intoArray(y, i);
        }
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double expm1() {
        double sum = 0;
        for (double v : x) {
            sum += Math.expm1(v);
        }
        return sum;
    }
}
