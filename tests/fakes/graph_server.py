"""A local fake of Microsoft Graph (calendar part) and of the Entra ID token endpoint.

It follows the documented JSON shapes: ``/me/calendars``, ``calendarView`` with
``@odata.nextLink`` paging and ``Prefer: outlook.timezone``, ``calendarView/delta`` with
``@removed`` entries and 410 ``SyncStateNotFound`` for expired links, ``getSchedule``,
``POST /events`` deduplicated by ``transactionId``, ``GET /events`` with the documented
``$filter`` on a single-value extended property and its ``$expand``, ``PATCH`` and ``DELETE``
of an event, and throttling with ``Retry-After``. The
token side answers openid-configuration, ``devicecode`` (with ``authorization_pending``),
``authorize`` (redirect with a code) and ``token`` (device code, auth code, refresh token).

msal only talks to https authorities, so the server advertises ``https://127.0.0.1:<port>`` and
:class:`LoopbackSession` (msal's injectable HTTP client) sends those requests to the plain-HTTP
server. Graph itself is reached directly over ``http://127.0.0.1:<port>/v1.0``.

Use the ``graph_server`` fixture, or :func:`start_graph_server` and ``server.stop()``. A CLI
test with a TOML config writes :func:`config_entry` into ``[[calendars]]``, calls
:func:`use_loopback_msal` (monkeypatch) and :func:`sign_in` (writes the token cache into
``PLANNER_DATA_DIR``), then runs the command.
"""

from __future__ import annotations

import base64
import html
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import requests
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from planner.model import Event, Response, Status
from tests.fakes.graph_contacts import GraphContacts

CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"
WORK_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
WINDOWS_NAMES = {
    "Europe/Berlin": "W. Europe Standard Time",
    "Europe/London": "GMT Standard Time",
    "America/Los_Angeles": "Pacific Standard Time",
    "UTC": "UTC",
}
_RESPONSE_NAMES = {
    Response.ACCEPTED: "accepted",
    Response.DECLINED: "declined",
    Response.TENTATIVE: "tentativelyAccepted",
    Response.NEEDS_ACTION: "notResponded",
    Response.DELEGATED: "none",
}


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # a Windows name such as "W. Europe …"
        return ZoneInfo(WINDOWS_TO_OLSON.get(name, "UTC"))


def graph_time(moment: datetime, zone_name: str) -> dict[str, str]:
    local = moment.astimezone(zone(zone_name)).replace(tzinfo=None)
    return {"dateTime": local.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": zone_name}


def parse_graph_time(value: dict[str, str]) -> datetime:
    text = value["dateTime"][:26]
    return datetime.fromisoformat(text).replace(tzinfo=zone(value.get("timeZone") or "UTC"))


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def event_to_graph(event: Event, *, organizer: str = "me@contoso.example") -> dict[str, Any]:
    """How Graph would hold a planner event (the seed of the contract tests)."""
    zone_name = str(getattr(event.start.tzinfo, "key", "UTC"))
    item: dict[str, Any] = {
        "id": "AAMk" + uuid.uuid4().hex,
        "iCalUId": event.uid,
        "subject": event.title,
        "bodyPreview": event.description[:255],
        "body": {
            "contentType": "html",
            "content": f"<html><body><p>{event.description}</p></body></html>",
        },
        "isAllDay": event.all_day,
        "start": graph_time(event.start, zone_name),
        "end": graph_time(event.end, zone_name),
        "showAs": "free"
        if not event.busy
        else "tentative"
        if event.status is Status.TENTATIVE
        else "busy",
        "isCancelled": event.status is Status.CANCELLED,
        "seriesMasterId": event.series_id,
        "type": "occurrence" if event.series_id else "singleInstance",
        "webLink": "https://outlook.office365.com/owa/?itemid=x",
        "location": {"displayName": event.location, "locationType": "default"},
        "locations": [{"displayName": event.location}] if event.location else [],
        "isOnlineMeeting": bool(event.conference_links),
        "onlineMeetingProvider": "teamsForBusiness" if event.conference_links else "unknown",
        "onlineMeeting": {"joinUrl": event.conference_links[0]} if event.conference_links else None,
        "responseStatus": {"response": "organizer"},
        "organizer": {
            "emailAddress": {
                "address": event.organizer.email if event.organizer else organizer,
                "name": event.organizer.name if event.organizer else "Me",
            }
        },
        "attendees": [
            {
                "type": "resource" if a.is_resource else "optional" if a.optional else "required",
                "status": {"response": _RESPONSE_NAMES[a.response]},
                "emailAddress": {"address": a.email, "name": a.name},
            }
            for a in event.attendees
        ],
    }
    if event.geo:
        item["location"]["coordinates"] = {"latitude": event.geo.lat, "longitude": event.geo.lon}
    return item


@dataclass
class Fault:
    """Answer the next ``times`` requests whose path contains ``path`` with ``status``."""

    path: str
    status: int
    times: int = 1
    retry_after: str | None = None
    code: str = "ServiceUnavailable"
    method: str | None = None


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class GraphServer(GraphContacts):
    """The state of the fake service; its HTTP handler reads and changes it under ``lock``.
    Contacts (``/me/contacts``) come from :class:`tests.fakes.graph_contacts.GraphContacts`."""

    page_size: int = 3
    zone_style: str = "iana"  # "windows": answer with Windows zone names
    pending_polls: int = 1  # authorization_pending answers before the device code token
    token_lifetime: int = 3600
    refresh_fails: bool = False
    personal: bool = False
    username: str = "megan@contoso.example"
    calendars: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    schedules: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    schedule_items: bool = True  # False: answer getSchedule with availabilityView only
    iana_prefer: bool = True  # False: refuse an IANA zone in Prefer (some endpoints do)
    faults: list[Fault] = field(default_factory=list)
    log: list[Recorded] = field(default_factory=list)
    invitations: list[tuple[str, list[str]]] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)  # access token -> scope
    refresh_tokens: set[str] = field(default_factory=set)
    lock: threading.RLock = field(default_factory=threading.RLock)
    _version: int = 0
    _changes: list[tuple[int, str, str]] = field(default_factory=list)
    _links: dict[str, dict[str, Any]] = field(default_factory=dict)
    _expired: set[str] = field(default_factory=set)
    _device_codes: dict[str, list[Any]] = field(default_factory=dict)  # pending polls, scope
    _auth_codes: dict[str, str] = field(default_factory=dict)  # code -> nonce
    _httpd: ThreadingHTTPServer | None = None

    # --- life cycle -------------------------------------------------------------------------

    def start(self) -> GraphServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        if not self.calendars:
            self.add_calendar("Calendar", "cal-default", default=True)
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    @property
    def port(self) -> int:
        assert self._httpd is not None, "start the server first"
        return self._httpd.server_address[1]

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def authority(self) -> str:
        """The https authority msal is given; :class:`LoopbackSession` maps it to http."""
        return f"https://127.0.0.1:{self.port}"

    @property
    def graph_url(self) -> str:
        return f"{self.http_base}/v1.0"

    def msal_http_client(self) -> LoopbackSession:
        return LoopbackSession(self.authority, self.http_base)

    def source_options(self, **overrides: Any) -> dict[str, Any]:
        """Options of an ``outlook`` calendar pointed at this server (with the msal client)."""
        options = {
            "client_id": "11111111-2222-3333-4444-555555555555",
            "tenant": "organizations",
            "auth_flow": "device_code",
            "write": False,
            "calendars": [],
            "delta": True,
            "graph_url": self.graph_url,
            "authority": self.authority,
            "http_client": self.msal_http_client(),
            "sleep": lambda seconds: None,
        }
        options.update(overrides)
        return options

    # --- seeding and changes ----------------------------------------------------------------

    def add_calendar(self, name: str, calendar_id: str, *, default: bool = False) -> None:
        with self.lock:
            self.calendars[calendar_id] = {
                "id": calendar_id,
                "name": name,
                "isDefaultCalendar": default,
                "canEdit": True,
                "owner": {"name": "Megan Bowen", "address": self.username},
            }
            self.events.setdefault(calendar_id, {})

    def default_calendar(self) -> str:
        return next(c for c, v in self.calendars.items() if v["isDefaultCalendar"])

    def put_event(self, item: dict[str, Any], calendar_id: str | None = None) -> dict[str, Any]:
        """Add or replace a Graph event (kept as given, e.g. a real-world JSON sample)."""
        with self.lock:
            item = dict(item)
            item.setdefault("id", "AAMk" + uuid.uuid4().hex)
            cal = calendar_id or self.default_calendar()
            self.events.setdefault(cal, {})[item["id"]] = item
            self._changed(cal, item["id"])
            return item

    def seed(self, events: list[Event], calendar_id: str | None = None) -> list[dict[str, Any]]:
        return [self.put_event(event_to_graph(e), calendar_id) for e in events]

    def remove_event(self, event_id: str, calendar_id: str | None = None) -> None:
        with self.lock:
            cal = calendar_id or self.default_calendar()
            del self.events[cal][event_id]
            self._changed(cal, event_id)

    def all_events(self) -> list[dict[str, Any]]:
        with self.lock:
            return [e for cal in self.events.values() for e in cal.values()]

    def expire_delta_links(self) -> None:
        with self.lock:
            self._expired.update(self._links)

    def fail(self, path: str, status: int, **kwargs: Any) -> Fault:
        fault = Fault(path, status, **kwargs)
        with self.lock:
            self.faults.append(fault)
        return fault

    def requests_to(self, part: str, method: str | None = None) -> list[Recorded]:
        return [r for r in self.log if part in r.path and (method is None or r.method == method)]

    def _changed(self, calendar_id: str, event_id: str) -> None:
        self._version += 1
        self._changes.append((self._version, calendar_id, event_id))
        item = self.events.get(calendar_id, {}).get(event_id)
        if item is not None:  # Graph: a new @odata.etag (change key) with every change
            item["@odata.etag"] = f'W/"DwAAABYAAA{self._version:08d}"'

    # --- request handling (called by the handler) -------------------------------------------

    def handle(self, method: str, url: str, headers: dict[str, str], body: bytes):
        parts = urlsplit(url)
        query = parse_qs(parts.query, keep_blank_values=True)
        payload: Any = None
        if body:
            kind = headers.get("content-type", "")
            payload = (
                json.loads(body)
                if "json" in kind
                else {k: v[0] for k, v in parse_qs(body.decode()).items()}
            )
        with self.lock:
            self.log.append(Recorded(method, parts.path, query, headers, payload))
            fault = self._fault(method, parts.path)
            if fault is not None:
                extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                return fault.status, _error(fault.code, "Injected fault"), extra
            if parts.path.startswith("/v1.0/"):
                return self._graph(method, parts.path[len("/v1.0/") :], query, headers, payload)
            return self._login(method, parts.path, payload)

    def _fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.path in path and fault.method in (None, method):
                fault.times -= 1
                return fault
        return None

    # --- Entra ID -----------------------------------------------------------------------------

    def _login(self, method: str, path: str, form: Any):
        segments = path.strip("/").split("/")
        tenant, rest = segments[0], "/".join(segments[1:])
        base = f"{self.authority}/{tenant}"
        if rest == "v2.0/.well-known/openid-configuration":
            return (
                200,
                {
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                    "issuer": f"{self.authority}/{self._tenant_id()}/v2.0",
                    "response_types_supported": ["code"],
                },
                {},
            )
        if rest == "oauth2/v2.0/devicecode" and method == "POST":
            code = uuid.uuid4().hex
            self._device_codes[code] = [self.pending_polls, (form or {}).get("scope", "")]
            return (
                200,
                {
                    "device_code": code,
                    "user_code": "FAKE-CODE",
                    "expires_in": 900,
                    "interval": 0,
                    "verification_uri": "https://microsoft.com/devicelogin",
                    "message": "To sign in, use a web browser to open the page "
                    "https://microsoft.com/devicelogin and enter the code FAKE-CODE "
                    "to authenticate.",
                },
                {},
            )
        if rest == "oauth2/v2.0/token" and method == "POST":
            return self._token(form or {})
        return 404, {"error": "not_found"}, {}

    def authorize_page(self, query: dict[str, list[str]]) -> str:
        """The page after signing in: with ``response_mode=form_post`` it posts the code back
        to the app's redirect URI (msal's local listener)."""
        code = uuid.uuid4().hex
        with self.lock:
            self._auth_codes[code] = query.get("nonce", [""])[0]
        fields = {"code": code, "state": query.get("state", [""])[0]}
        inputs = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(v)}"/>' for k, v in fields.items()
        )
        action = html.escape(query["redirect_uri"][0])
        return (
            f'<html><body onload="document.forms[0].submit()"><form method="post" '
            f'action="{action}">{inputs}</form></body></html>'
        )

    def _token(self, form: dict[str, str]):
        grant, scope, nonce = form.get("grant_type", ""), form.get("scope", ""), None
        if grant.endswith("device_code"):
            state = self._device_codes.get(form.get("device_code", ""))
            if state is None:
                return 400, {"error": "expired_token", "error_description": "AADSTS70019"}, {}
            if state[0] > 0:
                state[0] -= 1
                return (
                    400,
                    {"error": "authorization_pending", "error_description": "AADSTS70016: pending"},
                    {},
                )
            scope = scope or state[1]
            del self._device_codes[form["device_code"]]
        elif grant == "authorization_code":
            nonce = self._auth_codes.pop(form.get("code", ""), None)
            if nonce is None:
                return 400, {"error": "invalid_grant", "error_description": "AADSTS70000"}, {}
        elif grant == "refresh_token":
            if self.refresh_fails or form.get("refresh_token") not in self.refresh_tokens:
                return (
                    400,
                    {
                        "error": "invalid_grant",
                        "error_description": "AADSTS700082: The refresh token has expired.",
                    },
                    {},
                )
        else:
            return 400, {"error": "unsupported_grant_type"}, {}
        return 200, self._issue(scope, form.get("client_id", ""), nonce), {}

    def _tenant_id(self) -> str:
        return CONSUMER_TENANT if self.personal else WORK_TENANT

    def _issue(self, scope: str, client_id: str, nonce: str | None = None) -> dict[str, Any]:
        access, refresh = "at-" + uuid.uuid4().hex, "rt-" + uuid.uuid4().hex
        granted = " ".join(
            s for s in scope.split() if s not in ("openid", "profile", "offline_access")
        )
        self.tokens[access] = granted
        self.refresh_tokens.add(refresh)
        now = int(time.time())
        claims = {
            "aud": client_id,
            "iss": f"{self.authority}/{self._tenant_id()}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "oid": "user-oid",
            "sub": "sub",
            "tid": self._tenant_id(),
            "preferred_username": self.username,
            "name": "Megan Bowen",
        }
        if nonce:
            claims["nonce"] = nonce
        return {
            "token_type": "Bearer",
            "scope": granted,
            "expires_in": self.token_lifetime,
            "ext_expires_in": self.token_lifetime,
            "access_token": access,
            "refresh_token": refresh,
            "id_token": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}.",
            "client_info": b64({"uid": "user-oid", "utid": self._tenant_id()}),
        }

    # --- Graph ---------------------------------------------------------------------------------

    def _graph(self, method: str, path: str, query, headers, payload):
        token = headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.tokens:
            return 401, _error("InvalidAuthenticationToken", "Access token is invalid."), {}
        prefer = _prefer_zone(headers.get("prefer", ""))
        if not self.iana_prefer and prefer not in WINDOWS_TO_OLSON:
            return 400, _error("ErrorTimeZoneNotSupported", f"Time zone {prefer!r}"), {}
        segments = path.split("/")
        if segments[:1] != ["me"]:
            return 404, _error("ResourceNotFound", "Resource not found"), {}
        route = segments[1:]
        answer = self.contacts_route(method, route, query, self.tokens[token], path)
        if answer is not None:
            return answer
        if route == ["calendars"] and method == "GET":
            return 200, self._page(list(self.calendars.values()), query, path), {}
        if route == ["calendar"] and method == "GET":
            return 200, self.calendars[self.default_calendar()], {}
        if route == ["calendar", "getSchedule"] and method == "POST":
            return self._schedule(payload, prefer)
        cal, route = self._calendar_of(route)
        if cal is None:
            return 404, _error("ErrorItemNotFound", "The specified object was not found."), {}
        if route == ["events"] and method == "POST":
            if "Calendars.ReadWrite" not in self.tokens[token]:
                return 403, _error("ErrorAccessDenied", "Access is denied."), {}
            return self._create(cal, payload)
        if route == ["events"] and method == "GET":
            return self._list(cal, query, prefer, path)
        if len(route) == 2 and route[0] == "events" and method == "GET":  # one event
            item = self.events[cal].get(route[1])
            if item is None:
                return 404, _error("ErrorItemNotFound", "The specified object was not found."), {}
            return 200, self._shown(item, prefer, query), {}
        if len(route) == 2 and route[0] == "events" and method in ("PATCH", "DELETE"):
            if "Calendars.ReadWrite" not in self.tokens[token]:
                return 403, _error("ErrorAccessDenied", "Access is denied."), {}
            return self._change(cal, route[1], method, payload, headers.get("if-match"))
        if route == ["calendarView"] and method == "GET":
            return self._view(cal, query, prefer, path)
        if route == ["calendarView", "delta"] and method == "GET":
            return self._delta(cal, query, prefer, path)
        return 404, _error("ResourceNotFound", f"No route {method} {path}"), {}

    def _calendar_of(self, route: list[str]) -> tuple[str | None, list[str]]:
        if route[:1] == ["calendars"] and len(route) > 1:
            return (route[1] if route[1] in self.calendars else None), route[2:]
        return self.default_calendar(), route

    def _page(self, items: list[Any], query, path: str, extra: dict | None = None) -> dict:
        skip = int(query.get("$skip", ["0"])[0])
        size = int(query.get("$top", [str(self.page_size)])[0])
        page = {"value": items[skip : skip + size]}
        if skip + size < len(items):
            flat = {k: v[0] for k, v in query.items()}
            flat["$skip"] = str(skip + size)
            page["@odata.nextLink"] = f"{self.graph_url}/{path}?{urlencode(flat)}"
        return page

    def _window(self, query) -> tuple[datetime, datetime] | None:
        try:
            start = datetime.fromisoformat(query["startDateTime"][0].replace("Z", "+00:00"))
            end = datetime.fromisoformat(query["endDateTime"][0].replace("Z", "+00:00"))
        except (KeyError, ValueError):
            return None
        return start.astimezone(UTC), end.astimezone(UTC)

    def _in_window(self, item: dict, start: datetime, end: datetime, prefer: str) -> bool:
        first, last = self._span(item, prefer)
        return first < end and last > start

    def _span(self, item: dict, prefer: str) -> tuple[datetime, datetime]:
        if item.get("isAllDay"):  # all-day events float: midnight in the zone asked for
            tz = zone(prefer)
            first = datetime.fromisoformat(item["start"]["dateTime"][:10]).replace(tzinfo=tz)
            last = datetime.fromisoformat(item["end"]["dateTime"][:10]).replace(tzinfo=tz)
            return first, last
        return parse_graph_time(item["start"]), parse_graph_time(item["end"])

    def _present(self, item: dict, prefer: str, select: str | None = None) -> dict:
        out = dict(item)
        answer_zone = WINDOWS_NAMES.get(prefer, prefer) if self.zone_style == "windows" else prefer
        for key in ("start", "end"):
            if item.get("isAllDay"):
                out[key] = {
                    "dateTime": item[key]["dateTime"][:10] + "T00:00:00.0000000",
                    "timeZone": answer_zone,
                }
            else:
                moment = parse_graph_time(item[key])
                out[key] = graph_time(moment, prefer) | {"timeZone": answer_zone}
        out.pop("singleValueExtendedProperties", None)  # only with $expand
        if select:
            keep = set(select.split(",")) | {"id"}
            out = {k: v for k, v in out.items() if k in keep or k.startswith("@odata")}
        return out

    def _view(self, cal: str, query, prefer: str, path: str):
        window = self._window(query)
        if window is None:
            return (
                400,
                _error(
                    "ErrorInvalidParameter",
                    "This request requires a time window specified by the query "
                    "string parameters StartDateTime and EndDateTime.",
                ),
                {},
            )
        items = [
            self._present(e, prefer, query.get("$select", [None])[0])
            for e in self._sorted(cal)
            if self._in_window(e, *window, prefer)
        ]
        return 200, self._page(items, query, path), {}

    def _sorted(self, cal: str) -> list[dict]:
        return sorted(self.events[cal].values(), key=lambda e: parse_graph_time(e["start"]))

    def _delta(self, cal: str, query, prefer: str, path: str):
        if "$deltatoken" in query or "$skiptoken" in query:
            token = (query.get("$deltatoken") or query.get("$skiptoken"))[0]
            state = self._links.get(token)
            if token in self._expired or state is None:
                return (
                    410,
                    _error("SyncStateNotFound", "The sync state generation is not found."),
                    {},
                )
            if "$deltatoken" in query:
                state = dict(state, offset=0, since=state["version"], version=self._version)
        else:
            window = self._window(query)
            if window is None:
                return 400, _error("ErrorInvalidParameter", "startDateTime is required"), {}
            state = {
                "cal": cal,
                "window": window,
                "since": None,
                "version": self._version,
                "offset": 0,
            }
        items = self._delta_items(state, prefer)
        offset = state["offset"]
        page: dict[str, Any] = {"value": items[offset : offset + self.page_size]}
        token = uuid.uuid4().hex
        base = f"{self.graph_url}/{path}"
        if offset + self.page_size < len(items):
            self._links[token] = dict(state, offset=offset + self.page_size)
            page["@odata.nextLink"] = f"{base}?{urlencode({'$skiptoken': token})}"
        else:
            self._links[token] = {
                "cal": state["cal"],
                "window": state["window"],
                "version": state["version"],
            }
            page["@odata.deltaLink"] = f"{base}?{urlencode({'$deltatoken': token})}"
        return 200, page, {}

    def _delta_items(self, state: dict, prefer: str) -> list[dict]:
        cal, window, since = state["cal"], state["window"], state["since"]
        if since is None:
            return [
                self._present(e, prefer)
                for e in self._sorted(cal)
                if self._in_window(e, *window, prefer)
            ]
        changed = dict.fromkeys(
            eid for v, c, eid in self._changes if c == cal and since < v <= state["version"]
        )
        out = []
        for eid in changed:
            item = self.events[cal].get(eid)
            if item is not None and self._in_window(item, *window, prefer):
                out.append(self._present(item, prefer))
            else:
                out.append(
                    {
                        "@odata.type": "#microsoft.graph.event",
                        "id": eid,
                        "@removed": {"reason": "deleted"},
                    }
                )
        return out

    def _create(self, cal: str, body: dict):
        tx = body.get("transactionId")
        for item in self.events[cal].values():
            if tx and item.get("transactionId") == tx:
                return 201, item, {}
        if "start" not in body or "end" not in body:
            return 400, _error("ErrorInvalidRequest", "start and end are required"), {}
        item = dict(body)
        item.update(
            {
                "id": "AAMk" + uuid.uuid4().hex,
                "iCalUId": "040000008200E00074C5B7101A82E008" + uuid.uuid4().hex.upper(),
                "type": "singleInstance",
                "isCancelled": False,
                "webLink": "https://outlook.office365.com/owa/?itemid=new",
                "responseStatus": {"response": "organizer"},
                "organizer": {"emailAddress": {"address": self.username, "name": "Megan Bowen"}},
                "attendees": [
                    dict(a, status={"response": "none"}) for a in body.get("attendees", [])
                ],
            }
        )
        self.events[cal][item["id"]] = item
        self._changed(cal, item["id"])
        if item["attendees"]:
            self.invitations.append(
                (item["id"], [a["emailAddress"]["address"] for a in item["attendees"]])
            )
        return 201, item, {}

    def _list(self, cal: str, query, prefer: str, path: str):
        """``GET /events`` (series masters and single events, no expansion) with the documented
        ``$filter`` on a single-value extended property and ``$expand`` of such properties."""
        items = self._sorted(cal)
        wanted = query.get("$filter", [""])[0]
        by_uid = _UID_FILTER.fullmatch(wanted.strip()) if wanted else None
        if by_uid is not None:  # the documented filter on iCalUId
            uid = by_uid.group(1).replace("''", "'")
            items = [i for i in items if i.get("iCalUId") == uid]
        elif wanted:
            match = _EP_FILTER.fullmatch(wanted.strip())
            if match is None:
                return 400, _error("ErrorInvalidUrlQueryFilter", "Unsupported filter."), {}
            pid, value = match.group(1).casefold(), match.group(2)
            items = [i for i in items if _extended_props(i).get(pid) == value]
        out = [self._shown(item, prefer, query) for item in items]
        return 200, self._page(out, query, path), {}

    def _shown(self, item: dict, prefer: str, query) -> dict:
        """``item`` as a read answers it: its ``$select`` fields and the single-value extended
        properties its ``$expand`` names (a list and a read of one event alike)."""
        expand = _expanded_ids(query.get("$expand", [""])[0])
        shown = self._present(item, prefer, query.get("$select", [None])[0])
        props = [
            p
            for p in item.get("singleValueExtendedProperties") or ()
            if str(p.get("id", "")).casefold() in expand
        ]
        if props:
            shown["singleValueExtendedProperties"] = props
        return shown

    def _change(self, cal: str, event_id: str, method: str, body: Any, if_match: str | None):
        """``PATCH`` (the fields given replace the event's; extended properties are merged by
        id) and ``DELETE`` (204) of one event; with ``If-Match`` only while it is the event's
        ``@odata.etag`` (else 412 ErrorIrresolvableConflict, as Graph answers)."""
        item = self.events[cal].get(event_id)
        if item is None:
            return 404, _error("ErrorItemNotFound", "The specified object was not found."), {}
        if if_match and if_match != "*" and if_match != item.get("@odata.etag"):
            return 412, _error("ErrorIrresolvableConflict", IRRESOLVABLE), {}
        if method == "DELETE":
            del self.events[cal][event_id]
            self._changed(cal, event_id)
            return 204, None, {}
        changed = dict(item)
        for key, value in (body or {}).items():
            if key in ("id", "iCalUId", "transactionId"):
                continue
            if key == "singleValueExtendedProperties":
                merged = {p["id"].casefold(): p for p in item.get(key) or ()}
                merged.update({p["id"].casefold(): p for p in value})
                value = list(merged.values())
            changed[key] = value
        self.events[cal][event_id] = changed
        self._changed(cal, event_id)
        return 200, changed, {}

    def _schedule(self, body: dict, prefer: str):
        if self.personal:
            return (
                500,
                _error(
                    "ErrorInternalServerError",
                    "An internal server error occurred. The operation failed.",
                ),
                {},
            )
        start = parse_graph_time(body["startTime"])
        end = parse_graph_time(body["endTime"])
        interval = int(body.get("availabilityViewInterval", 30))
        answers = []
        for email in body["schedules"]:
            items = self.schedules.get(email.lower())
            if items is None:
                answers.append(
                    {
                        "scheduleId": email,
                        "error": {
                            "message": f"Unable to resolve e-mail address {email} to an Active "
                            "Directory object.",
                            "responseCode": "5009",
                        },
                    }
                )
                continue
            inside = [
                i
                for i in items
                if parse_graph_time(i["start"]) < end and parse_graph_time(i["end"]) > start
            ]
            answer = {
                "scheduleId": email,
                "availabilityView": _view_string(inside, start, end, interval),
                "scheduleItems": [
                    dict(
                        i,
                        start=graph_time(parse_graph_time(i["start"]), prefer),
                        end=graph_time(parse_graph_time(i["end"]), prefer),
                    )
                    for i in inside
                ],
            }
            if not self.schedule_items:
                del answer["scheduleItems"]
            answers.append(answer)
        return 200, {"value": answers}, {}


_UID_FILTER = re.compile(r"iCalUId eq '((?:[^']|'')*)'", re.IGNORECASE)
_EP_FILTER = re.compile(
    r"singleValueExtendedProperties/Any\(ep:\s*ep/id eq '([^']+)' and ep/value eq '([^']*)'\)",
    re.IGNORECASE,
)


def _extended_props(item: dict) -> dict[str, str]:
    return {
        str(p.get("id", "")).casefold(): p.get("value")
        for p in item.get("singleValueExtendedProperties") or ()
    }


def _expanded_ids(expand: str) -> set[str]:
    """Ids named in ``singleValueExtendedProperties($filter=id eq '…' or id eq '…')``."""
    if not expand.lower().startswith("singlevalueextendedproperties("):
        return set()
    return {m.casefold() for m in re.findall(r"id eq '([^']+)'", expand)}


def _view_string(items: list[dict], start: datetime, end: datetime, minutes: int) -> str:
    digits = {"free": "0", "tentative": "1", "busy": "2", "oof": "3", "workingElsewhere": "4"}
    out, step, slot = [], timedelta(minutes=minutes), start
    while slot < end:
        state = "0"
        for item in items:
            if (
                parse_graph_time(item["start"]) < slot + step
                and parse_graph_time(item["end"]) > slot
            ):
                state = max(state, digits.get(item.get("status", "busy"), "2"))
        out.append(state)
        slot += step
    return "".join(out)


def _prefer_zone(header: str) -> str:
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name.strip() == "outlook.timezone":
            return value.strip().strip('"')
    return "UTC"


IRRESOLVABLE = (
    "The send or update operation could not be performed because the change key passed in "
    "the request does not match the current change key for the item."
)


def _error(code: str, message: str) -> dict[str, Any]:
    return {
        "error": {"code": code, "message": message, "innerError": {"request-id": str(uuid.uuid4())}}
    }


class _Handler(BaseHTTPRequestHandler):
    fake: GraphServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        if method == "GET" and self.path.split("?")[0].endswith("/oauth2/v2.0/authorize"):
            page = self.fake.authorize_page(parse_qs(urlsplit(self.path).query)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        status, payload, extra = self.fake.handle(method, self.path, headers, body)
        data = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PATCH(self) -> None:
        self._serve("PATCH")

    def do_DELETE(self) -> None:
        self._serve("DELETE")


class LoopbackSession(requests.Session):
    """msal's HTTP client in tests: requests to the https authority go to the http server."""

    def __init__(self, https_base: str, http_base: str) -> None:
        super().__init__()
        self.https_base, self.http_base = https_base, http_base

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        if url.startswith(self.https_base):
            url = self.http_base + url[len(self.https_base) :]
        return super().request(method, url, *args, **kwargs)


def start_graph_server(events: list[Event] | None = None, **settings: Any) -> GraphServer:
    """Start a fake Graph server seeded with ``events``; call ``stop()`` when done."""
    server = GraphServer(**settings).start()
    if events:
        server.seed(events)
    return server


def use_loopback_msal(monkeypatch: pytest.MonkeyPatch, server: GraphServer) -> None:
    """Make every OutlookProvider built from a TOML config (no ``http_client`` option) reach
    this server's token endpoint, e.g. in CLI tests."""
    import providers.outlook_auth

    monkeypatch.setattr(providers.outlook_auth, "default_http_client", server.msal_http_client)


def config_entry(server: GraphServer, name: str = "outlook", **overrides: Any) -> dict[str, Any]:
    """A ``[[calendars]]`` table (TOML-safe values only) for an outlook calendar on ``server``.

    Reading from it needs :func:`use_loopback_msal` and a sign-in (:func:`sign_in`).
    """
    code_only = ("http_client", "sleep")
    options = {k: v for k, v in server.source_options().items() if k not in code_only}
    return {"name": name, "provider": "outlook", **options, **overrides}


def sign_in(server: GraphServer, name: str = "outlook", **overrides: Any) -> str:
    """Sign calendar ``name`` in through msal's device code flow; the token cache is written
    to the current data dir (``PLANNER_DATA_DIR``), as ``planner auth outlook`` would."""
    from planner.config.schema import SourceConfig
    from providers.base import ProviderContext
    from providers.outlook_auth import authorize

    source = SourceConfig(name, "outlook", server.source_options(**overrides))
    return authorize(source, ProviderContext(tz=ZoneInfo("UTC")), prompt=lambda text: None)


@pytest.fixture
def graph_server():
    server = start_graph_server()
    yield server
    server.stop()
