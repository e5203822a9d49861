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
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

from planner.config.schema import Field
from planner.errors import NotSupportedError, ProviderError
from planner.i18n import _
from planner.ical.wallclock import within
from planner.model import Calendar, Event, Interval
from providers.base import CalendarProvider, ProviderContext, SignInState
from providers.free_busy import GRAPH_CODES, FreeBusyAnswer
from providers.graph_events import format_datetime, query_time, to_event
from providers.graph_http import GraphClient, GraphError
from providers.graph_sync import DeltaWindows, schedule_busy, schedule_error
from providers.outlook_auth import (
    DEFAULT_AUTHORITY,
    DEFAULT_GRAPH,
    FLOWS,
    TokenSource,
    authorize,
    stored_state,
)
from providers.outlook_marked import OutlookMarked

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig
    from planner.store import Store

__all__ = ["OutlookProvider", "authorize", "transaction_id"]

log = logging.getLogger("planner")

SELECT = (
    "id,iCalUId,subject,start,end,isAllDay,location,locations,body,bodyPreview,organizer,"
    "attendees,responseStatus,showAs,isCancelled,seriesMasterId,webLink,isOnlineMeeting,"
    "onlineMeetingProvider,onlineMeeting,onlineMeetingUrl,transactionId,type,sensitivity"
)
RESYNC_CODES = frozenset(
    {"SyncStateNotFound", "SyncStateInvalid", "resyncRequired", "fullSyncRequired"}
)
VIEW_MINUTES = 15
SCHEDULES_PER_REQUEST = 20  # getSchedule answers for at most this many people at once
TABLES = """
DROP TABLE IF EXISTS outlook_events;
CREATE TABLE outlook_events (source TEXT, calendar TEXT, window TEXT, id TEXT, data TEXT,
    PRIMARY KEY (source, calendar, window, id));
DROP TABLE IF EXISTS outlook_created;
CREATE TABLE outlook_created (source TEXT, transaction_id TEXT, uid TEXT, event_id TEXT,
    PRIMARY KEY (source, transaction_id));
DELETE FROM kv WHERE namespace LIKE 'graph-delta:%' OR namespace LIKE 'graph-windows:%'
"""  # a rebuilt event copy must not be continued from an old delta link
TABLES_VERSION = 3  # 2: one delta round per calendar (day-granular, widening windows)
MIGRATIONS = {2: "ALTER TABLE outlook_created ADD COLUMN event_id TEXT"}  # 3: a hold's Graph id
CALENDARS_TTL = 7 * 24 * 3600  # seconds the ids of the chosen calendars are trusted
TX_NAMESPACE = uuid.UUID("6f1d7f0e-3b1a-5c3e-9a47-0a6c1c0d5e21")


def _flow_check(value: str) -> str | None:
    return None if value in FLOWS else _('must be "device_code" or "browser"')


def _days_check(value: int) -> str | None:
    return None if 0 <= value <= 3650 else _("must be between 0 and 3650 days")


def _url_check(value: str) -> str | None:
    return None if value.startswith(("https://", "http://")) else _("must be an http(s) URL")


def transaction_id(event: Event) -> str:
    """The ``transactionId`` for creating ``event``: the same occurrence always gets the same."""
    start = event.start.astimezone(UTC).isoformat()
    return str(uuid.uuid5(TX_NAMESPACE, f"{event.uid}\n{start}"))


class OutlookProvider(OutlookMarked, CalendarProvider):
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
    - ``delta``: ``true`` (default) keeps a local copy per calendar and fetches changes only;
      ``false`` reads the whole window through ``calendarView`` each time.
    - ``sync_past_days`` / ``sync_future_days`` (default 30 / 120): whole days before and after
      a requested window the local copy covers, so later runs only fetch changes.
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
    can_sync: ClassVar[bool] = True
    holds_guests: ClassVar[bool] = False  # a hold is written without attendees (nobody told)
    select: ClassVar[str] = SELECT
    transaction = staticmethod(transaction_id)
    options: ClassVar[Mapping[str, Field]] = {
        "client_id": Field(str, required=True),
        "tenant": Field(str, "common"),
        "auth_flow": Field(str, "device_code", check=_flow_check),
        "write": Field(bool, False),
        "calendars": Field("str_list", []),
        "delta": Field(bool, True),
        "graph_url": Field(str, DEFAULT_GRAPH, check=_url_check),
        "authority": Field(str, DEFAULT_AUTHORITY, check=_url_check),
        "sync_past_days": Field(int, 30, check=_days_check, minimum=0, maximum=3650),
        "sync_future_days": Field(int, 120, check=_days_check, minimum=0, maximum=3650),
    }
    identity_options: ClassVar[tuple[str, ...]] = ("graph_url", "tenant", "client_id", "calendars")

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
                refresh=self.tokens.refresh,
                where=self.source.name,
                sleep=self.sleep,
                timezone=ANSWER_ZONE,
            )
        return self._graph

    @property
    def store(self) -> Store:
        store = self.context.store
        store.ensure("outlook", TABLES_VERSION, TABLES, MIGRATIONS)
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
            namespace, key = f"graph-calendars:{self.source.name}", json.dumps(wanted)
            known = self.store.get(namespace, key)
            if isinstance(known, dict) and time.time() - known.get("at", 0) < CALENDARS_TTL:
                self._selected = list(known["calendars"])  # no request for the ids each run
            else:
                if not wanted:
                    self._selected = [self.graph.get("me/calendar", {"$select": "id,name"})]
                else:
                    self._selected = self._match_calendars(wanted)
                chosen = [{"id": c["id"], "name": c.get("name", "")} for c in self._selected]
                self.store.put(namespace, key, {"at": time.time(), "calendars": chosen})
        return self._selected

    def forget_calendars(self) -> None:
        """Drop the remembered calendar ids (one was not found): the next run looks again."""
        self._selected = None
        self.store.delete(f"graph-calendars:{self.source.name}")

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
        created, marks = self._created_uids(), self.known_marks()
        found: list[Event] = []
        for calendar in self.selected_calendars():
            try:
                items = self._window_items(calendar, start, end)
            except GraphError as exc:
                if exc.status == 404:
                    self.forget_calendars()
                raise
            for item in items:
                event = self._to_event(item, created)
                if event is not None and within(event.start, event.end, start, end):
                    found.append(self.with_mark(event, item, marks))
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
        if not self.source.options.get("delta", True):
            window = {"startDateTime": query_time(start), "endDateTime": query_time(end)}
            params = dict(window, **{"$select": SELECT})
            path = f"me/calendars/{calendar['id']}/calendarView"
            return [
                item for page in self.graph.pages(path, params) for item in page.get("value", [])
            ]
        return self._delta_items(str(calendar["id"]), start, end)

    def _delta_items(self, calendar_id: str, start: datetime, end: datetime) -> list[dict]:
        """The stored copy of one calendar, brought up to date: through the stored delta link
        when its window covers ``[start, end)``, else by a new round over a wider window."""
        namespace = f"graph-delta:{self.source.name}"
        store, policy = self.store, self._windows
        state = store.get(namespace, calendar_id)
        if policy.covers(state, start, end):
            try:
                self._apply_delta(store, calendar_id, self.graph.pages(state["link"]), state)
                return self._stored(store, calendar_id)
            except GraphError as exc:
                if exc.status != 410 and exc.code not in RESYNC_CODES:
                    raise
                log.info("%s: delta link expired (%s); syncing afresh", self.source.name, exc.code)
        window = policy.next_window(state, start, end)
        store.delete(namespace, calendar_id)
        self._clear(store, calendar_id)
        params = {
            "startDateTime": query_time(policy.midnight(window[0])),
            "endDateTime": query_time(policy.midnight(window[1])),
        }
        path = f"me/calendars/{calendar_id}/calendarView/delta"
        self._apply_delta(
            store, calendar_id, self.graph.pages(path, params), policy.state("", window)
        )
        return self._stored(store, calendar_id)

    @property
    def _windows(self) -> DeltaWindows:
        options = self.source.options
        return DeltaWindows(
            self.context.tz,
            past_days=int(options.get("sync_past_days", 30)),
            future_days=int(options.get("sync_future_days", 120)),
        )

    def _stored(self, store: Store, calendar_id: str) -> list[dict[str, Any]]:
        rows = store.conn.execute(
            "SELECT data FROM outlook_events WHERE source = ? AND calendar = ?",
            (self.source.name, calendar_id),
        ).fetchall()
        return [json.loads(row[0]) for row in rows]

    def _apply_delta(
        self, store: Store, calendar_id: str, pages: Iterator[dict[str, Any]], state: dict
    ) -> None:
        scope = (self.source.name, calendar_id, "")
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
                store.put(
                    f"graph-delta:{self.source.name}", calendar_id, {**state, "link": delta_link}
                )

    def _clear(self, store: Store, calendar_id: str) -> None:
        with store.conn:
            store.conn.execute(
                "DELETE FROM outlook_events WHERE source = ? AND calendar = ?",
                (self.source.name, calendar_id),
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
        the result and named in its ``unknown``; personal accounts, a missing permission and
        a mailbox without Exchange raise :class:`NotSupportedError` naming the cause.
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
        result = FreeBusyAnswer()
        for first in range(0, len(emails), SCHEDULES_PER_REQUEST):
            batch = list(emails[first : first + SCHEDULES_PER_REQUEST])
            part = self._schedules(self._get_schedule(batch, start, end), batch, start, end)
            result.update(part)
            result.unknown.update(part.unknown)
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
            raise schedule_error(self.source.name, exc, self.tokens.scopes) from None

    def _schedules(
        self, answer: Mapping[str, Any], emails: Sequence[str], start: datetime, end: datetime
    ) -> FreeBusyAnswer:
        by_lower = {email.lower(): email for email in emails}
        result = FreeBusyAnswer()
        for info in answer.get("value", []):
            schedule = str(info.get("scheduleId") or "")
            email = by_lower.get(schedule.lower(), schedule)
            if info.get("error"):
                error = info["error"]
                code = str(error.get("responseCode") or error.get("code") or "")
                result.unknown[email] = GRAPH_CODES.get(code, code or "error")
                continue
            result[email] = schedule_busy(info, start, end, self.context.tz, VIEW_MINUTES)
        for email in emails:
            if email not in result and email not in result.unknown:
                result.unknown[email] = "missing"
        return result

    def close(self) -> None:
        if self._graph is not None:
            self._graph.close()

    @classmethod
    def sign_in_state(cls, source: SourceConfig, context: ProviderContext) -> SignInState:
        return stored_state(source, context)

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
#: The zone Graph is asked to give times in (``Prefer: outlook.timezone``): UTC, the one zone
#: whose wall times each name one instant. In the user's zone, Graph writes a time in the hour
#: the clocks repeat without saying which of the two it is.
ANSWER_ZONE = "UTC"
