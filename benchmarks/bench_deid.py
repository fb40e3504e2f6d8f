"""Plain deduce and inbeeld's de-identification side by side on one corpus with gold markup:
recall per identifier type, precision, codable terms kept, and characters per second.

    .venv/bin/python benchmarks/bench_deid.py CORPUS.jsonl [--repeat 3] [--json]

Speed is CPU time of this process (time.process_time), best of --repeat runs after one warm-up
run, the two systems taking turns in every round so that drift of the machine's speed hits both
alike. Plain deduce runs as documented: one
`Deduce().deidentify(text)` per message, every annotator on. Both load once before timing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from inbeeld.corpus import IDENTIFIER_TYPES, Conversation, Span, gold_conversation, read_conversations
from inbeeld.deid import deidentify, load_pipeline
from inbeeld.deid.evaluate import DeidScores, score_conversation
from inbeeld.deid.recognisers.deduce_names import shared_deduce


def plain_deduce(conversation: Conversation, model) -> Conversation:
    """Every annotation of plain deduce as a masked span (its type does not matter for recall)."""
    messages = []
    for message in conversation.messages:
        doc = model.deidentify(message.text)
        spans = sorted({(a.start_char, a.end_char) for a in doc.annotations if a.start_char < a.end_char})
        messages.append(replace(message, spans=tuple(Span(s, e, "PERSON", "[X]") for s, e in spans)))
    return replace(conversation, messages=tuple(messages))


def best_times(runs: dict, conversations, repeat: int) -> dict[str, float]:
    """Best CPU time of each system over `repeat` rounds, the systems taking turns in every
    round: on a shared machine the speed drifts by tens of percents over a minute, and taking
    turns exposes both systems to the same drift (one after the other did not)."""
    for run in runs.values():  # warm-up: caches, lazily read lists
        for c in conversations:
            run(c)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            for c in conversations:
                run(c)
            best[name] = min(best[name], time.process_time() - start)
    return best


def measure(name, run, conversations, seconds: float) -> dict:
    chars = sum(len(m.text) for c in conversations for m in c.messages)
    scores = DeidScores()
    for c in conversations:
        score_conversation(c, run(c), scores)
    return {
        "system": name,
        "chars": chars,
        "chars_per_s": round(chars / seconds),
        "recall": {k: scores.recall(k) for k in IDENTIFIER_TYPES if scores.gold[k]},
        "recall_overall": scores.recall(),
        "precision": scores.precision,
        "codable_kept": scores.codable_share,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="conversations with [[TYPE:text]] gold markup")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    conversations = [gold_conversation(c) for c in read_conversations(args.corpus)]
    pipeline = load_pipeline()
    model = shared_deduce()
    runs = {"deduce": lambda c: plain_deduce(c, model), "inbeeld": lambda c: deidentify(c, pipeline)}
    best = best_times(runs, conversations, args.repeat)
    results = [measure(name, run, conversations, best[name]) for name, run in runs.items()]
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return
    print(f"corpus: {args.corpus} ({len(conversations)} conversations, {results[0]['chars']} characters)")
    print(f"{'':16}{'deduce':>10}{'inbeeld':>10}")
    for kind in results[1]["recall"]:
        print(f"{kind:16}{results[0]['recall'][kind]:>10.3f}{results[1]['recall'][kind]:>10.3f}")
    for key, label in (("recall_overall", "recall (all)"), ("precision", "precision"),
                       ("codable_kept", "codable kept")):
        print(f"{label:16}{results[0][key]:>10.3f}{results[1][key]:>10.3f}")
    print(f"{'chars/s (CPU)':16}{results[0]['chars_per_s']:>10}{results[1]['chars_per_s']:>10}")


if __name__ == "__main__":
    main()
