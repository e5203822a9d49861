"""Neutralising control characters that come from calendar text (titles, places, names).

An event title can carry ``ESC ] 0 ; … BEL`` (set the terminal title), cursor movements or
bidi overrides. Printed as is, they act on the user's terminal; in Markdown they survive into
whatever shows the file. Here each such character becomes visible instead: C0 controls as their
Unicode control pictures (ESC → ␛, BEL → ␇), DEL as ␡, C1 controls and bidi overrides as
``U+XXXX``. Newlines and tabs stay. In coloured terminal output, the SGR colour sequences that
rich itself writes (``ESC [ … m``) are kept.
"""

from __future__ import annotations

import io
import re

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"U+{code:04X}"


def _unsafe(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 and char not in "\n\t") or 0x7F <= code <= 0x9F or char in _BIDI


def neutral(text: str) -> str:
    """``text`` with every control character made visible (newline and tab kept)."""
    if not any(_unsafe(c) for c in text):
        return text
    return "".join(_visible(c) if _unsafe(c) else c for c in text)


def neutral_keeping_colour(text: str) -> str:
    """:func:`neutral`, but rich's own SGR colour sequences are kept."""
    parts = []
    last = 0
    for match in _SGR.finditer(text):
        parts += [neutral(text[last : match.start()]), match.group()]
        last = match.end()
    parts.append(neutral(text[last:]))
    return "".join(parts)


class SafeBuffer(io.StringIO):
    """The file of a rich console: what it hands out has control characters neutralised."""

    def __init__(self, colour: bool) -> None:
        super().__init__()
        self.colour = colour

    def getvalue(self) -> str:
        text = super().getvalue()
        return neutral_keeping_colour(text) if self.colour else neutral(text)
