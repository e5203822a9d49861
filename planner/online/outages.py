"""Which online services failed in this run, and since when.

A service is named by a key (``geocoding``, ``venues``, ``free-busy:<calendar>``) and shown with a
label ("Geocoding (Nominatim, nominatim.openstreetmap.org)"). :func:`failed` records the first
failure of a run, logs one line that says which service, since when, why (offline, busy or an
error answer) and what the run does instead, and from then on :func:`usable` is False for that
service until the run ends (:func:`reset`). With a state store the outage is kept (namespace
``online``) so that the next run's line and ``planner status`` say since when; :func:`succeeded`
clears it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, Protocol

from planner.errors import PlannerError
from planner.i18n import _
from planner.online.failure import BUSY, OFFLINE, Failure, describe

log = logging.getLogger("planner")
NAMESPACE, KEY = "online", "outages"


class KeyValue(Protocol):
    """The part of :class:`planner.store.Store` used here."""

    def get(self, namespace: str, key: str, default: Any = None) -> Any: ...
    def put(self, namespace: str, key: str, value: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class Outage:
    """A service that failed: what it is, how, since when."""

    service: str
    label: str
    failure: Failure
    since: datetime

    def line(self, fallback: str, tz: tzinfo) -> str:
        """The one line a run says about it, its time in ``tz`` (the user's zone: never the
        machine's, which ``astimezone(None)`` would give)."""
        since = self.since.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        values = {"service": self.label, "since": since, "why": self.failure.detail}
        if self.failure.kind == OFFLINE:
            text = _("{service} is offline since {since} ({why})", **values)
        elif self.failure.kind == BUSY:
            text = _("{service} is busy since {since} ({why}; it is reachable)", **values)
        else:
            text = _("{service} fails since {since} ({why})", **values)
        return f"{text}: {fallback}" if fallback else text

    def to_json(self) -> dict[str, str]:
        return {
            "label": self.label,
            "kind": self.failure.kind,
            "detail": self.failure.detail,
            "since": self.since.isoformat(),
        }


_lock = threading.Lock()
_down: dict[str, Outage] = {}


def reset() -> None:
    """Forget this run's outages (a new command begins)."""
    with _lock:
        _down.clear()


def usable(service: str) -> bool:
    """Whether ``service`` may be asked in this run (it has not failed yet)."""
    return service not in _down


def outages() -> list[Outage]:
    """The services that failed in this run, in the order they failed."""
    return list(_down.values())


def failed(
    service: str,
    label: str,
    exc: BaseException | Failure,
    *,
    fallback: str = "",
    store: KeyValue | None = None,
    timeout: float | None = None,
    now: datetime | None = None,
    tz: tzinfo,
) -> Outage:
    """Record that ``service`` failed with ``exc``; the first time in a run, log one warning
    that ends with ``fallback`` (what the run does without it), its time in ``tz``."""
    failure = exc if isinstance(exc, Failure) else describe(exc, timeout=timeout)
    with _lock:
        known = _down.get(service)
        if known is not None:
            return known
        moment = now or datetime.now(UTC)
        since = _stored_since(store, service, failure) or moment
        outage = _down[service] = Outage(service, label, failure, since)
    _store(store, service, outage)
    log.warning(outage.line(fallback, tz))
    return outage


def succeeded(service: str, store: KeyValue | None = None) -> None:
    """``service`` answered: an outage kept from an earlier run is over."""
    if store is None:
        return
    table = _table(store)
    if service in table:
        del table[service]
        _save(store, table)


def stored(store: KeyValue) -> list[Outage]:
    """The outages kept in the state database (for ``planner status``)."""
    found = []
    for service, data in _table(store).items():
        try:
            failure = Failure(str(data["kind"]), str(data["detail"]))
            since = datetime.fromisoformat(str(data["since"]))
            found.append(Outage(service, str(data["label"]), failure, since))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged entry is no outage
    return sorted(found, key=lambda o: o.since)


def _stored_since(store: KeyValue | None, service: str, failure: Failure) -> datetime | None:
    if store is None:
        return None
    data = _table(store).get(service)
    if not isinstance(data, dict) or data.get("kind") != failure.kind:
        return None
    try:
        return datetime.fromisoformat(str(data["since"]))
    except (KeyError, ValueError):
        return None


def _table(store: KeyValue) -> dict[str, Any]:
    try:
        table = store.get(NAMESPACE, KEY, {})
    except (sqlite3.Error, PlannerError) as exc:  # a damaged or locked database loses "since"
        log.debug("online outages unreadable (%s)", exc)
        return {}
    return dict(table) if isinstance(table, dict) else {}


def _store(store: KeyValue | None, service: str, outage: Outage) -> None:
    if store is None:
        return
    table = _table(store)
    table[service] = outage.to_json()
    _save(store, table)


def _save(store: KeyValue, table: dict[str, Any]) -> None:
    try:
        store.put(NAMESPACE, KEY, table)
    except (sqlite3.Error, PlannerError) as exc:  # the run goes on; only status loses it
        log.debug("online outages not saved (%s)", exc)
