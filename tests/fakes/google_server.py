"""A local fake of the Google Calendar API v3 and Google's OAuth endpoints, on 127.0.0.1.

It follows the documented JSON shapes closely enough for the real google-api-python-client and
google-auth to talk to it: ``calendarList``, ``events.list`` (paging with ``pageToken`` /
``nextPageToken``, ``syncToken`` / ``nextSyncToken``, 410 when a sync token is no longer valid),
``events.insert`` (client-chosen ids, 409 on a duplicate), ``events.get``, ``events.update``
(PUT; it also restores a deleted event), ``events.patch``, ``events.delete`` (the event stays as a
cancelled tombstone, 410 when deleted already), the ``privateExtendedProperty`` /
``sharedExtendedProperty`` filters of ``events.list`` (``name=value``), ``freeBusy`` and the
OAuth ``/auth`` (consent, redirects with a code) and ``/token`` endpoints (code exchange with
PKCE, refresh, ``invalid_grant`` for a revoked grant). Faults (403 rate limits, 429, 5xx) can be
queued per kind of request, and every request is recorded so tests can count them.

Recurring series are stored already expanded: with ``singleEvents=true`` masters (items with a
``recurrence``) are left out, as Google does.

Use it from a test or the CLI tests::

    with FakeGoogle() as fake:
        fake.seed("primary", events)               # planner.model.Event objects
        fake.write_token_for("g")                  # token of [[calendars]] name="g", mode 0600
        ... api_url=fake.url, token_uri=fake.token_uri ...   # in the [[calendars]] entry

or ``fake = start_fake_google(events)`` … ``fake.stop()``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import itertools
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo

from planner.model import Event, Status
from planner.paths import write_secret
from tests.fakes.loopback import Loopback

CLIENT_ID = "fake-client.apps.googleusercontent.com"
CLIENT_SECRET = "fake-client-secret"
OWNER = "user@planner.test"
READ_SCOPE = "https://www.googleapis.com/auth/calendar.readonly"
WRITE_SCOPE = "https://www.googleapis.com/auth/calendar.events"
_ID = re.compile(r"^[a-v0-9]{5,1024}$")
_RESPONSE = {"accepted": "accepted", "declined": "declined", "tentative": "tentative"}


@dataclass
class Recorded:
    """One request the fake server saw."""

    method: str
    path: str
    query: dict[str, list[str]]
    kind: str
    body: Any = None


@dataclass
class _Calendar:
    id: str
    summary: str
    time_zone: str = "Europe/Berlin"
    primary: bool = False
    access_role: str = "owner"
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → event
    changed: dict[str, int] = field(default_factory=dict)  # id → sequence of last change


class FakeGoogle(Loopback):
    """The fake service. Start it with ``with FakeGoogle() as fake`` or :meth:`start`."""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        return _Handler

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.calendars: dict[str, _Calendar] = {}
        self.requests: list[Recorded] = []
        self.faults: dict[str, list[tuple[int, str, str | None]]] = {}
        self.busy: dict[str, list[tuple[datetime, datetime]]] = {}
        self.free_busy_errors: dict[str, str] = {}  # calendar id → reason (notFound, ...)
        self.too_big_groups: set[str] = set()
        self.groups: dict[str, list[str]] = {}  # group address → member addresses
        self.page_sizes: list[int] = []  # sizes of successive pages, cycled; [] = maxResults
        self.access_tokens: dict[str, list[str]] = {}  # token → scopes
        self.refresh_tokens: dict[str, list[str]] = {}
        self.revoked: set[str] = set()
        self.codes: dict[str, dict[str, str]] = {}
        self.auth_requests: list[dict[str, str]] = []
        self.inserts: list[dict[str, Any]] = []  # body and sendUpdates of each insert
        self.imports: list[dict[str, Any]] = []  # body of each events.import
        self._seq = itertools.count(1)
        self._generation = 0
        self._pages: dict[str, tuple[list[dict[str, Any]], int, dict[str, Any]]] = {}
        self.add_calendar(OWNER, "Planner Test", primary=True)

    # -- life cycle -------------------------------------------------------------------------

    @property
    def token_uri(self) -> str:
        return self.url + "token"

    @property
    def auth_uri(self) -> str:
        return self.url + "auth"

    # -- state ------------------------------------------------------------------------------
    def add_calendar(self, calendar_id: str, summary: str = "", **kwargs: Any) -> None:
        with self.lock:
            self.calendars[calendar_id] = _Calendar(calendar_id, summary or calendar_id, **kwargs)

    def calendar(self, calendar_id: str) -> _Calendar | None:
        if calendar_id == "primary":
            return next((c for c in self.calendars.values() if c.primary), None)
        return self.calendars.get(calendar_id)

    def put_event(self, calendar_id: str, item: dict[str, Any]) -> dict[str, Any]:
        """Add or replace a Google event resource (as JSON) in a calendar."""
        with self.lock:
            cal = self.calendar(calendar_id)
            assert cal is not None, calendar_id
            item = copy.deepcopy(item)
            item.setdefault("id", _base32hex(secrets.token_bytes(10)))
            item.setdefault("kind", "calendar#event")
            item.setdefault("status", "confirmed")
            item["etag"] = f'"{next(self._seq)}"'
            cal.items[item["id"]] = item
            cal.changed[item["id"]] = next(self._seq)
            return item

    def delete_event(self, calendar_id: str, event_id: str) -> None:
        """Delete an event: it stays as a cancelled tombstone for incremental sync."""
        with self.lock:
            cal = self.calendar(calendar_id)
            assert cal is not None and event_id in cal.items
            cal.items[event_id] = {"kind": "calendar#event", "id": event_id, "status": "cancelled"}
            cal.changed[event_id] = next(self._seq)

    def seed(self, calendar_id: str, events: list[Event]) -> None:
        """Store model events as Google JSON (see :func:`event_to_google`)."""
        if self.calendar(calendar_id) is None:
            self.add_calendar(calendar_id)
        for event in events:
            self.put_event(calendar_id, event_to_google(event))

    def invalidate_sync_tokens(self) -> None:
        """Every sync token handed out so far now answers 410 GONE."""
        with self.lock:
            self._generation += 1

    def fail(
        self,
        kind: str,
        status: int,
        reason: str = "",
        *,
        times: int = 1,
        retry_after: str | None = None,
    ) -> None:
        """Answer the next ``times`` requests of ``kind`` (see :class:`Recorded`) with an error."""
        with self.lock:
            self.faults.setdefault(kind, []).extend([(status, reason, retry_after)] * times)

    def count(self, kind: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r.kind == kind)

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens.clear()

    def revoke(self) -> None:
        """Revoke every grant: refreshing now fails with ``invalid_grant``."""
        with self.lock:
            self.revoked.update(self.refresh_tokens)
            self.access_tokens.clear()

    def issue_tokens(self, scopes: list[str]) -> tuple[str, str]:
        with self.lock:
            access, refresh = "ya29.fake-" + secrets.token_hex(8), "1//fake-" + secrets.token_hex(8)
            self.access_tokens[access] = scopes
            self.refresh_tokens[refresh] = scopes
            return access, refresh

    def write_token(self, path: Path, *, write: bool = False, expired: bool = False) -> Path:
        """An authorized-user token file (mode 0600) for the provider, as ``planner auth``
        would leave it. ``expired`` makes the access token stale so the client must refresh."""
        scopes = [READ_SCOPE, WRITE_SCOPE] if write else [READ_SCOPE]
        access, refresh = self.issue_tokens(scopes)
        if expired:
            self.access_tokens.pop(access)
        info = {
            "token": access,
            "refresh_token": refresh,
            "token_uri": self.token_uri,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "scopes": scopes,
            "expiry": "2000-01-01T00:00:00Z" if expired else "2099-01-01T00:00:00Z",
        }
        write_secret(path, json.dumps(info))
        return path

    def write_token_for(self, calendar_name: str, *, write: bool = False) -> Path:
        """The token file of ``[[calendars]] name = calendar_name`` in the data dir
        (``$PLANNER_DATA_DIR/tokens/google-<name>.json``), where the provider looks for it."""
        from planner.config.schema import SourceConfig
        from providers.base import ProviderContext
        from providers.google_auth import token_path

        context = ProviderContext(tz=ZoneInfo("UTC"))
        path = token_path(SourceConfig(calendar_name, "google"), context)
        return self.write_token(path, write=write)

    def write_client_secrets(self, path: Path) -> Path:
        """An OAuth client file of the "Desktop app" kind pointing at this server."""
        client = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "project_id": "planner-test",
            "auth_uri": self.auth_uri,
            "token_uri": self.token_uri,
            "redirect_uris": ["http://localhost"],
        }
        path.write_text(json.dumps({"installed": client}), encoding="utf-8")
        return path

    # -- request handling (called by the handler, under the lock) -----------------------------
    def sync_token(self, cal: _Calendar) -> str:
        raw = json.dumps([self._generation, cal.id, max(cal.changed.values(), default=0)])
        return base64.urlsafe_b64encode(raw.encode()).decode()

    def parse_sync_token(self, token: str) -> tuple[int, str, int] | None:
        try:
            generation, cal_id, seq = json.loads(base64.urlsafe_b64decode(token.encode()))
        except (ValueError, TypeError):
            return None
        return generation, cal_id, seq

    def next_page_size(self, max_results: int) -> int:
        if not self.page_sizes:
            return max_results
        size = self.page_sizes.pop(0)
        self.page_sizes.append(size)
        return min(size, max_results)

    def store_pages(self, items: list[dict[str, Any]], meta: dict[str, Any]) -> str:
        token = secrets.token_urlsafe(12)
        self._pages[token] = (items, 0, meta)
        return token


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGoogle

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # -- plumbing ---------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        split = urlsplit(self.path)
        query = parse_qs(split.query)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        route, args = _route(method, split.path)
        fake = self.fake
        with fake.lock:
            body: Any = raw.decode("utf-8") if raw else None
            if body and "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(body)
            fake.requests.append(Recorded(method, split.path, query, route, body))
            queued = fake.faults.get(route)
            if queued:
                status, reason, retry_after = queued.pop(0)
                headers = {"Retry-After": retry_after} if retry_after else {}
                return self._error(status, reason or "backendError", "Injected fault", headers)
            if route not in ("token", "auth", "unknown") and not self._authorized():
                return None
            handler = getattr(self, "_h_" + route.replace(".", "_"), None)
            if handler is None:
                return self._error(404, "notFound", f"No route for {method} {split.path}")
            return handler(query, body, *args)

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        if header.startswith("Bearer ") and token in self.fake.access_tokens:
            return True
        self._error(401, "authError", "Request had invalid authentication credentials.")
        return False

    def _send(
        self,
        status: int,
        payload: Any,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json; charset=UTF-8",
    ) -> None:
        data = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(
        self, status: int, reason: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        error = {"domain": "global", "reason": reason, "message": message}
        payload = {"error": {"errors": [error], "code": status, "message": message}}
        self._send(status, payload, headers)

    def _calendar(self, calendar_id: str) -> _Calendar | None:
        cal = self.fake.calendar(calendar_id)
        if cal is None:
            self._error(404, "notFound", "Not Found")
        return cal

    # -- calendarList -----------------------------------------------------------------------
    def _h_calendarList_list(self, query: dict[str, list[str]], body: Any) -> None:
        items = [_list_entry(c) for c in self.fake.calendars.values()]
        self._send(200, {"kind": "calendar#calendarList", "etag": '"1"', "items": items})

    def _h_calendarList_get(self, query: dict[str, list[str]], body: Any, cal_id: str) -> None:
        if (cal := self._calendar(cal_id)) is not None:
            self._send(200, _list_entry(cal))

    # -- events -----------------------------------------------------------------------------
    def _h_events_list(self, query: dict[str, list[str]], body: Any, cal_id: str) -> None:
        fake = self.fake
        q = {k: v[0] for k, v in query.items()}
        if "pageToken" in q:
            return self._next_page(q)
        if (cal := self._calendar(cal_id)) is None:
            return None
        if "syncToken" in q:
            clash = [k for k in ("timeMin", "timeMax", "orderBy", "q", "updatedMin") if k in q]
            if clash:
                return self._error(400, "invalid", f"syncToken cannot be combined with {clash}")
            parsed = fake.parse_sync_token(q["syncToken"])
            if parsed is None or parsed[1] != cal.id:
                return self._error(400, "invalid", "Invalid sync token value.")
            if parsed[0] != fake._generation:
                return self._error(
                    410,
                    "fullSyncRequired",
                    "Sync token is no longer valid, a full sync is required.",
                )
            ids = [i for i, seq in cal.changed.items() if seq > parsed[2]]
            items = [cal.items[i] for i in ids]
        else:
            items = [i for i in cal.items.values() if _in_window(i, q, cal) and _matches(i, q)]
            if q.get("showDeleted") != "true":
                items = [i for i in items if i.get("status") != "cancelled"]
        if q.get("singleEvents") == "true":
            items = [i for i in items if "recurrence" not in i]
        for scope in ("private", "shared"):  # every filter given must match (AND)
            for wanted in query.get(f"{scope}ExtendedProperty", []):
                name, _sep, value = wanted.partition("=")
                items = [i for i in items if _extended(i, scope).get(name) == value]
        items = [_in_zone(i, q.get("timeZone")) for i in items]
        meta = {
            "summary": cal.summary,
            "timeZone": cal.time_zone,
            "nextSyncToken": fake.sync_token(cal),
        }
        token = fake.store_pages(items, meta)
        self._next_page({**q, "pageToken": token})

    def _next_page(self, q: dict[str, str]) -> None:
        fake = self.fake
        stored = fake._pages.pop(q["pageToken"], None)
        if stored is None:
            return self._error(400, "invalid", "Invalid page token value.")
        items, offset, meta = stored
        size = fake.next_page_size(int(q.get("maxResults", 250)))
        page = items[offset : offset + size]
        payload = {
            "kind": "calendar#events",
            "etag": '"p1"',
            "summary": meta["summary"],
            "updated": "2026-11-01T00:00:00.000Z",
            "timeZone": meta["timeZone"],
            "accessRole": "owner",
            "defaultReminders": [],
            "items": page,
        }
        if offset + size < len(items) or (size == 0 and items):
            token = secrets.token_urlsafe(12)
            fake._pages[token] = (items, offset + size, meta)
            payload["nextPageToken"] = token
        else:
            payload["nextSyncToken"] = meta["nextSyncToken"]
        self._send(200, payload)

    def _h_events_get(
        self, query: dict[str, list[str]], body: Any, cal_id: str, event_id: str
    ) -> None:
        if (cal := self._calendar(cal_id)) is None:
            return
        if event_id not in cal.items:
            return self._error(404, "notFound", "Not Found")
        self._send(200, cal.items[event_id])

    def _h_events_insert(self, query: dict[str, list[str]], body: Any, cal_id: str) -> None:
        fake = self.fake
        if (cal := self._calendar(cal_id)) is None:
            return
        if not isinstance(body, dict):
            return self._error(400, "badRequest", "Request body is not a JSON event")
        scopes = fake.access_tokens[self.headers["Authorization"].removeprefix("Bearer ")]
        if WRITE_SCOPE not in scopes:
            return self._error(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."
            )
        event_id = body.get("id")
        if event_id is not None and not _ID.match(event_id):
            return self._error(400, "invalid", "Invalid resource id value.")
        if event_id in cal.items or _with_uid(cal, body.get("iCalUID")) is not None:
            return self._error(409, "duplicate", "The requested identifier already exists.")
        fake.inserts.append({"body": body, "sendUpdates": query.get("sendUpdates", [""])[0]})
        item = dict(body)
        event_id = event_id or _base32hex(secrets.token_bytes(10))
        item["id"] = event_id
        item.setdefault("iCalUID", f"{event_id}@google.com")
        item.setdefault("organizer", {"email": cal.id, "self": True})
        item["htmlLink"] = f"https://www.google.com/calendar/event?eid={event_id}"
        self._send(200, fake.put_event(cal.id, item))

    def _h_events_import(self, query: dict[str, list[str]], body: Any, cal_id: str) -> None:
        """``events.import``: the iCalUID is required and is the key; importing it again
        updates the event that has it (same id), never a second one."""
        fake = self.fake
        if (cal := self._calendar(cal_id)) is None:
            return
        if not isinstance(body, dict) or not body.get("iCalUID"):
            return self._error(400, "required", "Missing iCalUID.")
        if body.get("eventType", "default") != "default":
            return self._error(400, "invalid", "Only default events can be imported.")
        scopes = fake.access_tokens[self.headers["Authorization"].removeprefix("Bearer ")]
        if WRITE_SCOPE not in scopes:
            return self._error(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."
            )
        fake.imports.append(body)
        item = dict(body)
        existing = _with_uid(cal, body["iCalUID"])
        item["id"] = existing["id"] if existing else _base32hex(secrets.token_bytes(10))
        item.setdefault("organizer", {"email": cal.id, "self": True})
        item["htmlLink"] = f"https://www.google.com/calendar/event?eid={item['id']}"
        self._send(200, fake.put_event(cal.id, item))

    def _writable_item(self, cal_id: str, event_id: str) -> _Calendar | None:
        """The calendar, after the checks every change of an event passes (else an error)."""
        fake = self.fake
        if (cal := self._calendar(cal_id)) is None:
            return None
        scopes = fake.access_tokens[self.headers["Authorization"].removeprefix("Bearer ")]
        if WRITE_SCOPE not in scopes:
            self._error(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."
            )
            return None
        if event_id not in cal.items:
            self._error(404, "notFound", "Not Found")
            return None
        wanted = self.headers.get("If-Match")  # Google: 412 when the etag is not the event's
        if wanted and wanted != "*" and wanted != cal.items[event_id].get("etag"):
            self._error(412, "conditionNotMet", "Precondition Failed")
            return None
        return cal

    def _h_events_update(
        self, query: dict[str, list[str]], body: Any, cal_id: str, event_id: str
    ) -> None:
        """PUT: the body replaces the event (a cancelled one comes back to life)."""
        if (cal := self._writable_item(cal_id, event_id)) is None:
            return
        if not isinstance(body, dict) or "start" not in body or "end" not in body:
            return self._error(400, "required", "Missing start or end.")
        old = cal.items[event_id]
        if body.get("iCalUID") and old.get("iCalUID") and body["iCalUID"] != old["iCalUID"]:
            return self._error(400, "invalid", "Invalid iCalUID value.")
        item = dict(body, id=event_id)
        item["status"] = body.get("status", "confirmed")
        for key in ("iCalUID", "organizer", "htmlLink"):
            if key in old:
                item.setdefault(key, old[key])
        self._send(200, self.fake.put_event(cal.id, item))

    def _h_events_patch(
        self, query: dict[str, list[str]], body: Any, cal_id: str, event_id: str
    ) -> None:
        """PATCH, with Google's patch semantics: a field given replaces the event's, one not
        given stays; an object is merged field by field (``null`` removes a field), an array
        given replaces the event's whole array."""
        if (cal := self._writable_item(cal_id, event_id)) is None:
            return
        if not isinstance(body, dict):
            return self._error(400, "badRequest", "Request body is not a JSON event")
        item = _patched(copy.deepcopy(cal.items[event_id]), body)
        self._send(200, self.fake.put_event(cal.id, item))

    def _h_events_delete(
        self, query: dict[str, list[str]], body: Any, cal_id: str, event_id: str
    ) -> None:
        if (cal := self._writable_item(cal_id, event_id)) is None:
            return
        if cal.items[event_id].get("status") == "cancelled":
            return self._error(410, "deleted", "Resource has been deleted")
        self.fake.delete_event(cal.id, event_id)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- free/busy --------------------------------------------------------------------------
    def _h_freebusy(self, query: dict[str, list[str]], body: Any) -> None:
        fake = self.fake
        ids = [i["id"] for i in body.get("items", [])]
        if len(ids) > 50:
            return self._error(400, "tooManyCalendarsRequested", "Too many calendars requested.")
        lo, hi = _parse(body["timeMin"]), _parse(body["timeMax"])
        calendars: dict[str, Any] = {}
        groups: dict[str, Any] = {}
        for cal_id in ids:
            if cal_id in fake.too_big_groups:
                groups[cal_id] = {"errors": [{"domain": "global", "reason": "groupTooBig"}]}
                continue
            members = fake.groups.get(cal_id)
            if members is not None:  # a group expands into its members' calendars
                groups[cal_id] = {"calendars": members}
            for member in members or [cal_id]:
                if reason := fake.free_busy_errors.get(member):
                    error = {"domain": "global", "reason": reason}
                    calendars[member] = {"errors": [error], "busy": []}
                    continue
                busy = [(s, e) for s, e in fake.busy.get(member, []) if s < hi and e > lo]
                calendars[member] = {"busy": [{"start": _z(s), "end": _z(e)} for s, e in busy]}
        payload = {
            "kind": "calendar#freeBusy",
            "timeMin": body["timeMin"],
            "timeMax": body["timeMax"],
            "calendars": calendars,
        }
        if groups:
            payload["groups"] = groups
        self._send(200, payload)

    # -- OAuth ------------------------------------------------------------------------------
    def _h_auth(self, query: dict[str, list[str]], body: Any) -> None:
        q = {k: v[0] for k, v in query.items()}
        fake = self.fake
        fake.auth_requests.append(q)
        if q.get("client_id") != CLIENT_ID:
            return self._send(400, {"error": "invalid_client"})
        code = "4/fake-" + secrets.token_hex(8)
        fake.codes[code] = q
        target = (
            q["redirect_uri"]
            + "?"
            + urlencode({"state": q.get("state", ""), "code": code, "scope": q.get("scope", "")})
        )
        self._send(302, None, {"Location": target})

    def _h_token(self, query: dict[str, list[str]], body: Any) -> None:
        fake = self.fake
        form = {k: v[0] for k, v in parse_qs(body or "").items()}
        basic = self.headers.get("Authorization", "")
        if basic.startswith("Basic "):  # RFC 6749 2.3.1: the client may authenticate either way
            user, _, password = base64.b64decode(basic[6:]).decode().partition(":")
            form.setdefault("client_id", unquote(user))
            form.setdefault("client_secret", unquote(password))
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return self._send(
                401,
                {"error": "invalid_client", "error_description": "The OAuth client was not found."},
            )
        if form.get("grant_type") == "refresh_token":
            refresh = form.get("refresh_token", "")
            if refresh not in fake.refresh_tokens or refresh in fake.revoked:
                return self._send(
                    400,
                    {
                        "error": "invalid_grant",
                        "error_description": "Token has been expired or revoked.",
                    },
                )
            return self._grant(fake.refresh_tokens[refresh], None)
        if form.get("grant_type") == "authorization_code":
            request = fake.codes.pop(form.get("code", ""), None)
            if request is None or request["redirect_uri"] != form.get("redirect_uri"):
                return self._send(400, {"error": "invalid_grant", "error_description": "Bad code"})
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            if challenge.decode().rstrip("=") != request.get("code_challenge"):
                return self._send(
                    400, {"error": "invalid_grant", "error_description": "Invalid code verifier."}
                )
            scopes = request.get("scope", "").split()
            access, refresh = fake.issue_tokens(scopes)
            fake.access_tokens.pop(access)
            return self._grant(scopes, refresh)
        self._send(400, {"error": "unsupported_grant_type"})

    def _grant(self, scopes: list[str], refresh: str | None) -> None:
        access = "ya29.fake-" + secrets.token_hex(8)
        self.fake.access_tokens[access] = scopes
        payload = {
            "access_token": access,
            "expires_in": 3599,
            "scope": " ".join(scopes),
            "token_type": "Bearer",
        }
        if refresh:
            payload["refresh_token"] = refresh
        self._send(200, payload)


_ROUTES = [
    ("GET", r"/calendar/v3/users/me/calendarList", "calendarList.list"),
    ("GET", r"/calendar/v3/users/me/calendarList/([^/]+)", "calendarList.get"),
    ("GET", r"/calendar/v3/calendars/([^/]+)/events", "events.list"),
    ("POST", r"/calendar/v3/calendars/([^/]+)/events/import", "events.import"),
    ("POST", r"/calendar/v3/calendars/([^/]+)/events", "events.insert"),
    ("GET", r"/calendar/v3/calendars/([^/]+)/events/([^/]+)", "events.get"),
    ("PUT", r"/calendar/v3/calendars/([^/]+)/events/([^/]+)", "events.update"),
    ("PATCH", r"/calendar/v3/calendars/([^/]+)/events/([^/]+)", "events.patch"),
    ("DELETE", r"/calendar/v3/calendars/([^/]+)/events/([^/]+)", "events.delete"),
    ("POST", r"/calendar/v3/freeBusy", "freebusy"),
    ("POST", r"/token", "token"),
    ("GET", r"/auth", "auth"),
]


def _patched(item: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """``item`` with ``patch`` merged in: objects field by field, arrays and values replaced,
    ``null`` removing the field."""
    for key, value in patch.items():
        if value is None:
            item.pop(key, None)
        elif isinstance(value, dict):
            there = item.get(key)
            item[key] = _patched(there if isinstance(there, dict) else {}, value)
        else:
            item[key] = copy.deepcopy(value)
    return item


def _route(method: str, path: str) -> tuple[str, tuple[str, ...]]:
    for verb, pattern, kind in _ROUTES:
        if verb == method and (m := re.fullmatch(pattern, path)):
            return kind, tuple(unquote(g) for g in m.groups())
    return "unknown", ()


def _list_entry(cal: _Calendar) -> dict[str, Any]:
    entry = {
        "kind": "calendar#calendarListEntry",
        "id": cal.id,
        "summary": cal.summary,
        "timeZone": cal.time_zone,
        "accessRole": cal.access_role,
    }
    if cal.primary:
        entry["primary"] = True
    return entry


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _z(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _when(point: dict[str, str], zone: str) -> datetime | None:
    if "dateTime" in point:
        value = _parse(point["dateTime"])
        return (
            value if value.tzinfo else value.replace(tzinfo=ZoneInfo(point.get("timeZone") or zone))
        )
    if "date" in point:
        return datetime.combine(date.fromisoformat(point["date"]), time(), ZoneInfo(zone))
    return None


def _extended(item: dict[str, Any], scope: str) -> dict[str, str]:
    return (item.get("extendedProperties") or {}).get(scope) or {}


def _in_window(item: dict[str, Any], q: dict[str, str], cal: _Calendar) -> bool:
    start = _when(item.get("start", {}), cal.time_zone)
    end = _when(item.get("end", {}), cal.time_zone) or start
    if start is None or end is None:
        return "timeMin" not in q and "timeMax" not in q
    if "timeMin" in q and not end > _parse(q["timeMin"]):
        return False
    return not ("timeMax" in q and not start < _parse(q["timeMax"]))


def _with_uid(cal: _Calendar, uid: str | None) -> dict[str, Any] | None:
    """The live event of ``cal`` with iCalUID ``uid`` (an event is unique by it)."""
    if not uid:
        return None
    for item in cal.items.values():
        if item.get("iCalUID") == uid and item.get("status") != "cancelled":
            return item
    return None


def _matches(item: dict[str, Any], q: dict[str, str]) -> bool:
    """The ``iCalUID`` and ``privateExtendedProperty`` (name=value) filters of events.list."""
    if "iCalUID" in q and item.get("iCalUID") != q["iCalUID"]:
        return False
    if "privateExtendedProperty" in q:
        name, _sep, value = q["privateExtendedProperty"].partition("=")
        private = (item.get("extendedProperties") or {}).get("private") or {}
        return private.get(name) == value
    return True


def _in_zone(item: dict[str, Any], zone: str | None) -> dict[str, Any]:
    """Google answers ``dateTime`` values in the zone the ``timeZone`` parameter asks for."""
    item = copy.deepcopy(item)
    for key in ("start", "end"):
        point = item.get(key, {})
        if zone and "dateTime" in point:
            value = _parse(point["dateTime"])
            if value.tzinfo is not None:
                point["dateTime"] = value.astimezone(ZoneInfo(zone)).isoformat()
    return item


def _base32hex(data: bytes) -> str:
    return base64.b32hexencode(data).decode().rstrip("=").lower()


def event_to_google(event: Event) -> dict[str, Any]:
    """A model event as the Google event resource the API would hand out."""
    key = hashlib.sha1(f"{event.uid}|{event.start.isoformat()}".encode()).digest()
    item: dict[str, Any] = {
        "id": _base32hex(key),
        "iCalUID": event.uid,
        "status": {Status.TENTATIVE: "tentative", Status.CANCELLED: "cancelled"}.get(
            event.status, "confirmed"
        ),
        "summary": event.title,
        "start": _point(event.start, event.all_day),
        "end": _point(event.end, event.all_day),
        "eventType": "default",
        "htmlLink": f"https://www.google.com/calendar/event?eid={_base32hex(key)[:12]}",
    }
    for name, value in (("location", event.location), ("description", event.description)):
        if value:
            item[name] = value
    if not event.busy:
        item["transparency"] = "transparent"
    if event.organizer:
        item["organizer"] = {"email": event.organizer.email, "displayName": event.organizer.name}
    if event.attendees:
        item["attendees"] = [
            {
                "email": a.email,
                "displayName": a.name,
                "resource": a.is_resource,
                "optional": a.optional,
                "responseStatus": _RESPONSE.get(a.response.value, "needsAction"),
            }
            for a in event.attendees
        ]
    if event.series_id:
        item["recurringEventId"] = event.series_id
    return item


def _point(value: datetime, all_day: bool) -> dict[str, str]:
    if all_day:
        return {"date": value.date().isoformat()}
    zone = getattr(value.tzinfo, "key", None)
    point = {"dateTime": value.isoformat(timespec="seconds")}
    if zone:
        point["timeZone"] = zone
    return point


def start_fake_google(
    events: list[Event] | None = None, calendar_id: str = "primary"
) -> FakeGoogle:
    """Start a fake server seeded with ``events``; call ``stop()`` when done."""
    fake = FakeGoogle().start()
    if events:
        fake.seed(calendar_id, events)
    return fake


__all__ = ["FakeGoogle", "Recorded", "event_to_google", "start_fake_google"]
