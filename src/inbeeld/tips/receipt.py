"""Receipt codes: 16 random digits shown once to the reporter; only a keyed hash is stored.

Why a keyed hash (HMAC-SHA256 with the secret pepper) and not a slow one such as scrypt: the
pepper is not in the database, so a copy of the database alone allows no offline guessing at
any hash speed; whoever also has the pepper has the master key it comes from (or sits next to),
and with that reads every tip directly, so a slow hash would protect nothing more. Online
guessing is limited by the web app (slowed, then locked). A slow hash did cost ~30 ms of CPU on
every tip sent, which capped the public form at ~33 tips a second on two cores.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_DIGITS = 16


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
    """Hex HMAC-SHA256 of the code's digits keyed with the pepper: the same code gives the same
    hash, so a returning reporter's tip is found by lookup without storing the code."""
    digits = normalise_code(code)
    if digits is None:
        raise ValueError("not a receipt code")
    if not pepper:
        raise ValueError("the receipt pepper is empty")
    return hmac.new(pepper, digits.encode("ascii"), hashlib.sha256).hexdigest()
