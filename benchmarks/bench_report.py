"""Benchmark: the monitor and report for 100,000 coded conversations (target: under 30 s).

    .venv/bin/python benchmarks/bench_report.py [--n 100000] [--out /tmp/bench_report]

Random fictional MonitorRecords over 2019-2024 with codes drawn from the codebook; times
build_monitor and write_report (HTML, PDF, CSV, Excel, SPSS) separately.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from inbeeld.codebook import load_codebook
from inbeeld.monitor import MonitorRecord, RegisteredValue, build_monitor
from inbeeld.report import write_report

PLATFORMS = ("Snapchat", "Instagram", "TikTok", "WhatsApp", "Telegram", "Facebook", "Kinky.nl",
             "Sexjobs.nl", "OnlyFans", "Discord", "Roblox", "Tinder", "Grindr", "X", "Marktplaats")


def random_records(n: int, seed: int = 1) -> list[MonitorRecord]:
    rng = random.Random(seed)
    book = load_codebook()
    names = book.names
    out = []
    for k in range(n):
        codes = {}
        for variable in book.variables:
            if variable.is_integer:
                codes[variable.name] = rng.choice([*range(10, 30), "unknown"])
            elif variable.multi:
                pool = variable.values or PLATFORMS
                codes[variable.name] = rng.sample(pool, rng.choice([0, 0, 1, 1, 2, 3]))
            else:
                codes[variable.name] = rng.choice([*variable.values, "unknown"])
        reviewed = frozenset(v for v in names if rng.random() < 0.4)
        out.append(MonitorRecord(f"b-{k}", rng.randint(2019, 2024), codes, reviewed))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    records = random_records(args.n)
    registered = [RegisteredValue(y, "registered_possible_victims_all", 900 + y % 7 * 50, "Bron A", i)
                  for i, y in enumerate(range(2019, 2025), start=2)]
    book = load_codebook()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_report_"))

    start, start_cpu = time.perf_counter(), time.process_time()
    monitor = build_monitor(records, book, 2019, 2024, threshold=10, registered=registered)
    built, built_cpu = time.perf_counter(), time.process_time()
    paths = write_report(monitor, out, "nl", internal=True)
    done, done_cpu = time.perf_counter(), time.process_time()

    # wall time counts other jobs on a shared machine too; CPU time is this process alone
    print(f"records: {args.n}  tables: {len(monitor.tables) + 1}")
    print(f"build_monitor: {built - start:.1f} s wall, {built_cpu - start_cpu:.1f} s CPU")
    print(f"write_report:  {done - built:.1f} s wall, {done_cpu - built_cpu:.1f} s CPU"
          f"  ({', '.join(sorted(paths))})")
    print(f"total:         {done - start:.1f} s wall, {done_cpu - start_cpu:.1f} s CPU"
          f"  (target < 30 s)  -> {out}")


if __name__ == "__main__":
    main()
