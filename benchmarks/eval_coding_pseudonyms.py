"""Does de-identification change the automatic codes? Codes synthetic conversations twice, with
the gold markup stripped (raw names) and with every marked identifier replaced by a consistent
pseudonym tag ([PERSON-1], [PLACE-2], ...), and reports per variable how often the codes differ:

    .venv/bin/python benchmarks/eval_coding_pseudonyms.py [--n 1000] [--seed 99]
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace

from inbeeld.codebook import load_codebook
from inbeeld.coding import load_coder
from inbeeld.corpus import Conversation, gold_conversation
from inbeeld.synth import generate

_MARKUP = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")


def pseudonymised(conversation: Conversation) -> Conversation:
    """Markup replaced by tags; the same identifier keeps its tag within the conversation."""
    tags: dict[tuple[str, str], str] = {}
    counts: dict[str, int] = {}

    def tag(match: re.Match[str]) -> str:
        key = (match.group(1), match.group(2).lower())
        if key not in tags:
            counts[key[0]] = counts.get(key[0], 0) + 1
            tags[key] = f"[{key[0]}-{counts[key[0]]}]"
        return tags[key]

    messages = tuple(replace(m, text=_MARKUP.sub(tag, m.text)) for m in conversation.messages)
    return replace(conversation, messages=messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    codebook = load_codebook()
    coder = load_coder(codebook)
    differ = dict.fromkeys(codebook.names, 0)
    for conversation, _ in generate(args.n, args.seed):
        raw = coder.code(gold_conversation(conversation)).codes
        tagged = coder.code(pseudonymised(conversation)).codes
        for name in codebook.names:
            differ[name] += raw[name] != tagged[name]
    total = sum(differ.values())
    print(f"{args.n} conversations: {total} of {args.n * len(differ)} codes differ between raw and "
          f"pseudonymised text")
    for name, count in differ.items():
        if count:
            print(f"  {name}: {count}")


if __name__ == "__main__":
    main()
