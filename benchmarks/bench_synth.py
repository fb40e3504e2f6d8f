"""Speed of the synthetic corpus generator: conversations per second, with and without writing.

Run from the repository root: .venv/bin/python benchmarks/bench_synth.py [N]   (default N = 100000)
Prints the start-up time (pools and templates), the rate of generate() alone, and the rate of the
`inbeeld synth` command (generate + write the JSONL conversations and the gold codes) with one and
with two processes. CPU time is printed too: on a shared machine the wall-clock rate depends on
what else runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from inbeeld.synth import generate

    wall = time.perf_counter()
    list(generate(1, seed=1))  # builds the pools and loads the templates once
    print(f"start-up: {time.perf_counter() - wall:.2f} s")

    wall, cpu = time.perf_counter(), time.process_time()
    messages = sum(len(c.messages) for c, _ in generate(n, seed=1))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"generate(): {n} conversations ({messages} messages) in {wall:.1f} s wall, {cpu:.1f} s CPU"
          f" -> {n / wall:,.0f} conversations/s wall, {n / cpu:,.0f} conversations/s CPU")

    from typer.testing import CliRunner

    from inbeeld.cli import app

    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            out, gold = Path(tmp) / "c.jsonl", Path(tmp) / "g.jsonl"
            wall, cpu = time.perf_counter(), time.process_time()
            args = ["synth", "-n", str(n), "--seed", "1", "-o", str(out), "--gold", str(gold),
                    "--jobs", str(jobs)]
            result = CliRunner().invoke(app, args)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if result.exit_code != 0:
                raise SystemExit(result.output)
            size_mb = (out.stat().st_size + gold.stat().st_size) / 1e6
        # with --jobs 2 the CPU figure is the writing process only; the workers are not counted
        print(f"inbeeld synth --jobs {jobs} (generate + write JSONL + gold): {n} conversations, "
              f"{size_mb:.0f} MB in {wall:.1f} s wall ({n / wall:,.0f} conversations/s), "
              f"{cpu:.1f} s CPU in the main process")


if __name__ == "__main__":
    main()
