"""The text of a vCard file before vobject reads it: its cards (:func:`split_cards`,
:func:`cards_in` with the line each begins on), the content lines of a card that planner reads
(:func:`content_lines`, quoted-printable soft breaks joined) and a charset that decodes a
quoted-printable value (:func:`with_working_charset`). Small pre-normalisations of what real
exports write and vobject does not read; each says which writer it is for.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator


def split_cards(text: str) -> list[str]:
    """The ``BEGIN:VCARD … END:VCARD`` blocks of a file or a CardDAV answer, as written; a
    card without its END (cut off, or followed by the next BEGIN) is kept as it is, so that
    it counts as unreadable instead of swallowing the next card."""
    cards: list[str] = []
    current: list[str] | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if current:
                cards.append("\n".join(current) + "\n")
            current = [line]
        elif current is not None:
            current.append(line)
            if word == "END:VCARD":
                cards.append("\n".join(current) + "\n")
                current = None
    if current:
        cards.append("\n".join(current) + "\n")
    return cards


#: The properties planner reads; every other one (photos, notes, vCard 2.1's PROFILE or
#: MAILER, vendor extensions) is left out before vobject parses the card, so that a line
#: planner does not need can never cost the card.
_USED = frozenset(
    {
        "BEGIN", "END", "VERSION", "UID", "KIND", "FN", "N", "EMAIL", "ORG", "ADR",
        "CATEGORIES", "REV", "MEMBER", "TEL", "X-ABLABEL", "X-ADDRESSBOOKSERVER-KIND",
        "X-ADDRESSBOOKSERVER-MEMBER", "X-ABSHOWAS",
    }
)  # fmt: skip
_PROPERTY = re.compile(r"^(?:[\w-]+\.)?([\w-]+)[;:]")
#: What begins a property after a quoted-printable soft break: a name of vCard 2.1, 3.0 or
#: 4.0 in capitals, or an extension (``X-…``), with or without a group. Any other line after
#: a soft break continues the value, even one with a ``;`` or ``:`` in it ("eiteneingang;
#: D=C3=BCsseldorf;…" is the rest of an address Outlook broke after 76 characters).
_NEXT_PROPERTY = re.compile(
    r"^(?:[\w-]+\.)?(?:ADR|AGENT|ANNIVERSARY|BDAY|BEGIN|CALADRURI|CALURI|CATEGORIES|CLASS"
    r"|CLIENTPIDMAP|EMAIL|END|FBURL|FN|GENDER|GEO|IMPP|KEY|KIND|LABEL|LANG|LOGO|MAILER|MEMBER"
    r"|N|NAME|NICKNAME|NOTE|ORG|PHOTO|PRODID|PROFILE|RELATED|REV|ROLE|SORT-STRING|SOUND"
    r"|SOURCE|TEL|TITLE|TZ|UID|URL|VERSION|XML|[Xx]-[\w-]+)[;:]"
)
_BASE64 = re.compile(r"[A-Za-z0-9+/=]+")
_QUOTED_PRINTABLE = re.compile(r"^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]", re.IGNORECASE)


def content_lines(text: str, unread: list[str] | None = None) -> list[str]:
    """The card's lines that planner reads, each with its folded lines; a quoted-printable
    value's soft line breaks (a line ending in ``=``, as vCard 2.1 writers break long values)
    are joined (whatever the next line holds: see :data:`_NEXT_PROPERTY`), and a soft break
    before a blank line or the next property is dropped. A line that is no content line at
    all (no ``:``) is added to ``unread``."""
    found: list[str] = []
    keep = soft = tail = False  # tail: an unused quoted-printable value goes on
    for line in text.split("\n"):
        if soft and keep and line.strip() and not _NEXT_PROPERTY.match(line):
            found[-1] = found[-1][:-1] + line
        elif line[:1] in (" ", "\t") and not soft:
            if keep:
                found[-1] += "\n" + line
        elif not line.strip():
            soft = tail = False
            continue
        elif tail and not _NEXT_PROPERTY.match(line):  # an unused value goes on
            tail = line.endswith("=")
        else:
            match = _PROPERTY.match(line)
            keep = bool(match) and match.group(1).upper() in _USED
            lost = ":" not in line and not _BASE64.fullmatch(line.strip())
            if unread is not None and lost:  # base64 lines of a photo are not content lines
                unread.append(line)
            tail = not keep and bool(_QUOTED_PRINTABLE.match(line)) and line.endswith("=")
            if keep:
                found.append(line)
        soft = keep and bool(_QUOTED_PRINTABLE.match(found[-1])) and found[-1].endswith("=")
    return [line[:-1] if _QUOTED_PRINTABLE.match(line) and line.endswith("=") else line
            for line in found]  # fmt: skip


_CHARSET = re.compile(r";CHARSET=([^;:]*)", re.IGNORECASE)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def with_working_charset(line: str) -> str:
    """A quoted-printable ``line`` whose bytes its ``CHARSET`` (UTF-8 when none is named)
    cannot decode, with the charset that can: UTF-8, else Windows-1252 (Outlook writes its
    bytes with no CHARSET, or with ``CHARSET=utf-8``), else Latin-1. vobject decodes the value
    in the charset named and drops the line where that fails. Bytes that are UTF-8 but for a
    stray byte (a value cut in the middle of a character) are left to fail: Windows-1252 would
    garble them."""
    if not _QUOTED_PRINTABLE.match(line):
        return line
    head, colon, value = line.partition(":")
    if not colon or '"' in head:
        return line
    data = codecs.decode(value.encode("utf-8"), "quoted-printable")
    named = _CHARSET.search(head)
    for charset in ([named.group(1)] if named else []) + ["utf-8"]:
        if _decodes(data, charset):
            return line if charset == (named.group(1) if named else "utf-8") else (
                _CHARSET.sub("", head) + f";CHARSET={charset}:{value}"
            )  # fmt: skip
    if _UTF8_SEQUENCE.search(data):
        return line
    charset = "windows-1252" if _decodes(data, "windows-1252") else "latin-1"
    return _CHARSET.sub("", head) + f";CHARSET={charset}:{value}"


def _decodes(data: bytes, charset: str) -> bool:
    try:
        data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def readable_lines(lines: list[str]) -> list[str]:
    """The lines vobject can read one by one (a quoted-printable value with bytes that are not
    in its CHARSET, a broken parameter): a bad line costs that line, not the card."""
    from vobject.base import VObjectError, textLineToContentLine

    kept = []
    for number, line in enumerate(lines):
        try:
            textLineToContentLine(re.sub(r"\n[ \t]", "", line), number)
        except (VObjectError, ValueError, UnicodeError, TypeError, AttributeError):
            continue
        kept.append(line)
    return kept


def cards_in(text: str, path: str = "") -> Iterator[tuple[str, str, str]]:
    """``("", card, "path:line")`` for each card of a file (ids come from the cards' UIDs;
    the line is the card's BEGIN line)."""
    cards = split_cards(text)
    if not path:
        for card in cards:
            yield "", card, ""
        return
    begins = iter(
        number
        for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
        if line.strip().upper() == "BEGIN:VCARD"
    )
    for card in cards:
        yield "", card, f"{path}:{next(begins, 1)}"
