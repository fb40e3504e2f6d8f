"""Load the rule files (one YAML file per codebook variable) into rule objects by registered kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import yaml

from inbeeld.codebook import Codebook
from inbeeld.coding.age import AgeRule, MinorRule
from inbeeld.coding.context import Context
from inbeeld.coding.duration import DurationRule
from inbeeld.coding.lexicon import Answer, LexiconRule, compile_value_patterns
from inbeeld.coding.model import RuleFileError, Suggestion
from inbeeld.coding.patterns import compile_pattern


class Rule(Protocol):
    variable: str

    def suggest(self, ctx: Context) -> Suggestion: ...


def default_rules_dir() -> Path:
    return Path(str(resources.files("inbeeld.coding").joinpath("rules")))


class _Spec:
    """A rule file's mapping, read with errors that name the file and the key."""

    def __init__(self, path: Path, raw: dict[str, Any], allowed: set[str]) -> None:
        self.path, self.raw = path, raw
        unknown = set(raw) - allowed - {"variable", "use", "about"}
        if unknown:
            raise RuleFileError(f"{path}: unknown key(s) {sorted(unknown)}; valid: {sorted(allowed)}")

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    def need(self, key: str) -> Any:
        if key not in self.raw:
            raise RuleFileError(f"{self.path}: key '{key}' is missing")
        return self.raw[key]

    def regex(self, key: str, value: Any = None) -> re.Pattern[str]:
        text = self.need(key) if value is None else value
        try:
            return compile_pattern(text)
        except (re.error, TypeError) as exc:
            raise RuleFileError(f"{self.path}: key '{key}': not a valid pattern ({exc})") from None

    def regexes(self, key: str) -> tuple[re.Pattern[str], ...]:
        items = self.get(key, []) or []
        if not isinstance(items, list):
            raise RuleFileError(f"{self.path}: key '{key}' must be a list of patterns")
        return tuple(self.regex(key, item) for item in items)


def _lexicon(spec: _Spec, variable: str, codebook: Codebook) -> LexiconRule:
    var = codebook[variable]
    raw_values = spec.need("values")
    if not isinstance(raw_values, dict):
        raise RuleFileError(f"{spec.path}: key 'values' must map codebook values to pattern lists")
    values = {}
    for value, patterns in raw_values.items():
        value = str(value)
        if not value.startswith("$") and not var.open and value not in var.values:
            raise RuleFileError(
                f"{spec.path}: key 'values': {value!r} is not a value of {variable} "
                f"(valid: {', '.join(var.values)})"
            )
        try:
            values[value] = compile_value_patterns(patterns or [])
        except (re.error, KeyError, TypeError, ValueError) as exc:
            raise RuleFileError(f"{spec.path}: key 'values.{value}': bad pattern entry ({exc})") from None
    answers = []
    for i, item in enumerate(spec.get("answers", []) or []):
        try:
            replies = tuple((compile_pattern(r["re"]), str(r["value"])) for r in item["replies"])
            answers.append(Answer(compile_pattern(item["question"]), replies))
        except (re.error, KeyError, TypeError) as exc:
            raise RuleFileError(
                f"{spec.path}: key 'answers[{i}]': needs question and replies ({exc})"
            ) from None
    pick = str(spec.get("pick", "first"))
    if pick not in ("first", "last", "priority", "strongest"):
        raise RuleFileError(f"{spec.path}: key 'pick': {pick!r} not in [first, last, priority, strongest]")
    return LexiconRule(
        variable,
        values,
        multi=var.multi,
        pick=pick,
        priority=tuple(spec.get("priority", []) or []),
        default=spec.get("default"),
        default_score=float(spec.get("default_score", 0.55)),
        requires=spec.get("requires") or {},
        unless=spec.regexes("unless"),
        answers=tuple(answers),
        fallback=tuple((str(f["value"]), dict(f["when"])) for f in spec.get("fallback", []) or []),
        relabel=tuple((str(f["from"]), str(f["to"]), dict(f.get("when") or {}))
                      for f in spec.get("relabel", []) or []),
        suppress={str(k): tuple(v) for k, v in (spec.get("suppress") or {}).items()},
        turns=tuple(spec.get("turns", ["chatter"])),
        normalise={str(k): str(v) for k, v in (spec.get("normalise") or {}).items()},
        boost=spec.regex("boost") if spec.get("boost") else None,
    )


def _age(spec: _Spec, variable: str, codebook: Codebook) -> AgeRule:
    answers = []
    for i, item in enumerate(spec.get("answers", []) or []):
        if not isinstance(item, dict) or "question" not in item or "reply" not in item:
            raise RuleFileError(f"{spec.path}: key 'answers[{i}]' needs 'question' and 'reply'")
        whose = str(item.get("chatter", "victim"))
        if whose not in ("victim", "other"):
            raise RuleFileError(f"{spec.path}: key 'answers[{i}].chatter': {whose!r} not in [victim, other]")
        answers.append((whose, spec.regex("answers", item["question"]), spec.regex("answers", item["reply"])))
    return AgeRule(variable, spec.regexes("self"), spec.regexes("other"), tuple(answers))


def _minor(spec: _Spec, variable: str, codebook: Codebook) -> MinorRule:
    return MinorRule(variable, str(spec.get("age_variable", "victim_age")), spec.regexes("past"),
                     spec.regexes("signals"))


def _duration(spec: _Spec, variable: str, codebook: Codebook) -> DurationRule:
    anchors = {str(k): (int(v[0]), int(v[1])) for k, v in (spec.need("anchors") or {}).items()}
    anchor_words = "|".join(sorted(map(re.escape, anchors), key=len, reverse=True))
    unit_words = "|".join(sorted(map(re.escape, spec.need("units")), key=len, reverse=True))
    quantity_words = "|".join(sorted(map(re.escape, spec.need("quantities")), key=len, reverse=True))
    since = spec.regex("since", spec.need("since").replace("{anchor}", f"(?P<anchor>{anchor_words})"))
    amount = spec.regex(
        "amount",
        spec.need("amount").replace("{unit}", f"(?P<unit>{unit_words})")
        .replace("{quantity}", f"(?P<q>{quantity_words}|\\d{{1,2}}|[a-z]+)"),
    )
    exclude = spec.get("exclude")
    return DurationRule(
        variable,
        anchors,
        {str(k): float(v) for k, v in spec.need("units").items()},
        {str(k): float(v) for k, v in spec.need("quantities").items()},
        since,
        amount,
        spec.regex("since_year"),
        spec.regex("since_age"),
        spec.regex("until_age"),
        spec.regex("from_age"),
        spec.regex("exclude", exclude) if exclude else None,
        str(spec.get("age_variable", "victim_age")),
        spec.get("requires") or {},
        spec.regex("short") if spec.get("short") else None,
    )


_Builder = Callable[[_Spec, str, Codebook], Rule]

# The one place that lists the kinds of rule a rule file may `use`, with the keys each accepts.
RULE_KINDS: dict[str, tuple[_Builder, set[str]]] = {
    "lexicon": (_lexicon, {"values", "pick", "priority", "default", "default_score", "requires", "unless",
                           "answers", "fallback", "relabel", "suppress", "turns", "normalise", "boost"}),
    "age": (_age, {"self", "other", "answers"}),
    "minor": (_minor, {"age_variable", "past", "signals"}),
    "duration": (_duration, {"anchors", "units", "quantities", "since", "amount", "since_year",
                             "since_age", "until_age", "from_age", "exclude", "age_variable", "requires",
                             "short"}),
}


def load_rules(codebook: Codebook, rules_dir: Path | None = None) -> list[Rule]:
    """Read index.yaml (the coding order) and one rule file per variable; check them against the codebook."""
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    index_path = folder / "index.yaml"
    index = _read_yaml(index_path)
    order = index.get("order")
    if not isinstance(order, list):
        raise RuleFileError(f"{index_path}: key 'order' must list variables in coding order")
    rules: list[Rule] = []
    for name in order:
        if name not in codebook:
            raise RuleFileError(
                f"{index_path}: key 'order': {name!r} is not a variable of codebook version "
                f"{codebook.version} (known: {', '.join(codebook.names)})"
            )
        path = folder / f"{name}.yaml"
        raw = _read_yaml(path)
        kind = raw.get("use", "lexicon")
        if kind not in RULE_KINDS:
            raise RuleFileError(f"{path}: key 'use': {kind!r} not in [{', '.join(RULE_KINDS)}]")
        builder, allowed = RULE_KINDS[kind]
        rules.append(builder(_Spec(path, raw, allowed), name, codebook))
    return rules


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read rule file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RuleFileError(f"{path}{where}: not valid YAML") from None
    if not isinstance(raw, dict):
        raise RuleFileError(f"{path}: a rule file must be a mapping")
    return raw
