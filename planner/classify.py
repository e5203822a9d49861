"""How a meeting takes place: in person, virtual, hybrid, phone or unknown.

:func:`classify` scores the signals of one event (links, platform names, phone numbers, street
addresses, venue words, rooms, coordinates, provider hints, wording) with the weights of
:mod:`planner.patterns` and returns the mode with the evidence that decided it. It is pure (no
I/O) and fast: the contact ledger classifies thousands of events per run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner import patterns as P
from planner.i18n import _
from planner.model import Classification, Event, Mode

# Sides a signal counts for. PLACE is a concrete place (location field, room, coordinates);
# MENTION is a place named in the title or description, which does not make a video call hybrid.
VIRTUAL, PHONE, PLACE, MENTION = "virtual", "phone", "place", "mention"
PRESENCE, MEAL, HYBRID = "presence", "meal", "hybrid"
_IN_PERSON_SIDES = (PLACE, MENTION, PRESENCE, MEAL)
_SIDES_OF: dict[Mode, tuple[str, ...]] = {
    Mode.VIRTUAL: (VIRTUAL,),
    Mode.PHONE: (PHONE,),
    Mode.IN_PERSON: _IN_PERSON_SIDES,
}
_MAX_EVIDENCE = 3


def N_(message: str) -> str:
    """Mark ``message`` for translation; :func:`planner.i18n._` translates it when shown."""
    return message


_FIELD_LABELS = {
    "title": N_("title"),
    "location": N_("location"),
    "description": N_("description"),
    "url": N_("event URL"),
    "conference": N_("conference data"),
}

_T_VENDOR_LINK = N_("{vendor} link in {field}")
_T_MEETING_LINK = N_("meeting link '{host}' in {field}")
_T_OTHER_LINK = N_("link '{host}' in {field}")
_T_MAP_LINK = N_("map link in {field}")
_T_PLATFORM = N_("video platform '{word}' in {field}")
_T_PHRASE = N_("phrase '{phrase}' in {field}")
_T_CALL = N_("'{word}' in {field} (phone or video)")
_T_PHONE_NUMBER = N_("phone number '{number}' in {field}")
_T_ADDRESS_LOCATION = N_("street address '{address}'")
_T_ADDRESS = N_("street address '{address}' in {field}")
_T_VENUE = N_("venue '{word}' in {field}")
_T_CITY = N_("city '{city}' in {field}")
_T_BARE_PLACE = N_("place '{place}' in location")
_T_ROOM = N_("room resource '{name}'")
_T_GEO = N_("coordinates {lat:.4f}, {lon:.4f}")
_T_GEO_HINT = N_("coordinates ({hint})")
_T_STRUCTURED = N_("structured location ({hint})")
_T_LOCATION_TYPE = N_("location type '{value}' ({hint})")
_T_MS_ADDRESS = N_("address '{address}' ({hint})")
_T_VENDOR_HINT = N_("{vendor} meeting ({hint})")
_T_ONLINE_HINT = N_("online meeting ({hint})")
_T_BLOCKER = N_("personal blocker '{title}'")
_T_ALL_DAY = N_("all-day event without a place")
_T_NOTHING = N_("no place, link or phone number")
_T_WEAK = N_("too little to go on")


# --- compiled patterns --------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
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
_VENDOR_RE = re.compile(
    rf"(?<![\w@.-])(?:[a-z0-9-]+\.)*(?:{_VENDOR_GROUPS})(?![\w-])", re.IGNORECASE
)
_VENDOR_NAMES = {f"v{i}": name for i, (name, _h) in enumerate(P.CONFERENCE_HOSTS)}
_URL_RE = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>\"'\])|]+", re.IGNORECASE)
_HOST_RE = re.compile(r"(?:https?://)?([^/?#:\s]+)(.*)", re.IGNORECASE)
_MAP_RE = re.compile(rf"(?:^|[./])(?:{P.MAP_HOSTS})", re.IGNORECASE)
_MEETING_PATH_RE = re.compile(P.MEETING_PATH, re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]*>")
_HIDDEN_HTML_RE = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE_RE = re.compile(r"\s+")
_NEWLINES_RE = re.compile(r"\s*[\r\n]+\s*")

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
    rf"^\W*(?:{_alternation(P.PLATFORM_LOCATIONS)})\W*$", re.IGNORECASE
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
_BLOCKER_RE = re.compile(rf"^\W*(?:{_alternation(P.BLOCKER_TITLES)})(?!\w)", re.IGNORECASE)
_BARE_MEAL_RE = re.compile(rf"^\W*(?:{_alternation(P.BARE_MEAL_TITLES)})\W*$", re.IGNORECASE)
_PLACEHOLDER_RE = re.compile(
    rf"^\W*(?:{_alternation(P.PLACEHOLDER_LOCATIONS)})?\W*$", re.IGNORECASE
)
_MS_ADDRESS_RE = re.compile(P.MS_ADDRESS_FIELDS)
_PROVIDER_VALUE_RE = re.compile(r'"?OnlineMeetingProvider"?\s*:\s*"?(\w+)', re.IGNORECASE)
_GEO_URI_RE = re.compile(r"geo:\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")


# --- collecting signals --------------------------------------------------------------------


@dataclass(slots=True)
class _Signal:
    side: str
    weight: float
    template: str
    values: dict[str, object]

    def text(self) -> str:
        values = dict(self.values)
        where = values.get("field")
        if isinstance(where, str) and where in _FIELD_LABELS:
            values["field"] = _(_FIELD_LABELS[where])
        return _(self.template, **values)


@dataclass(slots=True)
class _Signals:
    found: list[_Signal] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)
    blocker: bool = False

    def add(self, family: str, where: str, side: str, template: str, **values: object) -> None:
        """Count a text signal once per family and field, with the weight from the table."""
        if (family, where) in self.seen:
            return
        weight = P.WEIGHTS[family].get(where, 0.0)
        if weight <= 0:
            return
        self.seen.add((family, where))
        self.put(side, weight, template, field=where, **values)

    def put(self, side: str, weight: float, template: str, **values: object) -> None:
        self.found.append(_Signal(side, weight, template, values))
        self.totals[side] = self.totals.get(side, 0.0) + weight

    def total(self, *sides: str) -> float:
        return sum(self.totals.get(side, 0.0) for side in sides)


def _quote(text: str) -> str:
    """A short, one-line excerpt for an evidence string."""
    line = _SPACE_RE.sub(" ", _NEWLINES_RE.sub(", ", text.strip()))
    return line if len(line) <= P.QUOTE_MAX else line[: P.QUOTE_MAX - 1].rstrip() + "…"


def _plain_text(description: str) -> str:
    """The description without HTML tags and entities (cheap, not a full parser)."""
    text = description
    if "<" in text and ">" in text:
        text = _TAG_RE.sub(" ", _HIDDEN_HTML_RE.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    return text


def _scan_link(signals: _Signals, url: str, where: str) -> None:
    """One URL: a known video service, a map, a meeting-like path, or any other link."""
    url = url[: P.FIELD_MAX]
    vendor = _VENDOR_RE.search(url)
    if vendor:
        name = _VENDOR_NAMES[vendor.lastgroup or ""]
        signals.add("vendor_link", where, VIRTUAL, _T_VENDOR_LINK, vendor=name)
        return
    parts = _HOST_RE.match(url)
    host, path = (parts.group(1).lower(), parts.group(2)) if parts else (url, "")
    if _MAP_RE.search(host + path):
        signals.add("map_link", where, PLACE if where == "location" else MENTION, _T_MAP_LINK)
    elif _MEETING_PATH_RE.search(path) or _MEETING_PATH_RE.search(host):
        signals.add("meeting_link", where, VIRTUAL, _T_MEETING_LINK, host=host)
    else:
        signals.add("other_link", where, VIRTUAL, _T_OTHER_LINK, host=host)


def _scan_links(signals: _Signals, text: str, where: str) -> None:
    for match in _URL_RE.finditer(text):
        _scan_link(signals, match.group(0), where)
    if where in ("title", "location") and ("vendor_link", where) not in signals.seen:
        vendor = _VENDOR_RE.search(text)  # a bare "zoom.us/j/123" without a scheme
        if vendor:
            name = _VENDOR_NAMES[vendor.lastgroup or ""]
            signals.add("vendor_link", where, VIRTUAL, _T_VENDOR_LINK, vendor=name)


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
    ("platform", VIRTUAL, _T_PLATFORM, "word"),
    ("virtual_phrase", VIRTUAL, _T_PHRASE, "phrase"),
    ("phone_phrase", PHONE, _T_PHRASE, "phrase"),
    ("presence", PRESENCE, _T_PHRASE, "phrase"),
    ("meal", MEAL, _T_PHRASE, "phrase"),
    ("hybrid_phrase", HYBRID, _T_PHRASE, "phrase"),
)


def _scan_words(signals: _Signals, text: str, low: str, where: str) -> None:
    """Listed words and phrases: platforms, wording of each mode, venues and cities."""
    found = _first_words(text, low)
    for family, side, template, name in _WORD_SIGNALS:
        if family in found:
            signals.add(family, where, side, template, **{name: found[family]})
    if "call" in found and "phone_phrase" not in found:
        signals.add("call", where, PHONE, _T_CALL, word=found["call"])
    side = PLACE if where == "location" else MENTION
    for family in ("venue", "location_venue"):
        if family in found:
            signals.add(family, where, side, _T_VENUE, word=found[family])
    if "city" in found:
        signals.add("city", where, side, _T_CITY, city=found["city"])


def _scan_numbers(signals: _Signals, text: str, where: str) -> None:
    """Phone numbers and ``tel:`` links."""
    if "tel:" in text.lower() and (m := _TEL_URI_RE.search(text)):
        signals.add("phone_number", where, PHONE, _T_PHONE_NUMBER, number=_quote(m.group(0)))
    for m in _PHONE_NUMBER_RE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= P.PHONE_MIN_DIGITS:
            signals.add("phone_number", where, PHONE, _T_PHONE_NUMBER, number=m.group(0))
            break


def _scan_address(signals: _Signals, text: str, where: str) -> None:
    """Street addresses and postal codes with a town."""
    side = PLACE if where == "location" else MENTION
    for pattern in _ADDRESS_RES:
        if m := pattern.search(text):
            if where == "location":
                signals.add("address", where, side, _T_ADDRESS_LOCATION, address=_quote(text))
            else:
                start = _WORD_START_RE.search(text, 0, m.start()).start()  # type: ignore[union-attr]
                address = _quote(text[start : m.end()])
                signals.add("address", where, side, _T_ADDRESS, address=address)
            return


def _scan_text(signals: _Signals, text: str, where: str) -> None:
    if not text:
        return
    if "://" in text or "www." in text:
        _scan_links(signals, text, where)  # before stripping HTML: links hide in href="…"
        text = _URL_RE.sub(" ", text)
    elif where != "description":
        _scan_links(signals, text, where)
    if where == "description":
        text = _plain_text(text)
    _scan_words(signals, text, text.lower(), where)
    _scan_numbers(signals, text, where)
    _scan_address(signals, text, where)


def _scan_location(signals: _Signals, location: str) -> None:
    count = len(signals.found)
    if _PLATFORM_LOCATION_RE.match(location):
        word = location.strip()
        signals.add("platform", "location", VIRTUAL, _T_PLATFORM, word=word)
    _scan_text(signals, location, "location")
    if len(signals.found) > count:
        return
    rest = _URL_RE.sub(" ", location)
    if _PLACEHOLDER_RE.match(rest) or "@" in rest or not _LETTER_RE.search(rest):
        return
    signals.add("bare_place", "location", PLACE, _T_BARE_PLACE, place=_quote(rest))


def _scan_conference_links(signals: _Signals, links: Iterable[str]) -> None:
    for link in links:
        if link.lower().startswith("tel:"):
            signals.add("phone_number", "conference", PHONE, _T_PHONE_NUMBER, number=link[4:])
        elif link:
            _scan_link(signals, link, "conference")


def _scan_url(signals: _Signals, url: str) -> None:
    if url:  # only join and map links count; an event's own web page has no weight
        _scan_link(signals, url, "url")


def _scan_resources(signals: _Signals, event: Event) -> None:
    for person in event.attendees:
        if person.is_resource:
            name = person.name or person.email
            signals.put(PLACE, P.ROOM_RESOURCE_WEIGHT, _T_ROOM, name=_quote(name))
            return


def _scan_geo(signals: _Signals, event: Event) -> None:
    geo = event.geo
    if geo is not None and (abs(geo.lat) > 1e-6 or abs(geo.lon) > 1e-6):
        signals.put(PLACE, P.GEO_WEIGHT, _T_GEO, lat=geo.lat, lon=geo.lon)


# --- provider hints --------------------------------------------------------------------------


def _is_zero(value: str) -> bool:
    try:
        return abs(float(value)) < 1e-6
    except ValueError:
        return True


def _hint_vendor(key: str) -> str | None:
    for suffix, vendor in P.CONFERENCE_HINTS:
        if key.endswith(suffix):
            return vendor
    return None


def _scan_provider_hint(signals: _Signals, name: str, value: str) -> None:
    found = _PROVIDER_VALUE_RE.search(value)
    provider = (found.group(1) if found else value).strip().lower()
    if provider in P.NO_PROVIDER_VALUES:
        return
    vendor = P.EXCHANGE_PROVIDERS.get(provider)
    if vendor:
        signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, _T_VENDOR_HINT, vendor=vendor, hint=name)
    else:
        signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, _T_ONLINE_HINT, hint=name)


def _scan_place_hint(signals: _Signals, name: str, key: str, value: str) -> bool:
    """Hints that name a physical place. True if ``key`` was one of them."""
    if key.endswith(P.STRUCTURED_LOCATION_HINTS):
        geo = _GEO_URI_RE.search(value)
        if not geo or not (_is_zero(geo.group(1)) and _is_zero(geo.group(2))):
            signals.put(PLACE, P.STRUCTURED_LOCATION_WEIGHT, _T_STRUCTURED, hint=name)
    elif key.endswith(P.MS_LOCATIONS_HINTS):
        if found := _MS_ADDRESS_RE.search(value):
            address = _quote(found.group(1))
            signals.put(PLACE, P.MS_ADDRESS_WEIGHT, _T_MS_ADDRESS, address=address, hint=name)
    elif key.endswith(P.LOCATION_TYPE_HINTS):
        if value.strip().lower() not in P.VIRTUAL_LOCATION_TYPES:
            weight = P.LOCATION_TYPE_WEIGHT
            signals.put(PLACE, weight, _T_LOCATION_TYPE, value=_quote(value), hint=name)
    elif key.endswith(P.LATITUDE_HINTS):
        if not _is_zero(value):
            signals.put(PLACE, P.GEO_WEIGHT, _T_GEO_HINT, hint=name)
    elif not key.endswith(P.LONGITUDE_HINTS):
        return False
    return True


def _scan_hint(signals: _Signals, name: str, value: str) -> None:
    key = name.upper()
    if ";" in key or key.endswith(P.IGNORED_HINTS):  # ";": a parameter ("…;X-ADDRESS")
        return
    vendor = _hint_vendor(key)
    if vendor is not None:
        if value.lower() not in P.NO_PROVIDER_VALUES:
            template = _T_ONLINE_HINT if vendor == "online" else _T_VENDOR_HINT
            signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, template, vendor=vendor, hint=name)
    elif key.endswith(P.ONLINE_FLAG_HINTS):
        if value.strip().lower() in ("true", "1", "yes"):
            signals.put(VIRTUAL, P.ONLINE_FLAG_WEIGHT, _T_ONLINE_HINT, hint=name)
    elif key.endswith(P.PROVIDER_HINTS):
        _scan_provider_hint(signals, name, value)
    elif key.endswith(P.EVENT_TYPE_HINTS):
        signals.blocker = signals.blocker or value.strip().lower() in P.BLOCKER_EVENT_TYPES
    elif key.endswith(P.CONFERENCE_PROPERTY_HINTS):
        if value.lower().startswith("tel:"):
            signals.add("phone_number", "conference", PHONE, _T_PHONE_NUMBER, number=value[4:])
        else:
            _scan_link(signals, value, "conference")
    elif not _scan_place_hint(signals, name, key, value) and "://" in value:
        _scan_hint_links(signals, name, value)


def _scan_hint_links(signals: _Signals, name: str, value: str) -> None:
    """A join link of a known service in any hint (Graph ``onlineMeeting.joinUrl``, ...)."""
    for match in _URL_RE.finditer(value):
        if found := _VENDOR_RE.search(match.group(0)):
            vendor = _VENDOR_NAMES[found.lastgroup or ""]
            weight = P.WEIGHTS["vendor_link"]["hint"]
            signals.put(VIRTUAL, weight, _T_VENDOR_LINK, vendor=vendor, field=name)
            return


def _scan_hints(signals: _Signals, hints: Iterable[tuple[str, str]]) -> None:
    for name, value in hints:
        if value and value.strip():
            _scan_hint(signals, name, value[: P.FIELD_MAX])


# --- deciding -------------------------------------------------------------------------------


def _collect(event: Event) -> _Signals:
    signals = _Signals()
    _scan_text(signals, event.title[: P.FIELD_MAX], "title")
    if event.location:
        _scan_location(signals, event.location[: P.FIELD_MAX])
    if event.description:
        _scan_text(signals, event.description[: P.DESCRIPTION_MAX], "description")
    _scan_url(signals, event.url)
    _scan_conference_links(signals, event.conference_links)
    _scan_hints(signals, event.hints)
    _scan_resources(signals, event)
    _scan_geo(signals, event)
    title = event.title.strip()
    signals.blocker = signals.blocker or bool(_BLOCKER_RE.match(title))
    alone = len(event.people()) < 2  # a meal with a counterpart is a meeting, not a blocker
    signals.blocker = signals.blocker or (alone and bool(_BARE_MEAL_RE.match(title)))
    return signals


def _decide(signals: _Signals, event: Event) -> Mode:
    virtual = signals.total(VIRTUAL)
    place = signals.total(PLACE)
    strong = virtual >= P.STRONG_VIRTUAL
    if signals.blocker and place < P.HYBRID_PLACE and not strong:
        return Mode.UNKNOWN
    if event.all_day and place < P.DECIDE:
        return Mode.UNKNOWN
    presence = signals.total(PRESENCE)
    hybrid = signals.total(HYBRID)
    if virtual >= P.HYBRID_VIRTUAL and (place >= P.HYBRID_PLACE or presence >= P.HYBRID_PRESENCE):
        return Mode.HYBRID
    if hybrid >= P.STRONG_VIRTUAL or (hybrid >= P.DECIDE and (virtual or place)):
        return Mode.HYBRID
    scores = (
        (Mode.IN_PERSON, signals.total(*_IN_PERSON_SIDES)),
        (Mode.VIRTUAL, virtual),
        (Mode.PHONE, 0.0 if strong else signals.total(PHONE)),
    )
    mode, best = max(scores, key=lambda pair: pair[1])  # ties: the order above
    return mode if best >= P.DECIDE else Mode.UNKNOWN


def _top(signals: _Signals, sides: tuple[str, ...], count: int = _MAX_EVIDENCE) -> list[str]:
    chosen = [s for s in signals.found if s.side in sides]
    chosen.sort(key=lambda s: -s.weight)  # stable: equal weights keep reading order
    return [s.text() for s in chosen[:count]]


def _explain(signals: _Signals, mode: Mode, event: Event) -> tuple[str, ...]:
    if mode is Mode.HYBRID:
        lines = _top(signals, (HYBRID,), 1) + _top(signals, (VIRTUAL,), 2)
        return tuple(lines + _top(signals, (PLACE, PRESENCE, MENTION), 2))
    if mode is not Mode.UNKNOWN:
        return tuple(_top(signals, _SIDES_OF[mode]))
    if signals.blocker:
        return (_(_T_BLOCKER, title=_quote(event.title)),)
    if event.all_day:
        return (_(_T_ALL_DAY),)
    if not signals.found:
        return (_(_T_NOTHING),)
    return (_(_T_WEAK), *_top(signals, (VIRTUAL, PHONE, HYBRID, *_IN_PERSON_SIDES), 2))


def classify(event: Event) -> Classification:
    """The mode of ``event`` and the evidence for it (most telling first)."""
    signals = _collect(event)
    mode = _decide(signals, event)
    return Classification(mode, _explain(signals, mode, event))
