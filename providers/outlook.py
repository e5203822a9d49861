"""Outlook / Microsoft 365 calendars through Microsoft Graph.

Reading uses ``calendarView`` (recurrences expanded by the server) or, by default, its delta
function with the delta link and the events kept in the state database, so later runs fetch
changes only. Free/busy comes from ``getSchedule``; holds and meetings are written with
``POST /events`` carrying a ``transactionId`` derived from the event, so a retry never duplicates.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

from planner.errors import NotSupportedError, ProviderError
from planner.i18n import _
from planner.model import Calendar, Event, Interval
from planner.schema import Field
from providers.base import CalendarProvider, ProviderContext
from providers.graph_http import (
    GraphClient,
    GraphError,
    format_datetime,
    parse_datetime,
    query_time,
    to_event,
    to_graph,
)
from providers.outlook_auth import (
    DEFAULT_AUTHORITY,
    DEFAULT_GRAPH,
    FLOWS,
    TokenSource,
    authorize,
)

if TYPE_CHECKING:
    from planner.schema import SourceConfig
    from planner.store import Store

__all__ = ["OutlookProvider", "authorize", "transaction_id"]

log = logging.getLogger("planner")

SELECT = (
    "id,iCalUId,subject,start,end,isAllDay,location,locations,body,bodyPreview,organizer,"
    "attendees,responseStatus,showAs,isCancelled,seriesMasterId,webLink,isOnlineMeeting,"
    "onlineMeetingProvider,onlineMeeting,onlineMeetingUrl,transactionId,type"
)
RESYNC_CODES = frozenset(
    {"SyncStateNotFound", "SyncStateInvalid", "resyncRequired", "fullSyncRequired"}
)
BUSY_STATES = frozenset({"busy", "tentative", "oof"})
# getSchedule's availabilityView: one digit per interval (0 free, 1 tentative, 2 busy, 3 oof,
# 4 working elsewhere).
BUSY_DIGITS = frozenset("123")
VIEW_MINUTES = 15
SCHEDULES_PER_REQUEST = 20  # getSchedule answers for at most this many people at once
TABLES = """
DROP TABLE IF EXISTS outlook_events;
CREATE TABLE outlook_events (source TEXT, calendar TEXT, window TEXT, id TEXT, data TEXT,
    PRIMARY KEY (source, calendar, window, id));
DROP TABLE IF EXISTS outlook_created;
CREATE TABLE outlook_created (source TEXT, transaction_id TEXT, uid TEXT,
    PRIMARY KEY (source, transaction_id));
DELETE FROM kv WHERE namespace LIKE 'graph-delta:%' OR namespace LIKE 'graph-windows:%'
"""  # a rebuilt event copy must not be continued from an old delta link
MAX_WINDOWS = 12  # windows whose delta state is kept per calendar source
TX_NAMESPACE = uuid.UUID("6f1d7f0e-3b1a-5c3e-9a47-0a6c1c0d5e21")


def _flow_check(value: str) -> str | None:
    return None if value in FLOWS else _('must be "device_code" or "browser"')


def _url_check(value: str) -> str | None:
    return None if value.startswith(("https://", "http://")) else _("must be an http(s) URL")


def transaction_id(event: Event) -> str:
    """The ``transactionId`` for creating ``event``: the same occurrence always gets the same."""
    start = event.start.astimezone(UTC).isoformat()
    return str(uuid.uuid5(TX_NAMESPACE, f"{event.uid}\n{start}"))


class OutlookProvider(CalendarProvider):
    """Outlook.com and Microsoft 365 calendars through Microsoft Graph (signed in with msal).

    Options of a ``[[calendars]]`` entry with ``provider = "outlook"``:

    - ``client_id`` (required): the application (client) id of an app registered in Microsoft
      Entra ID as a public client ("Allow public client flows" on).
    - ``tenant``: ``"common"`` (default; work and personal accounts), ``"organizations"``,
      ``"consumers"`` or a tenant id or domain.
    - ``auth_flow``: ``"device_code"`` (default; works over SSH) or ``"browser"``.
    - ``write``: ``true`` asks for ``Calendars.ReadWrite`` and allows holds and invitations
      (sign in again after changing it); default ``false`` asks for ``Calendars.Read`` only.
    - ``calendars``: calendar names or ids to read; default the account's default calendar.
      Holds and meetings are written into the first one.
    - ``delta``: ``true`` (default) keeps a local copy per window and fetches changes only;
      ``false`` reads the whole window through ``calendarView`` each time.
    - ``graph_url``: the Graph endpoint, default ``https://graph.microsoft.com/v1.0``
      (national clouds: e.g. ``https://graph.microsoft.us/v1.0``).
    - ``authority``: the sign-in host, default ``https://login.microsoftonline.com``.

    Code (not TOML) may also pass ``http_client`` (the HTTP client msal uses for the token
    endpoint) and ``sleep`` (the function that waits between retries).

    Tokens live in ``<data dir>/tokens/outlook-<name>.json`` (mode 0600); ``planner auth
    outlook`` calls :func:`providers.outlook_auth.authorize`.
    """

    name: ClassVar[str] = "outlook"
    can_write: ClassVar[bool] = True  # per entry: only with ``write = true``
    has_free_busy: ClassVar[bool] = True
    has_incremental_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        "client_id": Field(str, required=True),
        "tenant": Field(str, "common"),
        "auth_flow": Field(str, "device_code", check=_flow_check),
        "write": Field(bool, False),
        "calendars": Field("str_list", []),
        "delta": Field(bool, True),
        "graph_url": Field(str, DEFAULT_GRAPH, check=_url_check),
        "authority": Field(str, DEFAULT_AUTHORITY, check=_url_check),
    }

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        self.can_write = bool(source.options.get("write", False))  # type: ignore[misc]
        self.sleep = source.options.get("sleep") or time.sleep
        self.tokens = TokenSource(source, context)
        self._graph: GraphClient | None = None
        self._selected: list[dict[str, Any]] | None = None

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        if not str(options.get("authority", "")).startswith("https://"):
            return [_("key 'authority' must be an https:// URL (msal signs in over TLS only)")]
        return []

    @property
    def graph(self) -> GraphClient:
        if self._graph is None:
            self._graph = GraphClient(
                base_url=self.source.options.get("graph_url") or DEFAULT_GRAPH,
                token=self.tokens.token,
                where=self.source.name,
                sleep=self.sleep,
                timezone=str(self.context.tz.key),
            )
        return self._graph

    @property
    def store(self) -> Store:
        store = self.context.store
        store.ensure("outlook", 1, TABLES)
        return store

    # --- calendars ------------------------------------------------------------------------

    def list_calendars(self) -> list[Calendar]:
        writable = bool(self.source.options.get("write"))
        return [
            Calendar(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                primary=bool(item.get("isDefaultCalendar")),
                writable=writable and bool(item.get("canEdit", True)),
                extra={"owner": str((item.get("owner") or {}).get("address") or "")},
            )
            for item in self._all_calendars()
        ]

    def _all_calendars(self) -> list[dict[str, Any]]:
        params = {"$select": "id,name,isDefaultCalendar,canEdit,owner"}
        return [
            item
            for page in self.graph.pages("me/calendars", params)
            for item in page.get("value", [])
        ]

    def selected_calendars(self) -> list[dict[str, Any]]:
        """The Graph calendars named by the option ``calendars`` (default: the default one)."""
        if self._selected is None:
            wanted: list[str] = list(self.source.options.get("calendars") or [])
            if not wanted:
                self._selected = [self.graph.get("me/calendar", {"$select": "id,name"})]
            else:
                self._selected = self._match_calendars(wanted)
        return self._selected

    def _match_calendars(self, wanted: list[str]) -> list[dict[str, Any]]:
        known = self._all_calendars()
        found = []
        for entry in wanted:
            match = next((c for c in known if c["id"] == entry), None) or next(
                (c for c in known if str(c.get("name", "")).casefold() == entry.casefold()), None
            )
            if match is None:
                names = ", ".join(sorted(str(c.get("name")) for c in known)) or "none"
                raise ProviderError(
                    _(
                        "calendar '{name}': option 'calendars' names '{entry}', which this "
                        "account does not have (it has: {names})",
                        name=self.source.name,
                        entry=entry,
                        names=names,
                    ),
                    hint=_("fix the option 'calendars'"),
                )
            found.append(match)
        return found

    # --- reading --------------------------------------------------------------------------

    def events(self, start: datetime, end: datetime) -> list[Event]:
        created = self._created_uids()
        found: list[Event] = []
        for calendar in self.selected_calendars():
            for item in self._window_items(calendar, start, end):
                event = self._to_event(item, created)
                if event is not None and event.start < end and event.end > start:
                    found.append(event)
        return sorted(found, key=lambda e: (e.start, e.uid))

    def _to_event(self, item: Mapping[str, Any], created: Mapping[str, str]) -> Event | None:
        try:
            return to_event(
                item,
                self.context.tz,
                calendar=self.source.name,
                uid=created.get(str(item.get("transactionId") or "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            self.context.warn(
                _(
                    "calendar '{name}': skipped Graph event {id}: {error}",
                    name=self.source.name,
                    id=item.get("id", "?"),
                    error=exc,
                )
            )
            return None

    def _window_items(
        self, calendar: Mapping[str, Any], start: datetime, end: datetime
    ) -> Iterable[Mapping[str, Any]]:
        window = {"startDateTime": query_time(start), "endDateTime": query_time(end)}
        if not self.source.options.get("delta", True):
            params = dict(window, **{"$select": SELECT})
            path = f"me/calendars/{calendar['id']}/calendarView"
            return [
                item for page in self.graph.pages(path, params) for item in page.get("value", [])
            ]
        return self._delta_items(str(calendar["id"]), window)

    def _delta_items(self, calendar_id: str, window: dict[str, str]) -> list[dict[str, Any]]:
        namespace = f"graph-delta:{self.source.name}"
        key = f"{calendar_id}|{window['startDateTime']}|{window['endDateTime']}"
        store = self.store
        link = store.get(namespace, key)
        if link:
            try:
                self._apply_delta(store, calendar_id, key, self.graph.pages(link), namespace)
            except GraphError as exc:
                if exc.status != 410 and exc.code not in RESYNC_CODES:
                    raise
                log.info(
                    "%s: delta link expired (%s); syncing the window afresh",
                    self.source.name,
                    exc.code,
                )
                link = None
        if not link:
            store.delete(namespace, key)
            self._clear_window(store, calendar_id, key)
            path = f"me/calendars/{calendar_id}/calendarView/delta"
            self._apply_delta(store, calendar_id, key, self.graph.pages(path, window), namespace)
        self._keep_recent(store, namespace, key)
        rows = store.conn.execute(
            "SELECT data FROM outlook_events WHERE source = ? AND calendar = ? AND window = ?",
            (self.source.name, calendar_id, key),
        ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def _keep_recent(self, store: Store, namespace: str, key: str) -> None:
        """Remember ``key`` as the latest window; forget the copies of long unused windows."""
        recent = f"graph-windows:{self.source.name}"
        order = [key] + [k for k in store.get(recent, "order", []) if k != key]
        for old in order[MAX_WINDOWS:]:
            store.delete(namespace, old)
            with store.conn:
                store.conn.execute(
                    "DELETE FROM outlook_events WHERE source = ? AND window = ?",
                    (self.source.name, old),
                )
        store.put(recent, "order", order[:MAX_WINDOWS])

    def _apply_delta(
        self,
        store: Store,
        calendar_id: str,
        key: str,
        pages: Iterator[dict[str, Any]],
        namespace: str,
    ) -> None:
        scope = (self.source.name, calendar_id, key)
        for page in pages:
            with store.conn:
                for item in page.get("value", []):
                    if "@removed" in item:
                        store.conn.execute(
                            "DELETE FROM outlook_events WHERE source = ? AND calendar = ?"
                            " AND window = ? AND id = ?",
                            (*scope, item["id"]),
                        )
                    else:
                        store.conn.execute(
                            "INSERT OR REPLACE INTO outlook_events VALUES (?, ?, ?, ?, ?)",
                            (*scope, item["id"], json.dumps(item)),
                        )
            if delta_link := page.get("@odata.deltaLink"):
                store.put(namespace, key, delta_link)

    def _clear_window(self, store: Store, calendar_id: str, key: str) -> None:
        with store.conn:
            store.conn.execute(
                "DELETE FROM outlook_events WHERE source = ? AND calendar = ? AND window = ?",
                (self.source.name, calendar_id, key),
            )

    def _created_uids(self) -> dict[str, str]:
        rows = self.store.conn.execute(
            "SELECT transaction_id, uid FROM outlook_created WHERE source = ?",
            (self.source.name,),
        ).fetchall()
        return dict(rows)

    # --- free/busy ------------------------------------------------------------------------

    def free_busy(
        self, emails: Sequence[str], start: datetime, end: datetime
    ) -> dict[str, list[Interval]]:
        """Busy intervals from ``getSchedule`` for people in the same organisation.

        A person Graph cannot answer for (unknown address, other organisation) is left out of
        the result with a warning; personal accounts raise :class:`NotSupportedError`.
        """
        if not emails:
            return {}
        if self.tokens.is_personal():
            raise NotSupportedError(
                _(
                    "calendar '{name}': personal Microsoft accounts cannot look up other "
                    "people's free/busy (getSchedule needs a work or school account)",
                    name=self.source.name,
                )
            )
        result: dict[str, list[Interval]] = {}
        for first in range(0, len(emails), SCHEDULES_PER_REQUEST):
            batch = list(emails[first : first + SCHEDULES_PER_REQUEST])
            result.update(self._schedules(self._get_schedule(batch, start, end), batch, start, end))
        return result

    def _get_schedule(self, emails: list[str], start: datetime, end: datetime) -> dict[str, Any]:
        body = {
            "schedules": emails,
            "startTime": format_datetime(start, UTC_ZONE),
            "endTime": format_datetime(end, UTC_ZONE),
            "availabilityViewInterval": VIEW_MINUTES,
        }
        try:
            return self.graph.request("POST", "me/calendar/getSchedule", json=body, retry=True)
        except GraphError as exc:
            if exc.status not in (400, 403, 404, 500, 501):
                raise
            raise NotSupportedError(
                _(
                    "calendar '{name}': this account cannot look up free/busy ({code})",
                    name=self.source.name,
                    code=exc.code,
                )
            ) from None

    def _schedules(
        self, answer: Mapping[str, Any], emails: Sequence[str], start: datetime, end: datetime
    ) -> dict[str, list[Interval]]:
        by_lower = {email.lower(): email for email in emails}
        result: dict[str, list[Interval]] = {}
        for info in answer.get("value", []):
            schedule = str(info.get("scheduleId") or "")
            email = by_lower.get(schedule.lower(), schedule)
            if info.get("error"):
                error = info["error"]
                self.context.warn(
                    _(
                        "calendar '{name}': no free/busy for {email}: {message}",
                        name=self.source.name,
                        email=email,
                        message=error.get("message") or error.get("responseCode") or "error",
                    )
                )
                continue
            result[email] = _busy_intervals(info, start, end, self.context.tz)
        return result

    # --- writing --------------------------------------------------------------------------

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        """Create ``event``; with ``send_updates`` Graph sends the invitations itself, without
        it the attendees are left out (a hold only the user sees)."""
        if not self.source.options.get("write"):
            raise NotSupportedError(
                _("calendar '{name}' is read-only", name=self.source.name),
                hint=_("set write = true for it and run 'planner auth outlook' again"),
            )
        tx = transaction_id(event)
        body = to_graph(event, self.context.tz, tx, send_updates=send_updates)
        calendar_id = self.selected_calendars()[0]["id"]
        created = self.graph.request(
            "POST", f"me/calendars/{calendar_id}/events", json=body, retry=True
        )
        store = self.store
        with store.conn:
            store.conn.execute(
                "INSERT OR REPLACE INTO outlook_created VALUES (?, ?, ?)",
                (self.source.name, tx, event.uid),
            )
        return str(created.get("id") or "")

    def close(self) -> None:
        if self._graph is not None:
            self._graph.close()

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        flow = None if browser is None else ("browser" if browser else "device_code")
        return authorize(source, context, flow=flow, prompt=prompt)


UTC_ZONE = ZoneInfo("UTC")


def _busy_intervals(
    info: Mapping[str, Any], start: datetime, end: datetime, tz: ZoneInfo
) -> list[Interval]:
    items = info.get("scheduleItems")
    if items is None:
        return _from_view(str(info.get("availabilityView") or ""), start, VIEW_MINUTES)
    found = []
    for item in items:
        if str(item.get("status", "")).lower() not in BUSY_STATES:
            continue
        interval = Interval(parse_datetime(item["start"], tz), parse_datetime(item["end"], tz))
        if interval.start < end and interval.end > start:
            found.append(interval)
    return sorted(found, key=lambda i: i.start)


def _from_view(view: str, start: datetime, minutes: int) -> list[Interval]:
    """Busy intervals from an ``availabilityView`` string, adjacent slots merged."""
    found: list[Interval] = []
    step = timedelta(minutes=minutes)
    for index, digit in enumerate(view):
        if digit not in BUSY_DIGITS:
            continue
        slot = Interval(start + index * step, start + (index + 1) * step)
        if found and found[-1].end == slot.start:
            found[-1] = Interval(found[-1].start, slot.end)
        else:
            found.append(slot)
    return found
