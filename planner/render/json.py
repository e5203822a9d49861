"""JSON output: the documented shape other programs rely on (see README, "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from planner.judge.corrections import ref_of
from planner.model import Mode
from planner.render.kinds import entry_kind
from planner.render.labels import counted_note, settle_command
from planner.render.unread import FIELD as UNREAD
from planner.render.unread import unread_to_list
from planner.sync.standins import moved_from

if TYPE_CHECKING:
    from planner.flows.plan import PlannedEvent, WeeklyPlan
    from planner.judge.recommend import Balance, DueVisit
    from planner.model import Classification, Event, PurposeResult
    from planner.people import People


INDENT = "  "  # the JSON output's indentation, one level
SLICED = 2_000  # events from which a week's JSON is made on several cores


def dumps(data: dict[str, Any]) -> str:
    return _indented(data) + "\n"


def _indented(value: object) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it."""
    return _indented_bytes(value).decode()


def _indented_bytes(value: object) -> bytes:
    """:func:`_indented` in UTF-8, by orjson (the same text, twenty times faster; a value
    orjson cannot take, such as an integer of more than 64 bits, is left to the standard
    library)."""
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, indent=2).encode()


def event_to_dict(
    event: Event,
    classification: Classification,
    tz: tzinfo | None = None,
    people: People | None = None,
    seen: dict[tuple[str, str], Any] | None = None,
    purpose: PurposeResult | None = None,
) -> dict[str, Any]:
    """``start``/``end`` in ``tz`` (the user's zone); ``event_timezone`` and ``event_start``
    name the event's own zone and local start where that zone differs. ``people`` lists
    organizer and attendees with the best names ``people`` knows (else the calendar's);
    ``seen``: see :func:`people_to_list`; ``settle`` also settles a ``purpose`` of low
    confidence."""
    ref = ref_of(event)
    data = {
        "uid": event.uid,
        "title": event.title,
        **times_in(event.start, event.end, tz),
        "all_day": event.all_day,
        "location": event.location,
        "attendees": [a.email for a in event.attendees if not a.is_resource],
        "organizer": event.organizer.email if event.organizer else None,
        "people": people_to_list(event, people, seen),
        "calendar": event.calendar,
        "busy": event.busy,
        "status": event.status._value_,  # (a plain attribute; ``value`` is a property)
        "recurring": event.is_recurring,
        "conference_links": list(event.conference_links),
        "mode": classification.mode._value_,
        "evidence": list(classification.evidence),
        "confidence": classification.confidence._value_,
        "ref": ref,
        "settle": settle_command(event, classification, purpose, ref),
    }
    return data


def people_to_list(
    event: Event, people: People | None = None, seen: dict[tuple[str, str], Any] | None = None
) -> list[dict[str, str]]:
    """Organizer and attendees (no rooms), each with ``email``, ``name``, ``organisation``
    and ``city`` as far as known; ``seen`` keeps each description made during one rendering
    (a week names the same people many times, and the directory does not change meanwhile)."""
    if people is None:
        from planner.people import People

        people = People()
    if seen is None:
        return [people.describe(p.email, p.name) for p in event.people()]
    found = []
    for p in event.people():
        described = seen.get((p.email, p.name))
        if described is None:
            described = seen[p.email, p.name] = people.describe(p.email, p.name)
        found.append(described)  # the same dict for each mention: the view is only read
    return found


def times_in(start: datetime, end: datetime, tz: tzinfo | None) -> dict[str, Any]:
    """ISO 8601 ``start``/``end`` in ``tz``, plus the original zone where it differs."""
    if tz is None:
        return {"start": start.isoformat(), "end": end.isoformat()}
    local = start.astimezone(tz)
    shown = {"start": local.isoformat(), "end": end.astimezone(tz).isoformat()}
    if start.tzinfo is None or start.tzinfo is tz:  # (in its own zone: the same name)
        return shown
    own, user = _zone_name(start), _zone_name(local)
    if own != user:
        shown["event_timezone"] = own
        shown["event_start"] = start.isoformat()
    return shown


def _iso(moment: datetime, tz: tzinfo | None) -> str:
    return (moment.astimezone(tz) if tz is not None else moment).isoformat()


def _zone_name(moment: datetime) -> str:
    key = getattr(moment.tzinfo, "key", None)
    if key:
        return "UTC" if key in ("UTC", "Etc/UTC") else key
    text = moment.strftime("%z")  # a fixed offset: "UTC+02:00"
    return "UTC" if text in ("", "+0000") else f"UTC{text[:3]}:{text[3:5]}"


def planned_to_dict(
    item: PlannedEvent,
    tz: tzinfo | None = None,
    people: People | None = None,
    seen: dict[tuple[str, str], Any] | None = None,
) -> dict[str, Any]:
    data = event_to_dict(item.event, item.classification, tz, people, seen, item.purpose)
    data["meeting"] = item.meeting
    data["kind"] = entry_kind(item)._value_
    data["external"] = item.external
    data.update(item_extras(item))
    if item.counted_as is not None:  # one meeting with another event: counted as that one
        other = item.counted_as.instead
        data["counted_as"] = {"uid": other.uid, "title": other.title, "why": item.counted_as.why,
                              "note": counted_note(item),
                              **times_in(other.start, other.end, tz)}  # fmt: skip
    elif shows := moved_from(item.event):  # moved by an update; the calendar shows the old time
        zone = item.event.start.tzinfo
        data["moved"] = {
            "note": counted_note(item),
            "calendar_shows": times_in(shows[0].astimezone(zone), shows[1].astimezone(zone), tz),
        }
    return data


def item_extras(item: PlannedEvent) -> dict[str, Any]:
    """The judgement on an event: purpose, recommendation and proposals."""
    rec = item.recommendation
    found = item.purpose
    return {
        "purpose": found.purpose._value_ if found else None,
        "purpose_evidence": list(found.evidence) if found else [],
        "purpose_confidence": found.confidence._value_ if found else None,
        "recommendation": {"action": rec.action._value_, "reason": rec.reason} if rec else None,
        "proposals": [p.to_json() for p in item.proposals],
    }


def balance_to_dict(balance: Balance | None) -> dict[str, Any] | None:
    if balance is None:
        return None
    return {
        "in_person_share": _round(balance.in_person_share),
        "target": balance.target,
        "in_person_hours": round(balance.in_person_minutes / 60, 2),
        "external_hours": round(balance.external_minutes / 60, 2),
        "trend": [
            {
                "week": "{}-W{:02d}".format(*day.isocalendar()[:2]),
                "week_start": day.isoformat(),
                "share": _round(share),
            }
            for day, share in balance.trend
        ],
    }


def due_to_dict(due: DueVisit, tz: tzinfo | None = None) -> dict[str, Any]:
    return {
        "account": due.account,
        "name": due.name,
        "last_in_person": due.last_in_person.isoformat() if due.last_in_person else None,
        "days_since": due.days_since,
        "meetings": due.meetings,
        "reason": due.reason,
        "planned": {"title": due.planned.title, "start": _iso(due.planned.start, tz)}
        if due.planned
        else None,
    }


def week_to_dict(plan: WeeklyPlan, *, events: bool = True) -> dict[str, Any]:
    """The week's JSON view; with ``events`` false its ``events`` are left empty (see
    :func:`week_json`)."""
    stats = plan.stats
    return {
        "week": {
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
            "iso_week": "{}-W{:02d}".format(*plan.start.isocalendar()[:2]),
            "timezone": getattr(plan.start.tzinfo, "key", None),
        },
        UNREAD: unread_to_list(plan.unread, plan.start.tzinfo),
        "events": events_to_list(plan, plan.items) if events else [],
        "stats": {
            "meetings": stats.meetings,
            "hours": round(stats.minutes / 60, 2),
            "external_hours": round(stats.external_minutes / 60, 2),
            "in_person_share": _round(stats.in_person_share),
            "by_mode": {
                mode.value: {
                    "meetings": stats.by_mode[mode].meetings,
                    "hours": round(stats.by_mode[mode].minutes / 60, 2),
                }
                for mode in Mode
            },
        },
        "balance": balance_to_dict(plan.balance),
        "due_for_visit": [due_to_dict(d, plan.start.tzinfo) for d in plan.due],
        "keep_in_touch": plan.keep_in_touch.to_json(plan.start.tzinfo)
        if plan.keep_in_touch is not None
        else None,
    }


def week_json(plan: WeeklyPlan, attach: Callable[[dict[str, Any]], None] | None = None) -> str:
    """:func:`dumps` of :func:`week_to_dict` after ``attach`` added to it (e.g. the states of
    invitations, :func:`planner.render.invites.attach_states`): the same text, but a week of
    thousands of events is converted and encoded in slices on the usable cores, each event
    once (``attach`` is given each slice's view: ``{"events": [...]}``). The text is put
    together in UTF-8 and decoded once (a week of 50,000 events writes 63 MB)."""
    from planner.ical.forking import fork_map

    def encode(items: Sequence[PlannedEvent]) -> list[bytes]:
        events = events_to_list(plan, items)
        if attach is not None:
            attach({"events": events})
        text = _encoded(events, 1)  # "[\n    {…},\n    {…}\n  ]": the members, in place
        return [text[len(INDENT) * 2 + 2 : -len(INDENT) - 2]]

    if plan.cities is not None:  # each worked out once, together: never in a worker below
        from planner.flows.week_cities import Cities

        cities = plan.cities
        plan = replace(plan, cities=cities.every() if isinstance(cities, Cities) else dict(cities))
    data = week_to_dict(plan, events=False)
    parts = fork_map(encode, plan.items, minimum=SLICED) if plan.items else []
    between = f",\n{INDENT * 2}".encode()
    pieces = [b"{\n"]
    for key, value in data.items():
        pieces.append(f"{INDENT}{json.dumps(key)}: ".encode())
        if key == "events" and parts:
            pieces.append(f"[\n{INDENT * 2}".encode())
            for part in parts:
                pieces += [part, between]
            pieces[-1] = f"\n{INDENT}]".encode()
        else:
            pieces.append(_encoded(value, 1))
        pieces.append(b",\n")
    pieces[-1] = b"\n}\n"
    return b"".join(pieces).decode()


def _encoded(value: object, level: int) -> bytes:
    """``value`` as :func:`dumps` writes it ``level`` levels deep, in UTF-8: an encoded JSON
    text has no line break but those between its members, so each line is simply indented
    further."""
    return _indented_bytes(value).replace(b"\n", b"\n" + INDENT.encode() * level)


def events_to_list(plan: WeeklyPlan, items: Sequence[PlannedEvent]) -> list[dict[str, Any]]:
    """``items`` of ``plan`` as the JSON view's ``events``."""
    seen: dict[tuple[str, str], Any] = {}
    found = [planned_to_dict(item, plan.start.tzinfo, plan.people, seen) for item in items]
    if plan.cities is not None:  # where they live or work: the answer every view gives
        from planner.people.addresses import address_key

        for person in seen.values():  # each once: every mention of a person shares it
            city = plan.cities.get(address_key(person["email"]))
            if city is not None:
                person["city"] = city
    return found


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
