"""De-identification of Dutch chat text: recognisers, consistent pseudonyms, evaluation."""

from inbeeld.deid.deidentify import DEID_VERSION, deidentify, load_pipeline, redact
from inbeeld.deid.errors import DeidInputError
from inbeeld.deid.model import DeidOutcome, Finding
from inbeeld.deid.pipeline import Pipeline, build_pipeline, load_config
from inbeeld.deid.pseudonyms import PseudonymMap
from inbeeld.deid.registry import RECOGNISERS, STAGES
from inbeeld.deid.stream import deidentify_stream

__all__ = [
    "DEID_VERSION",
    "RECOGNISERS",
    "STAGES",
    "DeidInputError",
    "DeidOutcome",
    "Finding",
    "Pipeline",
    "PseudonymMap",
    "build_pipeline",
    "deidentify",
    "deidentify_stream",
    "load_config",
    "load_pipeline",
    "redact",
]
