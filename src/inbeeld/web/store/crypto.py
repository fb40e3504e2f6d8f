"""Encryption of raw conversations kept with --keep-raw (Fernet, key from the environment)."""

from __future__ import annotations

import os

from cryptography.fernet import Fernet, InvalidToken

from inbeeld.errors import ConfigError

RAW_KEY_VARIABLE = "INBEELD_RAW_KEY"


def raw_cipher() -> Fernet:
    """The cipher for raw text; refuses to work without a valid key in the environment."""
    key = os.environ.get(RAW_KEY_VARIABLE, "").strip()
    if not key:
        raise ConfigError(
            f"--keep-raw needs a key in {RAW_KEY_VARIABLE}; make one with: "
            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
        )
    try:
        return Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise ConfigError(
            f"{RAW_KEY_VARIABLE} is not a Fernet key (32 url-safe base64-encoded bytes)"
        ) from None


def decrypt_raw(token: bytes) -> bytes:
    try:
        return raw_cipher().decrypt(bytes(token))
    except InvalidToken:
        raise ConfigError(f"the raw text cannot be decrypted with this {RAW_KEY_VARIABLE}") from None
