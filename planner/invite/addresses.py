"""E-mail addresses as RFC 6531 allows them: UTF-8 local parts and internationalised (IDNA)
domains, and their ASCII forms for ``mailto:`` URIs, SMTP envelopes and headers.

``jürgen@bücher.example`` is valid; its mailto: URI is ``mailto:j%C3%BCrgen@xn--bcher-kva.example``
(RFC 6068: the local part percent-encoded UTF-8, the domain as A-labels), and sending it needs
a server that offers SMTPUTF8. ``bob@bücher.example`` needs no SMTPUTF8: its domain is written
as ``xn--bcher-kva.example``.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

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


def ascii_domain_of(domain: str) -> str | None:
    """``bücher.example`` → ``xn--bcher-kva.example``; None when it is not a host name."""
    if not domain or domain.endswith(".") or "." not in domain:
        return None
    try:
        encoded = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = encoded.split(".")
    if not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return None
    return encoded.lower() if not domain.isascii() else encoded


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
