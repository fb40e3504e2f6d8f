"""De-identify a stream of conversations in parallel worker processes, in input order.

One conversation that fails becomes an error outcome (its id and what went wrong, never its
text); the rest of the batch goes on.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from inbeeld.corpus import Conversation
from inbeeld.deid.deidentify import deidentify, load_pipeline
from inbeeld.deid.model import DeidOutcome
from inbeeld.deid.pipeline import Pipeline, build_pipeline, load_config
from inbeeld.errors import InbeeldError

_worker_pipeline: Pipeline | None = None
_worker_error: str | None = None


def _init_worker(config: Path | None, disabled: frozenset[str]) -> None:
    # an exception here would make the pool restart workers forever: keep it, report per item
    global _worker_pipeline, _worker_error
    try:
        _worker_pipeline = load_pipeline(config, disabled)
    except InbeeldError as exc:
        _worker_error = str(exc)
    except Exception as exc:
        _worker_error = f"worker could not build the pipeline ({type(exc).__name__})"


def outcome_of(conversation: Conversation, pipeline: Pipeline) -> DeidOutcome:
    """De-identify one conversation; any failure becomes an error outcome for its id."""
    try:
        return DeidOutcome(conversation.id, conversation=deidentify(conversation, pipeline))
    except InbeeldError as exc:
        return DeidOutcome(conversation.id, error=str(exc))
    except Exception as exc:
        # the exception's own message may quote text: only its kind is passed on
        return DeidOutcome(conversation.id, error=f"de-identification failed ({type(exc).__name__})")


def _work(conversation: Conversation) -> DeidOutcome:
    if _worker_pipeline is None:
        return DeidOutcome(conversation.id, error=_worker_error or "worker has no pipeline")
    return outcome_of(conversation, _worker_pipeline)


def deidentify_stream(
    conversations: Iterable[Conversation | DeidOutcome],
    workers: int,
    config: Path | None = None,
    disabled: frozenset[str] = frozenset(),
) -> Iterator[DeidOutcome]:
    """Yield one outcome per conversation, in input order. Outcomes already in the input (a
    conversation that could not be read) pass through in their place."""
    if workers <= 1:
        pipeline = load_pipeline(config, disabled)
        for item in conversations:
            yield item if isinstance(item, DeidOutcome) else outcome_of(item, pipeline)
        return
    # a wrong config fails here, once, before any worker starts (deduce is not loaded for this)
    build_pipeline(load_config(config), frozenset(disabled))
    # spawn, not fork: the caller may run threads (a progress bar), and each worker builds its
    # own pipeline once
    context = multiprocessing.get_context("spawn")
    window = workers * 8  # bounded look-ahead: a large file is never held in memory
    with context.Pool(workers, initializer=_init_worker, initargs=(config, frozenset(disabled))) as pool:
        pending: deque = deque()
        for item in conversations:
            pending.append(item if isinstance(item, DeidOutcome) else pool.apply_async(_work, (item,)))
            while len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(item: object) -> DeidOutcome:
    if isinstance(item, DeidOutcome):
        return item
    return item.get()  # type: ignore[attr-defined]


def read_for_deid(path: Path, fmt: str | None = None) -> Iterator[Conversation | DeidOutcome]:
    """Stream a conversation file; a JSONL line that is not a valid conversation becomes an
    error outcome in its place instead of ending the batch. CSV is read as a whole stream (its
    conversations span rows), so a broken CSV row ends it with an error naming the row."""
    from inbeeld.corpus import detect_format, read_conversations
    from inbeeld.corpus.parse import conversation_from_dict
    from inbeeld.errors import CorpusFormatError

    if detect_format(path, fmt) == "csv":
        yield from read_conversations(path, "csv")
        return
    try:
        stream = Path(path).open(encoding="utf-8", errors="strict")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CorpusFormatError(path, None, None, f"cannot open: {exc.strerror}") from None
    seen: set[str] = set()
    with stream:
        number = 0
        while True:
            try:
                line = stream.readline()
            except UnicodeDecodeError:
                yield DeidOutcome(f"line {number + 1}", error=f"{path}, line {number + 1}: not UTF-8 text")
                return  # the decoder cannot resynchronise: say where it stopped
            if not line:
                return
            number += 1
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"{path}, line {number}: not valid JSON ({exc.msg})"
                yield DeidOutcome(f"line {number}", error=problem)
                continue
            label = obj.get("id") if isinstance(obj, dict) and isinstance(obj.get("id"), str) else None
            try:
                if not isinstance(obj, dict):
                    raise CorpusFormatError(path, number, None, "expected a JSON object")
                conversation = conversation_from_dict(obj, path=path, line=number)
            except CorpusFormatError as exc:
                yield DeidOutcome(label or f"line {number}", error=str(exc))
                continue
            if conversation.id in seen:
                yield DeidOutcome(conversation.id, error=f"{path}, line {number}: duplicate conversation id")
                continue
            seen.add(conversation.id)
            yield conversation
