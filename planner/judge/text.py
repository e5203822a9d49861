"""Signals in the zones of an event (:mod:`planner.judge.zones`): links anywhere, the parts of
the location, words in the title and in what the user wrote, dial-in numbers in the blocks
tools append, rooms and coordinates.

Words are read only where a person wrote them (title, user text); a vendor block contributes
its links and numbers, never its words. In the title a mode word that is the subject ("Hybrid
Work", "Online-Marketing", "Remote-Führung", "Travail hybride") is no mode: see
:func:`_marker`. The word lists and weights live in :mod:`planner.judge.patterns`, the tools in
:mod:`planner.judge.tools`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.judge import patterns as P
from planner.judge import zones as Z
from planner.judge.anchored import factored
from planner.judge.calls import NOT_CALLS, call_promise, call_verb
from planner.judge.kept_regex import compiled
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
    T_CALL_TOOL,
    T_CITY,
    T_DIAL_IN,
    T_GEO,
    T_MAP_LINK,
    T_MEETING_LINK,
    T_OTHER_LINK,
    T_PHONE_NUMBER,
    T_PHRASE,
    T_PLATFORM,
    T_ROOM,
    T_ROOM_PART,
    T_VENDOR_LINK,
    T_VENUE,
    VIRTUAL,
    Signals,
    quote,
)
from planner.judge.tools import (
    LINK_RE,
    MESSENGER,
    TOOLS,
    VIDEO,
    Tool,
    is_video_call,
    tool_of_link,
)
from planner.judge.zones import URL_RE, Zones, address_in, phone_numbers
from planner.model import Event

# --- compiled patterns --------------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; a space matches spaces or hyphens."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in unique)


_PHRASE_SPLIT_RE = compiled(r"[\s-]+")


def _phrase_key(phrase: str) -> str:
    """Lower case, one space between words: how a matched phrase is looked up."""
    return " ".join(_PHRASE_SPLIT_RE.split(phrase.lower().strip()))


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes (far faster in ``re``
    than a flat alternation). Spaces and hyphens in a phrase match any run of them."""
    return factored((_phrase_key(word) for word in words), r"[\s-]+")


#: Tool names too common as words to count in a title or text ("Meet the team", "Teams").
_AMBIGUOUS_TOOL_NAMES = frozenset(
    {"meet", "teams", "call", "web", "huddle", "chime", "video", "online", "remote", "virtual",
     "audio", "mobile", "cell", "tel", "tel.", "phone", "signal", "talk", "lync", "hangouts"}
)  # fmt: skip
_PLATFORM_WORDS = tuple(
    n
    for t in TOOLS
    if t.kind == VIDEO and t.name not in ("online",)
    for n in t.names
    if n not in _AMBIGUOUS_TOOL_NAMES
)
#: A video tool named in a block: its join block, whatever its language ("Join the Nextcloud
#: Talk conversation", "Neem deel aan het gesprek in Nextcloud Talk").
_TOOL_NAME_RE = compiled(rf"(?<!\w)(?:{_trie(_PLATFORM_WORDS)})(?!\w)", re.IGNORECASE)
_MESSENGER_WORDS = tuple(n for t in TOOLS if t.kind == MESSENGER for n in t.names)
#: Named tools (not the generic "online" and "phone" words) by how they are written.
_TOOL_BY_WORD = {
    _phrase_key(n): t for t in TOOLS if t.name not in ("online", "phone") for n in t.names
}

# One pass over the lower-cased text finds every listed word and phrase of every family.
_WORD_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("platform", _PLATFORM_WORDS),
    ("messenger", _MESSENGER_WORDS),
    ("virtual_phrase", P.VIRTUAL_PHRASES),
    ("phone_phrase", P.PHONE_PHRASES),
    ("call", P.AMBIGUOUS_CALL),
    ("not_call", NOT_CALLS),  # found first where it is longer: "Call for papers" is no call
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
_WORDS_RE = compiled(rf"(?<!\w)(?:{_trie(_FAMILIES_OF)})(?!\w)")
_VENUE_SUFFIX_RE = compiled(rf"\w(?:{_trie(P.VENUE_SUFFIXES)})(?!\w)")
_WORD_START_RE = compiled(r"\w*$")
_HOST_RE = compiled(r"(?:https?://)?([^/?#:\s]+)(.*)", re.IGNORECASE)
_MAP_RE = compiled(rf"(?:^|[./])(?:{P.MAP_HOSTS})", re.IGNORECASE)
_MEETING_PATH_RE = compiled(P.MEETING_PATH, re.IGNORECASE)
_TEL_URI_RE = compiled(P.TEL_URI, re.IGNORECASE)
_SPACE_RE = compiled(r"\s+")
#: Words and marks of a join block's dial-in part, in the languages tools write them, and the
#: verbs of a call someone writes about ("call me on", "rufen Sie mich an", "je vous appelle").
_DIAL_CONTEXT_RE = compiled(
    r"dial|einw[äa]hl|\bpin\b|passcode|kenncode|zugangscode|access\s*code|conference|"
    r"konferenz|meeting[\s-]*id|besprechungs[\s-]*id|teilnehm|participant|\bcode\b|"
    r"réunion|conférence|par\s+téléphone|by\s+phone|telefonisch|audio|,,|\d#|(?-i:tel:)(?=\+?\d)|"
    r"\bcall\b|anruf|rufen|\bruft\b|rückruf|appel",
    re.IGNORECASE,
)
_ADJECTIVES = frozenset(_phrase_key(w) for w in P.MODE_ADJECTIVES)
_NOUNS = frozenset(P.MEETING_NOUNS)
_CONNECTORS = frozenset(P.CONNECTORS)
_TOKEN_RE = compiled(r"[^\W\d_][\w'’]*")
_LAST_TOKEN_RE = compiled(r"[^\W\d_][\w'’]*$")
_CLAUSE_END = ':()[]|–—,;«»"!?'

# --- links ---------------------------------------------------------------------------------


def vendor_name(match: re.Match[str]) -> str:
    """The tool a :data:`planner.judge.tools.LINK_RE` match names ("Zoom", "Microsoft Teams")."""
    return tool_of_link(match).name


def scan_link(signals: Signals, url: str, where: str) -> None:
    """One URL: a known tool's join link, a phone link, a map, a meeting-like path, or any
    other link."""
    url = url[: P.FIELD_MAX]
    if url.lower().startswith("tel:"):
        signals.add("tel_link", where, PHONE, T_PHONE_NUMBER, number=quote(url))
        return
    if url.lower().startswith(("mailto:", "sip:")):
        return
    if vendor := LINK_RE.search(url):
        tool = tool_of_link(vendor)
        side = VIRTUAL if is_video_call(tool, url) else PHONE
        signals.add("vendor_link", where, side, T_VENDOR_LINK, vendor=tool.name)
        return
    host, path = _host_and_path(url)
    if _MAP_RE.search(host + path):
        signals.add("map_link", where, PLACE if where == "location" else MENTION, T_MAP_LINK)
    elif _MEETING_PATH_RE.search(path) or _MEETING_PATH_RE.search(host):
        signals.add("meeting_link", where, VIRTUAL, T_MEETING_LINK, host=host)
    else:
        signals.add("other_link", where, VIRTUAL, T_OTHER_LINK, host=host)


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


# --- words -----------------------------------------------------------------------------------


def _next_word(text: str, at: int) -> tuple[str, bool]:
    """The word after ``text[:at]`` in the same clause, and whether a hyphen joins them."""
    i, hyphen = at, False
    while i < len(text):
        char = text[i]
        if char in _CLAUSE_END:
            return "", False
        if char == "-":
            hyphen = True
        elif not char.isspace():
            match = _TOKEN_RE.match(text, i)
            return (match.group(0), hyphen) if match else ("", False)
        i += 1
    return "", False


def _previous_word(text: str, at: int) -> str:
    """The word before ``text[at:]`` in the same clause."""
    i = at
    while i > 0 and (text[i - 1].isspace() or text[i - 1] == "-"):
        i -= 1
    if i == 0 or text[i - 1] in _CLAUSE_END:
        return ""
    match = _LAST_TOKEN_RE.search(text, 0, i)
    return match.group(0) if match else ""


def _marker(text: str, start: int, end: int, tool: bool = False) -> bool:
    """Whether the mode word at ``text[start:end]`` says the meeting's mode (a marker:
    "(hybrid)", "Hybride :", "Online-Meeting", "réunion hybride", "Zoom mit Peter") rather
    than its subject ("Hybrid Work", "Remote-Führung", "Travail hybride", "Zoom-Lizenzen")."""
    after, joined = _next_word(text, end)
    low = after.casefold()
    if joined:  # a compound: "Online-Schulung" says the mode, "Online-Marketing" the subject
        return low in _NOUNS
    if tool:  # a tool's name: a subject only before a lower-case word ("Zoom lens")
        return not after or low in _NOUNS or low in _CONNECTORS or after[0].isupper()
    before = _previous_word(text, start)
    if before and before.casefold() not in _CONNECTORS:
        return before.casefold() in _NOUNS  # "réunion hybride", not "Travail hybride"
    return not after or low in _NOUNS or low in _CONNECTORS


def _first_words(text: str, low: str, guard: bool) -> dict[str, str]:
    """Family → the first listed word or phrase of that family in ``text`` (original case).
    With ``guard`` (a title) a mode adjective or tool name counts only as a marker."""
    same = len(low) == len(text)
    found: dict[str, str] = {}
    for m in _WORDS_RE.finditer(low):
        key = _phrase_key(m.group(0))
        families = _FAMILIES_OF.get(key, ())
        if guard and same and (key in _ADJECTIVES or key in _TOOL_BY_WORD):
            tool = key in _TOOL_BY_WORD and key not in _ADJECTIVES
            if not _marker(text, m.start(), m.end(), tool=tool):
                continue
        for family in families:
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


def _scan_words(signals: Signals, text: str, where: str, address: str | None = None) -> None:
    """Listed words and phrases: tools, wording of each mode, venues and cities. ``address``:
    the postal address given with a place, which a city named in the place must be in
    ("Café Wien, Kurfürstendamm 26, 10719 Berlin" is no sign of Vienna: a venue's name)."""
    found = _first_words(text, text.lower(), guard=where == "title")
    if address is not None and "city" in found and found["city"].casefold() not in address:
        del found["city"]
    for family, side, template, name in _WORD_SIGNALS:
        if family in found:
            signals.add(family, where, side, template, **{name: found[family]})
    if "messenger" in found:
        word = found["messenger"]
        video = is_video_call(_TOOL_BY_WORD[_phrase_key(word)], text)
        signals.add("messenger", where, VIRTUAL if video else PHONE, T_CALL_TOOL, word=word)
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
    if numbers := phone_numbers(text):
        signals.add("phone_number", where, PHONE, T_PHONE_NUMBER, number=numbers[0])


def _scan_address(signals: Signals, text: str, where: str) -> None:
    if m := address_in(text):
        start = _WORD_START_RE.search(text, 0, m.start()).start()  # type: ignore[union-attr]
        signals.add("address", where, MENTION, T_ADDRESS, address=quote(text[start : m.end()]))


def scan_text(signals: Signals, text: str, where: str) -> None:
    """A text a person wrote: the title or the user-written part of the description."""
    if not text:
        return
    for match in URL_RE.finditer(text):
        scan_link(signals, match.group(0), where)
    if where == "title" and ("vendor_link", where) not in signals.seen:
        if vendor := LINK_RE.search(text):  # a bare "zoom.us/j/123" without a scheme
            signals.add("vendor_link", where, VIRTUAL, T_VENDOR_LINK, vendor=vendor_name(vendor))
    words = URL_RE.sub(" ", text)
    _scan_words(signals, words, where)
    _scan_calls(signals, words, where)
    _scan_numbers(signals, words, where)
    _scan_address(signals, words, where)


def _scan_calls(signals: Signals, text: str, where: str) -> None:
    """A call as a verb before whom to call at the title's start ("Ring Fiona", "Bel Pieter",
    "Zadzwonić do …"), and a call promised in a sentence ("ich rufe Sie … an", "I'll ring
    you"): phone, in any of the languages :mod:`planner.judge.calls` knows."""
    if where == "title" and ("phone_phrase", where) not in signals.seen:
        if verb := call_verb(text):
            signals.add("call_verb", where, PHONE, T_PHRASE, phrase=verb)
    if promise := call_promise(text):
        signals.add("call_promise", where, PHONE, T_PHRASE, phrase=quote(promise))


def scan_blocks(signals: Signals, zones: Zones) -> None:
    """What tools and vendors appended: their links (join links are structure) and dial-in
    numbers; never their words. A meeting link of an unknown host in a block with dial-in
    numbers, or in a block that names its video tool, is a join block all the same (Skype for
    Business, Nextcloud Talk, Jitsi or BigBlueButton on the company's own server).
    A number is a dial-in only in a block that says how to join (a link, a PIN, a conference
    or meeting ID, "dial", "Einwahl", "par téléphone", ",,123#"): a signature's "Tel.: +49 …"
    under a name and an address says how to reach a person, not how the meeting happens."""
    for block in zones.blocks:
        numbers = phone_numbers(URL_RE.sub(" ", block)) or _TEL_URI_RE.findall(block)
        if numbers and not (_joins(block) or _DIAL_CONTEXT_RE.search(block)):
            numbers = []  # contact details
        for match in URL_RE.finditer(block):
            url = match.group(0)
            host, path = _host_and_path(url)
            known = LINK_RE.search(url) or url.lower().startswith(("tel:", "mailto:"))
            joins = numbers or _TOOL_NAME_RE.search(block)
            if not known and joins and _MEETING_PATH_RE.search(host + path):
                signals.add("block_link", "description", VIRTUAL, T_MEETING_LINK, host=host)
            else:
                scan_link(signals, url, "description")
        if numbers:
            number = numbers[0]
            signals.add("dial_in", "description", PHONE, T_DIAL_IN, number=quote(number))


def _joins(block: str) -> bool:
    """Whether ``block`` holds a join link (a known tool's, or a meeting-like path), not just a
    company's web site under a signature."""
    for match in URL_RE.finditer(block):
        host, path = _host_and_path(match.group(0))
        if LINK_RE.search(match.group(0)) or _MEETING_PATH_RE.search(host + path):
            return True
    return False


def _host_and_path(url: str) -> tuple[str, str]:
    parts = _HOST_RE.match(url)
    return (parts.group(1).lower(), parts.group(2)) if parts else (url, "")


# --- the location ------------------------------------------------------------------------------


def scan_location(signals: Signals, zones: Zones) -> None:
    """The parts of the location: links, tools, numbers, rooms, addresses, named places."""
    addresses = [part.text.casefold() for part in zones.location if part.kind == Z.ADDRESS]
    address = " ".join(addresses) if addresses else None
    for part in zones.location:
        if part.kind == Z.LINK:
            scan_link(signals, part.text, "location")
        elif part.kind == Z.PHONE:
            _scan_numbers(signals, part.text, "location")
        elif part.kind == Z.TOOL and part.tool is not None:
            _scan_tool(signals, part.tool, part.text)
        elif part.kind == Z.ROOM:
            signals.add("room", "location", PLACE, T_ROOM_PART, name=quote(part.text))
        elif part.kind == Z.ADDRESS:
            signals.add("address", "location", PLACE, T_ADDRESS_LOCATION, address=quote(part.text))
        elif part.kind == Z.PLACE:
            _scan_place(signals, part.text, address)


def _scan_tool(signals: Signals, tool: Tool, text: str) -> None:
    word = text.strip()
    if tool.kind == "phone":
        signals.add("phone_phrase", "location", PHONE, T_PHRASE, phrase=word)
    elif is_video_call(tool, text):
        signals.add("platform", "location", VIRTUAL, T_PLATFORM, word=word)
    else:
        signals.add("messenger", "location", PHONE, T_CALL_TOOL, word=word)


def _scan_place(signals: Signals, text: str, address: str | None = None) -> None:
    count = len(signals.found)
    _scan_words(signals, text, "location", address)
    if len(signals.found) == count:
        signals.add("bare_place", "location", PLACE, T_BARE_PLACE, place=quote(text))


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
