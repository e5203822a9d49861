"""Google Calendar through the official client (google-api-python-client and google-auth).

Events are kept per calendar in the state database and brought up to date with sync tokens, so
an unchanged calendar costs one request per run. Sign-in, the API client, retries and error
messages live in :mod:`providers.google_auth`; the mapping of Google JSON in
:mod:`providers.google_map`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from planner.config.schema import Field
from planner.errors import AuthError, NotSupportedError, ProviderError
from planner.i18n import _
from planner.model import Calendar, Event, Interval
from providers import google_auth, google_signin
from providers.base import CalendarProvider, ProviderContext, SignInState
from providers.free_busy import GOOGLE_REASONS, FreeBusyAnswer, google_scope_error
from providers.google_auth import DEFAULT_API_URL, GoogleClient, SyncTokenExpired
from providers.google_map import item_bounds, to_event, working_location
from providers.google_marked import GoogleMarked

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig

log = logging.getLogger("planner")

SCHEMA_VERSION = 1
DDL = """
DROP TABLE IF EXISTS google_events;
CREATE TABLE google_events (
    source TEXT, calendar TEXT, id TEXT, start TEXT, end TEXT, data TEXT,
    PRIMARY KEY (source, calendar, id));
CREATE INDEX google_events_span ON google_events (source, calendar, start)
"""
MAX_PAGES = 10_000
MAX_SYNC_SPAN = timedelta(days=1200)
FREE_BUSY_BATCH = 50  # freeBusy answers for at most this many calendars at once


def _is_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)


class GoogleProvider(GoogleMarked, CalendarProvider):
    """Google Calendar (API v3). Sign in once with ``planner auth google``.

    Options of a ``[[calendars]]`` entry with ``provider = "google"``:

    - ``client_secrets`` (path): the OAuth client file ("Desktop app") from Google Cloud
      Console; needed by ``planner auth google`` only.
    - ``calendars`` (list of ids, default ``["primary"]``): the Google calendars to read, e.g.
      ``["primary", "team@group.calendar.google.com"]``. Holds are written to the first one.
    - ``write`` (bool, default false): allow creating holds and invitations (asks for the
      ``calendar.events`` scope; run ``planner auth google`` again after switching it on).
    - ``api_url`` (URL, default ``https://www.googleapis.com/``): the API root; a test server
      or proxy can stand in for Google here.
    - ``token_uri`` (URL, default from the client file or Google's): the OAuth token endpoint.
    - ``sync_past_days`` / ``sync_future_days`` (default 400 / 120): how far before and after a
      requested window the local cache is synced, so later runs only fetch changes.
    - ``timeout`` (seconds, default 30): per request.

    The token is stored in ``<data dir>/tokens/google-<name>.json`` (mode 0600), never in the
    config. Out-of-office, focus time and working-location entries are no meetings but are in
    :meth:`events` with their ``availability``; :meth:`working_locations` tells where the user
    works each day.
    """

    name: ClassVar[str] = "google"
    can_write: ClassVar[bool] = True  # per entry: only with ``write = true``
    has_free_busy: ClassVar[bool] = True
    has_incremental_sync: ClassVar[bool] = True
    can_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        "client_secrets": Field(str, "", path=True),
        "calendars": Field("str_list", ["primary"]),
        "write": Field(bool, False),
        "api_url": Field(str, DEFAULT_API_URL),
        "token_uri": Field(str, ""),
        "sync_past_days": Field(int, 400, minimum=1, maximum=3650),
        "sync_future_days": Field(int, 120, minimum=1, maximum=3650),
        "timeout": Field(int, 30, minimum=1, maximum=600),
    }
    identity_options: ClassVar[tuple[str, ...]] = ("api_url", "client_secrets", "calendars")

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        self.can_write = bool(source.options.get("write", False))  # type: ignore[misc]
        self.client = GoogleClient(source, context)  # tests set client.sleep
        self._store_ready = False
        self._fresh: dict[str, tuple[datetime, datetime]] = {}  # synced in this run

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        problems = []
        if not options.get("calendars"):
            problems.append(_("key 'calendars' must name at least one calendar (e.g. primary)"))
        for key in ("api_url", "token_uri"):
            if options.get(key) and not _is_url(options[key]):
                problems.append(_("key '{key}' must be an http(s) URL", key=key))
        for key in ("sync_past_days", "sync_future_days", "timeout"):
            if options.get(key, 1) <= 0:
                problems.append(_("key '{key}' must be greater than 0", key=key))
        return problems

    @property
    def _calendar_ids(self) -> list[str]:
        return list(self.source.options.get("calendars") or ["primary"])

    def _pages(self, what: str, **params: Any) -> tuple[list[dict[str, Any]], str | None]:
        """All items of a paged ``events.list``, and the ``nextSyncToken`` of the last page."""
        items: list[dict[str, Any]] = []
        page_token: str | None = None
        for _page in range(MAX_PAGES):
            request = self.client.service().events().list(pageToken=page_token, **params)
            response = self.client.execute(request, what)
            items.extend(response.get("items", []))
            page_token = response.get("nextPageToken")
            if not page_token:
                return items, response.get("nextSyncToken")
        raise ProviderError(
            _(
                "Google calendar '{name}': {what} never ended ({pages} pages)",
                name=self.source.name,
                what=what,
                pages=MAX_PAGES,
            )
        )

    # -- the local cache and its sync -------------------------------------------------------
    @property
    def _namespace(self) -> str:
        return f"google-sync:{self.source.name}"

    def _store(self) -> Any:
        store = self.context.store
        if not self._store_ready:
            store.ensure("google", SCHEMA_VERSION, DDL)
            self._store_ready = True
        return store

    def sync(self, start: datetime, end: datetime) -> None:
        """Bring the cache of every configured calendar up to date for ``[start, end)``."""
        for calendar_id in self._calendar_ids:
            self._sync_calendar(calendar_id, start, end)

    def _sync_calendar(self, calendar_id: str, start: datetime, end: datetime) -> None:
        fresh = self._fresh.get(calendar_id)
        if fresh and fresh[0] <= start and end <= fresh[1]:
            return  # already up to date in this run: no second request
        state = self._store().get(self._namespace, calendar_id)
        if self._usable(state, start, end):
            try:
                self._incremental(calendar_id, state)
                return
            except SyncTokenExpired:
                log.info(
                    "Google calendar '%s' (%s): sync token expired, full sync",
                    self.source.name,
                    calendar_id,
                )
        self._full(calendar_id, self._sync_window(state, start, end))

    def _usable(self, state: Any, start: datetime, end: datetime) -> bool:
        if not isinstance(state, dict) or not state.get("token"):
            return False
        if state.get("version") != SCHEMA_VERSION or state.get("zone") != self.context.tz.key:
            return False
        lo, hi = datetime.fromisoformat(state["start"]), datetime.fromisoformat(state["end"])
        return lo <= start and end <= hi

    def _sync_window(self, state: Any, start: datetime, end: datetime) -> tuple[datetime, ...]:
        options = self.source.options
        lo = start - timedelta(days=options.get("sync_past_days") or 400)
        hi = end + timedelta(days=options.get("sync_future_days") or 120)
        if isinstance(state, dict) and state.get("start") and state.get("end"):
            old_lo, old_hi = (datetime.fromisoformat(state[k]) for k in ("start", "end"))
            if max(hi, old_hi) - min(lo, old_lo) <= MAX_SYNC_SPAN:
                lo, hi = min(lo, old_lo), max(hi, old_hi)
        return lo, hi

    def _full(self, calendar_id: str, window: tuple[datetime, ...]) -> None:
        lo, hi = window
        store = self._store()
        store.delete(self._namespace, calendar_id)
        items, token = self._pages(
            _("reading calendar '{id}'", id=calendar_id),
            calendarId=calendar_id,
            singleEvents=True,
            timeMin=lo.isoformat(),
            timeMax=hi.isoformat(),
            timeZone=self.context.tz.key,
            maxResults=2500,
        )
        with store.conn:
            store.conn.execute(
                "DELETE FROM google_events WHERE source = ? AND calendar = ?",
                (self.source.name, calendar_id),
            )
            self._apply(store, calendar_id, items)
        self._save_state(calendar_id, token, lo, hi)

    def _incremental(self, calendar_id: str, state: dict[str, Any]) -> None:
        items, token = self._pages(
            _("syncing calendar '{id}'", id=calendar_id),
            calendarId=calendar_id,
            singleEvents=True,
            syncToken=state["token"],
            timeZone=self.context.tz.key,
            maxResults=2500,
        )
        store = self._store()
        with store.conn:
            self._apply(store, calendar_id, items)
        lo, hi = (datetime.fromisoformat(state[k]) for k in ("start", "end"))
        self._save_state(calendar_id, token, lo, hi)

    def _apply(self, store: Any, calendar_id: str, items: list[dict[str, Any]]) -> None:
        """Upsert changed items, delete cancelled ones (caller holds the transaction)."""
        key = (self.source.name, calendar_id)
        for item in items:
            if not item.get("id"):
                continue
            bounds = item_bounds(item, self.context.tz)
            if item.get("status") == "cancelled" or bounds is None:
                store.conn.execute(
                    "DELETE FROM google_events WHERE source = ? AND calendar = ? AND id = ?",
                    (*key, item["id"]),
                )
                continue
            store.conn.execute(
                "INSERT OR REPLACE INTO google_events VALUES (?, ?, ?, ?, ?, ?)",
                (*key, item["id"], *(_utc_text(b) for b in bounds), json.dumps(item)),
            )

    def _save_state(self, calendar_id: str, token: str | None, lo: datetime, hi: datetime) -> None:
        self._fresh[calendar_id] = (lo, hi)
        if not token:
            log.warning(
                _(
                    "Google calendar '{name}' ({id}): no sync token; the next run reads it all",
                    name=self.source.name,
                    id=calendar_id,
                )
            )
            return
        self._store().put(
            self._namespace,
            calendar_id,
            {
                "token": token,
                "start": lo.isoformat(),
                "end": hi.isoformat(),
                "zone": self.context.tz.key,
                "version": SCHEMA_VERSION,
            },
        )

    def _cached(self, start: datetime, end: datetime) -> Iterator[tuple[str, dict[str, Any]]]:
        ids = self._calendar_ids
        marks = ",".join("?" * len(ids))
        rows = self._store().conn.execute(
            f"SELECT calendar, data FROM google_events WHERE source = ? AND calendar IN ({marks})"
            " AND start < ? AND end >= ? ORDER BY start, id",
            (self.source.name, *ids, _utc_text(end), _utc_text(start)),
        )
        for calendar_id, data in rows:
            yield calendar_id, json.loads(data)

    # -- the provider contract --------------------------------------------------------------
    def list_calendars(self) -> list[Calendar]:
        result: list[Calendar] = []
        page_token: str | None = None
        for _page in range(MAX_PAGES):
            request = self.client.service().calendarList().list(pageToken=page_token)
            response = self.client.execute(request, _("listing calendars"))
            result.extend(_calendar(entry) for entry in response.get("items", []))
            page_token = response.get("nextPageToken")
            if not page_token:
                break
        return result

    def events(self, start: datetime, end: datetime) -> list[Event]:
        self.sync(start, end)
        found = []
        for calendar_id, item in self._cached(start, end):
            event = to_event(item, self.context, source=self.source.name, calendar_id=calendar_id)
            if event is not None and event.start < end and event.end > start:
                found.append(event)
        return sorted(found, key=lambda e: (e.start, e.uid))

    def working_locations(self, start: datetime, end: datetime) -> dict[date, str]:
        """Where the user works on each day of ``[start, end)``, from working-location entries
        (e.g. ``"home"``, an office label or a custom place)."""
        self.sync(start, end)
        days: dict[date, str] = {}
        for _calendar_id, item in self._cached(start, end):
            found = working_location(item, self.context.tz)
            if found is None:
                continue
            first, last, label = found
            day = max(first, start.astimezone(self.context.tz).date())
            while day <= last and datetime.combine(day, datetime.min.time(), self.context.tz) < end:
                days[day] = label
                day += timedelta(days=1)
        return days

    def free_busy(
        self, emails: Sequence[str], start: datetime, end: datetime
    ) -> dict[str, list[Interval]]:
        """Busy time of ``emails`` (one ``freeBusy`` request per 50 addresses); an address
        Google cannot tell (external, unknown, not shared) is in the answer's ``unknown``."""
        result = FreeBusyAnswer()
        for offset in range(0, len(emails), FREE_BUSY_BATCH):
            batch = list(emails[offset : offset + FREE_BUSY_BATCH])
            body = {
                "timeMin": start.isoformat(),
                "timeMax": end.isoformat(),
                "timeZone": self.context.tz.key,
                "items": [{"id": e} for e in batch],
            }
            response = self._free_busy_request(body)
            for email in batch:
                busy = self._busy_of(email, response, result.unknown)
                if busy is not None:
                    result[email] = busy
        return result

    def _free_busy_request(self, body: dict[str, Any]) -> dict[str, Any]:
        request = self.client.service().freebusy().query(body=body)
        try:
            return self.client.execute(request, _("free/busy lookup"))
        except AuthError as exc:  # 403: the grant does not cover free/busy
            raise google_scope_error(self.source.name) from exc

    def _busy_of(
        self, email: str, response: dict[str, Any], unknown: dict[str, str]
    ) -> list[Interval] | None:
        entry = response.get("calendars", {}).get(email) or response.get("groups", {}).get(email)
        errors = [{"reason": "missing"}] if entry is None else entry.get("errors") or []
        if errors:
            reasons = [str(e.get("reason", "unknown")) for e in errors]
            unknown[email] = GOOGLE_REASONS.get(reasons[0], ", ".join(reasons))
            return None
        if "calendars" in entry:  # a group: the busy times of its members
            members = (response.get("calendars", {}).get(m) or {} for m in entry["calendars"])
            busy = [b for member in members for b in member.get("busy", [])]
        else:
            busy = entry.get("busy", [])
        tz = self.context.tz
        intervals = {
            Interval(
                datetime.fromisoformat(b["start"]).astimezone(tz),
                datetime.fromisoformat(b["end"]).astimezone(tz),
            )
            for b in busy
        }
        return sorted(intervals, key=lambda i: (i.start, i.end))

    def _check_writable(self) -> None:
        if not self.can_write:
            raise NotSupportedError(
                _("calendar '{name}' is read-only", name=self.source.name),
                hint=_(
                    "set write = true in its [[calendars]] entry and run "
                    "'planner auth google' again"
                ),
            )
        self.client.service()
        if google_auth.missing_scopes(self.client.creds, google_auth.scopes(self.source)):
            raise AuthError(
                _(
                    "Google calendar '{name}': the sign-in does not allow writing",
                    name=self.source.name,
                ),
                hint=_("run 'planner auth google' again to grant write access"),
            )

    def account(self) -> str:
        """The account's primary calendar id (its e-mail address) and name."""
        entry = self.client.execute(
            self.client.service().calendarList().get(calendarId="primary"),
            _("reading the primary calendar"),
        )
        summary = entry.get("summary") or ""
        ident = entry.get("id") or "primary"
        return ident if summary in ("", ident) else f"{ident} ({summary})"

    def close(self) -> None:
        self.client.close()

    @classmethod
    def sign_in_state(cls, source: SourceConfig, context: ProviderContext) -> SignInState:
        return google_auth.stored_state(source, context)

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        return authorize(source, context, open_browser=browser is not False, prompt=prompt)


def authorize(
    source: SourceConfig,
    context: ProviderContext,
    *,
    open_browser: bool = True,
    on_url: Callable[[str], None] | None = None,
    prompt: Callable[[str], None] | None = None,
    timeout: float = 300,
) -> str:
    """Sign in to Google for ``source`` (``planner auth google``) and return the account.

    Opens the consent page in the browser and hands its URL to ``on_url`` and a sentence with
    it to ``prompt`` (the CLI prints that, as for ``planner auth outlook``). Waits up to
    ``timeout`` seconds for Google's redirect to a local server, stores the token (mode 0600)
    and returns e.g. ``"user@example.com (Work)"``.
    """

    def show(url: str) -> None:
        if on_url is not None:
            on_url(url)
        if prompt is not None:
            prompt(
                _(
                    "Open this page to sign in to Google for '{name}': {url}",
                    name=source.name,
                    url=url,
                )
            )

    google_signin.run_flow(source, context, open_browser=open_browser, on_url=show, timeout=timeout)
    provider = GoogleProvider(source, context)
    try:
        return provider.account()
    finally:
        provider.close()


def _utc_text(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _calendar(entry: dict[str, Any]) -> Calendar:
    return Calendar(
        id=entry.get("id", ""),
        name=entry.get("summaryOverride") or entry.get("summary") or entry.get("id", ""),
        primary=bool(entry.get("primary")),
        writable=entry.get("accessRole") in ("owner", "writer"),
        timezone=entry.get("timeZone", ""),
    )
