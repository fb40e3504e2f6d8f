"""Workbench services: what a person may see, the coding item, decisions, assignments, export.

Each service that reads a conversation or changes codes writes its audit entry in the same
transaction. Human decisions are new store.Coding rows (automatic=False), never updates.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from inbeeld.codebook import Codebook, Variable, load_codebook
from inbeeld.corpus import CodedConversation
from inbeeld.web.audit.services import record
from inbeeld.web.permissions import Role, role_of
from inbeeld.web.store.models import Coder, Coding, Conversation, Message
from inbeeld.web.workbench.models import Assignment
from inbeeld.web.workbench.text import Segment, segments

CONSENSUS = "consensus"  # Coding.source of a researcher's consensus decision
WORKBENCH = "workbench"  # Coding.source of a coder's decision


def codebook() -> Codebook:
    return load_codebook()


def coder_of(user: Any) -> Coder:
    """The store's Coder for an account (made on first use, named after the account)."""
    coder = Coder.objects.filter(user=user).first()
    if coder is None:
        coder, _ = Coder.objects.get_or_create(name=user.get_username())
        if coder.user_id is None:
            coder.user = user
            coder.save(update_fields=["user"])
    return coder


def visible(user: Any) -> Any:
    """The conversations this person may open: de-identified ones only; coders only their own."""
    shown = Conversation.objects.filter(deidentified=True)
    if role_of(user) == Role.RESEARCHER:
        return shown
    if role_of(user) == Role.CODER:
        return shown.filter(assignments__coder=user)
    return Conversation.objects.none()


def conversation_for(user: Any, external_id: str) -> Conversation:
    """The conversation if this person may see it; 404 otherwise (no hint that it exists)."""
    conversation = visible(user).filter(external_id=external_id).first()
    if conversation is None:
        raise Http404("no such conversation")
    return conversation


@dataclass
class VariableItem:
    """One codebook variable on the coding form: the suggestion and the current decision."""

    variable: Variable
    label: str
    suggestion: Any = None  # None: no automatic suggestion
    confidence: float | None = None
    evidence: list[dict[str, int]] = field(default_factory=list)
    decision: Any = None  # the person's latest decision (coders: their own only)
    decided: bool = False

    @property
    def current(self) -> Any:
        """What the form shows: the decision, else the suggestion, else empty."""
        if self.decided:
            return self.decision
        if self.suggestion is not None:
            return self.suggestion
        return self.variable.empty()

    @property
    def choices(self) -> list[tuple[int, str, bool]]:
        """(shortcut number, value, checked) for the value buttons of a closed variable."""
        current = self.current
        chosen = set(current) if isinstance(current, list) else {current}
        return [(i, value, value in chosen) for i, value in enumerate(self.variable.values, start=1)]

    @property
    def text_value(self) -> str:
        current = self.current
        if isinstance(current, list):
            return ", ".join(current)
        return "" if current == "unknown" else str(current)


@dataclass
class CodingItem:
    conversation: Conversation
    messages: list[tuple[Message, list[Segment]]]
    variables: list[VariableItem]
    codebook_version: str


def _label(variable: Variable, language: str) -> str:
    if language == "en":
        return variable.label_en or variable.name.replace("_", " ")
    return variable.label_nl


def coding_item(user: Any, external_id: str, language: str = "nl") -> CodingItem:
    """Everything the coding view shows, and an audit entry for viewing it."""
    book = codebook()
    conversation = conversation_for(user, external_id)
    # order by index alone: Message's default ordering joins the conversation table
    messages = list(Message.objects.filter(conversation=conversation).order_by("index"))
    coder = coder_of(user)
    researcher = role_of(user) == Role.RESEARCHER
    items = {v.name: VariableItem(variable=v, label=_label(v, language)) for v in book.variables}
    rows = (
        Coding.objects.filter(conversation=conversation)
        .order_by("created_at", "pk")
        .values_list("variable", "value", "automatic", "confidence", "evidence", "coder_id", "source")
    )
    settled: set[str] = set()  # variables with a consensus: it outranks later decisions
    for variable, value, automatic, confidence, evidence, coder_id, source in rows:
        item = items.get(variable)
        if item is None:
            continue  # a variable of an older codebook version
        if automatic:
            item.suggestion, item.confidence, item.evidence = value, confidence, evidence or []
        elif coder_id == coder.pk and not researcher:
            item.decision, item.decided = value, True  # coders see only their own: blind
        elif researcher and variable not in settled:
            item.decision, item.decided = value, True
            if source == CONSENSUS:
                settled.add(variable)
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for item in items.values():
        for ref in item.evidence:
            try:
                spans.setdefault(int(ref["message"]), []).append(
                    (int(ref["start"]), int(ref["end"]), item.variable.name)
                )
            except (KeyError, TypeError, ValueError):
                continue  # malformed evidence is skipped, never fatal
    with transaction.atomic():
        record(user, "conversation.view", conversation=conversation.external_id)
    return CodingItem(
        conversation=conversation,
        messages=[(m, segments(m.text, spans.get(m.index, []))) for m in messages],
        variables=list(items.values()),
        codebook_version=book.version,
    )


def parse_value(variable: Variable, raw: Sequence[str]) -> Any:
    """A form's strings for one variable as a codebook value (checked by the codebook)."""
    values = [r.strip() for r in raw if r is not None and r.strip()]
    if variable.multi:
        if variable.open:
            values = [part.strip() for v in values for part in v.split(",") if part.strip()]
        return variable.check([v for v in values if v != "unknown"])
    if not values or values[-1] == "unknown":
        return "unknown"
    if variable.is_integer:
        try:
            return variable.check(int(values[-1]))
        except ValueError:
            return variable.check(values[-1])  # raises the codebook's own message
    return variable.check(values[-1])


def save_decisions(user: Any, external_id: str, decisions: dict[str, Any], *, source: str = WORKBENCH) -> int:
    """Store each decision that differs from this person's previous one; mark the assignment done."""
    book = codebook()
    conversation = conversation_for(user, external_id)
    coder = coder_of(user)
    previous = {}
    for variable, value in (
        Coding.objects.filter(conversation=conversation, coder=coder, automatic=False)
        .order_by("created_at", "pk")
        .values_list("variable", "value")
    ):
        previous[variable] = value
    rows = [
        Coding(
            conversation=conversation, variable=name, value=book[name].check(value), evidence=[],
            automatic=False, source=source, coder=coder, codebook_version=book.version,
        )
        for name, value in decisions.items()
        if source == CONSENSUS or name not in previous or previous[name] != value
    ]
    with transaction.atomic():
        Coding.objects.bulk_create(rows)
        Assignment.objects.filter(conversation=conversation, coder=user, done_at__isnull=True).update(
            done_at=timezone.now()
        )
        record(
            user, "code.consensus" if source == CONSENSUS else "code.change",
            conversation=conversation.external_id, variables=sorted(r.variable for r in rows),
        )
    return len(rows)


def next_conversation(user: Any, after: str | None = None) -> str | None:
    """The next conversation to code: the first open assignment, else (researchers) the next one."""
    open_work = Assignment.objects.filter(coder=user, done_at__isnull=True)
    if after:
        open_work = open_work.exclude(conversation__external_id=after)
    first = open_work.order_by("conversation_id").values_list("conversation__external_id", flat=True).first()
    if first or role_of(user) != Role.RESEARCHER:
        return first
    query = Conversation.objects.filter(deidentified=True).order_by("pk")
    if after:
        current = Conversation.objects.filter(external_id=after).values_list("pk", flat=True).first()
        if current is not None:
            query = query.filter(pk__gt=current)
    return query.values_list("external_id", flat=True).first()


def queue(user: Any, limit: int = 200) -> list[dict[str, Any]]:
    """This person's assignments (open first), with conversation ids and years only."""
    return list(
        Assignment.objects.filter(coder=user)
        .order_by("done_at", "conversation_id")
        .values("conversation__external_id", "conversation__year", "double", "done_at")[:limit]
    )


def coders() -> Any:
    people = get_user_model().objects.filter(profile__role=Role.CODER.value, is_active=True)
    return people.order_by("username")


@dataclass(frozen=True, slots=True)
class AssignmentPlan:
    assigned: int
    double: int


def assign_sample(
    by: Any, coder_ids: Sequence[int], size: int, *, double_fraction: float = 0.1, seed: int = 0,
    year: int | None = None, sample: str = "",
) -> AssignmentPlan:
    """Give `size` unassigned conversations (seeded draw) round-robin to the coders; a seeded
    `double_fraction` of them also goes to a second coder, blind to the first."""
    if not 0 <= double_fraction <= 1:
        raise ValueError("double_fraction must be between 0 and 1")
    people = list(get_user_model().objects.filter(pk__in=coder_ids).order_by("pk"))
    if not people:
        raise ValueError("choose at least one coder")
    pool = Conversation.objects.filter(assignments__isnull=True, deidentified=True)
    if year is not None:
        pool = pool.filter(year=year)
    candidates = sorted(pool.values_list("pk", flat=True))
    rng = random.Random(seed)
    chosen = rng.sample(candidates, min(size, len(candidates)))
    n_double = round(len(chosen) * double_fraction) if len(people) >= 2 else 0
    doubles = set(rng.sample(chosen, n_double))
    rows = []
    for i, pk in enumerate(chosen):
        first = people[i % len(people)]
        rows.append(Assignment(conversation_id=pk, coder=first, double=pk in doubles, sample=sample,
                               assigned_by=by))
        if pk in doubles:
            # the second coder is another person, chosen by the same seeded generator
            second = rng.choice([p for p in people if p.pk != first.pk])
            rows.append(Assignment(conversation_id=pk, coder=second, double=True, sample=sample,
                                   assigned_by=by))
    with transaction.atomic():
        Assignment.objects.bulk_create(rows, batch_size=2000)
        record(by, "workbench.assign", count=len(chosen), sample=n_double, seed=seed,
               coders=[p.pk for p in people], years=[year] if year is not None else [])
    return AssignmentPlan(assigned=len(chosen), double=n_double)


def human_codes(book: Codebook | None = None) -> Iterator[CodedConversation]:
    """The human codes of every conversation a person coded fully, consensus first, else latest."""
    book = book or codebook()
    rows = (
        Coding.objects.filter(automatic=False)
        .order_by("conversation_id", "created_at", "pk")
        .values_list("conversation__external_id", "variable", "value", "source")
        .iterator(chunk_size=5000)
    )
    current_id: str | None = None
    codes: dict[str, tuple[bool, Any]] = {}

    def finished() -> CodedConversation | None:
        if current_id is None or not set(book.names) <= set(codes):
            return None
        return CodedConversation(
            id=current_id, codes={name: codes[name][1] for name in book.names},
            codebook_version=book.version,
        )

    for external_id, variable, value, source in rows:
        if external_id != current_id:
            done = finished()
            if done:
                yield done
            current_id, codes = external_id, {}
        if variable not in book:
            continue
        consensus = source == CONSENSUS
        if consensus or not codes.get(variable, (False, None))[0]:
            codes[variable] = (consensus, value)
    done = finished()
    if done:
        yield done


def audit_export(user: Any, count: int, fmt: str) -> None:
    with transaction.atomic():
        record(user, "export", count=count, format=fmt)

