"""Coders behind one interface, chosen by `load_coder`, and a parallel stream that keeps input order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Protocol

from inbeeld.codebook import Codebook, load_codebook
from inbeeld.coding.model import Suggestion
from inbeeld.coding.rulecoder import RuleCoder
from inbeeld.corpus import CodedConversation, Conversation


class Coder(Protocol):
    """Codes one conversation: every variable, with evidence and a confidence per variable."""

    name: str
    codebook: Codebook

    def suggest(self, conversation: Conversation) -> dict[str, Suggestion]: ...

    def code(self, conversation: Conversation) -> CodedConversation: ...


def load_coder(
    codebook: Codebook, model_path: Path | None = None, rules_dir: Path | None = None
) -> Coder:
    """Return the rule coder, or the learned coder saved at model_path (refused under another codebook)."""
    rules = RuleCoder(codebook, rules_dir)
    if model_path is None:
        return rules
    from inbeeld.coding.learned import load_model  # scikit-learn loads only when a model is used

    return load_model(Path(model_path), codebook, rules)


# One coder per worker process, built once by the pool's initializer.
_WORKER_CODER: Coder | None = None


def _init_worker(codebook: Codebook, model_path: Path | None, rules_dir: Path | None) -> None:
    global _WORKER_CODER
    _WORKER_CODER = load_coder(codebook, model_path, rules_dir)


def _code_one(conversation: Conversation) -> CodedConversation:
    assert _WORKER_CODER is not None
    return _WORKER_CODER.code(conversation)


def code_stream(
    conversations: Iterable[Conversation],
    codebook: Codebook | None = None,
    model_path: Path | None = None,
    workers: int = 1,
    rules_dir: Path | None = None,
    chunksize: int = 32,
) -> Iterator[CodedConversation]:
    """Code conversations lazily, in input order, on `workers` processes; memory stays bounded."""
    codebook = codebook or load_codebook()
    if workers <= 1:
        coder = load_coder(codebook, model_path, rules_dir)
        for conversation in conversations:
            yield coder.code(conversation)
        return
    window = workers * chunksize * 4  # how far reading may run ahead of writing
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers, initializer=_init_worker, initargs=(codebook, model_path, rules_dir)) as pool:
        iterator = iter(conversations)
        while batch := list(islice(iterator, window)):
            yield from pool.imap(_code_one, batch, chunksize=chunksize)


def review_priority(coded: CodedConversation) -> float:
    """How much a human check would add: the mean uncertainty (1 - confidence) over variables."""
    if not coded.confidence:
        return 1.0
    return sum(1.0 - c for c in coded.confidence.values()) / len(coded.confidence)


def review_order(coded: Iterable[CodedConversation]) -> list[CodedConversation]:
    """Least certain first; ties keep input order."""
    return sorted(coded, key=review_priority, reverse=True)
