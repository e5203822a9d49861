"""An event's text, split into zones before any rule reads it.

- the **title**;
- the **location**, split into parts: ``place`` (a named venue), ``address`` (street and number,
  postcode and town), ``room`` (a named room or a room resource), ``link`` (a URL), ``tool``
  (a conferencing, messaging or telephony tool: :mod:`planner.judge.tools`), ``phone`` (a
  number to dial, with its PIN);
- the **user-written** part of the description;
- the **blocks** that tools and vendors append: join instructions with dial-in numbers and PINs
  (Teams, Zoom, Webex, Google Meet, Skype, GoTo, Jitsi, BigBlueButton, Nextcloud Talk), booking
  confirmations and legal footers.

Blocks are recognised by their structure, in any language: separator lines (``____``,
``-::~:~::``, ``.....``, ``---``), a signature or "do not edit" marker (``-- … --``), and runs of
machine lines (links, phone numbers, addresses, ``label: code`` pairs such as "Meeting ID: 345
678", "Kenncode: Hk7pQz", "Auftragsnummer: 4125…") with the short headers right above them
("Join Zoom Meeting", "Oder telefonisch teilnehmen"). What is left is what a person wrote.

Rules declare the zones they read (see :mod:`planner.judge.mode` and
:mod:`planner.judge.purpose`): purpose words come from the title and the user-written part only;
words in addresses and vendor blocks never decide purpose or mode. Links count wherever they
stand: a join link is structure, not a word.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from planner.judge import patterns as P
from planner.judge.anchored import Anchored
from planner.judge.kept_regex import compiled
from planner.judge.memo import BULKY, SIZE, per_event, register
from planner.judge.tools import LINK_RE, Tool, tool_named
from planner.model import Event

PLACE, ADDRESS, ROOM, LINK, TOOL, PHONE = "place", "address", "room", "link", "tool", "phone"


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the location: its kind, its text and, for a tool part, the tool."""

    kind: str
    text: str
    tool: Tool | None = None


@dataclass(frozen=True, slots=True)
class Zones:
    title: str
    location: tuple[Part, ...]
    user_text: str  # the description without the blocks tools and vendors appended
    blocks: tuple[str, ...]  # each appended block, as text
    links: tuple[tuple[str, str], ...]  # (zone, url) of every link: location, user, block

    def parts(self, *kinds: str) -> list[Part]:
        return [p for p in self.location if p.kind in kinds]

    @property
    def place_text(self) -> str:
        """What a map could find: the place, address and room parts of the location."""
        return ", ".join(p.text for p in self.location if p.kind in (PLACE, ADDRESS, ROOM))

    @property
    def block_text(self) -> str:
        return "\n".join(self.blocks)


# --- HTML and lines ---------------------------------------------------------------------------

_HIDDEN_RE = compiled(r"<(style|script|head|title)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK_RE = compiled(r"<\s*(?:br|/p|/div|/li|/tr|/h\d|p|div|li|tr)\b[^>]*>", re.IGNORECASE)
_ANCHOR_RE = compiled(
    r"<a\b[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL
)
_TAG_RE = compiled(r"<[^<>]*>")
_TAGLIKE_RE = compiled(r"<\s*/?\s*(?:html|body|p|div|br|span|a|b|i|u|table|font)\b", re.I)


def plain(text: str) -> str:
    """The text of an HTML description with its line breaks and link targets (``label <url>``);
    plain text is returned as it is."""
    if _TAGLIKE_RE.search(text):
        text = _HIDDEN_RE.sub(" ", text)
        text = _ANCHOR_RE.sub(lambda m: f"{m.group(2)} \x00{m.group(1)}\x01", text)
        text = _TAG_RE.sub(" ", _BREAK_RE.sub("\n", text))
        text = text.replace("\x00", "<").replace("\x01", ">")
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")


#: Links: they start at a word's first letter, one of ``[hwtms]`` as ``re.IGNORECASE`` reads it.
URL_RE = Anchored(
    compiled(r"(?:\bhttps?://|\bwww\.|\btel:|\bmailto:|\bsip:)[^\s<>\"'\])|]+", re.I),
    r"[HMSTWhmstwſ](?<!\w.)",
    needs=":.",  # every link holds one: "://", "www.", "tel:", "mailto:", "sip:"
    short=80,
)
_EMAIL_RE = compiled(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_RE = Anchored(compiled(P.PHONE_NUMBER), r"[+(\d](?<![\w+/=.-].)", short=20)
_SEPARATOR_RE = compiled(r"^\s*(?:[_=~:.*#+•-]\s*){8,}$|^\s*-{3,}\s*$")
_MARKER_RE = compiled(r"^\s*--\s*$|^\s*--\s.*\s--\s*$|^\s*--\s+\S")
_LABEL_RE = compiled(r"^[^:：]{1,45}?\s?[:：]\s*(?P<value>\S.*)$")
_CODE_RE = compiled(r"(?<!\w)(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w-]{5,}(?!\w)|\d[\d .#*-]{2,}\d")
#: The address patterns, ``(?i:…)`` where case-insensitive, as one: a search finds the
#: first place where one matches and, of those matching there, the first listed, which is what
#: searching each and taking the match that starts first (ties: the first listed) found.
ADDRESS_PATTERNS: tuple[tuple[str, bool], ...] = (
    (P.STREET_DE, True),
    (P.STREET_DE_PREPOSITION_CS, False),
    (P.STREET_EN, True),
    (P.STREET_FR, True),
    (P.POSTCODE_CITY_CS, False),
    (P.POSTCODE_UK_CS, False),
    (P.POSTCODE_US_CS, False),
)
_ADDRESS_RE = compiled(
    "|".join(f"(?i:{p})" if folded else f"(?:{p})" for p, folded in ADDRESS_PATTERNS)
)
HEADER_MAX = 80  # a prose line right above a machine line is its header up to this length
LINE_MAX = 300  # a label and its code are read this far into a line
MACHINE_MAX = 1000  # a line is judged machine-written by this much of it
PROSE_WORDS = 5  # a line with a link and this many words is a sentence ...
NEAR_LINES = 2  # ... unless a tool's line stands this near (non-blank lines)
_WORD_RE = compiled(r"[^\W\d_]{2,}")


_DIGIT_RE = compiled(r"\d")  # every phone number and address holds a digit
#: As many digits as a phone number holds at least (the digits of a match are ``\d``s).
_DIGITS_RE = compiled(rf"(?:\D*\d){{{P.PHONE_MIN_DIGITS}}}")
#: A Brazilian postcode (CEP "01412-100"), shaped like a short national number.
_POSTCODE_RE = compiled(r"\d{5}-\d{3}")


def phone_numbers(text: str) -> list[str]:
    if not _DIGITS_RE.match(text):
        return []  # fewer digits than a number holds ("Raum 2.07", "Q3 2026"): none is one
    return [
        m.group(0)
        for m in _PHONE_RE.finditer(text)
        if sum(map(str.isdigit, m.group(0))) >= P.PHONE_MIN_DIGITS
        and not _POSTCODE_RE.fullmatch(m.group(0))
    ]


def address_in(text: str) -> re.Match[str] | None:
    """The first street address or postcode with town in ``text``."""
    if not _DIGIT_RE.search(text):
        return None
    return _ADDRESS_RE.search(text)


def _dense(line: str) -> bool:
    digits = sum(map(str.isdigit, line))  # a digit is alphanumeric
    return digits >= 4 and digits >= 0.35 * sum(map(str.isalnum, line))


def is_machine(line: str) -> bool:
    """A line a tool or vendor wrote: a link, a number to dial, an address, ``label: code``
    (read up to :data:`MACHINE_MAX` characters: what vendors write is short)."""
    line = line[:MACHINE_MAX]
    if URL_RE.search(line) or ("@" in line and _EMAIL_RE.search(line)) or phone_numbers(line):
        return True
    if _dense(line) or address_in(line):
        return True
    label = _LABEL_RE.match(line.strip()[:LINE_MAX])
    return bool(label and _CODE_RE.search(label.group("value")[:LINE_MAX]))


# --- the description ---------------------------------------------------------------------------


def split_description(text: str) -> tuple[str, tuple[str, ...]]:
    """(what a person wrote, the blocks tools and vendors appended)."""
    lines = plain(text[: P.DESCRIPTION_MAX]).split("\n")
    kinds = _settle_linked([_kind(line) for line in lines])
    appended = _fenced(kinds)
    for i, kind in enumerate(kinds):
        if kind == "marker":  # "-- Do not delete or change any of the following text. --"
            appended[i:] = [True] * (len(kinds) - i)
            break
        if kind in ("machine", "sep"):
            appended[i] = True
    _headers(lines, kinds, appended)
    user = "\n".join(line for line, out in zip(lines, appended, strict=True) if not out)
    return user.strip(), _runs(lines, kinds, appended)


@register
@lru_cache(maxsize=8192)  # the lines of one tool's block recur in every invitation it sends
def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _SEPARATOR_RE.match(line):
        return "sep"
    if _MARKER_RE.match(line):
        return "marker"
    if is_machine(URL_RE.sub(" ", line)):
        return "machine"
    if not URL_RE.search(line[:MACHINE_MAX]):
        return "prose"
    words = _WORD_RE.findall(URL_RE.sub(" ", line[:MACHINE_MAX]))
    return "linked" if len(words) >= PROSE_WORDS else "machine"


def _settle_linked(kinds: list[str]) -> list[str]:
    """A sentence with a link ("Informationen auf www.oklab-potsdam.de") is what a person
    wrote, unless it stands among a tool's lines ("New to GoTo Meeting? Get the app: …")."""
    solid = [i for i, kind in enumerate(kinds) if kind in ("machine", "sep", "marker")]
    settled = list(kinds)
    for i, kind in enumerate(kinds):
        if kind == "linked":
            near = [j for j in solid if abs(_distance(kinds, i, j)) <= NEAR_LINES]
            settled[i] = "machine" if near else "prose"
    return settled


def _distance(kinds: list[str], a: int, b: int) -> int:
    """Non-blank lines from ``a`` to ``b``."""
    low, high = min(a, b), max(a, b)
    return sum(1 for kind in kinds[low + 1 : high + 1] if kind != "blank")


def _fenced(kinds: list[str]) -> list[bool]:
    """Lines between two separators that hold a machine line: a tool's block."""
    appended = [False] * len(kinds)
    seps = [i for i, k in enumerate(kinds) if k == "sep"]
    for first, last in zip(seps, seps[1:], strict=False):
        if "machine" in kinds[first + 1 : last]:
            appended[first : last + 1] = [True] * (last + 1 - first)
    if seps and "machine" in kinds[seps[-1] + 1 :]:
        tail = seps[-1]  # after the last separator: Zoom's "---" sections, footers
        appended[tail:] = [True] * (len(kinds) - tail)
    return appended


def _headers(lines: list[str], kinds: list[str], appended: list[bool]) -> None:
    """A short prose line directly above a machine line is its header ("Join Zoom Meeting",
    "One tap mobile"); a prose line between two appended machine lines belongs to them."""
    for i, kind in enumerate(kinds):
        if kind != "prose" or appended[i] or i + 1 >= len(kinds):
            continue
        below = kinds[i + 1] == "machine"
        if below and len(lines[i].strip()) <= HEADER_MAX:
            appended[i] = True
        elif below and i > 0 and appended[i - 1] and kinds[i - 1] in ("machine", "sep"):
            appended[i] = True


def _runs(lines: list[str], kinds: list[str], appended: list[bool]) -> tuple[str, ...]:
    blocks, current = [], []
    for line, kind, out in zip(lines, kinds, appended, strict=True):
        if out:
            current.append(line)
        elif kind != "blank" and current:
            blocks.append("\n".join(current).strip())
            current = []
    if current:
        blocks.append("\n".join(current).strip())
    return tuple(b for b in blocks if b)


# --- the location ----------------------------------------------------------------------------

_PIECES_RE = compiled(r"\s*(?:;|\n|\r|\s\|\s)\s*")
_PLACEHOLDER_RE = compiled(
    r"^\W*(?:" + "|".join(re.escape(p) for p in P.PLACEHOLDER_LOCATIONS) + r")?\W*$", re.I
)
_ROOM_RE = compiled(P.ROOM_NAME, re.IGNORECASE)
_LETTER_RE = compiled(r"[^\W\d_]")


def split_location(location: str, rooms: tuple[str, ...] = ()) -> tuple[Part, ...]:
    """The parts of a location field; ``rooms`` are the names of the event's room resources."""
    parts: list[Part] = []
    for piece in _PIECES_RE.split(location[: P.FIELD_MAX]):
        parts += _piece(piece.strip(), rooms)
    return tuple(parts)


def _piece(piece: str, rooms: tuple[str, ...]) -> list[Part]:
    if not piece:
        return []
    links = [m.group(0).rstrip(".,") for m in URL_RE.finditer(piece)]
    found = [Part(PHONE if link.lower().startswith("tel:") else LINK, link) for link in links]
    rest = URL_RE.sub(" ", piece).strip(" ,-–")
    if not links and (bare := LINK_RE.search(rest)):  # "zoom.us/j/123" without a scheme
        found.append(Part(LINK, bare.group(0)))
        rest = (rest[: bare.start()] + rest[bare.end() :]).strip(" ,-–")
    if _PLACEHOLDER_RE.match(rest) or not _LETTER_RE.search(rest) and not phone_numbers(rest):
        return found
    if phone_numbers(rest):
        return [*found, Part(PHONE, rest)]
    if tool := tool_named(rest):
        return [*found, Part(TOOL, rest, tool)]
    if "@" in rest and _EMAIL_RE.fullmatch(rest.strip()):
        return found  # an address to write to, no place
    return [*found, *_place_parts(rest, rooms)]


def _place_parts(text: str, rooms: tuple[str, ...]) -> list[Part]:
    folded = text.casefold()
    if any(room and room.casefold() == folded for room in rooms):
        return [Part(ROOM, text)]
    match = address_in(text)
    if match is None:
        return [Part(ROOM if _ROOM_RE.search(text) else PLACE, text)]
    segments = [s.strip() for s in text.split(",")]
    offset, start = 0, 0
    for index, segment in enumerate(segments):  # the comma segment the address starts in
        if offset + len(segment) >= match.start():
            start = index
            break
        offset += len(segment) + 1
    name = ", ".join(s for s in segments[:start] if s)
    address = ", ".join(s for s in segments[start:] if s)
    parts = [Part(ROOM if _ROOM_RE.search(name) else PLACE, name)] if name else []
    return [*parts, Part(ADDRESS, address)]


@register
@lru_cache(maxsize=4096)  # homes and venues ask for the same locations again and again
def place_text(location: str) -> str:
    """What a map or a venue catalog could find in a location: its place and address parts;
    never a tool's name, a room, a number to dial or a link ("" when there is none)."""
    if not location.strip():
        return ""
    return ", ".join(p.text for p in split_location(location) if p.kind in (PLACE, ADDRESS))


# --- the whole event -----------------------------------------------------------------------


_LOCATION_LINE_RE = compiled(
    r"^[ \t]*(?:location|where|ort|wo|veranstaltungsort|treffpunkt|lieu|adresse|address)[ \t]*"
    r"[:：][ \t]*(?P<value>\S.*)$",  # an empty "Location:" line does not take the next one
    re.IGNORECASE | re.MULTILINE,
)


@per_event(BULKY)
def zones_of(event: Event) -> Zones:
    """The zones of ``event`` (remembered: classification, purpose and meeting rules share them,
    and the occurrences of a series share their texts). Without a location, a "Location:" /
    "Ort:" / "Lieu :" line of the description (scheduling tools, forwarded invitations) stands
    for it."""
    rooms = tuple(p.name for p in event.attendees if p.is_resource and p.name)
    return _zones(event.title, event.location, event.description, rooms)


@per_event(SIZE)
def written(event: Event) -> tuple[str, str]:
    """The title and what the user wrote in the description (:attr:`Zones.user_text`): what
    the purpose's words are looked for in. A small answer remembered for a week's events, where
    their zones are not (a worker that classified an event sends it back: :mod:`memo`)."""
    zones = zones_of(event)
    return zones.title, zones.user_text


@register
@lru_cache(maxsize=4096)
def _zones(title: str, where: str, description: str, rooms: tuple[str, ...]) -> Zones:
    location = split_location(where, rooms)
    if not location and (found := _LOCATION_LINE_RE.search(plain(description[:4000]))):
        location = split_location(found.group("value"), rooms)
    user, blocks = split_description(description) if description else ("", ())
    links = [("location", p.text) for p in location if p.kind == LINK]
    links += [("user", m.group(0)) for m in URL_RE.finditer(user)]
    for block in blocks:
        links += [("block", m.group(0)) for m in URL_RE.finditer(block)]
    return Zones(title[: P.FIELD_MAX], location, user, blocks, tuple(links))
