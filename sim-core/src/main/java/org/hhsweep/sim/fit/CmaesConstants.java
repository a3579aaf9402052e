package org.hhsweep.sim.fit;

/**
 * The strategy parameters of CMA-ES for a dimension n and a population lambda, the defaults of
 * N. Hansen, "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772, 2016), Table 1, with
 * positive recombination weights only (the mu = floor(lambda/2) best, weights proportional to
 * ln((lambda+1)/2) - ln i and summing to 1) and alpha_cov = 2. They depend on n and lambda alone, so
 * they are recomputed, never stored.
 */
record CmaesConstants(int n, int lambda, int mu, double[] weights, double muEff, double cSigma, double dSigma,
                      double cC, double c1, double cMu, double chiN) {

    static CmaesConstants of(int n, int lambda) {
        if (n < 1 || lambda < 2) {
            throw new IllegalArgumentException("CMA-ES needs a dimension >= 1 and a population >= 2, got " + n
                    + " and " + lambda);
        }
        int mu = lambda / 2;
        double[] w = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            w[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += w[i];
        }
        double sumSquares = 0;
        for (int i = 0; i < mu; i++) {
            w[i] /= sum;
            sumSquares += w[i] * w[i];
        }
        double muEff = 1 / sumSquares;
        double cSigma = (muEff + 2) / (n + muEff + 5);
        double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        double cC = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double alphaCov = 2;
        double c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
        double cMu = Math.min(1 - c1, alphaCov * (0.25 + muEff + 1 / muEff - 2)
                / ((n + 2) * (n + 2) + alphaCov * muEff / 2));
        // E||N(0, I)||, the tutorial's approximation
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        return new CmaesConstants(n, lambda, mu, w, muEff, cSigma, dSigma, cC, c1, cMu, chiN);
    }

    /** Hansen's default population, 4 + floor(3 ln n). */
    static int defaultPopulation(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }
}
