"""Plain data of this package: a read document, a sentence, and the facts about one defendant."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SENTENCE_FIELDS = ("prison_days_unconditional", "prison_days_conditional", "community_service_hours",
                   "fine_eur")
ROLES = ("client", "trafficker", "parent", "other")
INSTANCES = ("rechtbank", "hof", "hoge raad")


@dataclass(frozen=True, slots=True)
class Document:
    """One judgment, press release or news text as plain text, with metadata its file carried.

    `metadata` holds what a structured source stated (ECLI, court, date, legal area); text-derived
    values are filled in by the extractor, never here. Evidence offsets point into `text`.
    """

    source: str
    text: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    kind: str = "text"  # "xml", "html" or "text": how the file was read


@dataclass(frozen=True, slots=True)
class Sentence:
    """A demanded or imposed sentence: prison days (unconditional, conditional), hours, euros.

    None means the text does not state that part; 0 is never used for "not stated".
    """

    prison_days_unconditional: float | None = None
    prison_days_conditional: float | None = None
    community_service_hours: float | None = None
    fine_eur: float | None = None
    tbs: bool | None = None

    def __post_init__(self) -> None:
        for name in SENTENCE_FIELDS:
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative, got {value}")

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, n) is None for n in SENTENCE_FIELDS) and not self.tbs

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {n: _tidy(getattr(self, n)) for n in SENTENCE_FIELDS}
        out["tbs"] = self.tbs
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Sentence:
        data = data or {}
        return cls(**{n: data.get(n) for n in (*SENTENCE_FIELDS, "tbs")})


EMPTY_SENTENCE = Sentence()


@dataclass(frozen=True, slots=True)
class JudgmentFacts:
    """What one text says about one defendant (the fields of shared/spec/judgments.md)."""

    source: str
    defendant: str | None = None
    ecli: str | None = None
    court: str | None = None
    decision_date: str | None = None
    year: int | None = None  # decision year when no full date is known (case files)
    instance: str | None = None
    legal_area: str | None = None
    articles: tuple[str, ...] = ()
    role_of_defendant: str | None = None
    victim_ages: tuple[int, ...] = ()
    victim_genders: tuple[str, ...] = ()
    defendant_age: int | None = None
    defendant_birth_year: int | None = None
    contact_channel: str | None = None
    channel_names: tuple[str, ...] = ()
    demanded: Sentence = EMPTY_SENTENCE
    demanded_text: str | None = None
    imposed: Sentence = EMPTY_SENTENCE
    imposed_text: str | None = None
    lower_court_imposed: Sentence | None = None
    acquitted: bool | None = None
    evidence: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.role_of_defendant is not None and self.role_of_defendant not in ROLES:
            raise ValueError(f"role_of_defendant {self.role_of_defendant!r} not in {ROLES}")
        if self.instance is not None and self.instance not in INSTANCES:
            raise ValueError(f"instance {self.instance!r} not in {INSTANCES}")
        for name, (start, end) in self.evidence.items():
            if not 0 <= start <= end:
                raise ValueError(f"evidence {name!r} needs 0 <= start <= end, got {start}..{end}")

    @property
    def decision_year(self) -> int | None:
        if self.year is not None:
            return self.year
        if self.decision_date and self.decision_date[:4].isdigit():
            return int(self.decision_date[:4])
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of the spec (plus `legal_area`, birth year, lower court)."""
        return {
            "source": self.source,
            "defendant": self.defendant,
            "ecli": self.ecli,
            "court": self.court,
            "decision_date": self.decision_date,
            "year": self.year,
            "instance": self.instance,
            "legal_area": self.legal_area,
            "articles": list(self.articles),
            "role_of_defendant": self.role_of_defendant,
            "victim_ages": list(self.victim_ages),
            "victim_genders": list(self.victim_genders),
            "defendant_age": self.defendant_age,
            "defendant_birth_year": self.defendant_birth_year,
            "contact_channel": self.contact_channel,
            "channel_names": list(self.channel_names),
            "demanded": self.demanded.to_dict(),
            "demanded_text": self.demanded_text,
            "imposed": self.imposed.to_dict(),
            "imposed_text": self.imposed_text,
            "lower_court_imposed": (None if self.lower_court_imposed is None
                                    else self.lower_court_imposed.to_dict()),
            "acquitted": self.acquitted,
            "evidence": {k: list(v) for k, v in self.evidence.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JudgmentFacts:
        """Read an object written by `to_dict` (or a case-file row converted to it)."""
        lower = data.get("lower_court_imposed")
        return cls(
            source=str(data.get("source") or ""),
            defendant=data.get("defendant"),
            ecli=data.get("ecli"),
            court=data.get("court"),
            decision_date=data.get("decision_date"),
            year=data.get("year"),
            instance=data.get("instance"),
            legal_area=data.get("legal_area"),
            articles=tuple(data.get("articles") or ()),
            role_of_defendant=data.get("role_of_defendant"),
            victim_ages=tuple(int(a) for a in data.get("victim_ages") or ()),
            victim_genders=tuple(data.get("victim_genders") or ()),
            defendant_age=data.get("defendant_age"),
            defendant_birth_year=data.get("defendant_birth_year"),
            contact_channel=data.get("contact_channel"),
            channel_names=tuple(data.get("channel_names") or ()),
            demanded=Sentence.from_dict(data.get("demanded")),
            demanded_text=data.get("demanded_text"),
            imposed=Sentence.from_dict(data.get("imposed")),
            imposed_text=data.get("imposed_text"),
            lower_court_imposed=None if lower is None else Sentence.from_dict(lower),
            acquitted=data.get("acquitted"),
            evidence={k: (int(v[0]), int(v[1])) for k, v in (data.get("evidence") or {}).items()},
        )


def _tidy(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 2)
