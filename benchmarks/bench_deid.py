"""Plain deduce and inbeeld's de-identification side by side on one corpus with gold markup:
recall per identifier type, precision, codable terms kept, and characters per second.

    .venv/bin/python benchmarks/bench_deid.py CORPUS.jsonl [--repeat 3] [--json]

Speed is CPU time of this process (time.process_time), best of --repeat runs after one warm-up
run, so that other work on the machine counts less. Plain deduce runs as documented: one
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


def measure(name, run, conversations, repeat: int) -> dict:
    chars = sum(len(m.text) for c in conversations for m in c.messages)
    for c in conversations:  # warm-up: caches, lazily read lists
        run(c)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for c in conversations:
            run(c)
        best = min(best, time.process_time() - start)
    scores = DeidScores()
    for c in conversations:
        score_conversation(c, run(c), scores)
    return {
        "system": name,
        "chars": chars,
        "chars_per_s": round(chars / best),
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
    results = [
        measure("deduce", lambda c: plain_deduce(c, model), conversations, args.repeat),
        measure("inbeeld", lambda c: deidentify(c, pipeline), conversations, args.repeat),
    ]
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
