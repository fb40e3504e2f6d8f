"""Build the de-identification pipeline from its config: the only place names become objects."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from inbeeld.deid.model import Finding
from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.registry import RECOGNISERS, STAGES
from inbeeld.deid.stages import Stage
from inbeeld.errors import ConfigError

_SECTIONS = {"recognisers": RECOGNISERS, "stages": STAGES}

# Control characters and zero-width characters hide identifiers from patterns ("06\u200b1234...");
# recognisers see them as spaces, which keeps every offset that of the original text.
_INVISIBLE = {c: " " for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                               0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)}
# Typographic dashes ("06‑2839‑1174", a phone's autocorrect) are plain hyphens to patterns.
_INVISIBLE.update({c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212)})


def visible(text: str) -> str:
    """The text as recognisers see it: same length, invisible characters as spaces."""
    return text.translate(_INVISIBLE)


@dataclass(frozen=True)
class Pipeline:
    recognisers: tuple[Recogniser, ...]
    stages: tuple[Stage, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.recognisers) + tuple(s.name for s in self.stages)

    def find(self, texts: Sequence[str]) -> list[list[Finding]]:
        """The identifiers of one conversation's messages, offsets into each text."""
        seen = [visible(t) for t in texts]
        found: list[list[Finding]] = [[] for _ in seen]
        for recogniser in self.recognisers:
            for index, extra in enumerate(recogniser.find_all(seen)):
                found[index].extend(extra)
        for stage in self.stages:
            found = stage.apply(seen, found)
        return found


def default_config_path() -> Path:
    return Path(str(resources.files("inbeeld.deid").joinpath("default.yaml")))


def load_config(path: Path | None = None) -> dict[str, Any]:
    """The default config, with the sections of a deployment file replacing the default ones."""
    config = _read_yaml(default_config_path())
    if path is not None:
        overlay = _read_yaml(Path(path))
        for key in overlay:
            if key not in _SECTIONS:
                raise ConfigError(f"{path}: unknown key {key!r}; valid: {', '.join(_SECTIONS)}")
        config.update(overlay)
        config["_path"] = str(path)
    return config


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with keys {', '.join(_SECTIONS)}")
    return data


def build_pipeline(config: dict[str, Any], disabled: frozenset[str] = frozenset()) -> Pipeline:
    """Turn the config's registered names into recognisers and stages; skip the disabled ones."""
    where = config.get("_path", "default.yaml")
    known = set(RECOGNISERS) | set(STAGES)
    unknown = set(disabled) - known
    if unknown:
        raise ConfigError(
            f"cannot disable {', '.join(sorted(unknown))}: valid names: {', '.join(sorted(known))}"
        )
    built: dict[str, list[Any]] = {}
    for section, registry in _SECTIONS.items():
        entries = config.get(section, [])
        if not isinstance(entries, list):
            raise ConfigError(f"{where}: key {section!r}: expected a list of {{use: name, ...}}")
        built[section] = []
        for i, entry in enumerate(entries):
            field = f"{section}[{i}]"
            if not isinstance(entry, dict) or "use" not in entry:
                raise ConfigError(f"{where}: key {field!r}: expected a mapping with 'use'")
            name = entry["use"]
            if name not in registry:
                raise ConfigError(
                    f"{where}: key '{field}.use': unknown name {name!r}; valid: {', '.join(sorted(registry))}"
                )
            if name in disabled:
                continue
            cls = registry[name]
            options = {k: v for k, v in entry.items() if k != "use"}
            allowed = set(inspect.signature(cls.__init__).parameters) - {"self"}
            bad = set(options) - allowed
            if bad:
                takes = ", ".join(sorted(allowed)) or "no options"
                raise ConfigError(f"{where}: key '{field}.{sorted(bad)[0]}': {name!r} takes {takes}")
            built[section].append(cls(**options))
    return Pipeline(recognisers=tuple(built["recognisers"]), stages=tuple(built["stages"]))
