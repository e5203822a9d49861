"""The signals the classifier collects: which side each counts for, its weight, and the evidence
template that explains it.

The scanners (:mod:`planner.judge.text`, :mod:`planner.judge.hints`) add signals to a
:class:`Signals`; :mod:`planner.judge.mode` weighs the sides and writes the evidence. Templates are
English source texts marked with :func:`N_`; they are translated only when shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.judge import patterns as P
from planner.judge.kept_regex import compiled

# Sides a signal counts for. PLACE is a concrete place (location field, room, coordinates);
# MENTION is a place named in the title or description, which does not make a video call hybrid.
VIRTUAL, PHONE, PLACE, MENTION = "virtual", "phone", "place", "mention"
PRESENCE, MEAL, HYBRID = "presence", "meal", "hybrid"
IN_PERSON_SIDES = (PLACE, MENTION, PRESENCE, MEAL)

# Tiers: structure before words. A mode is decided by the highest tier that says anything
# (see planner.judge.mode); weights only compare signals of one tier.
WORDS, LOCATION, LINK, STRUCTURE, USER = 1, 2, 3, 4, 5
TIER_NAMES = {WORDS: "words", LOCATION: "location", LINK: "link", STRUCTURE: "structure"}
#: Link families that are structure wherever they stand: a join link of a known tool, tel:.
STRONG_LINKS = frozenset({"vendor_link", "tel_link", "block_link", "dial_in"})
#: Where a text signal stands → its tier (links of an unknown service count as words outside
#: the location).
TIER_OF_FIELD = {
    "title": WORDS,
    "description": WORDS,
    "location": LOCATION,
    "url": LOCATION,
    "conference": STRUCTURE,
    "hint": STRUCTURE,
}


def N_(message: str) -> str:
    """Mark ``message`` for translation; :func:`planner.i18n._` translates it when shown."""
    return message


FIELD_LABELS = {
    "title": N_("title"),
    "location": N_("location"),
    "description": N_("description"),
    "url": N_("event URL"),
    "conference": N_("conference data"),
}

T_VENDOR_LINK = N_("{vendor} link in {field}")
T_MEETING_LINK = N_("meeting link '{host}' in {field}")
T_OTHER_LINK = N_("link '{host}' in {field}")
T_MAP_LINK = N_("map link in {field}")
T_PLATFORM = N_("video platform '{word}' in {field}")
T_PHRASE = N_("phrase '{phrase}' in {field}")
T_CALL = N_("'{word}' in {field} (phone or video)")
T_CALL_TOOL = N_("call app '{word}' in {field}")
T_DIAL_IN = N_("dial-in number '{number}' in the invitation")
T_ROOM_PART = N_("room '{name}' in location")
T_PHONE_NUMBER = N_("phone number '{number}' in {field}")
T_ADDRESS_LOCATION = N_("street address '{address}'")
T_ADDRESS = N_("street address '{address}' in {field}")
T_VENUE = N_("venue '{word}' in {field}")
T_CITY = N_("city '{city}' in {field}")
T_BARE_PLACE = N_("place '{place}' in location")
T_ROOM = N_("room resource '{name}'")
T_GEO = N_("coordinates {lat:.4f}, {lon:.4f}")
T_GEO_HINT = N_("coordinates ({hint})")
T_STRUCTURED = N_("structured location ({hint})")
T_LOCATION_TYPE = N_("location type '{value}' ({hint})")
T_MS_ADDRESS = N_("address '{address}' ({hint})")
T_VENDOR_HINT = N_("{vendor} meeting ({hint})")
T_ONLINE_HINT = N_("online meeting ({hint})")
T_BLOCKER = N_("personal blocker '{title}'")
T_ALL_DAY = N_("all-day event without a place")
T_NOTHING = N_("no place, link or phone number")
T_WEAK = N_("too little to go on")
T_CONFLICT = N_("{first}, and {second}: both may hold (hybrid), or one is out of date")
T_ALSO = N_("but also: {line}")

_SPACE_RE = compiled(r"\s+")
_NEWLINES_RE = compiled(r"\s*[\r\n]+\s*")


@dataclass(slots=True)
class Signal:
    """One piece of evidence: its side, weight, and the template with its values."""

    side: str
    weight: float
    template: str
    values: dict[str, object]
    tier: int = STRUCTURE


@dataclass(slots=True)
class Signals:
    """Everything found in one event, with the total weight per side."""

    found: list[Signal] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)
    blocker: bool = False  # the title says so ("Focus", "Urlaub"): a place or link still counts
    provider_blocker: bool = False  # the calendar says so (focus time, out of office)

    def add(self, family: str, where: str, side: str, template: str, **values: object) -> None:
        """Count a text signal once per family and field, with the weight from the table."""
        if (family, where) in self.seen:
            return
        weight = P.WEIGHTS[family].get(where, 0.0)
        if weight <= 0:
            return
        self.seen.add((family, where))
        if family in STRONG_LINKS:
            tier = LINK
        elif family == "map_link":
            tier = LOCATION
        else:
            tier = TIER_OF_FIELD.get(where, WORDS)
        # what put() does, its values in the order it would take them
        self.found.append(Signal(side, weight, template, {"field": where, **values}, tier))
        self.totals[side] = self.totals.get(side, 0.0) + weight

    def put(
        self, side: str, weight: float, template: str, *, tier: int = STRUCTURE, **values: object
    ) -> None:
        self.found.append(Signal(side, weight, template, values, tier))
        self.totals[side] = self.totals.get(side, 0.0) + weight

    def total(self, *sides: str) -> float:
        return sum(self.totals.get(side, 0.0) for side in sides)

    def tier(self, *sides: str, at_least: float = 0.0) -> int:
        """The highest tier whose signals for ``sides`` weigh at least ``at_least`` together
        (0: none)."""
        weights: dict[int, float] = {}  # by tier, summed in the order found as weight() sums
        for s in self.found:
            if s.side in sides:
                weights[s.tier] = weights.get(s.tier, 0) + s.weight
        if not weights:
            return 0  # (most events: a few signals, none of these sides)
        least = max(at_least, 1e-9)
        if len(weights) == 1:
            [(tier, weight)] = weights.items()
            return tier if weight >= least else 0
        for tier in sorted(weights, reverse=True):
            if weights[tier] >= least:
                return tier
        return 0

    def weight(self, tier: int, *sides: str) -> float:
        """The weight of the signals for ``sides`` at ``tier``."""
        return sum(s.weight for s in self.found if s.side in sides and s.tier == tier)


def quote(text: str) -> str:
    """A short, one-line excerpt for an evidence string."""
    line = _SPACE_RE.sub(" ", _NEWLINES_RE.sub(", ", text.strip()))
    return line if len(line) <= P.QUOTE_MAX else line[: P.QUOTE_MAX - 1].rstrip() + "…"
