"""E-mail addresses as RFC 6531 allows them: UTF-8 local parts and internationalised (IDNA)
domains; their ASCII forms for ``mailto:`` URIs, SMTP envelopes and headers; and the one form in
which two spellings of the same address compare equal.

``jürgen@bücher.example`` is valid; its mailto: URI is ``mailto:j%C3%BCrgen@xn--bcher-kva.example``
(RFC 6068: the local part percent-encoded UTF-8, the domain as A-labels), and sending it needs
a server that offers SMTPUTF8. ``bob@bücher.example`` needs no SMTPUTF8: its domain is written
as ``xn--bcher-kva.example``.

A reply may echo an address in any of these forms, and calendars store it in others:
:func:`address_key` maps ``mailto:J%C3%BCrgen@XN--BCHER-KVA.example``, ``jürgen@Bücher.example``
and ``Jürgen@bücher.example`` to one key (``jürgen@bücher.example``): the scheme dropped,
percent-escapes decoded, Unicode in NFC, domain labels as U-labels (IDNA 2008 with UTS 46
mapping, so ``ß`` stays ``ß``), everything in lower case. For an ASCII address the key is the
address in lower case, as planner has always stored it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from planner.config import Config

_ATEXT = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_MAILTO_SAFE = "!#$&'*+/=^_`{|}~-."


def split(address: str) -> tuple[str, str] | None:
    """``(local, domain)`` of a valid address, else None."""
    local, at, domain = address.rpartition("@")
    if not at or not _local_ok(local):
        return None
    ascii_domain = ascii_domain_of(domain)
    return (local, domain) if ascii_domain is not None else None


def is_email(address: str) -> bool:
    """A ``local@domain.tld`` address, ASCII or internationalised (RFC 6531, IDNA)."""
    return split(address) is not None


def needs_smtputf8(address: str) -> bool:
    """True when the local part is not ASCII (the domain can always be written as A-labels)."""
    return not address.rpartition("@")[0].isascii()


@lru_cache(maxsize=4096)
def ascii_domain_of(domain: str) -> str | None:
    """``bücher.example`` → ``xn--bcher-kva.example``; None when it is not a host name."""
    if not domain or domain.endswith(".") or "." not in domain:
        return None
    if domain.isascii() and "xn--" not in domain.lower():
        encoded = domain
    else:
        encoded = _idna(domain, to_ascii=True) or ""
    labels = encoded.split(".")
    if not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return None
    return encoded.lower() if not domain.isascii() else encoded


@lru_cache(maxsize=4096)
def unicode_domain_of(domain: str) -> str:
    """``XN--BCHER-KVA.example`` → ``bücher.example``: U-labels in lower case (the domain in
    lower case as given when it is no valid IDNA name)."""
    lowered = unicodedata.normalize("NFC", domain.strip().rstrip(".")).lower()
    if lowered.isascii() and "xn--" not in lowered:
        return lowered
    return _idna(lowered, to_ascii=False) or lowered


def _idna(domain: str, *, to_ascii: bool) -> str | None:
    import idna

    try:
        if to_ascii:
            return idna.encode(domain, uts46=True).decode("ascii")
        return idna.decode(domain, uts46=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def wire(address: str) -> str:
    """The address for an SMTP envelope or header: the domain in A-labels, the local part as is
    (UTF-8, which needs SMTPUTF8, when it is not ASCII)."""
    parts = split(address)
    if parts is None:
        return address
    return f"{parts[0]}@{ascii_domain_of(parts[1])}"


def mailto(address: str) -> str:
    """The ``mailto:`` URI of ``address`` (RFC 6068)."""
    parts = split(address)
    if parts is None:
        return f"mailto:{address}"
    return f"mailto:{quote(parts[0], safe=_MAILTO_SAFE)}@{ascii_domain_of(parts[1])}"


def bare(text: str) -> str:
    """The address in ``text`` as a person writes it: without ``mailto:`` and angle brackets,
    percent-escapes decoded, Unicode in NFC, the domain in U-labels (its case kept when it is
    ASCII)."""
    raw = text.strip()
    if raw[:7].lower() == "mailto:":
        raw = raw[7:]
    raw = raw.split("?", 1)[0].strip().strip("<>").strip()  # mailto:a@b?subject=…
    if "%" in raw:
        try:
            raw = unquote(raw, errors="strict")
        except UnicodeDecodeError:
            pass
    raw = unicodedata.normalize("NFC", raw)
    local, at, domain = raw.rpartition("@")
    if not at:
        return raw
    if not domain.isascii() or "xn--" in domain.lower():
        domain = unicode_domain_of(domain)
    return f"{local}@{domain}"


@lru_cache(maxsize=16384)
def address_key(text: str) -> str:
    """The form in which every spelling of one address compares equal (see the module doc);
    ``""`` for an empty text."""
    found = bare(text)
    local, at, domain = found.rpartition("@")
    if not at:
        return found.lower()
    return f"{local.lower()}@{unicode_domain_of(domain)}"


def user_keys(config: Config) -> frozenset[str]:
    """The user's addresses (``[user] email`` and ``other_emails``) in key form."""
    return frozenset(address_key(a) for a in config.addresses) - {""}


def same_address(a: str, b: str) -> bool:
    return bool(a) and address_key(a) == address_key(b)


def domain_of(email: str) -> str:
    """The domain of ``email`` in lower case U-labels, ``""`` when it has no ``@``."""
    key = address_key(email)
    return key.rpartition("@")[2] if "@" in key else ""


def _local_ok(local: str) -> bool:
    if not local or len(local.encode("utf-8")) > 64 or local.startswith(".") or ".." in local:
        return False
    if local.endswith("."):
        return False
    for atom in local.split("."):
        if _ATEXT.match(atom):
            continue
        if atom.isascii():
            return False
        for char in atom:
            if not char.isascii() and unicodedata.category(char)[0] in "CZ":
                return False  # controls, separators, unassigned
            if char.isascii() and not _ATEXT.match(char):
                return False
    return True
