"""Agreement between two coders on the double-coded sample: Krippendorff's alpha per variable.

Uses the `krippendorff` package. Multi-valued codes are compared as whole sets (one nominal
category per distinct set), so a pair agrees only when both chose the same values.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import krippendorff
import numpy as np

from inbeeld.codebook import Codebook, Variable
from inbeeld.web.store.models import Coding
from inbeeld.web.workbench.models import Assignment
from inbeeld.web.workbench.services import CONSENSUS


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
    agreement: float | None  # share of units with the same code (plain, for reading next to alpha)


def key(value: Any) -> str:
    return json.dumps(sorted(value) if isinstance(value, list) else value, ensure_ascii=False)


def alpha(variable: Variable, pairs: list[tuple[Any, Any]]) -> float | None:
    """Krippendorff's alpha for two coders (interval for integers, nominal otherwise)."""
    if len(pairs) < 2:
        return None
    if variable.is_integer:
        def number(v: Any) -> float:
            return float(v) if isinstance(v, int) else np.nan  # "unknown" counts as missing
        data = np.array([[number(a) for a, _ in pairs], [number(b) for _, b in pairs]])
        level = "interval"
    else:
        codes: dict[str, int] = {}
        data = np.array([
            [codes.setdefault(key(a), len(codes)) for a, _ in pairs],
            [codes.setdefault(key(b), len(codes)) for _, b in pairs],
        ], dtype=float)
        level = "nominal"
    try:
        return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    except (ValueError, ZeroDivisionError):
        return None  # one value only in the domain: alpha is not defined


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
    disagreements: list[Disagreement] = []
    for variable in book.variables:
        pairs = [tuple(v[variable.name]) for v in coded.values() if variable.name in v]
        same = sum(key(a) == key(b) for a, b in pairs)
        label = variable.label_nl if language != "en" else (variable.label_en or variable.name)
        table.append(VariableAgreement(
            variable=variable.name, label=label, units=len(pairs), alpha=alpha(variable, pairs),
            agreement=same / len(pairs) if pairs else None,
        ))
    for external_id in sorted(coded):
        for name, (a, b) in coded[external_id].items():
            if key(a) != key(b):
                where = (external_id, name)
                disagreements.append(Disagreement(
                    conversation=external_id, variable=name, first=a, second=b,
                    consensus=consensus.get(where), resolved=where in consensus,
                ))
    return table, disagreements
