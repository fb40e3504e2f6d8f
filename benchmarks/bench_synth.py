"""Speed of the synthetic corpus generator: conversations per second, with and without writing.

Run from the repository root: .venv/bin/python benchmarks/bench_synth.py [N]   (default N = 100000)
Prints the start-up time (pools and templates), the rate of generate() alone, and the rate of the
`inbeeld synth` command (generate + write the JSONL conversations and the gold codes). CPU time is
printed too: on a shared machine the wall-clock rate depends on what else runs.
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

    with tempfile.TemporaryDirectory() as tmp:
        out, gold = Path(tmp) / "c.jsonl", Path(tmp) / "g.jsonl"
        wall, cpu = time.perf_counter(), time.process_time()
        args = ["synth", "-n", str(n), "--seed", "1", "-o", str(out), "--gold", str(gold)]
        result = CliRunner().invoke(app, args)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if result.exit_code != 0:
            raise SystemExit(result.output)
        size_mb = (out.stat().st_size + gold.stat().st_size) / 1e6
    print(f"inbeeld synth (generate + write JSONL + gold): {n} conversations, {size_mb:.0f} MB in "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU -> {n / wall:,.0f} conversations/s wall, "
          f"{n / cpu:,.0f} conversations/s CPU")


if __name__ == "__main__":
    main()
