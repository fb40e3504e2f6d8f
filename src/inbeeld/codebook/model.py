"""Load the codebook (YAML) and validate codes against it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from inbeeld.errors import CodebookError

UNKNOWN = "unknown"
_VARIABLE_KEYS = {"label_nl", "label_en", "question", "rule", "values", "multi", "open", "type"}


@dataclass(frozen=True, slots=True)
class Variable:
    """One codebook variable: single-valued, multi-valued (a list) or an integer."""

    name: str
    label_nl: str
    values: tuple[str, ...] = ()
    multi: bool = False
    open: bool = False  # an open multi-valued variable accepts values outside `values`
    type: str = "category"  # "category" or "integer"
    question: str = ""
    rule: str = ""
    label_en: str = ""

    def __post_init__(self) -> None:
        if self.type not in ("category", "integer"):
            raise ValueError(f"variable {self.name}: type must be category or integer")

    @property
    def is_integer(self) -> bool:
        return self.type == "integer"

    def check(self, value: Any, *, where: str = "") -> Any:
        """Return the value normalised for this variable, or raise CodebookError naming it."""
        prefix = f"{where}: " if where else ""
        if self.multi:
            if not isinstance(value, list | tuple):
                raise CodebookError(
                    f"{prefix}variable '{self.name}': expected a list, got {type(value).__name__}"
                )
            out: list[str] = []
            for item in value:
                if not isinstance(item, str) or not item:
                    raise CodebookError(
                        f"{prefix}variable '{self.name}': list items must be non-empty strings, "
                        f"got {item!r}"
                    )
                if not self.open and item not in self.values:
                    raise CodebookError(
                        f"{prefix}variable '{self.name}': {item!r} not in [{', '.join(self.values)}]"
                    )
                if item not in out:
                    out.append(item)
            return out
        if value == UNKNOWN:
            return value
        if self.is_integer:
            # bool is an int subclass; True is not an age
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 99:
                raise CodebookError(
                    f"{prefix}variable '{self.name}': {value!r} is not an integer 0-99"
                )
            return value
        if not isinstance(value, str) or value not in self.values:
            raise CodebookError(
                f"{prefix}variable '{self.name}': {value!r} not in [{', '.join(self.values)}]"
            )
        return value

    def empty(self) -> Any:
        """The value a variable has when a conversation does not settle it."""
        return [] if self.multi else UNKNOWN


@dataclass(frozen=True, slots=True)
class Codebook:
    """The variables and values that codes must follow, with the codebook's version."""

    version: str
    unit: str
    variables: tuple[Variable, ...]
    source: str = "default"

    def __post_init__(self) -> None:
        names = [v.name for v in self.variables]
        if len(set(names)) != len(names):
            raise ValueError("codebook variable names must be unique")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables)

    def __getitem__(self, name: str) -> Variable:
        for variable in self.variables:
            if variable.name == name:
                return variable
        raise CodebookError(
            f"{self.source}: unknown variable {name!r}; known: {', '.join(self.names)}"
        )

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def validate(self, codes: Mapping[str, Any], *, where: str = "") -> dict[str, Any]:
        """Check every code; return all variables, the missing ones filled as unknown / []."""
        prefix = f"{where}: " if where else ""
        if not isinstance(codes, Mapping):
            raise CodebookError(f"{prefix}codes must be an object, got {type(codes).__name__}")
        for name in codes:
            if name not in self:
                raise CodebookError(
                    f"{prefix}unknown variable {name!r} (codebook {self.source}, version "
                    f"{self.version}); known: {', '.join(self.names)}"
                )
        out: dict[str, Any] = {}
        for variable in self.variables:
            if variable.name in codes and codes[variable.name] is not None:
                out[variable.name] = variable.check(codes[variable.name], where=where)
            else:
                out[variable.name] = variable.empty()
        return out

    def compact(self, codes: Mapping[str, Any]) -> dict[str, Any]:
        """Drop single-valued unknowns, as the gold format leaves them out."""
        return {k: v for k, v in codes.items() if v != UNKNOWN}


def default_codebook_path() -> Path:
    return Path(str(resources.files("inbeeld.codebook").joinpath("default.yaml")))


def load_codebook(path: Path | str | None = None) -> Codebook:
    """Load and check a codebook file; without a path, the codebook shipped with inbeeld."""
    if path is None:
        return _load_default()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> Codebook:
    return _load(default_codebook_path(), source="default")


def _load(path: Path, source: str | None = None) -> Codebook:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read codebook: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise CodebookError(f"{path}{line}: not valid YAML") from exc
    if not isinstance(raw, dict):
        raise CodebookError(f"{path}: the codebook must be a mapping with 'version' and 'variables'")
    if "version" not in raw:
        raise CodebookError(f"{path}: key 'version' is missing")
    variables_raw = raw.get("variables")
    if not isinstance(variables_raw, dict) or not variables_raw:
        raise CodebookError(f"{path}: key 'variables' must map variable names to definitions")
    variables = []
    for name, spec in variables_raw.items():
        variables.append(_variable(path, str(name), spec))
    return Codebook(
        version=str(raw["version"]),
        unit=str(raw.get("unit", "conversation")),
        variables=tuple(variables),
        source=source or str(path),
    )


def _variable(path: Path, name: str, spec: Any) -> Variable:
    where = f"{path}: variable '{name}'"
    if not isinstance(spec, dict):
        raise CodebookError(f"{where}: definition must be a mapping")
    unknown = set(spec) - _VARIABLE_KEYS
    if unknown:
        raise CodebookError(
            f"{where}: unknown key(s) {sorted(unknown)}; valid: {sorted(_VARIABLE_KEYS)}"
        )
    kind = str(spec.get("type", "category"))
    if kind not in ("category", "integer"):
        raise CodebookError(f"{where}: key 'type': {kind!r} not in [category, integer]")
    values = spec.get("values", [])
    multi = bool(spec.get("multi", False))
    is_open = bool(spec.get("open", False))
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise CodebookError(f"{where}: key 'values' must be a list of strings (quote yes/no)")
    if kind == "category" and not values and not is_open:
        raise CodebookError(f"{where}: a closed variable needs 'values'")
    if UNKNOWN in values:
        raise CodebookError(f"{where}: 'unknown' is implied and may not be listed as a value")
    return Variable(
        name=name,
        label_nl=str(spec.get("label_nl", name)),
        label_en=str(spec.get("label_en", "")),
        values=tuple(values),
        multi=multi,
        open=is_open,
        type=kind,
        question=str(spec.get("question", "")).strip(),
        rule=str(spec.get("rule", "")).strip(),
    )
