"""De-identify one conversation: find identifiers, give them consistent pseudonyms, replace them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from inbeeld.corpus import Conversation, Span
from inbeeld.deid.errors import DeidInputError
from inbeeld.deid.pipeline import Pipeline, build_pipeline, load_config
from inbeeld.deid.pseudonyms import PseudonymMap
from inbeeld.deid.recognisers.deduce_names import DeduceRecogniser, shared_deduce

# Changes whenever the pipeline's behaviour changes (rules, lists, defaults).
DEID_VERSION = "1.11.1"


def load_pipeline(config: Path | None = None, disabled: frozenset[str] = frozenset()) -> Pipeline:
    """Build the pipeline and load deduce's lookups now (seconds, ~1 GB): once per process."""
    pipeline = build_pipeline(load_config(config), frozenset(disabled))
    for recogniser in pipeline.recognisers:
        if isinstance(recogniser, DeduceRecogniser):
            shared_deduce(recogniser.cache_path)
    return pipeline


def deidentify(conversation: Conversation, pipeline: Pipeline) -> Conversation:
    """Return the conversation with identifiers replaced by stable pseudonyms; each message's
    spans say what was replaced, with offsets into the original text. The input is unchanged."""
    texts = []
    for index, message in enumerate(conversation.messages):
        if not isinstance(message.text, str):
            kind = type(message.text).__name__
            raise DeidInputError(conversation.id, index, f"text is {kind}, not a string")
        texts.append(message.text)
    if not texts:
        return conversation
    findings = pipeline.find(texts)
    pseudonyms = PseudonymMap()
    messages = []
    for message, text, found in zip(conversation.messages, texts, findings, strict=True):
        spans = tuple(
            Span(f.start, f.end, f.type, pseudonyms.tag(f.type, text[f.start:f.end]))
            for f in sorted(found, key=lambda f: f.start)
        )
        messages.append(replace(message, text=redact(text, spans), spans=spans))
    return replace(conversation, messages=tuple(messages))


def redact(text: str, spans: tuple[Span, ...]) -> str:
    """Replace each span (sorted, not overlapping) by its tag."""
    parts, pos = [], 0
    for span in spans:
        parts.append(text[pos:span.start])
        parts.append(span.tag)
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
