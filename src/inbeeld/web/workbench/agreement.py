"""Agreement between two coders on the double-coded sample, per codebook variable.

The measures are inbeeld.coding's (Krippendorff's alpha with the `krippendorff` package, Cohen's
kappa, seeded bootstrap intervals); this module gathers each coder's own latest decisions from
the store and adds the consensus a researcher recorded.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from inbeeld.codebook import Codebook
from inbeeld.coding.agreement import variable_agreement
from inbeeld.web.store.models import Coding
from inbeeld.web.workbench.models import Assignment
from inbeeld.web.workbench.services import CONSENSUS

BOOTSTRAP_REPS = 200  # enough for a page's interval; `inbeeld agreement` does the full 1000


@dataclass(frozen=True, slots=True)
class Disagreement:
    conversation: str
    variable: str
    first: Any
    second: Any
    consensus: Any = None
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class VariableAgreement:
    variable: str
    label: str
    units: int  # conversations both coders decided
    alpha: float | None  # None when undefined (fewer than two units or only one value used)
    alpha_ci: tuple[float, float] | None
    agreement: float | None  # share of units with the same code


def key(value: Any) -> str:
    return json.dumps(sorted(value) if isinstance(value, list) else value, ensure_ascii=False)


def _defined(value: float) -> float | None:
    return None if value is None or math.isnan(value) else value


def double_coded(book: Codebook) -> dict[str, dict[str, list[Any]]]:
    """conversation -> variable -> [first coder's value, second's], own latest decisions only."""
    pairs: dict[int, list[int]] = defaultdict(list)
    for conv_pk, user_pk in Assignment.objects.filter(double=True).order_by("pk").values_list(
        "conversation_id", "coder_id"
    ):
        pairs[conv_pk].append(user_pk)
    latest: dict[tuple[int, int, str], Any] = {}
    names: dict[int, str] = {}
    for conv_pk, user_pk, variable, value, external_id in (
        Coding.objects.filter(conversation_id__in=list(pairs), automatic=False)
        .exclude(source=CONSENSUS)
        .order_by("created_at", "pk")
        .values_list("conversation_id", "coder__user_id", "variable", "value", "conversation__external_id")
    ):
        latest[conv_pk, user_pk, variable] = value
        names[conv_pk] = external_id
    out: dict[str, dict[str, list[Any]]] = {}
    for conv_pk, people in pairs.items():
        if len(people) < 2 or conv_pk not in names:
            continue
        first, second = people[0], people[1]
        per_variable = {}
        for name in book.names:
            a, b = latest.get((conv_pk, first, name)), latest.get((conv_pk, second, name))
            if a is not None and b is not None:
                per_variable[name] = [a, b]
        if per_variable:
            out[names[conv_pk]] = per_variable
    return out


def consensus_codes() -> dict[tuple[str, str], Any]:
    return {
        (external_id, variable): value
        for external_id, variable, value in Coding.objects.filter(source=CONSENSUS, automatic=False)
        .order_by("created_at", "pk")
        .values_list("conversation__external_id", "variable", "value")
    }


def agreement_report(
    book: Codebook, language: str = "nl"
) -> tuple[list[VariableAgreement], list[Disagreement]]:
    """Alpha per codebook variable and every disagreement, with its consensus when recorded."""
    coded = double_coded(book)
    consensus = consensus_codes()
    table: list[VariableAgreement] = []
    for variable in book.variables:
        # only conversations where both coders decided this variable: nothing is filled in
        ids = sorted(cid for cid, codes in coded.items() if variable.name in codes)
        first = [coded[c][variable.name][0] for c in ids]
        second = [coded[c][variable.name][1] for c in ids]
        closed = variable.values if variable.multi and not variable.open else ()
        m = variable_agreement(
            variable.name, first, second, ids, multi=variable.multi, values=closed,
            reps=BOOTSTRAP_REPS, seed=0, kappa=False,
        )
        label = variable.label_nl if language != "en" else (variable.label_en or variable.name)
        ci = tuple(_defined(x) for x in m.alpha_ci)
        table.append(VariableAgreement(
            variable=variable.name, label=label, units=m.units, alpha=_defined(m.alpha),
            alpha_ci=ci if None not in ci else None,
            agreement=_defined(m.agreement) if m.units else None,
        ))
    disagreements = [
        Disagreement(
            conversation=cid, variable=name, first=a, second=b,
            consensus=consensus.get((cid, name)), resolved=(cid, name) in consensus,
        )
        for cid in sorted(coded)
        for name, (a, b) in coded[cid].items()
        if key(a) != key(b)
    ]
    return table, disagreements
