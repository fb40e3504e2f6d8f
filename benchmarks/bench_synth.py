"""Speed of the synthetic corpus generator: conversations per second, with and without writing.

Run from the repository root: .venv/bin/python benchmarks/bench_synth.py [N]   (default N = 100000)
or: .venv/bin/python benchmarks/bench_synth.py --transfer [N]   (default N = 4000): train a plain
character n-gram logistic regression per code on N synthetic conversations and score it on the
hand-written development chats in ../shared/data/chats (a check that the synthetic texts carry
the codes the way real-looking chats do; optimistic, as that set was read to learn the style).
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


def transfer(n: int) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    from inbeeld.codebook import load_codebook
    from inbeeld.corpus import read_codes, read_conversations, strip_markup
    from inbeeld.synth import generate

    chats = Path(__file__).resolve().parents[2] / "shared" / "data" / "chats"
    book = load_codebook()

    def text(conversation) -> str:  # type: ignore[no-untyped-def]
        return "\n".join(("C: " if m.role == "counsellor" else "") + strip_markup(m.text)
                         for m in conversation.messages)

    train = list(generate(n, seed=99))
    dev = list(read_conversations(chats / "conversations.jsonl"))
    gold = {g.id: g.codes for g in read_codes(chats / "gold.jsonl", book)}
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3)
    train_x = vectoriser.fit_transform([text(c) for c, _ in train])
    dev_x = vectoriser.transform([text(c) for c in dev])
    print(f"trained on {n} synthetic conversations, scored on {len(dev)} development chats")
    for variable in book.variables:
        if variable.is_integer or variable.open:
            continue
        if not variable.multi:
            labels = [g.codes[variable.name] for _, g in train]
            truth = [gold[c.id][variable.name] for c in dev]
            model = LogisticRegression(max_iter=2000, C=4).fit(train_x, labels)
            accuracy = sum(p == t for p, t in zip(model.predict(dev_x), truth, strict=True)) / len(dev)
            print(f"  {variable.name}: accuracy {accuracy:.2f} (unknown counts as a class)")
            continue
        for value in variable.values:
            truth = [value in gold[c.id][variable.name] for c in dev]
            if sum(truth) < 2:
                continue
            labels = [value in g.codes[variable.name] for _, g in train]
            model = LogisticRegression(max_iter=2000, C=4, class_weight="balanced").fit(train_x, labels)
            f1 = f1_score(truth, model.predict(dev_x), zero_division=0)
            print(f"  {variable.name}={value}: F1 {f1:.2f} ({sum(truth)} positives)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--transfer":
        transfer(int(sys.argv[2]) if len(sys.argv) > 2 else 4000)
        return
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
