"""Speed of automatic coding: N synthetic conversations coded on W processes (target: 10,000 in
under a minute on 2 cores). Run on demand, not in the test suite:

    .venv/bin/python benchmarks/bench_coding.py [--n 10000] [--workers 2] [--model MODEL]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from inbeeld.codebook import load_codebook
from inbeeld.coding import code_stream
from inbeeld.corpus import gold_conversation
from inbeeld.synth import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    codebook = load_codebook()
    conversations = [gold_conversation(c) for c, _ in generate(args.n, args.seed)]
    chars = sum(len(m.text) for c in conversations for m in c.messages)
    before = os.times()
    began = time.perf_counter()
    count = sum(1 for _ in code_stream(conversations, codebook, args.model, args.workers))
    seconds = time.perf_counter() - began
    after = os.times()
    # CPU seconds of this process and its workers: the wall time depends on what else runs
    cpu = sum(after[i] - before[i] for i in range(4))
    coder = f"model {args.model}" if args.model else "rules"
    print(f"{count} conversations ({chars / 1e6:.1f} M characters) coded with {coder} on "
          f"{args.workers} worker(s) in {seconds:.1f} s wall ({cpu:.1f} s CPU): "
          f"{count / seconds:,.0f} conversations/s")


if __name__ == "__main__":
    main()
