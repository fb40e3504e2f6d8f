"""Synthetic helpline conversations with true codes and marked identifiers (demo, tests, benchmarks)."""

from inbeeld.synth.generate import generate, generate_range
from inbeeld.synth.output import corpus_blocks, header_block

__all__ = ["corpus_blocks", "generate", "generate_range", "header_block"]
