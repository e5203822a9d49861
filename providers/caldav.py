"""CalDAV calendars (RFC 4791): Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo and others.

The ``caldav`` client library is imported inside methods only. Events come from a local copy of
each calendar kept current with sync-collection (RFC 6578) where the server offers it, and from
time-range queries otherwise. Server quirks are data: :data:`SERVERS` (in
:mod:`providers.caldav_servers`); the password and the meaning of failures are in
:mod:`providers.caldav_account`; discovery and the local copy in :mod:`providers.caldav_support`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from planner.config.schema import Field
from planner.errors import CalendarReadError, NotSupportedError, ProviderError
from planner.i18n import _
from planner.model import Calendar, Event
from providers.base import CalendarProvider, ProviderContext, not_ours
from providers.caldav_account import (
    DEFAULT_PASSWORD_ENV,
    KEYRING_SERVICE,
    RETRY_STATUSES,
    RETRY_WAITS,
    CalDavAccount,
    retry_wait,
)
from providers.caldav_marked import (
    HOLD_MARK,
    CalDavMarked,
    has_mark,
    hold_shown,
    merged_object,
    summary_of,
    with_mark,
)
from providers.caldav_servers import (
    SERVERS,
    ServerQuirks,
    check_server,
    check_url,
    server_kind,
)
from providers.caldav_support import (
    ObjectCache,
    choose,
    chosen,
    client_scheduled,
    discover,
    etag_of,
    href_of,
    object_name,
    readable_xml,
)

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig

__all__ = [
    "DEFAULT_PASSWORD_ENV",
    "KEYRING_SERVICE",
    "MULTIGET_BATCH",
    "SERVERS",
    "CalDavProvider",
    "ServerQuirks",
    "SyncReport",
    "object_name",
    "server_kind",
]

log = logging.getLogger("planner")

MULTIGET_BATCH = 100


@dataclass
class SyncReport:
    """How the last :meth:`CalDavProvider.events` call read one calendar."""

    mode: str  # "full" (initial or after an invalid token), "incremental" or "query"
    changed: int = 0
    deleted: int = 0
    token: str | None = None


@dataclass
class _Remote:
    """One calendar collection on the server, as discovered."""

    calendar: Calendar
    dav: Any  # caldav.Calendar
    can_sync: bool


class CalDavProvider(CalDavMarked, CalendarProvider):
    """Calendars on a CalDAV server.

    Options of a ``[[calendars]]`` entry with ``provider = "caldav"``:

    - ``url`` (required): the server or principal URL, e.g.
      ``https://cloud.example.com/remote.php/dav`` (Nextcloud), ``https://caldav.icloud.com/``,
      ``https://caldav.fastmail.com/dav/``, ``http://localhost:5232/`` (Radicale).
    - ``username``: the account name (often the e-mail address).
    - ``password_env`` (default ``PLANNER_CALDAV_PASSWORD``): the environment variable that
      holds the password or app password. When it is unset, the system keyring entry of service
      ``planner-caldav`` and the user name is used (``keyring set planner-caldav USER``).
      A ``password`` key in the config file is rejected.
    - ``calendars``: display names or URLs of the calendars to read (default: every calendar
      that holds events).
    - ``write_calendar``: name or URL of the calendar that holds and invitations are written to
      (default: the first writable calendar read).
    - ``server`` (default ``"auto"``): the server kind for the quirks table (``generic``,
      ``radicale``, ``nextcloud``, ``icloud``, ``fastmail``, ...); ``auto`` guesses from the URL.
    - ``sync`` (default true): keep a local copy in the state database and fetch only changes
      (sync-collection) where the server supports it; false always queries the time window.
    - ``timeout`` (default 30): seconds to wait for the server.
    - ``verify_tls`` (default true): check the server's TLS certificate.
    """

    name: ClassVar[str] = "caldav"
    can_write: ClassVar[bool] = True
    has_incremental_sync: ClassVar[bool] = True
    can_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        "url": Field(str, required=True, check=check_url),
        "username": Field(str, ""),
        "password": Field(str, "", secret=True),
        "password_env": Field(str, DEFAULT_PASSWORD_ENV),
        "calendars": Field("str_list", []),
        "write_calendar": Field(str, ""),
        "server": Field(str, "auto", check=check_server),
        "sync": Field(bool, True),
        "timeout": Field(int, 30, minimum=1, maximum=600),
        "verify_tls": Field(bool, True),
    }
    identity_options: ClassVar[tuple[str, ...]] = ("url", "username", "calendars", "write_calendar")

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        merged = {k: f.default for k, f in self.options.items()} | dict(source.options)
        self.opts: Mapping[str, Any] = merged
        self.url: str = merged["url"]
        self.username: str = merged["username"]
        self.account = CalDavAccount(source.name, self.url, self.username, merged["password_env"])
        self.kind = server_kind(self.url, merged["server"])
        self.quirks = SERVERS[self.kind]
        self.last_sync: dict[str, SyncReport] = {}
        self._client: Any = None
        self.sleep = source.options.get("sleep") or time.sleep  # tests wait without waiting
        self._remotes: list[_Remote] | None = None
        self._cache: ObjectCache | None = None

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        problems = []
        if not options.get("password_env"):
            problems.append("key 'password_env' must name an environment variable")
        if options.get("timeout", 30) <= 0:
            problems.append("key 'timeout' must be greater than 0")
        return problems

    # -- reading ---------------------------------------------------------------------------

    def list_calendars(self) -> list[Calendar]:
        """Every calendar on the account that holds events; ``extra["selected"]`` tells which
        ones the ``calendars`` option chooses (all when it is empty)."""
        wanted = self.opts["calendars"]
        result = []
        calendars = [r.calendar for r in self._discover()]
        for remote in self._discover():
            selected = not wanted or any(remote.calendar in chosen(calendars, w) for w in wanted)
            extra = {**remote.calendar.extra, "selected": str(selected)}
            result.append(replace(remote.calendar, extra=extra))
        return result

    def events(self, start: datetime, end: datetime) -> list[Event]:
        found: dict[tuple[str, str], Event] = {}
        for remote in self._selected():
            for href, data in self._objects(remote, start, end):
                for event in self._parse(remote, href, data, start, end):
                    found.setdefault(event.key, event)
        return sorted(found.values(), key=lambda e: (e.start, e.end, e.uid))

    def _parse(
        self, remote: _Remote, href: str, data: str, start: datetime, end: datetime
    ) -> list[Event]:
        """The occurrences in one calendar object; a broken object is skipped with a warning."""
        from planner.ical.reader import events_from_ics

        where = f"{self.source.name}: {href}"
        try:
            return events_from_ics(
                data,
                source=self.source.name,
                tz=self.context.tz,
                start=start,
                end=end,
                calendar=self.source.name,
                user_emails=self.context.user_emails,
                warn=lambda text: self.context.warn(f"{where}: {text}"),
            )
        except CalendarReadError as exc:
            self.context.warn(_("{where}: skipped, {reason}", where=where, reason=str(exc)))
            return []

    def _objects(self, remote: _Remote, start: datetime, end: datetime) -> list[tuple[str, str]]:
        """``(href, iCalendar text)`` of every object that may have occurrences in the window."""
        if self.opts["sync"] and self.quirks.sync and remote.can_sync:
            if self._sync(remote):
                return self._object_cache().objects(self._key(remote), start, end)
        return self._query(remote, start, end)

    def _query(self, remote: _Remote, start: datetime, end: datetime) -> list[tuple[str, str]]:
        expand = self.quirks.server_expand
        with self.account.errors(remote.calendar.id):
            found = remote.dav.search(
                event=True,
                start=start,
                end=end,
                expand=expand,
                server_expand=expand,
                split_expanded=False,
                post_filter=False,
            )
        self.last_sync[remote.calendar.id] = SyncReport("query", changed=len(found))
        return [(href_of(obj.url), obj.data) for obj in found if obj.data]

    # -- incremental sync (RFC 6578) -------------------------------------------------------

    def _key(self, remote: _Remote) -> str:
        return f"{self.source.name}|{self.username}|{remote.calendar.id}"

    def _object_cache(self) -> ObjectCache:
        if self._cache is None:
            self._cache = ObjectCache(self.context.store)
        return self._cache

    def _sync(self, remote: _Remote) -> bool:
        """Bring the local copy of ``remote`` up to date; False when the server cannot sync.

        With a stored token only changes come back; without one, or when the server refuses
        the token, the whole listing does, and what the copy holds beyond it is dropped.
        Objects whose ETag the copy already has are not downloaded again.
        """
        cache, key = self._object_cache(), self._key(remote)
        token = cache.token(key)
        collection = self._sync_collection(remote, token) if token else None
        mode = "incremental"
        if collection is None:
            collection = self._sync_collection(remote, None)
            mode = "full"
            if collection is None:
                return False
        gone = {href_of(url) for url in collection.deleted_urls}
        own = href_of(remote.calendar.id).rstrip("/")
        listed = {
            href: obj
            for obj in collection
            if (href := href_of(obj.url)) not in gone and href.rstrip("/") != own
        }
        known = cache.etags(key)
        deleted = set(known) - set(listed) if mode == "full" else gone
        changed = [
            obj.url
            for href, obj in listed.items()
            if not etag_of(obj) or known.get(href) != etag_of(obj)
        ]
        fetched = self._multiget(remote, changed)
        cache.apply(key, fetched, deleted, collection.sync_token)
        report = SyncReport(mode, len(fetched), len(deleted & set(known)), collection.sync_token)
        self.last_sync[remote.calendar.id] = report
        return True

    def _sync_collection(self, remote: _Remote, token: str | None) -> Any:
        """The sync-collection answer, or None when the token (or, without one, the report
        itself) is refused; a refused token then means a full sync."""
        from caldav.lib import error

        try:
            with self.account.errors(remote.calendar.id, passthrough=(error.DAVError,)):
                return remote.dav.get_objects_by_sync_token(
                    token, load_objects=False, disable_fallback=True
                )
        except error.DAVError as exc:
            if getattr(exc, "status", None) == 401:
                raise self.account.auth_error() from None
            what = "sync token was refused" if token else "server cannot sync"
            log.info("%s: %s (%s); reading without it", remote.calendar.id, what, exc)
            return None

    def _multiget(self, remote: _Remote, urls: list[Any]) -> list[tuple[str, str, str]]:
        """``(href, etag, data)`` of ``urls``, fetched in batches (calendar-multiget)."""
        result = []
        for first in range(0, len(urls), MULTIGET_BATCH):
            with self.account.errors(remote.calendar.id):
                objects = remote.dav.multiget(urls[first : first + MULTIGET_BATCH])
            result += [(href_of(o.url), etag_of(o), o.data) for o in objects if o.data]
        return result

    # -- writing ---------------------------------------------------------------------------

    def create_event(self, event: Event, *, send_updates: bool = False) -> str:
        """PUT ``event`` as ``<uid>.ics`` into the write calendar; a second call updates it.

        Servers with scheduling (RFC 6638: Nextcloud, iCloud, Fastmail) e-mail the attendees
        of a stored event themselves; unless ``send_updates`` is set, the attendees are marked
        ``SCHEDULE-AGENT=CLIENT`` so a hold written here stays silent. Returns the URL of the
        resource. The event carries :data:`providers.caldav_marked.HOLD_MARK`; an object of
        that name without it, or the UID stored under another name, is someone else's event
        and is refused (:func:`providers.base.not_ours`). A hold there already keeps what
        the planner does not write (alarms, colour, attachments, other clients'
        X-properties): only the planner's properties change (``merged_object``).
        A concurrent change on the server between reading and writing raises
        :class:`ProviderError` (HTTP 412) instead of overwriting it.
        """
        from planner.ical.writing import event_to_ics

        remote = self._write_target()
        body = hold_shown(with_mark(event_to_ics(event), {HOLD_MARK: "1"}))
        if not send_updates and (event.attendees or event.organizer):
            body = client_scheduled(body)
        url = remote.dav.url.join(object_name(event.uid))
        status = self._put(url, body, {"If-None-Match": "*"})
        if status == 412:  # exists: change what the planner writes in it, where it stands
            status, text, etag = self._get(url)
            if status == 200 and not has_mark(text, HOLD_MARK):
                raise not_ours(self.source.name, event.uid, summary_of(text))
            if not etag:
                raise self._conflict(url)
            status = self._put(url, merged_object(text, body), {"If-Match": etag})
            if status == 412:  # someone changed it between the read and the write
                raise self._conflict(url)
        if status in (409, 403):  # CALDAV:no-uid-conflict: the UID lives under another name
            raise not_ours(self.source.name, event.uid)
        if status not in (200, 201, 204):
            raise self._refused(url, status)
        return str(url)

    def held(self, uid: str) -> Event | None:
        """The hold ``create_event`` wrote under ``uid`` (``<uid>.ics``, carrying
        :data:`~providers.caldav_marked.HOLD_MARK`), as the server has it now."""
        from datetime import UTC

        remote = self._write_target()
        url = remote.dav.url.join(object_name(uid))
        status, text, _etag = self._get(url)
        if status != 200 or not has_mark(text, HOLD_MARK):
            return None  # none, or not the planner's (create_event refuses to write over it)
        ever = (datetime(1970, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))
        found = [e for e in self._parse(remote, str(url), text, *ever) if e.uid == uid]
        return found[0] if found else None

    def _put(self, url: Any, body: bytes, headers: dict[str, str]) -> int:
        from caldav.lib import error

        headers = {"Content-Type": "text/calendar; charset=utf-8", **headers}
        try:
            response = self._send(url, "PUT", body.decode("utf-8"), headers)
        except error.AuthorizationError as exc:
            if exc.status == 403 and any("no-uid-conflict" in str(p) for p in exc.preconditions):
                return 409  # RFC 4791 answers a UID conflict with 403, Radicale with 409
            with self.account.errors(str(url)):
                raise
        return int(response.status)

    def _send(self, url: Any, method: str, body: str, headers: dict[str, str]) -> Any:
        """One write request, sent again after a wait while the server answers 429 (too many
        requests) or 503 (unavailable): as ``Retry-After`` says (at most a minute), else 1, 2,
        4, 8 seconds. Google and Graph writes are retried the same way."""
        from caldav.lib import error

        for attempt in range(len(RETRY_WAITS) + 1):
            retry_after: str | None = None
            try:
                with self.account.errors(
                    str(url), passthrough=(error.AuthorizationError, error.RateLimitError)
                ):
                    response = self._connect().request(str(url), method, body, headers)
            except error.RateLimitError as exc:
                status, retry_after = int(exc.status or 429), exc.retry_after
            else:
                status = int(response.status)
                if status not in RETRY_STATUSES:
                    return response
                retry_after = response.headers.get("Retry-After")
            if attempt == len(RETRY_WAITS):
                raise self.account.unavailable(str(url), status)
            self.sleep(retry_wait(retry_after, RETRY_WAITS[attempt]))
        raise AssertionError("unreachable")

    def _refused(self, url: Any, status: int) -> ProviderError:
        return ProviderError(
            _("{url}: the server refused the event (HTTP {status})", url=str(url), status=status)
        )

    def _conflict(self, url: Any) -> ProviderError:
        return ProviderError(
            _(
                "{url}: the event was changed on the server while the planner wrote it "
                "(HTTP 412 Precondition Failed)",
                url=str(url),
            ),
            hint=_("run the command again to write over the current version"),
        )

    def _write_target(self) -> _Remote:
        wanted = self.opts["write_calendar"]
        candidates = self._match([wanted], "write_calendar") if wanted else self._selected()
        for remote in candidates:
            if remote.calendar.writable:
                return remote
        raise NotSupportedError(
            _(
                "calendar '{name}' ({url}) has no calendar this user may write to",
                name=self.source.name,
                url=self.url,
            ),
            hint=_("set 'write_calendar' to a calendar you own"),
        )

    # -- discovery and connection ------------------------------------------------------------

    def _discover(self) -> list[_Remote]:
        if self._remotes is None:
            client = self._connect()
            with self.account.errors(self.url):
                self._remotes = [_Remote(c, d, s) for c, d, s in discover(client)]
        return self._remotes

    def _selected(self) -> list[_Remote]:
        wanted = self.opts["calendars"]
        return self._match(wanted, "calendars") if wanted else self._discover()

    def _match(self, wanted: list[str], option: str) -> list[_Remote]:
        remotes = self._discover()
        calendars = [r.calendar for r in remotes]
        picked: list[_Remote] = []
        for item in wanted:
            found = choose(calendars, item, (self.source.name, str(self.url), option))
            hit = next(r for r in remotes if r.calendar == found)
            if hit not in picked:
                picked.append(hit)
        return picked

    def _connect(self) -> Any:
        if self._client is None:
            import caldav

            password = self.account.password()
            if self.username and not password:
                raise self.account.auth_error(missing=True)
            self._client = caldav.DAVClient(
                url=self.url,
                username=self.username or None,
                password=password,
                timeout=self.opts["timeout"],
                ssl_verify_cert=self.opts["verify_tls"],
                features=self.quirks.profile,
                enable_rfc6764=False,
            )
            hooks = getattr(getattr(self._client, "session", None), "hooks", None)
            if isinstance(hooks, dict):
                hooks.setdefault("response", []).append(readable_xml)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
