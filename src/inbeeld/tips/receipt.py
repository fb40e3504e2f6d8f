"""Receipt codes: 16 random digits shown once to the reporter; only a slow keyed hash is stored."""

from __future__ import annotations

import hashlib
import secrets

CODE_DIGITS = 16
# scrypt cost: ~50 ms per guess on a laptop; with the pepper a stolen database alone allows
# no offline guessing at all, and online guessing is rate-limited by the web app.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


def new_receipt_code() -> str:
    """16 digits from the operating system's random source, grouped by four for reading."""
    digits = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    return " ".join(digits[i : i + 4] for i in range(0, CODE_DIGITS, 4))


def normalise_code(text: str) -> str | None:
    """The 16 digits of what the reporter typed (spaces and dashes ignored), or None."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    stray = [ch for ch in text if not (ch.isdigit() or ch in " -\t")]
    return digits if len(digits) == CODE_DIGITS and not stray else None


def receipt_hash(code: str, pepper: bytes) -> str:
    """Hex scrypt of the code's digits with the pepper as salt: the same code gives the same
    hash, so a returning reporter's tip is found by lookup without storing the code."""
    digits = normalise_code(code)
    if digits is None:
        raise ValueError("not a receipt code")
    return hashlib.scrypt(digits.encode("ascii"), salt=pepper, **_SCRYPT).hex()
