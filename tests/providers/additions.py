"""What a user (or another app) adds to an event planner wrote, in each backend's own terms:
a colour, reminders or an alarm, a note, an attachment, categories, other apps' properties.
None of it is written by the planner, so an update of the event must keep all of it.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

from icalendar import Alarm
from icalendar import Calendar as ICalendar

NOTE = "Bring the Q4 deck"
GOOGLE_ADDED: dict[str, Any] = {
    "colorId": "5",
    "description": NOTE,
    "reminders": {"useDefault": False, "overrides": [{"method": "popup", "minutes": 15}]},
    "attachments": [{"fileUrl": "https://drive.google.com/file/d/deck", "title": "Q4 deck"}],
}
GRAPH_ADDED: dict[str, Any] = {
    "categories": ["Red category"],
    "isReminderOn": True,
    "reminderMinutesBeforeStart": 30,
    "body": {"contentType": "text", "content": NOTE},
    "sensitivity": "normal",
}
#: a single-value extended property another app (a CRM add-in) keeps on the event
OTHER_APP = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name CrmLink"
ALARM = timedelta(minutes=-15)


def google_added(item: dict[str, Any]) -> dict[str, Any]:
    """The Google event resource ``item`` as the user and other apps left it."""
    item = dict(copy.deepcopy(item), **copy.deepcopy(GOOGLE_ADDED))
    private = dict((item.get("extendedProperties") or {}).get("private") or {})
    private["crmLink"] = "crm://42"
    item["extendedProperties"] = {"private": private, "shared": {"zoomMeetingId": "842"}}
    return item


def google_kept(item: dict[str, Any]) -> bool:
    extended = item.get("extendedProperties") or {}
    return (
        all(item.get(key) == value for key, value in GOOGLE_ADDED.items())
        and extended.get("shared") == {"zoomMeetingId": "842"}
        and (extended.get("private") or {}).get("crmLink") == "crm://42"
    )


def graph_added(item: dict[str, Any]) -> dict[str, Any]:
    """The Graph event ``item`` as the user and another app left it."""
    item = dict(copy.deepcopy(item), **copy.deepcopy(GRAPH_ADDED))
    item["singleValueExtendedProperties"] = [
        *(item.get("singleValueExtendedProperties") or ()),
        {"id": OTHER_APP, "value": "crm://42"},
    ]
    return item


def graph_kept(item: dict[str, Any]) -> bool:
    props = {p["id"]: p["value"] for p in item.get("singleValueExtendedProperties") or ()}
    return (
        all(item.get(key) == value for key, value in GRAPH_ADDED.items())
        and props.get(OTHER_APP) == "crm://42"
    )


def ical_added(text: str) -> bytes:
    """The calendar object ``text`` with a colour, categories, a note, another client's
    X-property and an alarm in its VEVENT."""
    calendar = ICalendar.from_ical(text)
    (vevent,) = calendar.walk("VEVENT")
    vevent.add("COLOR", "tomato")
    vevent.add("CATEGORIES", ["Kunde"])
    vevent.add("DESCRIPTION", NOTE)
    vevent.add("X-OTHER-APP-ID", "crm://42")
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", "Reminder")
    alarm.add("TRIGGER", ALARM)
    vevent.add_component(alarm)
    return bytes(calendar.to_ical())


def ical_kept(text: str) -> bool:
    (vevent,) = ICalendar.from_ical(text).walk("VEVENT")
    alarms = vevent.walk("VALARM")
    return (
        str(vevent.get("COLOR")) == "tomato"
        and [str(c) for c in vevent["CATEGORIES"].cats] == ["Kunde"]
        and str(vevent.get("DESCRIPTION")) == NOTE
        and str(vevent.get("X-OTHER-APP-ID")) == "crm://42"
        and len(alarms) == 1
        and alarms[0].decoded("TRIGGER") == ALARM
    )
