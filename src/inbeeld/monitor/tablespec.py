"""The monitor's table specification (tables.yaml): published cross-tables, groups, labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from inbeeld.codebook import Codebook, Variable
from inbeeld.errors import ConfigError

UNKNOWN = "unknown"
YEAR = "year"
ANY = "*"


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on one variable: known / one of `values` / integer in [minimum, maximum]."""

    variable: str
    values: tuple[str, ...] = ()  # empty with no bounds: known (or at least one value if multi)
    minimum: int | None = None
    maximum: int | None = None

    def matches(self, codes: Mapping[str, Any]) -> bool:
        value = codes.get(self.variable)
        if value is None or value == UNKNOWN or value == []:
            return False
        if self.minimum is not None or self.maximum is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                return False
            low = self.minimum if self.minimum is not None else value
            high = self.maximum if self.maximum is not None else value
            return low <= value <= high
        if not self.values:
            return True
        if isinstance(value, list | tuple):
            return any(item in self.values for item in value)
        return value in self.values


@dataclass(frozen=True, slots=True)
class Group:
    """A range of an integer variable shown as one category."""

    key: str
    label_nl: str
    label_en: str
    minimum: int | None
    maximum: int | None

    def contains(self, value: int) -> bool:
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str
    title_nl: str
    title_en: str
    rows: str
    columns: str  # YEAR or a variable name
    where: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class ComparisonGroup:
    label_nl: str
    label_en: str
    where: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class MonitorSpec:
    tables: tuple[TableSpec, ...]
    groups: dict[str, tuple[Group, ...]]
    max_open_values: int
    comparison_default: ComparisonGroup
    comparison_groups: dict[str, ComparisonGroup]
    labels: dict[str, Any]
    source: str

    def value_label(self, value: str, lang: str) -> str:
        entry = self.labels.get("values", {}).get(value, {})
        return str(entry.get(lang) or value.replace("_", " "))

    def special_label(self, key: str, lang: str) -> str:
        return str(self.labels.get(key, {}).get(lang, key))

    def variable_label(self, variable: Variable, lang: str) -> str:
        entry = self.labels.get("variables", {}).get(variable.name, {})
        if lang == "en":
            return str(entry.get("en") or variable.label_en or variable.name.replace("_", " "))
        return str(entry.get("nl") or variable.label_nl)

    def groups_for(self, variable: Variable) -> tuple[Group, ...]:
        """The groups an integer variable is shown in (ten-year groups unless declared)."""
        if variable.name in self.groups:
            return self.groups[variable.name]
        return tuple(
            Group(f"{low}-{low + 9}", f"{low}–{low + 9}", f"{low}–{low + 9}", low, low + 9)
            for low in range(0, 100, 10)
        )

    def comparison_for(self, group: str) -> ComparisonGroup:
        return self.comparison_groups.get(group, self.comparison_default)


def default_spec_path() -> Path:
    return Path(str(resources.files("inbeeld.monitor").joinpath("tables.yaml")))


def load_spec(codebook: Codebook, path: Path | str | None = None) -> MonitorSpec:
    """Read and check a table specification against the codebook; errors name file and key."""
    if path is None:
        return _default_spec(codebook)
    return _load_spec(codebook, Path(path))


@lru_cache(maxsize=4)
def _default_spec(codebook: Codebook) -> MonitorSpec:
    return _load_spec(codebook, default_spec_path())  # read once: the web app asks often


def _load_spec(codebook: Codebook, path: Path) -> MonitorSpec:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read table specification: {exc.strerror}") from None
    except yaml.YAMLError:
        raise ConfigError(f"{path}: not valid YAML") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping with 'tables'")
    checker = _Checker(path, codebook)
    tables = tuple(checker.table(i, t) for i, t in enumerate(raw.get("tables") or []))
    keys = [t.key for t in tables]
    if len(set(keys)) != len(keys):
        raise ConfigError(f"{path}: key 'tables': table keys must be unique")
    groups = {name: checker.groups(name, spec) for name, spec in (raw.get("groups") or {}).items()}
    comparison = raw.get("comparison") or {}
    default = checker.comparison("comparison.default", comparison.get("default") or {})
    comparison_groups = {
        str(name): checker.comparison(f"comparison.groups.{name}", spec)
        for name, spec in (comparison.get("groups") or {}).items()
    }
    max_open = raw.get("max_open_values", 12)
    if not isinstance(max_open, int) or max_open < 1:
        raise ConfigError(f"{path}: key 'max_open_values': expected a positive integer")
    return MonitorSpec(
        tables=tables,
        groups=groups,
        max_open_values=max_open,
        comparison_default=default,
        comparison_groups=comparison_groups,
        labels=dict(raw.get("labels") or {}),
        source=str(path),
    )


class _Checker:
    def __init__(self, path: Path, codebook: Codebook) -> None:
        self.path = path
        self.codebook = codebook

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: key '{key}': {problem}")

    def variable(self, key: str, name: Any) -> str:
        if not isinstance(name, str) or name not in self.codebook:
            known = ", ".join(self.codebook.names)
            raise self.fail(key, f"{name!r} is not a codebook variable; known: {known}")
        return name

    def table(self, index: int, raw: Any) -> TableSpec:
        key = f"tables[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(key, "expected a mapping")
        for field in ("key", "title_nl", "rows", "columns"):
            if field not in raw:
                raise self.fail(f"{key}.{field}", "missing")
        columns = raw["columns"]
        if columns != YEAR:
            self.variable(f"{key}.columns", columns)
        return TableSpec(
            key=str(raw["key"]),
            title_nl=str(raw["title_nl"]),
            title_en=str(raw.get("title_en") or raw["title_nl"]),
            rows=self.variable(f"{key}.rows", raw["rows"]),
            columns=str(columns),
            where=self.conditions(f"{key}.where", raw.get("where") or {}),
        )

    def conditions(self, key: str, raw: Any) -> tuple[Condition, ...]:
        if not isinstance(raw, dict):
            raise self.fail(key, "expected a mapping {variable: condition}")
        out = []
        for name, test in raw.items():
            where = f"{key}.{name}"
            variable = self.codebook[self.variable(where, name)]
            if test == ANY:
                out.append(Condition(name))
            elif isinstance(test, dict):
                if not variable.is_integer or set(test) - {"min", "max"} or not test:
                    raise self.fail(where, "a {min, max} range needs an integer variable")
                out.append(Condition(name, minimum=test.get("min"), maximum=test.get("max")))
            else:
                values = tuple(test) if isinstance(test, list) else (test,)
                for value in values:
                    if not isinstance(value, str) or (not variable.open and value not in variable.values):
                        raise self.fail(
                            where, f"{value!r} not in [{', '.join(variable.values)}] (or '*' for known)"
                        )
                out.append(Condition(name, values=values))
        return tuple(out)

    def groups(self, name: str, raw: Any) -> tuple[Group, ...]:
        key = f"groups.{name}"
        if not self.codebook[self.variable(key, name)].is_integer:
            raise self.fail(key, "groups are for integer variables")
        if not isinstance(raw, list) or not raw:
            raise self.fail(key, "expected a list of {label_nl, min, max}")
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict) or "label_nl" not in item:
                raise self.fail(f"{key}[{i}]", "expected {label_nl, min, max}")
            label = str(item["label_nl"])
            label_en = str(item.get("label_en", label))
            out.append(Group(label, label, label_en, item.get("min"), item.get("max")))
        return tuple(out)

    def comparison(self, key: str, raw: Any) -> ComparisonGroup:
        if not isinstance(raw, dict) or "label_nl" not in raw:
            raise self.fail(key, "expected {label_nl, label_en, where}")
        return ComparisonGroup(
            label_nl=str(raw["label_nl"]),
            label_en=str(raw.get("label_en") or raw["label_nl"]),
            where=self.conditions(f"{key}.where", raw.get("where") or {}),
        )
