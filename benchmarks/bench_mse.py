"""Multiple systems estimation: speed on the Dutch reference data and coverage on simulated populations.

Run: .venv/bin/python benchmarks/bench_mse.py [--reps 1000] [--boot-sims 100] [--boot 200] [--seed 0]
     [--boot-kinds multinomial,parametric] [--skip-speed]

Coverage: share of simulated populations (known size, seeded) whose interval holds the true size.
Scenarios: three independent lists; three lists with a positive dependence between A and B (log
odds ratio 1); five sparse lists with two dependencies (closer to the Dutch data). Methods: main
effects, the true model (fixed), stepwise selection (intervals conditional on the chosen model),
and stepwise with the BCa bootstrap that repeats the selection in every replicate (SparseMSE's
multinomial redraw of the observed cases, and the parametric redraw from the fitted model).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from inbeeld.monitor.mse import estimate_population, read_capture_table, simulate_captures

NED = Path("/work/shared/data/mse/ned.csv")

SCENARIOS = {
    "3 independent": (2000, [0.3, 0.25, 0.2], {}),
    "3 dependent A:B": (2000, [0.3, 0.25, 0.2], {(0, 1): 1.0}),
    "5 sparse, 2 dependent": (50000, [0.008, 0.025, 0.01, 0.09, 0.015], {(2, 4): 1.5, (3, 4): 0.7}),
}


def speed(boot: int, seed: int) -> None:
    table = read_capture_table(NED)
    for method in ("main", "stepwise"):
        t0 = time.perf_counter()
        result = estimate_population(table, method=method)
        took = time.perf_counter() - t0
        iv, sp = result.interval, result.sparsemse_interval
        print(
            f"ned {method:9s} population {result.population:10,.0f}  profile {iv.low:,.0f}-{iv.high:,.0f}"
            f"  sparsemse {sp.low:,.0f}-{sp.high:,.0f}  terms {','.join(result.terms) or '-'}  {took:.2f}s"
        )
    t0 = time.perf_counter()
    result = estimate_population(table, method="stepwise", bootstrap=boot, seed=seed)
    took = time.perf_counter() - t0
    b = result.bootstrap_interval
    print(
        f"ned stepwise bootstrap {boot} (seed {seed}): BCa {b.low:,.0f}-{b.high:,.0f},"
        f" failed {result.bootstrap_failed}, {took:.1f}s",
        flush=True,
    )


def coverage(reps: int, boot_sims: int, boot: int, seed: int, boot_kinds: list[str]) -> None:
    print(f"\ncoverage of 95% intervals ({reps} populations per row; bootstrap rows {boot_sims} x {boot})")
    print(f"{'scenario':24s} {'method':22s} {'profile':>8s} {'sparsemse':>10s} {'median pop/N':>13s}")
    for name, (size, probs, dep) in SCENARIOS.items():
        rows = [("main", "main", ()), ("fixed (true model)", "fixed", tuple(dep))]
        rows.append(("stepwise", "stepwise", ()))
        for label, method, terms in rows:
            if method == "fixed" and not terms:
                continue
            rng = np.random.default_rng(seed)
            hits, hits_sp, ratio, n = 0, 0, [], 0
            for _ in range(reps):
                table = simulate_captures(size, probs, dependence=dep, rng=rng)
                r = estimate_population(table, method=method, terms=terms)
                if r.population is None:
                    continue
                n += 1
                hits += r.interval.low <= size <= r.interval.high
                hits_sp += r.sparsemse_interval.low <= size <= r.sparsemse_interval.high
                ratio.append(r.population / size)
            print(
                f"{name:24s} {label:22s} {hits / n:8.3f} {hits_sp / n:10.3f} {np.median(ratio):13.3f}",
                flush=True,
            )
        for kind in boot_kinds:
            rng = np.random.default_rng(seed + 1)
            hits, n, t0 = 0, 0, time.perf_counter()
            for k in range(boot_sims):
                table = simulate_captures(size, probs, dependence=dep, rng=rng)
                r = estimate_population(
                    table, method="stepwise", bootstrap=boot, bootstrap_kind=kind, seed=seed + k
                )
                if r.bootstrap_interval is None:
                    continue
                n += 1
                hits += r.bootstrap_interval.low <= size <= r.bootstrap_interval.high
            took = time.perf_counter() - t0
            label = f"stepwise + BCa {kind[:5]}."
            print(f"{name:24s} {label:22s} {hits / n:8.3f} {'':>10s} {'':>13s}  ({took:.0f}s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--boot-sims", type=int, default=100)
    parser.add_argument("--boot", type=int, default=200)
    parser.add_argument("--ned-boot", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--boot-kinds", default="multinomial,parametric")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if NED.exists() and not args.skip_speed:
        speed(args.ned_boot, args.seed)
    coverage(args.reps, args.boot_sims, args.boot, args.seed, args.boot_kinds.split(","))


if __name__ == "__main__":
    main()
