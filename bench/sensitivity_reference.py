"""Independent reference numbers for hhsweep's sensitivity estimators (issue 15).

numpy and scipy, not hhsweep: scipy's plain (unscrambled) Sobol sequence of dimension 2k (Joe and
Kuo's direction numbers, as Hipparchus uses) gives Saltelli's matrices A (first k columns) and B
(last k); AB_i is A with column i from B. The Ishigami function (a = 7, b = 0.1) on [-pi, pi]^3
is evaluated on them, and the indices are computed with the formulas docs/config.md documents:

    V     = var(concat(f(A), f(B)))                          (over n, as numpy's var)
    S1_i  = mean((f(B) - m) * (f(AB_i) - f(A))) / V          (Saltelli 2010; m = mean of f(A), f(B))
    ST_i  = mean((f(A) - f(AB_i))**2) / (2 V)                (Jansen 1999)

Printed: the first Sobol points (dimension 6) and S1, ST at N = 1024, which
sim-core's SobolReferenceTest holds (SobolDesign with no shift, then SobolIndices).

    /usr/bin/python3 bench/sensitivity_reference.py
"""
import numpy as np
from scipy.stats import qmc

K = 3
N = 1024


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def main():
    print("numpy", np.__version__)
    base = qmc.Sobol(d=2 * K, scramble=False).random_base2(m=int(np.log2(N)))
    print("first Sobol points, dimension 6:")
    for row in base[:6]:
        print("  {" + ", ".join(repr(float(v)) for v in row) + "},")
    lo, hi = -np.pi, np.pi
    x = lo + (hi - lo) * base
    a, b = x[:, :K], x[:, K:]
    fa, fb = ishigami(a), ishigami(b)
    both = np.concatenate([fa, fb])
    v = both.var()
    m = both.mean()
    s1, st = [], []
    for i in range(K):
        ab = a.copy()
        ab[:, i] = b[:, i]
        fab = ishigami(ab)
        s1.append(float(np.mean((fb - m) * (fab - fa)) / v))
        st.append(float(np.mean((fa - fab) ** 2) / (2 * v)))
    print("Ishigami N=%d plain Sobol:" % N)
    print("  S1 = {" + ", ".join(repr(s) for s in s1) + "}")
    print("  ST = {" + ", ".join(repr(s) for s in st) + "}")


if __name__ == "__main__":
    main()
