"""CPU time of each de-identification recogniser and stage on one corpus, to see where the time
goes before making something faster.

    .venv/bin/python benchmarks/bench_deid_recognisers.py CORPUS.jsonl [--repeat 3] [--limit 300]

Each recogniser runs over every conversation in turn (best of --repeat rounds, CPU time of this
process); stages run on the findings of all recognisers. A recogniser that tokenises pays for it
here (in the pipeline the first one does and the others reuse the cached tokens).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from inbeeld.corpus import gold_conversation, read_conversations
from inbeeld.deid.pipeline import build_pipeline, load_config, visible


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="conversations (JSONL; [[TYPE:text]] markup is stripped)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=300, help="conversations to use (default 300)")
    args = parser.parse_args()
    conversations = [
        gold_conversation(c) for _, c in zip(range(args.limit), read_conversations(args.corpus), strict=False)
    ]
    texts = [[visible(m.text) for m in c.messages] for c in conversations]
    chars = sum(len(t) for conv in texts for t in conv)
    pipeline = build_pipeline(load_config())
    best: dict[str, float] = {}
    for round_no in range(args.repeat + 1):  # the first round warms caches and is not counted
        spent: dict[str, float] = {}
        findings = [[[] for _ in conv] for conv in texts]
        for recogniser in pipeline.recognisers:
            start = time.process_time()
            outs = [recogniser.find_all(conv) for conv in texts]
            spent[recogniser.name] = time.process_time() - start
            for found, out in zip(findings, outs, strict=True):
                for index, extra in enumerate(out):
                    found[index].extend(extra)
        for stage in pipeline.stages:  # a stage listed twice is timed as one
            start = time.process_time()
            findings = [stage.apply(conv, found) for conv, found in zip(texts, findings, strict=True)]
            key = f"stage {stage.name}"
            spent[key] = spent.get(key, 0.0) + time.process_time() - start
        if round_no:
            best = {name: min(best.get(name, value), value) for name, value in spent.items()}
    total = sum(best.values())
    print(f"corpus: {args.corpus} ({len(texts)} conversations, {chars} characters)")
    for name, spent in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:24} {spent * 1000:8.1f} ms  {100 * spent / total:5.1f} %")
    print(f"{'total':24} {total * 1000:8.1f} ms  {chars / total:,.0f} chars/s")


if __name__ == "__main__":
    main()
