"""How a meeting takes place: in person, virtual, hybrid, phone or unknown.

:func:`classify` scores the signals of one event (links, platform names, phone numbers, street
addresses, venue words, rooms, coordinates, provider hints, wording) with the weights of
:mod:`planner.judge.patterns` and returns the mode with the evidence that decided it. It is pure (no
I/O) and fast: the contact ledger classifies thousands of events per run.

The signals are found by :mod:`planner.judge.text` (the event's words, rooms, coordinates)
and :mod:`planner.judge.hints` (what the provider states); this module weighs them.
"""

from __future__ import annotations

import re

from planner.i18n import _
from planner.judge import patterns as P
from planner.judge.hints import scan_hints
from planner.judge.people import networking_word
from planner.judge.signals import (
    FIELD_LABELS,
    HYBRID,
    IN_PERSON_SIDES,
    MEAL,
    MENTION,
    PHONE,
    PLACE,
    PRESENCE,
    T_ALL_DAY,
    T_BLOCKER,
    T_NOTHING,
    T_PHRASE,
    T_WEAK,
    VIRTUAL,
    Signal,
    Signals,
    quote,
)
from planner.judge.text import (
    alternation,
    scan_conference_links,
    scan_geo,
    scan_location,
    scan_resources,
    scan_text,
    scan_url,
)
from planner.judge.travel import travel_evidence
from planner.model import Classification, Event, Mode

_SIDES_OF: dict[Mode, tuple[str, ...]] = {
    Mode.VIRTUAL: (VIRTUAL,),
    Mode.PHONE: (PHONE,),
    Mode.IN_PERSON: IN_PERSON_SIDES,
}
_MAX_EVIDENCE = 3
_BLOCKER_RE = re.compile(rf"^\W*(?:{alternation(P.BLOCKER_TITLES)})(?!\w)", re.IGNORECASE)
_BARE_MEAL_RE = re.compile(rf"^\W*(?:{alternation(P.BARE_MEAL_TITLES)})\W*$", re.IGNORECASE)


def classify(event: Event) -> Classification:
    """The mode of ``event`` and the evidence for it (most telling first)."""
    if travel := travel_evidence(event):
        return Classification(Mode.TRAVEL, (travel,))
    signals = _collect(event)
    mode = _decide(signals, event)
    return Classification(mode, _explain(signals, mode, event))


def _collect(event: Event) -> Signals:
    signals = Signals()
    scan_text(signals, event.title[: P.FIELD_MAX], "title")
    if event.location:
        scan_location(signals, event.location[: P.FIELD_MAX])
    if event.description:
        scan_text(signals, event.description[: P.DESCRIPTION_MAX], "description")
    scan_url(signals, event.url)
    scan_conference_links(signals, event.conference_links)
    scan_hints(signals, event.hints)
    scan_resources(signals, event)
    scan_geo(signals, event)
    if gathering := networking_word(event):
        signals.add("gathering", "title", PRESENCE, T_PHRASE, phrase=gathering)
    title = event.title.strip()
    signals.blocker = signals.blocker or bool(_BLOCKER_RE.match(title))
    alone = len(event.people()) < 2  # a meal with a counterpart is a meeting, not a blocker
    signals.blocker = signals.blocker or (alone and bool(_BARE_MEAL_RE.match(title)))
    return signals


def _decide(signals: Signals, event: Event) -> Mode:
    virtual = signals.total(VIRTUAL)
    place = signals.total(PLACE)
    strong = virtual >= P.STRONG_VIRTUAL
    if signals.blocker and place < P.HYBRID_PLACE and not strong:
        return Mode.UNKNOWN
    presence = signals.total(PRESENCE)
    if event.all_day and place < P.DECIDE and presence < P.DECIDE:
        return Mode.UNKNOWN  # a day off, a birthday; but a trade fair is a day in person
    hybrid = signals.total(HYBRID)
    if virtual >= P.HYBRID_VIRTUAL and (place >= P.HYBRID_PLACE or presence >= P.HYBRID_PRESENCE):
        return Mode.HYBRID
    if hybrid >= P.STRONG_VIRTUAL or (hybrid >= P.DECIDE and (virtual or place)):
        return Mode.HYBRID
    scores = (
        (Mode.IN_PERSON, signals.total(*IN_PERSON_SIDES)),
        (Mode.VIRTUAL, virtual),
        (Mode.PHONE, 0.0 if strong else signals.total(PHONE)),
    )
    mode, best = max(scores, key=lambda pair: pair[1])  # ties: the order above
    if mode is Mode.IN_PERSON and _only_mentioned(signals, event):
        return Mode.UNKNOWN  # "TV Room": a place word in the title, nobody, nowhere
    return mode if best >= P.DECIDE else Mode.UNKNOWN


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
    chosen.sort(key=lambda s: -s.weight)  # stable: equal weights keep reading order
    return [_text(s) for s in chosen[:count]]


def _explain(signals: Signals, mode: Mode, event: Event) -> tuple[str, ...]:
    if mode is Mode.HYBRID:
        lines = _top(signals, (HYBRID,), 1) + _top(signals, (VIRTUAL,), 2)
        return tuple(lines + _top(signals, (PLACE, PRESENCE, MENTION), 2))
    if mode is not Mode.UNKNOWN:
        return tuple(_top(signals, _SIDES_OF[mode]))
    if signals.blocker:
        return (_(T_BLOCKER, title=quote(event.title)),)
    if event.all_day:
        return (_(T_ALL_DAY),)
    if not signals.found:
        return (_(T_NOTHING),)
    return (_(T_WEAK), *_top(signals, (VIRTUAL, PHONE, HYBRID, *IN_PERSON_SIDES), 2))
