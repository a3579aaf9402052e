package org.hhsweep.sim.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hhsweep.sim.BlockSimulation;
import org.hhsweep.sim.integrate.Integrator;
import org.hhsweep.sim.integrate.Method;
import org.hhsweep.sim.config.ModelLibrary;
import org.hhsweep.sim.model.NeuronModel;
import org.hhsweep.sim.model.NeuronBlock;
import org.hhsweep.sim.record.DivergenceGuard;
import org.hhsweep.sim.record.SpikeDetector;
import org.hhsweep.sim.record.StepObserver;
import org.hhsweep.sim.record.VoltageRange;
import org.hhsweep.sim.stimulus.ConstantCurrent;
import org.hhsweep.sim.stimulus.Stimulus;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-core throughput of the kernel in neuron-steps per second: JMH's ops/s is neuron-steps/s,
 * because every invocation advances blockSize neurons by NEURON_STEPS / blockSize steps.
 *
 * <p>{@link #integrator} times the integrator alone; {@link #simulation} times the whole step loop
 * of {@link BlockSimulation#run} with the observers every run has (divergence guard, spike
 * detector, voltage range), so the difference is the cost of input and observation.
 *
 * <p>Neurons have the default parameters and a constant 10 uA/cm^2, which makes them fire
 * repetitively, and start spread over the phases of that spike cycle (see {@link LimitCycle}).
 * State carries over between invocations and is reset at each iteration. The observers live for
 * the whole trial (their sums only grow), so the one allocation left in {@link #simulation} is
 * that of {@link BlockSimulation#run} itself: two work arrays per call, not per step, plus the
 * amortised growth of the spike-time buffers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KernelBenchmark {
    /** Neuron-steps per invocation, the same for every block size (a multiple of each). */
    static final int NEURON_STEPS = 1 << 18;
    static final double DT = 0.01;
    /** uA/cm^2: well above the default neuron's rheobase, so it spikes at a steady rate. */
    static final double CURRENT = 10.0;

    @Param({"1", "64", "4096"})
    int blockSize;

    @Param({"exp_euler_reference", "exp_euler_fast", "exp_euler_fast_scalar", "exp_euler_table", "exp_euler_table_scalar", "rk4"})
    String method;

    /** A library model (-p model=traub_miles); the tutorial's by default. */
    @Param({"hh"})
    String model;

    private Integrator integrator;
    private LimitCycle cycle;
    private int steps;
    private NeuronBlock block;
    private double[] current;
    private Stimulus stimulus;
    private StepObserver[] observers;

    @Setup(Level.Trial)
    public void setUpTrial() {
        if (NEURON_STEPS % blockSize != 0) {
            throw new IllegalArgumentException("blockSize must divide " + NEURON_STEPS + ", got " + blockSize);
        }
        steps = NEURON_STEPS / blockSize;
        integrator = Kernels.create(method);
        cycle = LimitCycle.of(integrator, ModelLibrary.model(model), CURRENT, DT);
        current = new double[blockSize];
        Arrays.fill(current, CURRENT);
        stimulus = new ConstantCurrent(current);
        // Everything is allocated here, once, so -prof gc sees only what the timed loops allocate.
        block = NeuronBlock.uniform(blockSize, ModelLibrary.model(model));
        observers = new StepObserver[] {
            new DivergenceGuard(blockSize, DivergenceGuard.DEFAULT_BOUND_MV),
            new SpikeDetector(blockSize, DT, 0, 0, true),
            new VoltageRange(block),
        };
    }

    /** Back to the spread phases, so no iteration runs on a drifted or diverged state. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        cycle.spreadOver(block);
    }

    /** A diverged block computes on NaN or huge values, whose speed says nothing about real runs. */
    @TearDown(Level.Iteration)
    public void checkStillPhysiological() {
        for (int i = 0; i < blockSize; i++) {
            if (!(Math.abs(block.V[i]) <= DivergenceGuard.DEFAULT_BOUND_MV)) {
                throw new IllegalStateException(method + " diverged: neuron " + i + " has V = " + block.V[i]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(NEURON_STEPS)
    public double integrator() {
        for (int k = 0; k < steps; k++) {
            integrator.step(block, current, DT);
        }
        return block.V[blockSize - 1];
    }

    @Benchmark
    @OperationsPerInvocation(NEURON_STEPS)
    public double simulation() {
        BlockSimulation.run(block, integrator, stimulus, DT, steps, observers);
        return block.V[blockSize - 1];
    }
}
