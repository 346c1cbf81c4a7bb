"""The best-of-N-with-verifier Monte Carlo kernel in numpy, for scripts/bench.js.

Reads one JSON object on stdin:
    {"ps": [...], "nMax": 256, "separation": 1.0, "runs": 5, "seed": 1}
and writes one JSON object on stdout:
    {"numpy": "<version>", "timesMs": [...], "accuracy": [acc at N = 1..nMax]}

The kernel is the same as ttc-workbook's bestOfNKernel: for every question with
pass rate p, draw nMax samples once (correct with probability p; score
Normal(d, 1) if correct, Normal(0, 1) if not), and read the best-of-N accuracy
for every N = 1..nMax off the running maximum of the scores. Here that pass is
vectorised: a cumulative maximum gives the running best score, a second
cumulative maximum over "record" positions gives the index of the running
best sample, and the answer is whether that sample is correct.

One warm-up run, then `runs` timed runs (wall clock, perf_counter).
"""

import json
import sys
import time

import numpy as np


def kernel(ps, n_max, separation, rng):
    """Best-of-N accuracy for N = 1..n_max, averaged over questions (one trial each)."""
    questions = ps.shape[0]
    correct = rng.random((questions, n_max)) < ps[:, None]
    scores = rng.standard_normal((questions, n_max))
    scores += separation * correct
    running_best = np.maximum.accumulate(scores, axis=1)
    positions = np.arange(n_max)
    # A sample that equals the running maximum set a new record (ties have probability 0).
    record_at = np.where(scores == running_best, positions, 0)
    best_index = np.maximum.accumulate(record_at, axis=1)
    best_correct = np.take_along_axis(correct, best_index, axis=1)
    return best_correct.mean(axis=0)


def main():
    spec = json.load(sys.stdin)
    ps = np.asarray(spec["ps"], dtype=np.float64)
    n_max = int(spec["nMax"])
    separation = float(spec["separation"])
    runs = int(spec.get("runs", 5))
    rng = np.random.default_rng(int(spec.get("seed", 1)))
    kernel(ps, n_max, separation, rng)  # warm-up
    times = []
    accuracy = None
    for _ in range(runs):
        start = time.perf_counter()
        accuracy = kernel(ps, n_max, separation, rng)
        times.append((time.perf_counter() - start) * 1000.0)
    json.dump({"numpy": np.__version__, "timesMs": times, "accuracy": accuracy.tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
