"""Display names as calendars, mail headers and people write them.

- :func:`clean_name`: a name as a calendar hands it over (CN, Graph ``emailAddress.name``,
  Google ``displayName``), or ``""`` when it is no name: an address (Graph and Google fill in
  the address where nobody typed a name), the address's local part, quotes around it;
- :func:`parse_mailbox`: ``Name <address>`` as typed after ``--to`` (RFC 5322 mailbox, the
  name quoted or not, a quote inside a quoted name escaped with a backslash);
- :func:`format_mailbox`: the same the other way round, quoting where RFC 5322 needs it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_MAILBOX = re.compile(r"^(?P<name>.*?)\s*<(?P<address>[^<>]*)>\s*$", re.DOTALL)
_QUOTES = "\"'“”„‚‘’«»‹›"
_SPECIALS = set('()<>[]:;@\\,."')


def one_line(text: str) -> str:
    """``text`` on one line, without control characters, spaces collapsed."""
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=16384)
def clean_name(name: str, address: str = "") -> str:
    """The display name in ``name``, ``""`` when it says no more than ``address``."""
    text = one_line(name)
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    if not text or "@" in text and " " not in text:
        return ""  # an address, written where a name belongs
    if address:
        from planner.people.addresses import address_key

        key = address_key(address)
        if text.casefold() in (key.casefold(), key.partition("@")[0].casefold()):
            return ""
        if address_key(text.strip("<>")) == key:
            return ""
    if not any(c.isalpha() for c in text):
        return ""
    return text


def parse_mailbox(text: str) -> tuple[str, str]:
    """``(name, address)`` of ``Name <address>``, ``"Name" <address>`` or a bare address
    (then the name is ``""``). The address is returned as written, without angle brackets."""
    text = text.strip()
    match = _MAILBOX.match(text)
    if match is None:
        return "", text
    return _unquote(match.group("name").strip()), match.group("address").strip()


def _unquote(name: str) -> str:
    if len(name) >= 2 and name[0] == name[-1] == '"':
        inner = name[1:-1]
        return one_line(re.sub(r"\\(.)", r"\1", inner))
    return one_line(name)


def format_mailbox(name: str, address: str) -> str:
    """``Name <address>``, the name quoted (RFC 5322 quoted-string) where it holds specials;
    the bare address when there is no name."""
    name = one_line(name)
    if not name:
        return address
    if any(c in _SPECIALS for c in name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>"


def fold(text: str) -> str:
    """Lower case without accents: "München" → "munchen" (names and towns compared)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
