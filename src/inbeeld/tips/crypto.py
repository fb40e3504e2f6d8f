"""Keys of the tips: a master key from the environment wraps one data key per tip.

Envelope encryption (Fernet, from `cryptography`): each tip's text and messages are encrypted
with the tip's own data key; the database holds that key only wrapped by the master key, which
lives outside the database (environment variable or key file). Destroying a tip = deleting its
wrapped key: the ciphertext left behind cannot be read, not even with the master key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inbeeld.errors import ConfigError
from inbeeld.tips.status import TipsError

MASTER_KEY_VARIABLE = "INBEELD_TIPS_MASTER_KEY"
MASTER_KEY_FILE_VARIABLE = "INBEELD_TIPS_MASTER_KEY_FILE"
PEPPER_VARIABLE = "INBEELD_TIPS_PEPPER"
LINK_KEY_VARIABLE = "INBEELD_TIPS_LINK_KEY"
DESTROYED = b""  # what a destroyed tip's wrapped key becomes


def _derive(master: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(master)


@dataclass(frozen=True)
class TipKeys:
    """The master cipher, the receipt pepper and the identifier link key."""

    master: Fernet
    pepper: bytes
    link_key: bytes

    def new_wrapped_key(self) -> bytes:
        """A fresh data key for one tip, already wrapped by the master key."""
        return self.master.encrypt(Fernet.generate_key())

    def cipher(self, wrapped: bytes | memoryview | None) -> Fernet:
        """The tip's own cipher; TipsError when its key was destroyed or does not fit."""
        wrapped = bytes(wrapped or b"")
        if destroyed(wrapped):
            raise TipsError("this tip was destroyed: its key no longer exists")
        try:
            return Fernet(self.master.decrypt(wrapped))
        except InvalidToken:
            raise TipsError(f"the tip key cannot be unwrapped with this {MASTER_KEY_VARIABLE}") from None

    def encrypt(self, wrapped: bytes | memoryview | None, text: str) -> bytes:
        return self.cipher(wrapped).encrypt(text.encode("utf-8"))

    def decrypt(self, wrapped: bytes | memoryview | None, token: bytes | memoryview) -> str:
        try:
            return self.cipher(wrapped).decrypt(bytes(token)).decode("utf-8")
        except InvalidToken:
            raise TipsError("a tip message does not fit its tip's key") from None

    def link_hash(self, kind: str, value: str) -> str:
        """HMAC-SHA256 of a normalised identifier: equal identifiers link, none can be read back."""
        return hmac.new(self.link_key, f"{kind}\x1f{value}".encode(), hashlib.sha256).hexdigest()


def destroyed(wrapped: bytes | memoryview | None) -> bool:
    return not bytes(wrapped or b"")


def _master_key(environ: dict[str, str]) -> bytes:
    key = environ.get(MASTER_KEY_VARIABLE, "").strip()
    path = environ.get(MASTER_KEY_FILE_VARIABLE, "").strip()
    if not key and path:
        try:
            key = Path(path).read_text(encoding="ascii").strip()
        except OSError as exc:
            raise ConfigError(f"{MASTER_KEY_FILE_VARIABLE}: cannot read {path}: {exc.strerror}") from None
    if not key:
        raise ConfigError(
            f"tips need a master key in {MASTER_KEY_VARIABLE} or a key file named by "
            f"{MASTER_KEY_FILE_VARIABLE}; make one with: python -c 'from cryptography.fernet "
            "import Fernet; print(Fernet.generate_key().decode())'"
        )
    try:
        Fernet(key.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise ConfigError(f"{MASTER_KEY_VARIABLE} is not a Fernet key (32 url-safe base64 bytes)") from None
    return key.encode("ascii")


def load_keys(environ: dict[str, str] | None = None) -> TipKeys:
    """The keys from the environment. Pepper and link key default to keys derived from the
    master key (HKDF with their own labels); a deployment may set them apart."""
    env = dict(os.environ if environ is None else environ)
    master = _master_key(env)
    pepper = env.get(PEPPER_VARIABLE, "").encode() or _derive(master, b"inbeeld tips receipt pepper")
    link = env.get(LINK_KEY_VARIABLE, "").encode() or _derive(master, b"inbeeld tips link key")
    return TipKeys(master=Fernet(master), pepper=pepper, link_key=link)
