"""Signals in the provider hints of an event: the facts a service states outright.

Google's ``conferenceData`` and ``eventType``, Graph's ``isOnlineMeeting``,
``onlineMeetingProvider`` and ``locations``, and the ``X-`` properties Outlook, Teams and Apple
write into iCalendar files all reach :class:`planner.model.Event` as ``hints`` (name, value
pairs). The suffixes of the names that matter and the weights are in :mod:`planner.judge.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.judge import patterns as P
from planner.judge.kept_regex import compiled
from planner.judge.signals import (
    PLACE,
    T_GEO_HINT,
    T_LOCATION_TYPE,
    T_MS_ADDRESS,
    T_ONLINE_HINT,
    T_STRUCTURED,
    T_VENDOR_HINT,
    T_VENDOR_LINK,
    VIRTUAL,
    Signals,
    quote,
)
from planner.judge.text import scan_conference_links, vendor_name
from planner.judge.tools import LINK_RE
from planner.judge.zones import URL_RE

_MS_ADDRESS_RE = compiled(P.MS_ADDRESS_FIELDS)
_PROVIDER_VALUE_RE = compiled(r'"?OnlineMeetingProvider"?\s*:\s*"?(\w+)', re.IGNORECASE)
_GEO_URI_RE = compiled(r"geo:\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)", re.IGNORECASE)


def scan_hints(signals: Signals, hints: Iterable[tuple[str, str]]) -> None:
    """Add the signals of every non-empty hint (values cut to ``patterns.FIELD_MAX``)."""
    for name, value in hints:
        if value and value.strip():
            _scan_hint(signals, name, value[: P.FIELD_MAX])


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


def _scan_hint(signals: Signals, name: str, value: str) -> None:
    key = name.upper()
    if ";" in key or key.endswith(P.IGNORED_HINTS):  # ";": a parameter ("…;X-ADDRESS")
        return
    vendor = _hint_vendor(key)
    if vendor is not None:
        if value.lower() not in P.NO_PROVIDER_VALUES:
            template = T_ONLINE_HINT if vendor == "online" else T_VENDOR_HINT
            signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, template, vendor=vendor, hint=name)
    elif key.endswith(P.ONLINE_FLAG_HINTS):
        if value.strip().lower() in ("true", "1", "yes"):
            signals.put(VIRTUAL, P.ONLINE_FLAG_WEIGHT, T_ONLINE_HINT, hint=name)
    elif key.endswith(P.PROVIDER_HINTS):
        _scan_provider_hint(signals, name, value)
    elif key.endswith(P.EVENT_TYPE_HINTS):
        if value.strip().lower() in P.BLOCKER_EVENT_TYPES:
            signals.provider_blocker = True
    elif key.endswith(P.CONFERENCE_PROPERTY_HINTS):
        scan_conference_links(signals, (value,))
    elif not _scan_place_hint(signals, name, key, value) and "://" in value:
        _scan_hint_links(signals, name, value)


def _scan_provider_hint(signals: Signals, name: str, value: str) -> None:
    found = _PROVIDER_VALUE_RE.search(value)
    provider = (found.group(1) if found else value).strip().lower()
    if provider in P.NO_PROVIDER_VALUES:
        return
    vendor = P.EXCHANGE_PROVIDERS.get(provider)
    if vendor:
        signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, T_VENDOR_HINT, vendor=vendor, hint=name)
    else:
        signals.put(VIRTUAL, P.CONFERENCE_HINT_WEIGHT, T_ONLINE_HINT, hint=name)


def _scan_place_hint(signals: Signals, name: str, key: str, value: str) -> bool:
    """Hints that name a physical place. True if ``key`` was one of them."""
    if key.endswith(P.STRUCTURED_LOCATION_HINTS):
        geo = _GEO_URI_RE.search(value)
        if not geo or not (_is_zero(geo.group(1)) and _is_zero(geo.group(2))):
            signals.put(PLACE, P.STRUCTURED_LOCATION_WEIGHT, T_STRUCTURED, hint=name)
    elif key.endswith(P.MS_LOCATIONS_HINTS):
        if found := _MS_ADDRESS_RE.search(value):
            address = quote(found.group(1))
            signals.put(PLACE, P.MS_ADDRESS_WEIGHT, T_MS_ADDRESS, address=address, hint=name)
    elif key.endswith(P.LOCATION_TYPE_HINTS):
        if value.strip().lower() not in P.VIRTUAL_LOCATION_TYPES:
            weight = P.LOCATION_TYPE_WEIGHT
            signals.put(PLACE, weight, T_LOCATION_TYPE, value=quote(value), hint=name)
    elif key.endswith(P.LATITUDE_HINTS):
        if not _is_zero(value):
            signals.put(PLACE, P.GEO_WEIGHT, T_GEO_HINT, hint=name)
    elif not key.endswith(P.LONGITUDE_HINTS):
        return False
    return True


def _scan_hint_links(signals: Signals, name: str, value: str) -> None:
    """A join link of a known service in any hint (Graph ``onlineMeeting.joinUrl``, ...)."""
    for match in URL_RE.finditer(value):
        if found := LINK_RE.search(match.group(0)):
            weight = P.WEIGHTS["vendor_link"]["hint"]
            signals.put(VIRTUAL, weight, T_VENDOR_LINK, vendor=vendor_name(found), field=name)
            return
