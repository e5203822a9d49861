"""A calendar text cut into its context and its VEVENTs without reading it line by line (a
helper of :mod:`planner.ical.incremental`).

Most calendar files are the calendar's own lines and time zones, then one VEVENT after the
other, then ``END:VCALENDAR``. :func:`cut` splits the text at each line ``BEGIN:VEVENT`` (in C:
milliseconds for megabytes); a *piece* is the text from there to the next one, the last with
``END:VCALENDAR``. :func:`check` says whether a piece is exactly one VEVENT (its nested
alarms closed, nothing after it but the line break, or the end of the calendar); a text whose
pieces all are, whose context holds no VEVENT, and that has no marker that the line-by-line
reading would take differently (indented, lower case, odd line breaks) is read in pieces.
Once checked, a piece is known by its digest: an unchanged piece needs no second look (the
text read again after a change is looked at only in its new pieces: :func:`split`). The pieces
of UTF-8 text and their digests are taken from its bytes, and a run of pieces whose bytes are
known is not digested piece by piece (:func:`split_data`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from planner.ical import salvage
from planner.ical.layout import Block

_SPLIT = "\nBEGIN:VEVENT"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LONE_CR = re.compile(r"\r(?!\n)")
_ODD_MARKER = re.compile(  # an indented marker, or one not in upper case
    r"\n(?:[^\S\r\n]+(?:[Bb][Ee][Gg][Ii][Nn]|[Ee][Nn][Dd]):"
    r"|(?!BEGIN:)[Bb][Ee][Gg][Ii][Nn]:|(?!END:)[Ee][Nn][Dd]:)"
)
# a BEGIN or END line as salvage.marker reads it (upper case: cut refuses other markers)
_MARKERS = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)[^\S\n]*$", re.MULTILINE)
_ENDING = re.compile(r"\nEND:VEVENT\r?(?:\nEND:VCALENDAR[ \t\r\n]*)?\Z")
_UID = re.compile(r"^UID(?:;[^:\r\n]*)?:([^\r\n]*)", re.MULTILINE | re.IGNORECASE)
_ESCAPES = re.compile(r"\\([\\;,nN])")


@dataclass(frozen=True)
class Cut:
    """A calendar text as its context and its pieces, with the line of each piece's
    ``BEGIN:VEVENT``."""

    context: str
    pieces: Sequence[str]

    @property
    def lines(self) -> list[int]:
        first = self.context.count("\n") + 2
        breaks = map(str.count, self.pieces, ["\n"] * len(self.pieces))
        return [first, *(first + n for n in accumulate(b + 1 for b in breaks))][: len(self.pieces)]

    def calendar(self, numbers: list[int]) -> tuple[str, dict[int, int]]:
        """A calendar of the context and the pieces ``numbers``, and the number of the piece
        that begins at each of its lines."""
        head = self.context.rstrip("\r\n") + "\r\n"
        line = head.count("\n") + 1
        parts = [head]
        starts: dict[int, int] = {}
        for number in numbers:
            starts[line] = number
            piece = self.pieces[number]
            text = "BEGIN:VEVENT" + piece[: _end(piece, number == len(self.pieces) - 1) + 11]
            text += "\r\n"
            parts.append(text)
            line += text.count("\n")
        parts.append("END:VCALENDAR\r\n")
        return "".join(parts), starts


def cut(text: str) -> Cut | None:
    """``text`` as context and pieces; None when the whole text has a shape that cannot be
    read in pieces (see the module's docstring; :func:`check` looks at each piece)."""
    return split(text) if ordinary(text, True) else None


def split(text: str) -> Cut | None:
    """:func:`cut` without looking at the line breaks and markers of the text: the text has
    none that the line-by-line reading takes differently exactly when its context and each of
    its pieces has none (:func:`ordinary`), so a text whose context and most pieces are known
    from a text that did cut needs a look only at the others."""
    context, *pieces = text.split(_SPLIT)
    if "VEVENT" in context or not _open_calendar(context):
        return None
    return Cut(context, pieces)


def split_data(
    data: bytes, runs: Sequence[str] = (), digests: Sequence[str] = ()
) -> tuple[Cut, list[str], list[str]] | None:
    """:func:`split` of the text :func:`planner.ical.parsing.decode` makes of UTF-8 ``data``,
    with the :func:`digest` of each piece and of each run of :data:`RUN` pieces, all taken from
    the bytes: the pieces of the text are those of the bytes (a multi-byte character holds no
    ASCII byte), a piece's digest is that of its bytes, and its text is decoded only when it is
    looked at (a piece known by its digest was valid UTF-8 when first read, so it never needs
    to be). A run whose digest is in ``runs`` (those of an earlier text, whose pieces had
    ``digests``) holds the same pieces: they are not digested one by one.
    ``UnicodeDecodeError`` when a piece looked at is not UTF-8 (the whole text is then read,
    and the reading says where); None for UTF-16 data (use :func:`split`) and for a context
    that does not cut."""
    if data.startswith(_UTF16_BOMS):
        return None
    base = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    separator = _SPLIT.encode()
    context, *raw = data[base:].split(separator) if base else data.split(separator)
    head = split(context.decode("utf-8"))
    if head is None:
        return None
    found, made = _digests(memoryview(data), base + len(context), raw, runs, digests)
    return Cut(head.context, _Decoded(raw)), found, made


RUN = 64  # pieces in a run: a text edited in one place is digested whole, but one run


def _digests(
    data: memoryview, end: int, raw: list[bytes], runs: Sequence[str], digests: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The digest of each piece ``raw`` of ``data`` (its context ends at ``end``) and of each
    run of them (its bytes, from its first piece to its last); those of a run known from
    ``runs`` are taken from ``digests``."""
    sha256, step = hashlib.sha256, len(_SPLIT)
    sizes = list(accumulate(map(len, raw)))  # piece n ends at end + step * (n + 1) + sizes[n]
    found: list[str] = []
    made: list[str] = []
    for number, first in enumerate(range(0, len(raw), RUN)):
        last = min(first + RUN, len(raw))
        lo = end + step * (first + 1) + (sizes[first - 1] if first else 0)
        run = sha256(data[lo : end + step * last + sizes[last - 1]]).hexdigest()[:24]
        made.append(run)
        if number < len(runs) and runs[number] == run and last <= len(digests):
            found += digests[first:last]  # the same bytes: the same pieces
        else:
            found += [sha256(piece).hexdigest()[:24] for piece in raw[first:last]]
    return found, made


class _Decoded(Sequence[str]):
    """UTF-8 pieces, each decoded when first asked for."""

    def __init__(self, raw: list[bytes]) -> None:
        self.raw = raw
        self.texts: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self.raw)))]
        if not 0 <= index < len(self.raw):
            index = range(len(self.raw))[index]  # a negative one counted from the end
        found = self.texts.get(index)
        if found is None:
            found = self.texts[index] = self.raw[index].decode("utf-8")
        return found


def ordinary(text: str, last: bool) -> bool:
    """Whether ``text`` (a calendar, or one piece of it: a line break follows each but the
    ``last``) has no odd line break and no marker the line-by-line reading would take
    differently (indented, lower case)."""
    if any(char in text for char in _ODD_BREAKS):
        return False
    if _LONE_CR.search(text, 0, len(text) if last else max(len(text) - 1, 0)):
        return False  # a CR at the end of a piece is followed by the next one's line break
    return _ODD_MARKER.search(text) is None


def _open_calendar(context: str) -> bool:
    """Whether the context opens the calendar once and leaves only it open (its time zones
    closed): the VEVENTs after it are then the calendar's own components."""
    depth = 0
    for marker in _MARKERS.finditer(context):
        begin = marker.group(1) == "BEGIN"
        depth += 1 if begin else -1
        if depth < 1 or (begin and (depth == 1) != (marker.group(2) == "VCALENDAR")):
            return False
    return depth == 1


def check(piece: str, last: bool) -> bool:
    """Whether a piece is exactly one VEVENT (see the module's docstring); only the ``last``
    ends the calendar."""
    if not piece.startswith(("\n", "\r\n")):  # "BEGIN:VEVENT" is the whole line
        return False
    if len(piece) > salvage.MAX_LINE_CHARS:  # too long to be sure of; not even searched
        return False
    end = _end(piece, last)
    if end < 0:
        return False
    if piece.count("\nBEGIN:", 0, end) == 0 and piece.count("\nEND:", 0, end) == 0:
        return True  # no nested component (most events)
    depth = 0  # nested components (alarms) open and close inside; no VEVENT or time zone
    for marker in _MARKERS.finditer(piece, 0, end):
        if marker.group(2).upper() in ("VEVENT", "VCALENDAR", "VTIMEZONE"):
            return False
        depth += 1 if marker.group(1) == "BEGIN" else -1
        if not 0 <= depth <= salvage.MAX_DEPTH - 2:  # inside VCALENDAR and VEVENT
            return False
    return depth == 0


def _end(piece: str, last: bool) -> int:
    """Where the ``END:VEVENT`` line of a piece begins (at its ``\n``), or -1 when the piece
    does not end there (the last one: with ``END:VCALENDAR`` after it)."""
    if not last:
        for ending in ("\nEND:VEVENT\r", "\nEND:VEVENT"):
            if piece.endswith(ending):
                return len(piece) - len(ending)
        return -1
    found = _ENDING.search(piece)
    return found.start() if found is not None and "END:VCALENDAR" in found.group(0) else -1


def blocks(cut: Cut, keep: Callable[[Block], bool] | None = None) -> list[Block]:
    """The VEVENTs of checked pieces as :func:`planner.ical.layout.scan` gives them (only
    those ``keep`` keeps, where given: the others are never held in memory as lines)."""
    last = len(cut.pieces) - 1
    found = []
    for n, (line, piece) in enumerate(zip(cut.lines, cut.pieces, strict=True)):
        text = "BEGIN:VEVENT" + piece[: _end(piece, n == last) + 11]
        block = Block("VEVENT", line, text.splitlines())
        if keep is None or keep(block):
            found.append(block)
    return found


def group_key(piece: str) -> str:
    """The group of a VEVENT: its UID as the parser reads it (TEXT escapes undone), or for one
    without UID its text."""
    found = _UID.search(piece)
    if found is None:
        return "\0" + digest(piece)
    return _ESCAPES.sub(_unescape, found.group(1).strip())


def _unescape(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


def digest(text: str) -> str:
    """A digest of text (96 bits: a change goes unseen with odds of 1 in 10^28)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]
