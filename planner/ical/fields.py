"""The fields of one VEVENT as :mod:`planner.model` values: text, people and their answers,
busy status, conference links, vendor hints (Apple, Google, Microsoft), coordinates."""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from planner.ical.parsing import as_list
from planner.model import Attendee, Busy, Geo, Response

if TYPE_CHECKING:
    import icalendar

CONFERENCE_PROPS = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)
HINT_PROPS = frozenset(
    {
        "CONFERENCE",
        "X-GOOGLE-CONFERENCE",
        "X-APPLE-STRUCTURED-LOCATION",
        "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR",
        "X-MICROSOFT-LOCATIONS",
        "X-MICROSOFT-LOCATIONDISPLAYNAME",
        "SEQUENCE",  # the revision: an update of a meeting the user organizes must raise it
        "X-MICROSOFT-LOCATIONSOURCE",
        "X-MICROSOFT-LOCATIONURI",
        "X-MICROSOFT-LATITUDE",
        "X-MICROSOFT-LONGITUDE",
        "X-MICROSOFT-CDO-BUSYSTATUS",
        "X-MICROSOFT-CDO-INTENDEDSTATUS",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "CLASS",  # PRIVATE / CONFIDENTIAL: ``planner sync`` shows such events as "Busy" only
        "X-PLANNER-SYNC-KEY",  # the mark of an event ``planner sync`` wrote,
        "X-PLANNER-SYNC-DIGEST",  # and its content then: one the user changed is the user's
    }
)
MEETING_HOSTS = re.compile(
    r"^https?://([\w-]+\.)*(zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|"
    r"meet\.google\.com|webex\.com|gotomeeting\.com|gotomeet\.me|whereby\.com|meet\.jit\.si|"
    r"bluejeans\.com|chime\.aws|skype\.com|lync\.com|meet\.lync\.com|join\.me)(/|$)",
    re.IGNORECASE,
)
PARTSTAT = {
    "ACCEPTED": Response.ACCEPTED,
    "DECLINED": Response.DECLINED,
    "TENTATIVE": Response.TENTATIVE,
    "NEEDS-ACTION": Response.NEEDS_ACTION,
    "DELEGATED": Response.DELEGATED,
}


class Value(str):
    """A property's text with its parameters, as :mod:`planner.ical.plain` reads it (the
    field functions read it as they read icalendar's values)."""

    params: dict[str, str]


class Verbatim(Value):
    """A vendor property's value as written, escapes kept (as icalendar's ``vUnknown``)."""


def text_of(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value)


def _email(address: object) -> str:
    raw = str(address).strip()
    params = getattr(address, "params", {})
    if raw.lower().startswith("mailto:"):
        return raw[7:].strip()
    if params.get("EMAIL"):
        return str(params["EMAIL"]).strip()
    return raw


def person_of(address: object, *, organizer: bool = False) -> Attendee | None:
    if address is None or isinstance(address, list):
        return person_of(address[0], organizer=organizer) if address else None
    params = getattr(address, "params", {})
    partstat = str(params.get("PARTSTAT", "")).upper()
    default = Response.ACCEPTED if organizer else Response.NEEDS_ACTION
    return Attendee(
        email=_email(address),
        name=str(params.get("CN", "")).strip().strip('"'),
        response=PARTSTAT.get(partstat, default),
        is_resource=str(params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE"),
        optional=str(params.get("ROLE", "")).upper() in ("OPT-PARTICIPANT", "NON-PARTICIPANT"),
    )


def is_busy(c: icalendar.Event) -> bool:
    transp = str(c.get("TRANSP", "")).upper()
    if transp:
        return transp != "TRANSPARENT"
    return str(c.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() != "FREE"


CDO_BUSY = {"OOF": Busy.OUT_OF_OFFICE, "WORKINGELSEWHERE": Busy.WORKING_ELSEWHERE}


def availability_of(c: icalendar.Event, status: str, busy: bool | None = None) -> Busy:
    """Out of office and working elsewhere from Outlook's X-MICROSOFT-CDO-BUSYSTATUS; free as
    for ``busy`` (TRANSP first; :func:`is_busy`, where not given); tentative from either that
    status or STATUS."""
    cdo = str(c.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).strip().upper()
    if cdo in CDO_BUSY:
        return CDO_BUSY[cdo]
    if not (is_busy(c) if busy is None else busy):
        return Busy.FREE
    return Busy.TENTATIVE if "TENTATIVE" in (cdo, status) else Busy.BUSY


def conference_links_of(c: icalendar.Event) -> tuple[str, ...]:
    links: list[str] = []
    for name in CONFERENCE_PROPS:
        for value in as_list(c.get(name)):
            text = _plain(value).strip()
            if (name == "CONFERENCE" and ":" in text) or text.lower().startswith(
                ("http:", "https:")
            ):
                links.append(text)
    url = text_of(c.get("URL")).strip()
    if MEETING_HOSTS.match(url):
        links.append(url)
    return tuple(dict.fromkeys(links))


_ESCAPED = re.compile(r"\\([\\;,nN])")


def _plain(value: object) -> str:
    """Text of a property; vendor (X-) properties icalendar keeps escaped are unescaped."""
    if isinstance(value, Verbatim) or _is_icalendars(value, "vUnknown"):
        return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))
    return str(value)


def hints_of(c: icalendar.Event) -> tuple[tuple[str, str], ...]:
    hints: list[tuple[str, str]] = []
    if original := _original_start(c):
        hints.append(("RECURRENCE-ID", original))  # keys a correction to the occurrence
    for name, value in c.property_items(recursive=False, sorted=False):
        if name in HINT_PROPS or (name.startswith("X-MICROSOFT-") and "ONLINEMEETING" in name):
            hints.append((name, _plain(value)))
            params = getattr(value, "params", {})
            for param in ("X-TITLE", "X-ADDRESS", "FEATURE", "LABEL"):
                if params.get(param):
                    hints.append((f"{name};{param}", str(params[param])))
    return tuple(hints) + _schedule_status(c)


def _original_start(c: icalendar.Event) -> str:
    """The RECURRENCE-ID of a moved occurrence in UTC (a date as it is); ``""`` when the
    occurrence starts where its rule puts it (the reader shares one template per VEVENT)."""
    value = getattr(c.get("RECURRENCE-ID"), "dt", None)
    if value is None or value == getattr(c.get("DTSTART"), "dt", None):
        return ""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    return value.isoformat() if isinstance(value, date) else ""


def _schedule_status(c: icalendar.Event) -> tuple[tuple[str, str], ...]:
    """RFC 6638 SCHEDULE-STATUS per attendee, e.g. ("SCHEDULE-STATUS;bob@x.de", "3.7")."""
    found = c.get("ATTENDEE") or []
    return tuple(
        (f"SCHEDULE-STATUS;{_email(a).lower()}", str(a.params["SCHEDULE-STATUS"]))
        for a in (found if isinstance(found, list) else [found])
        if getattr(a, "params", {}).get("SCHEDULE-STATUS")
    )


def geo_of(c: icalendar.Event) -> Geo | None:
    geo = c.get("GEO")
    points = []
    if not _is_icalendars(geo, "vBroken") and hasattr(geo, "latitude"):  # GEO:1;2;3: broken
        points.append((float(geo.latitude), float(geo.longitude)))
    for value in as_list(c.get("X-APPLE-STRUCTURED-LOCATION")):
        if match := re.match(r"^geo:([-+\d.]+),([-+\d.]+)", str(value).strip(), re.I):
            points.append((float(match.group(1)), float(match.group(2))))
    lat, lon = _number(c.get("X-MICROSOFT-LATITUDE")), _number(c.get("X-MICROSOFT-LONGITUDE"))
    if lat is not None and lon is not None:
        points.append((lat, lon))
    for lat, lon in points:
        if (lat, lon) != (0.0, 0.0) and -90 <= lat <= 90 and -180 <= lon <= 180:
            return Geo(lat, lon)
    return None


def _is_icalendars(value: object, name: str) -> bool:
    """Whether ``value`` is of icalendar's property class ``name``. Never when icalendar was
    not imported: no value can be, and a run that reads only plain VEVENTs
    (:mod:`planner.ical.plain`) does without it (a tenth of a second)."""
    module = sys.modules.get("icalendar.prop")
    return module is not None and isinstance(value, getattr(module, name))


def _number(value: object) -> float | None:
    """A vendor property as a number, or None when absent or not numeric."""
    if value is None:
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None
