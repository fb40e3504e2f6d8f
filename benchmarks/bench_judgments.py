"""Judgment extraction: speed on the shared texts and on long synthetic judgments.

Run: .venv/bin/python benchmarks/bench_judgments.py [--docs 200] [--paragraphs 60]

Prints documents/s and characters/s for (1) every text in /work/shared/data/judgments and
/work/shared/data/verdicts, repeated, and (2) fictional full-length judgments of N paragraphs
(a judgment of 60 paragraphs is about 25,000 characters, the size of a typical rechtbank vonnis).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from inbeeld.judgments.extract import extract
from inbeeld.judgments.model import Document
from inbeeld.judgments.readers import iter_paths, read_document

SHARED = [Path("/work/shared/data/judgments"), Path("/work/shared/data/verdicts")]

# Fictional paragraphs in the style of a judgment (no real case).
PARAGRAPHS = [
    "Het onderzoek heeft plaatsgevonden op de terechtzitting van 12 maart 2099.",
    "Aan verdachte is ten laste gelegd dat hij tegen betaling seksuele handelingen heeft verricht met "
    "[slachtoffer], die toen 16 jaar oud was (art. 248b Sr).",
    "Verdachte kwam in contact met het meisje via een advertentie op een sekssite en daarna via WhatsApp.",
    "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf "
    "voor de duur van 6 maanden, waarvan 3 maanden voorwaardelijk, met een proeftijd van 2 jaren.",
    "De raadsman heeft bepleit een taakstraf van 100 uren op te leggen.",
    "De rechtbank heeft gelet op de oriëntatiepunten, die een gevangenisstraf van 4 maanden noemen.",
    "De rechtbank acht een gevangenisstraf van 1 dag en een taakstraf van 180 uren passend en geboden.",
    "Verdachte heeft 2 dagen in verzekering doorgebracht; deze tijd gaat van de straf af.",
    "De verklaring van de getuige wordt door andere bewijsmiddelen ondersteund.",
]
DICTUM = ("Veroordeelt verdachte tot een gevangenisstraf voor de duur van 1 (één) dag.\n"
          "Veroordeelt verdachte tot een taakstraf van 180 (honderdtachtig) uren.\n"
          "Beveelt dat vervangende hechtenis zal worden toegepast voor de duur van 90 dagen.")


def _run(documents: list[Document]) -> tuple[float, int]:
    start = time.perf_counter()
    for document in documents:
        extract(document)
    return time.perf_counter() - start, sum(len(d.text) for d in documents)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=60)
    args = parser.parse_args()

    shared = [read_document(p) for p in iter_paths([d for d in SHARED if d.is_dir()])]
    if shared:
        repeated = (shared * (args.docs // len(shared) + 1))[: args.docs]
        seconds, chars = _run(repeated)
        print(f"shared texts: {len(repeated)} docs, {chars} chars in {seconds:.2f} s = "
              f"{len(repeated) / seconds:.0f} docs/s, {chars / seconds / 1000:.0f}k chars/s")

    rng = random.Random(0)
    long_docs = [Document(f"synthetic{i}.txt", "RECHTBANK LIMBURG\nVonnis van de meervoudige kamer\n"
                          + "\n".join(rng.choice(PARAGRAPHS) for _ in range(args.paragraphs))
                          + "\nBeslissing\n" + DICTUM)
                 for i in range(max(1, args.docs // 10))]
    seconds, chars = _run(long_docs)
    print(f"synthetic judgments ({args.paragraphs} paragraphs): {len(long_docs)} docs, {chars} chars in "
          f"{seconds:.2f} s = {len(long_docs) / seconds:.1f} docs/s, {chars / seconds / 1000:.0f}k chars/s")


if __name__ == "__main__":
    main()
