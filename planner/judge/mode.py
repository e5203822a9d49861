"""How a meeting takes place: in person, virtual, hybrid, phone, travel or unknown, with the
evidence and a confidence.

Structure before words, in one order of precedence:

1. the user's own correction (``planner mark``, config ``[[rules]]``): applied over this
   classifier by :mod:`planner.judge.corrections`;
2. travel by its shape (:mod:`planner.judge.travel`): carrier and number, route, booking,
   stay over nights;
3. provider structure: conference data and online-meeting flags (Google ``conferenceData``,
   Graph ``isOnlineMeeting`` / ``onlineMeetingProvider``, ``X-MICROSOFT-*``, ``CONFERENCE``),
   rooms (``CUTYPE=ROOM/RESOURCE``), Graph ``locationType``, ``X-APPLE-STRUCTURED-LOCATION``,
   coordinates, Google ``eventType``;
4. conference and call links wherever they stand (location, URL, description, the blocks tools
   append), dial-in numbers of those blocks;
5. the parts of the location: tools (never a place), numbers to dial, rooms, addresses, places;
6. words in the title, then in what the user wrote.

The highest tier that says anything decides; weights (:mod:`planner.judge.patterns`) only
compare signals of one tier. Two strong signals that disagree (a room or address and a video
link) make the event hybrid with medium confidence; a weaker disagreement lowers the confidence
and is named in the evidence: nothing is settled silently. Each rule below declares the zones
(:mod:`planner.judge.zones`) it reads, and can read no other.

Pure (no I/O) and fast: the contact ledger classifies thousands of events per run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planner.i18n import _
from planner.judge import patterns as P
from planner.judge.hints import scan_hints
from planner.judge.kept_regex import compiled
from planner.judge.people import networking_word
from planner.judge.signals import (
    FIELD_LABELS,
    HYBRID,
    IN_PERSON_SIDES,
    LINK,
    LOCATION,
    MEAL,
    MENTION,
    PHONE,
    PLACE,
    PRESENCE,
    T_ALL_DAY,
    T_ALSO,
    T_BLOCKER,
    T_CONFLICT,
    T_NOTHING,
    T_PHRASE,
    T_WEAK,
    VIRTUAL,
    WORDS,
    Signal,
    Signals,
    quote,
)
from planner.judge.tasks import task_of
from planner.judge.text import (
    alternation,
    scan_blocks,
    scan_conference_links,
    scan_geo,
    scan_location,
    scan_resources,
    scan_text,
    scan_url,
)
from planner.judge.travel import travel_judgement
from planner.judge.zones import Zones, zones_of
from planner.model import Busy, Classification, Confidence, Event, Mode

_SIDES_OF: dict[Mode, tuple[str, ...]] = {
    Mode.VIRTUAL: (VIRTUAL,),
    Mode.PHONE: (PHONE,),
    Mode.IN_PERSON: IN_PERSON_SIDES,
}
_MAX_EVIDENCE = 3
_BLOCKER_RE = compiled(rf"^\W*(?:{alternation(P.BLOCKER_TITLES)})(?!\w)", re.IGNORECASE)
_PLACEHOLDER_RE = compiled(rf"^\W*(?:{alternation(P.PLACEHOLDER_TITLES)})(?!\w)", re.IGNORECASE)
_BARE_MEAL_RE = compiled(rf"^\W*(?:{alternation(P.BARE_MEAL_TITLES)})\W*$", re.IGNORECASE)


# --- the rules and the zones they read -------------------------------------------------------


class View:
    """The zones of one event as a rule may read them: only those it declared."""

    def __init__(self, event: Event, zones: Zones, reads: tuple[str, ...]) -> None:
        self._event, self._zones, self._reads = event, zones, reads  # a zone or two

    def _check(self, zone: str) -> None:
        if zone not in self._reads:
            raise PermissionError(f"this rule does not read the {zone} zone")

    @property
    def event(self) -> Event:  # provider structure: hints, rooms, coordinates, conference
        self._check("structure")
        return self._event

    @property
    def zones(self) -> Zones:
        self._check("links")  # links stand in every zone
        return self._zones

    def read(self, zone: str) -> object:
        self._check(zone)
        if zone == "title":
            return self._zones.title[: P.FIELD_MAX]
        if zone == "user":
            return self._zones.user_text
        if zone in ("location", "blocks"):
            return self._zones
        raise KeyError(zone)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    reads: tuple[str, ...]
    scan: Callable[[Signals, View], None]


def _structure(signals: Signals, view: View) -> None:
    event = view.event
    scan_conference_links(signals, event.conference_links)
    scan_hints(signals, event.hints)
    scan_resources(signals, event)
    scan_geo(signals, event)


def _links(signals: Signals, view: View) -> None:
    scan_url(signals, view.event.url)
    scan_blocks(signals, view.zones)  # links and dial-in numbers of appended blocks


def _location(signals: Signals, view: View) -> None:
    zones = view.read("location")
    assert isinstance(zones, Zones)
    scan_location(signals, zones)


def _title(signals: Signals, view: View) -> None:
    title = view.read("title")
    assert isinstance(title, str)
    scan_text(signals, title, "title")


def _user(signals: Signals, view: View) -> None:
    text = view.read("user")
    assert isinstance(text, str)
    scan_text(signals, text, "description")


RULES: tuple[Rule, ...] = (
    Rule("provider structure", ("structure",), _structure),
    Rule("links and dial-in numbers", ("structure", "links"), _links),
    Rule("location parts", ("location",), _location),
    Rule("title words", ("title",), _title),
    Rule("user-written words", ("user",), _user),
)


# --- deciding --------------------------------------------------------------------------------


def classify(event: Event) -> Classification:
    """The mode of ``event``, the evidence for it (most telling first) and the confidence."""
    zones = zones_of(event)
    if travel := travel_judgement(event):
        evidence, confidence = travel
        return Classification(Mode.TRAVEL, (evidence,), confidence)
    signals = _collect(event, zones)
    mode, confidence, notes = _decide(signals, event)
    explained = _explain(signals, mode, event)
    evidence = notes + explained if mode is Mode.HYBRID else explained + notes
    return Classification(mode, evidence, confidence)


def _collect(event: Event, zones: Zones) -> Signals:
    signals = Signals()
    for rule in RULES:
        rule.scan(signals, View(event, zones, rule.reads))
    if gathering := networking_word(event):
        signals.add("gathering", "title", PRESENCE, T_PHRASE, phrase=gathering)
    alone = len(event.people()) < 2
    if alone and event.availability in (Busy.OUT_OF_OFFICE, Busy.WORKING_ELSEWHERE):
        signals.provider_blocker = True  # Graph showAs, X-MICROSOFT-CDO-BUSYSTATUS
    title = event.title.strip()
    held = not alone and bool(_PLACEHOLDER_RE.match(title))  # "Hold: …" with people: a meeting
    blocker = bool(_BLOCKER_RE.match(title)) and not held
    signals.blocker = signals.blocker or blocker or bool(task_of(event))
    # a meal with a counterpart is a meeting, not a blocker
    signals.blocker = signals.blocker or (alone and bool(_BARE_MEAL_RE.match(title)))
    return signals


Decision = tuple[Mode, Confidence, tuple[str, ...]]


def _decide(signals: Signals, event: Event) -> Decision:
    if not signals.found and P.DECIDE > 0:
        return _nothing_found(signals, event)
    video = signals.tier(VIRTUAL, at_least=P.DECIDE)
    phone = signals.tier(PHONE, at_least=P.DECIDE)
    place = signals.tier(PLACE, at_least=P.HYBRID_PLACE)
    strong_video = signals.tier(VIRTUAL, at_least=P.STRONG_VIRTUAL)
    if signals.provider_blocker:
        return Mode.UNKNOWN, Confidence.HIGH, ()  # focus time, out of office, working location
    if signals.blocker and place < LOCATION and strong_video < LINK:
        return Mode.UNKNOWN, Confidence.MEDIUM, ()  # the title says so: a place still counts
    somewhere = signals.tier(PLACE, at_least=P.DECIDE) >= LOCATION or strong_video >= LINK
    if event.all_day and not somewhere and signals.total(PRESENCE) < P.DECIDE:
        return Mode.UNKNOWN, Confidence.MEDIUM, ()  # a day off; a trade fair is a day in person
    if strong_video >= LOCATION and place >= LOCATION:
        return Mode.HYBRID, Confidence.MEDIUM, (_conflict(signals),)
    hybrid = signals.tier(HYBRID, at_least=P.DECIDE)
    if hybrid and (video or place or signals.total(PRESENCE) >= P.DECIDE):
        return Mode.HYBRID, Confidence.MEDIUM, ()
    in_person = signals.tier(*IN_PERSON_SIDES, at_least=P.DECIDE)
    top = max(video, phone, in_person)
    if not top:
        return _unknown(signals, event)
    at_top = {
        Mode.IN_PERSON: signals.weight(top, *IN_PERSON_SIDES) if in_person == top else 0.0,
        Mode.VIRTUAL: signals.weight(top, VIRTUAL) if video == top else 0.0,
        Mode.PHONE: signals.weight(top, PHONE) if phone == top else 0.0,
    }
    if at_top[Mode.VIRTUAL] >= P.STRONG_VIRTUAL and top >= LINK:
        at_top[Mode.PHONE] = 0.0  # the dial-in of a video invitation
    mode = max(at_top, key=lambda m: at_top[m])  # ties: the order above
    if mode is Mode.IN_PERSON and _only_mentioned(signals, event):
        return _unknown(signals, event)  # "TV Room": a place word in the title, nobody, nowhere
    return mode, *_confidence(signals, mode, top)


def _nothing_found(signals: Signals, event: Event) -> Decision:
    """:func:`_decide` without a signal (most events: a title, people): every tier and total
    0, so only the blockers and the all-day rule speak before :func:`_unknown`."""
    if signals.provider_blocker:
        return Mode.UNKNOWN, Confidence.HIGH, ()
    if signals.blocker or event.all_day:
        return Mode.UNKNOWN, Confidence.MEDIUM, ()
    return _unknown(signals, event)


def _unknown(signals: Signals, event: Event) -> Decision:
    """Nothing decides: low confidence for a meeting with people (the user can settle it)."""
    return Mode.UNKNOWN, Confidence.LOW if event.people() else Confidence.MEDIUM, ()


def _confidence(signals: Signals, mode: Mode, top: int) -> tuple[Confidence, tuple[str, ...]]:
    """By the tier that decided, one step lower when another mode has a strong signal too."""
    if top >= LINK:
        level = Confidence.HIGH
    elif top == LOCATION:
        strong = any(
            s.tier == LOCATION and s.weight >= P.STRONG_VIRTUAL for s in _decisive(signals, mode)
        )
        level = Confidence.HIGH if strong else Confidence.MEDIUM
    else:
        weak = all(s.weight < P.HYBRID_PLACE for s in _decisive(signals, mode))
        level = Confidence.LOW if weak else Confidence.MEDIUM
    rivals = [
        s
        for s in signals.found
        if s.side not in _SIDES_OF.get(mode, ())
        and s.side != HYBRID
        and s.tier >= LOCATION
        and s.weight >= P.DECIDE
        and not _dial_in_of_video(mode, s)
    ]
    if not rivals:
        return level, ()
    lower = Confidence.MEDIUM if level is Confidence.HIGH else Confidence.LOW
    return lower, (_(T_ALSO, line=_text(max(rivals, key=lambda s: (s.tier, s.weight)))),)


def _dial_in_of_video(mode: Mode, signal: Signal) -> bool:
    """A number in the invitation of a video meeting (its dial-in) is no disagreement; one
    typed into the location is."""
    return (
        mode is Mode.VIRTUAL and signal.side == PHONE and signal.values.get("field") != "location"
    )


def _decisive(signals: Signals, mode: Mode) -> list[Signal]:
    return [s for s in signals.found if s.side in _SIDES_OF.get(mode, ())]


def _conflict(signals: Signals) -> str:
    video = max((s for s in signals.found if s.side == VIRTUAL), key=_rank)
    place = max((s for s in signals.found if s.side == PLACE), key=_rank)
    return _(T_CONFLICT, first=_text(place), second=_text(video))


def _rank(signal: Signal) -> tuple[int, float]:
    return signal.tier, signal.weight


def _only_mentioned(signals: Signals, event: Event) -> bool:
    return (
        not event.location.strip()
        and not event.people()
        and not signals.total(PLACE, PRESENCE, MEAL)
    )


# --- evidence -------------------------------------------------------------------------------


def _text(signal: Signal) -> str:
    """The evidence line of ``signal``, translated (its field label too)."""
    values = dict(signal.values)
    where = values.get("field")
    if isinstance(where, str) and where in FIELD_LABELS:
        values["field"] = _(FIELD_LABELS[where])
    return _(signal.template, **values)


def _top(signals: Signals, sides: tuple[str, ...], count: int = _MAX_EVIDENCE) -> list[str]:
    chosen = [s for s in signals.found if s.side in sides]
    chosen.sort(key=lambda s: (-s.tier, -s.weight))  # stable: equal ranks keep reading order
    return [_text(s) for s in chosen[:count]]


def _explain(signals: Signals, mode: Mode, event: Event) -> tuple[str, ...]:
    if mode is Mode.HYBRID:
        lines = _top(signals, (HYBRID,), 1) + _top(signals, (VIRTUAL,), 2)
        lines += _top(signals, (PLACE, PRESENCE, MENTION), 2)
        said = _top(signals, (PRESENCE,), 1)  # "en présentiel": words that take a side
        return tuple(lines + [line for line in said if line not in lines])
    if mode is not Mode.UNKNOWN:
        return tuple(_top(signals, _SIDES_OF[mode]))
    if signals.blocker or signals.provider_blocker:
        return (_(T_BLOCKER, title=quote(event.title)),)
    if event.all_day:
        return (_(T_ALL_DAY),)
    if not signals.found:
        return (_(T_NOTHING),)
    return (_(T_WEAK), *_top(signals, (VIRTUAL, PHONE, HYBRID, *IN_PERSON_SIDES), 2))


__all__ = ["RULES", "Rule", "View", "classify", "LINK", "WORDS"]
