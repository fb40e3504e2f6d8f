"""The codebook: variables, allowed values and validation of codes."""

from inbeeld.codebook.model import (
    Codebook,
    Variable,
    default_codebook_path,
    load_codebook,
)

__all__ = ["Codebook", "Variable", "default_codebook_path", "load_codebook"]
