"""generate(): fictional helpline conversations with their true codes, reproducible from a seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from inbeeld.codebook import Codebook, load_codebook
from inbeeld.corpus import CodedConversation, Conversation, Message
from inbeeld.synth.compose import Composer, get_library
from inbeeld.synth.pools import get_pools
from inbeeld.synth.truth import sample_plan

_AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_CET = timezone(timedelta(hours=1))
_CEST = timezone(timedelta(hours=2))
# Hours at which conversations start, weighted towards afternoon, evening and night
_HOURS = tuple(range(24))
_HOUR_WEIGHTS = (3, 2, 2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 7, 7, 8, 8, 8, 9, 10, 11, 11, 9, 6)


def generate(
    n: int, seed: int, year_from: int = 2019, year_to: int = 2024, codebook: Codebook | None = None,
) -> Iterator[tuple[Conversation, CodedConversation]]:
    """Yield n fictional conversations (texts with identifier markup) and their gold codes.

    The same (n, seed, years) gives the same output; conversation i depends only on (seed, i),
    so a range can be generated on its own (`generate_range`) and the results concatenated.
    """
    yield from generate_range(0, n, seed, year_from, year_to, codebook)


def generate_range(
    start: int, stop: int, seed: int, year_from: int = 2019, year_to: int = 2024,
    codebook: Codebook | None = None,
) -> Iterator[tuple[Conversation, CodedConversation]]:
    """Yield conversations start..stop-1 of the corpus that generate(stop, seed) would give."""
    if year_from > year_to:
        raise ValueError(f"year_from {year_from} is after year_to {year_to}")
    if start < 0 or stop < start:
        raise ValueError(f"bad range {start}..{stop}")
    book = codebook or load_codebook()
    pools, lib = get_pools(), get_library()
    names = frozenset(book.names)
    first_day = date(year_from, 1, 1).toordinal()
    days = date(year_to, 12, 31).toordinal() - first_day + 1
    for index in range(start, stop):
        # one generator per conversation: independent of how the range is split up
        rng = random.Random(f"inbeeld-synth:{seed}:{index}")
        started = _start_time(rng, first_day, days)
        plan = sample_plan(rng, lib.uses)
        turns = Composer(rng, plan, pools, lib, started).compose()
        conv_id = f"s-{index + 1:06d}"
        conversation = Conversation(
            id=conv_id, started_at=started, messages=_messages(rng, started, turns), source="chat"
        )
        codes = _validate(book, names, plan.codes(), conv_id)
        yield conversation, CodedConversation(id=conv_id, codes=codes, codebook_version=book.version)


def _validate(book: Codebook, names: frozenset[str], raw: dict[str, Any], where: str) -> dict[str, Any]:
    """Codebook.validate without its per-name lookups (same checks, by Variable.check)."""
    if not names.issuperset(raw):
        return book.validate(raw, where=where)  # raises, naming the variable
    return {v.name: v.check(raw[v.name], where=where) if v.name in raw else v.empty() for v in book.variables}


def _start_time(rng: random.Random, first_day: int, days: int) -> datetime:
    day = date.fromordinal(first_day + rng.randrange(days))
    hour = rng.choices(_HOURS, weights=_HOUR_WEIGHTS)[0]
    local = datetime(day.year, day.month, day.day, hour, rng.randrange(0, 60, 5))
    summer = local.replace(tzinfo=_AMSTERDAM).utcoffset() == timedelta(hours=2)
    return local.replace(tzinfo=_CEST if summer else _CET)


def _messages(rng: random.Random, started: datetime, turns: list[tuple[str, str]]) -> tuple[Message, ...]:
    out = []
    seconds = 3 + int(rng.random() * 37)
    previous = "chatter"
    rand = rng.random
    for role, text in turns:
        # pauses: the counsellor types longer answers; a chatter answering takes a while
        if role == "counsellor":
            seconds += 25 + int(rand() * 125)
        elif previous == "counsellor":
            seconds += 15 + int(rand() * 225)
        else:
            seconds += 4 + int(rand() * 46)
        previous = role
        out.append(Message(role=role, text=text, ts=started + timedelta(seconds=seconds)))
    return tuple(out)
