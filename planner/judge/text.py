"""Signals in the words of an event: links, platform names, phone numbers, street addresses,
venue words and places in the title, location and description, plus rooms and coordinates.

The word lists and weights live in :mod:`planner.judge.patterns`; this module compiles them once at
import and scans each field into a :class:`planner.judge.signals.Signals`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from planner.judge import patterns as P
from planner.judge.signals import (
    HYBRID,
    MEAL,
    MENTION,
    PHONE,
    PLACE,
    PRESENCE,
    T_ADDRESS,
    T_ADDRESS_LOCATION,
    T_BARE_PLACE,
    T_CALL,
    T_CITY,
    T_GEO,
    T_MAP_LINK,
    T_MEETING_LINK,
    T_OTHER_LINK,
    T_PHONE_NUMBER,
    T_PHRASE,
    T_PLATFORM,
    T_ROOM,
    T_VENDOR_LINK,
    T_VENUE,
    VIRTUAL,
    Signals,
    quote,
)
from planner.model import Event

# --- compiled patterns --------------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; a space matches spaces or hyphens."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in unique)


_PHRASE_SPLIT_RE = re.compile(r"[\s-]+")


def _phrase_key(phrase: str) -> str:
    """Lower case, one space between words: how a matched phrase is looked up."""
    return " ".join(_PHRASE_SPLIT_RE.split(phrase.lower().strip()))


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (far faster in ``re``
    than a flat alternation). Spaces and hyphens in a phrase match any run of them."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in _phrase_key(word):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, dict]) -> str:
    branches = [
        (r"[\s-]+" if char == " " else re.escape(char)) + _trie_node(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


_VENDOR_GROUPS = "|".join(f"(?P<v{i}>{host})" for i, (_n, host) in enumerate(P.CONFERENCE_HOSTS))
VENDOR_RE = re.compile(
    rf"(?<![\w@.-])(?:[a-z0-9-]+\.)*(?:{_VENDOR_GROUPS})(?![\w-])", re.IGNORECASE
)
_VENDOR_NAMES = {f"v{i}": name for i, (name, _h) in enumerate(P.CONFERENCE_HOSTS)}
URL_RE = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"'\])|]+", re.IGNORECASE)
_HOST_RE = re.compile(r"(?:https?://)?([^/?#:\s]+)(.*)", re.IGNORECASE)
_MAP_RE = re.compile(rf"(?:^|[./])(?:{P.MAP_HOSTS})", re.IGNORECASE)
_MEETING_PATH_RE = re.compile(P.MEETING_PATH, re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]*>")
_HIDDEN_HTML_RE = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE_RE = re.compile(r"\s+")

# One pass over the lower-cased text finds every listed word and phrase of every family.
_WORD_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("platform", P.PLATFORM_WORDS),
    ("virtual_phrase", P.VIRTUAL_PHRASES),
    ("phone_phrase", P.PHONE_PHRASES),
    ("call", P.AMBIGUOUS_CALL),
    ("presence", P.PRESENCE_PHRASES),
    ("meal", P.MEAL_PHRASES),
    ("hybrid_phrase", P.HYBRID_PHRASES),
    ("venue", P.VENUE_WORDS),
    ("location_venue", P.LOCATION_VENUE_WORDS),
    ("city", P.CITIES),
)


def _families_of() -> dict[str, tuple[str, ...]]:
    """Phrase key → the families that list it (a word may be in several)."""
    table: dict[str, tuple[str, ...]] = {}
    for family, words in _WORD_FAMILIES:
        for word in words:
            key = _phrase_key(word)
            table[key] = (*table.get(key, ()), family)
    return table


_FAMILIES_OF = _families_of()
_WORDS_RE = re.compile(rf"(?<!\w)(?:{_trie(_FAMILIES_OF)})(?!\w)")
_VENUE_SUFFIX_RE = re.compile(rf"\w(?:{_trie(P.VENUE_SUFFIXES)})(?!\w)")
_WORD_START_RE = re.compile(r"\w*$")
_PLATFORM_LOCATION_RE = re.compile(
    rf"^\W*(?:{alternation(P.PLATFORM_LOCATIONS)})\W*$", re.IGNORECASE
)
_ADDRESS_RES = (
    re.compile(P.STREET_DE, re.IGNORECASE),
    re.compile(P.STREET_DE_PREPOSITION_CS),
    re.compile(P.STREET_EN, re.IGNORECASE),
    re.compile(P.POSTCODE_CITY_CS),
    re.compile(P.POSTCODE_UK_CS),
    re.compile(P.POSTCODE_US_CS),
)
_PHONE_NUMBER_RE = re.compile(P.PHONE_NUMBER)
_TEL_URI_RE = re.compile(P.TEL_URI, re.IGNORECASE)
_PLACEHOLDER_RE = re.compile(rf"^\W*(?:{alternation(P.PLACEHOLDER_LOCATIONS)})?\W*$", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")


# --- links ---------------------------------------------------------------------------------


def vendor_name(match: re.Match[str]) -> str:
    """The video service a :data:`VENDOR_RE` match names ("Zoom", "Microsoft Teams", ...)."""
    return _VENDOR_NAMES[match.lastgroup or ""]


def scan_link(signals: Signals, url: str, where: str) -> None:
    """One URL: a known video service, a map, a meeting-like path, or any other link."""
    url = url[: P.FIELD_MAX]
    vendor = VENDOR_RE.search(url)
    if vendor:
        signals.add("vendor_link", where, VIRTUAL, T_VENDOR_LINK, vendor=vendor_name(vendor))
        return
    parts = _HOST_RE.match(url)
    host, path = (parts.group(1).lower(), parts.group(2)) if parts else (url, "")
    if _MAP_RE.search(host + path):
        signals.add("map_link", where, PLACE if where == "location" else MENTION, T_MAP_LINK)
    elif _MEETING_PATH_RE.search(path) or _MEETING_PATH_RE.search(host):
        signals.add("meeting_link", where, VIRTUAL, T_MEETING_LINK, host=host)
    else:
        signals.add("other_link", where, VIRTUAL, T_OTHER_LINK, host=host)


def _scan_links(signals: Signals, text: str, where: str) -> None:
    for match in URL_RE.finditer(text):
        scan_link(signals, match.group(0), where)
    if where in ("title", "location") and ("vendor_link", where) not in signals.seen:
        vendor = VENDOR_RE.search(text)  # a bare "zoom.us/j/123" without a scheme
        if vendor:
            signals.add("vendor_link", where, VIRTUAL, T_VENDOR_LINK, vendor=vendor_name(vendor))


def scan_conference_links(signals: Signals, links: Iterable[str]) -> None:
    """Join links and ``tel:`` numbers of the event's conference data."""
    for link in links:
        if link.lower().startswith("tel:"):
            signals.add("phone_number", "conference", PHONE, T_PHONE_NUMBER, number=link[4:])
        elif link:
            scan_link(signals, link, "conference")


def scan_url(signals: Signals, url: str) -> None:
    """The event's URL property: only join and map links count, its own web page has no
    weight."""
    if url:
        scan_link(signals, url, "url")


# --- words, numbers and addresses ---------------------------------------------------------


def _plain_text(description: str) -> str:
    """The description without HTML tags and entities (cheap, not a full parser)."""
    text = description
    if "<" in text and ">" in text:
        text = _TAG_RE.sub(" ", _HIDDEN_HTML_RE.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    return text


def _first_words(text: str, low: str) -> dict[str, str]:
    """Family → the first listed word or phrase of that family in ``text`` (original case)."""
    same = len(low) == len(text)
    found: dict[str, str] = {}
    for m in _WORDS_RE.finditer(low):
        for family in _FAMILIES_OF.get(_phrase_key(m.group(0)), ()):
            if family not in found:
                found[family] = _SPACE_RE.sub(
                    " ", text[m.start() : m.end()] if same else m.group(0)
                )
    if "venue" not in found and (m := _VENUE_SUFFIX_RE.search(low)):
        start = _WORD_START_RE.search(low, 0, m.start()).start()  # type: ignore[union-attr]
        found["venue"] = text[start : m.end()] if same else low[start : m.end()]
    return found


_WORD_SIGNALS: tuple[tuple[str, str, str, str], ...] = (
    # family, side, template, placeholder
    ("platform", VIRTUAL, T_PLATFORM, "word"),
    ("virtual_phrase", VIRTUAL, T_PHRASE, "phrase"),
    ("phone_phrase", PHONE, T_PHRASE, "phrase"),
    ("presence", PRESENCE, T_PHRASE, "phrase"),
    ("meal", MEAL, T_PHRASE, "phrase"),
    ("hybrid_phrase", HYBRID, T_PHRASE, "phrase"),
)


def _scan_words(signals: Signals, text: str, low: str, where: str) -> None:
    """Listed words and phrases: platforms, wording of each mode, venues and cities."""
    found = _first_words(text, low)
    for family, side, template, name in _WORD_SIGNALS:
        if family in found:
            signals.add(family, where, side, template, **{name: found[family]})
    if "call" in found and "phone_phrase" not in found:
        signals.add("call", where, PHONE, T_CALL, word=found["call"])
    side = PLACE if where == "location" else MENTION
    for family in ("venue", "location_venue"):
        if family in found:
            signals.add(family, where, side, T_VENUE, word=found[family])
    if "city" in found:
        signals.add("city", where, side, T_CITY, city=found["city"])


def _scan_numbers(signals: Signals, text: str, where: str) -> None:
    """Phone numbers and ``tel:`` links."""
    if "tel:" in text.lower() and (m := _TEL_URI_RE.search(text)):
        signals.add("phone_number", where, PHONE, T_PHONE_NUMBER, number=quote(m.group(0)))
    for m in _PHONE_NUMBER_RE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= P.PHONE_MIN_DIGITS:
            signals.add("phone_number", where, PHONE, T_PHONE_NUMBER, number=m.group(0))
            break


def _scan_address(signals: Signals, text: str, where: str) -> None:
    """Street addresses and postal codes with a town."""
    side = PLACE if where == "location" else MENTION
    for pattern in _ADDRESS_RES:
        if m := pattern.search(text):
            if where == "location":
                signals.add("address", where, side, T_ADDRESS_LOCATION, address=quote(text))
            else:
                start = _WORD_START_RE.search(text, 0, m.start()).start()  # type: ignore[union-attr]
                address = quote(text[start : m.end()])
                signals.add("address", where, side, T_ADDRESS, address=address)
            return


def scan_text(signals: Signals, text: str, where: str) -> None:
    """Every text signal of one field ("title" or "description"; see :func:`scan_location`)."""
    if not text:
        return
    if "://" in text or "www." in text:
        _scan_links(signals, text, where)  # before stripping HTML: links hide in href="…"
        text = URL_RE.sub(" ", text)
    elif where != "description":
        _scan_links(signals, text, where)
    if where == "description":
        text = _plain_text(text)
    _scan_words(signals, text, text.lower(), where)
    _scan_numbers(signals, text, where)
    _scan_address(signals, text, where)


def scan_location(signals: Signals, location: str) -> None:
    """The location field: a platform name alone, any text signal, else a bare place name."""
    count = len(signals.found)
    if _PLATFORM_LOCATION_RE.match(location):
        word = location.strip()
        signals.add("platform", "location", VIRTUAL, T_PLATFORM, word=word)
    scan_text(signals, location, "location")
    if len(signals.found) > count:
        return
    rest = URL_RE.sub(" ", location)
    if _PLACEHOLDER_RE.match(rest) or "@" in rest or not _LETTER_RE.search(rest):
        return
    signals.add("bare_place", "location", PLACE, T_BARE_PLACE, place=quote(rest))


# --- rooms and coordinates ------------------------------------------------------------------


def scan_resources(signals: Signals, event: Event) -> None:
    """A room (resource attendee) is a place."""
    for person in event.attendees:
        if person.is_resource:
            name = person.name or person.email
            signals.put(PLACE, P.ROOM_RESOURCE_WEIGHT, T_ROOM, name=quote(name))
            return


def scan_geo(signals: Signals, event: Event) -> None:
    """Coordinates other than (0, 0) are a place."""
    geo = event.geo
    if geo is not None and (abs(geo.lat) > 1e-6 or abs(geo.lon) > 1e-6):
        signals.put(PLACE, P.GEO_WEIGHT, T_GEO, lat=geo.lat, lon=geo.lon)
