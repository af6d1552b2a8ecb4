"""Each installation's Ed25519 key, and signing a package's manifest with it.

The key lives in the program's config folder (``ZESHI_KEY_DIR`` overrides it,
for tests and for several "laptops" on one machine). The manifest carries the
content hash, so signing the manifest's canonical form signs the content; the
public key travels in the manifest and the receiver remembers its fingerprint
with the name it first came with.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import json
import os
import platform
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from zeshi_desktop.locations import config_dir

KEY_FILE = "package-signing-key.pem"
NAME_FILE = "installation.json"


def key_dir() -> Path:
    if env := os.environ.get("ZESHI_KEY_DIR"):
        return Path(env)
    return config_dir()


@dataclass(frozen=True)
class Installation:
    """This program's identity for hand-overs: its name and its key."""

    name: str
    key: Ed25519PrivateKey

    @property
    def public_key(self) -> str:
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.key.sign(message)).decode("ascii")


def fingerprint(public_key_b64: str) -> str:
    """SHA-256 of the raw public key, 16 bytes, grouped in fours for reading aloud on the phone."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:32]
    return ":".join(digest[i:i + 4] for i in range(0, 32, 4))


def installation(name: str | None = None) -> Installation:
    """This installation's key (made the first time) and name (``name`` renames it)."""
    folder = key_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key_path = folder / KEY_FILE
    if key_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{key_path}: not an Ed25519 key")
    else:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    name_path = folder / NAME_FILE
    stored = json.loads(name_path.read_text("utf-8")).get("name", "") if name_path.exists() else ""
    if name and name != stored:
        name_path.write_text(json.dumps({"name": name}, ensure_ascii=False), "utf-8")
        stored = name
    if not stored:
        stored = f"{getpass.getuser()}@{platform.node() or 'localhost'}"
    return Installation(stored, key)


def own_fingerprint() -> str:
    """This installation's key fingerprint, or "" while it has none: nothing is made, a preview only looks.

    A receiver recognises a file it made itself (a fill-in template coming
    back filled) instead of greeting its own key as a stranger's.
    """
    try:
        key = serialization.load_pem_private_key((key_dir() / KEY_FILE).read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return ""
    if not isinstance(key, Ed25519PrivateKey):
        return ""
    return Installation("", key).fingerprint


def verify(public_key_b64: str, signature_b64: str, message: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        key.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True
