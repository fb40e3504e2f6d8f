"""Synthetic helpline conversations with true codes and marked identifiers (demo, tests, benchmarks)."""

from inbeeld.synth.generate import generate, generate_parallel, generate_range

__all__ = ["generate", "generate_parallel", "generate_range"]
