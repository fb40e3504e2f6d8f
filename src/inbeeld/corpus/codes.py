"""Code files (gold or automatic): one object per conversation, `{"id", "codes", ...}`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbeeld.codebook import Codebook
from inbeeld.corpus.jsonl import read_jsonl_objects
from inbeeld.corpus.parse import check_id
from inbeeld.errors import CodebookError, CorpusFormatError


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """Where a code's support is: message index and character offsets in its text."""

    message: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.message < 0 or not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence {self.message}:{self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class CodedConversation:
    """The codes of one conversation (all variables present; unknown / [] where unsettled)."""

    id: str
    codes: dict[str, Any]
    evidence: dict[str, tuple[EvidenceRef, ...]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    codebook_version: str | None = None


def read_codes(path: Path | str, codebook: Codebook) -> Iterator[CodedConversation]:
    """Stream a code file, checking every code against the codebook."""
    path = Path(path)
    try:
        stream = path.open(encoding="utf-8")
    except OSError as exc:
        raise CorpusFormatError(path, None, None, f"cannot open: {exc.strerror}") from None
    seen: dict[str, int] = {}
    with stream:
        for line, obj in read_jsonl_objects(path, stream):
            if "id" not in obj:
                raise CorpusFormatError(path, line, "id", "missing")
            conv_id = check_id(obj["id"], path=path, line=line, field="id")
            if conv_id in seen:
                raise CorpusFormatError(
                    path, line, "id", f"duplicate id {conv_id!r} (first on line {seen[conv_id]})"
                )
            seen[conv_id] = line
            raw_codes = obj.get("codes")
            if not isinstance(raw_codes, dict):
                raise CorpusFormatError(path, line, "codes", "missing or not an object")
            codes = _validated(codebook, raw_codes, path, line)
            evidence = _evidence(obj.get("evidence") or {}, path, line)
            confidence = obj.get("confidence") or {}
            if not isinstance(confidence, dict):
                raise CorpusFormatError(path, line, "confidence", "expected an object")
            yield CodedConversation(
                id=conv_id,
                codes=codes,
                evidence=evidence,
                confidence={k: float(v) for k, v in confidence.items()},
                codebook_version=str(obj["codebook_version"]) if "codebook_version" in obj else None,
            )


def _validated(codebook: Codebook, raw: dict[str, Any], path: Path, line: int) -> dict[str, Any]:
    for name, value in raw.items():
        if name not in codebook:
            raise CorpusFormatError(
                path, line, f"codes.{name}",
                f"unknown variable; the codebook (version {codebook.version}) has "
                f"{', '.join(codebook.names)}",
            )
        try:
            codebook[name].check(value) if value is not None else None
        except CodebookError as exc:
            raise CorpusFormatError(path, line, f"codes.{name}", str(exc)) from None
    return codebook.validate(raw)


def _evidence(raw: Any, path: Path, line: int) -> dict[str, tuple[EvidenceRef, ...]]:
    if not isinstance(raw, dict):
        raise CorpusFormatError(path, line, "evidence", "expected an object {variable: [...]}")
    out: dict[str, tuple[EvidenceRef, ...]] = {}
    for name, refs in raw.items():
        try:
            out[name] = tuple(EvidenceRef(int(r["message"]), int(r["start"]), int(r["end"])) for r in refs)
        except (TypeError, KeyError, ValueError):
            raise CorpusFormatError(
                path, line, f"evidence.{name}", "expected a list of {message, start, end}"
            ) from None
    return out


def coded_to_dict(coded: CodedConversation, codebook: Codebook) -> dict[str, Any]:
    out: dict[str, Any] = {"id": coded.id, "codes": codebook.compact(coded.codes)}
    if coded.evidence:
        out["evidence"] = {
            name: [{"message": r.message, "start": r.start, "end": r.end} for r in refs]
            for name, refs in coded.evidence.items()
        }
    if coded.confidence:
        out["confidence"] = {k: round(v, 4) for k, v in coded.confidence.items()}
    out["codebook_version"] = coded.codebook_version or codebook.version
    return out


def write_codes(path: Path | str, coded: Iterable[CodedConversation], codebook: Codebook) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for item in coded:
            stream.write(json.dumps(coded_to_dict(item, codebook), ensure_ascii=False))
            stream.write("\n")
            count += 1
    return count
