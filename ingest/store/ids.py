"""Deterministic row ids, so a rebuild gives every row the same id (and the
same Datasette URL) as before."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> int:
    """A positive 52-bit integer from a hash of *parts*.

    52 bits stay exact in JavaScript, so ids survive Datasette's JSON intact.
    """
    key = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int(hashlib.sha256(key).hexdigest()[:13], 16)


def fingerprint(sha256: str, given_json: str | None) -> str:
    """What is compared with the archive's record of a file: the sha256 of its
    bytes and, when the user gave values for it, those values — so changing a
    manifest row or an option re-ingests a file whose bytes are unchanged."""
    if not given_json:
        return sha256
    return f"{sha256}+{hashlib.sha256(given_json.encode()).hexdigest()}"
