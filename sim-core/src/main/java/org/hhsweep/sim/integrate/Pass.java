package org.hhsweep.sim.integrate;

/**
 * One loop of a fast step over neurons [from, from + n) of the block, reading and writing the
 * context's chunk arrays at index j = neuron - from. A step is a sequence of passes, each a short
 * loop with independent iterations. {@link KernelSteps} runs them through one call site that sees
 * many Pass classes, so C2 compiles each pass on its own instead of inlining them all into one
 * method: past about two exponentials' worth of Vector API calls a method hits C2's inlining
 * budget (NodeCountInliningCutoff), and a vector operation that is not inlined allocates per call.
 */
interface Pass {
    void run(StepContext s, int from, int n);
}
