"""Microsoft Graph on the wire: a small REST client (bearer token, paging, bounded retries,
clear errors) and the conversion between Graph event JSON and :mod:`planner.model`.

Only requests that are safe to repeat are repeated (``retry=True``): GETs, reads sent as POST
(``getSchedule``) and creations that carry a ``transactionId``. 429 and 503 wait as long as
``Retry-After`` says; other 5xx answers and broken connections back off exponentially. The sleep
function is injectable so tests never wait.

``requests`` is imported when the first request is sent, never at module import time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as dtime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.errors import AuthError, ProviderError
from planner.i18n import _
from planner.model import Attendee, Busy, Event, Geo, Response, Status

log = logging.getLogger("planner")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 5
MAX_WAIT = 120.0  # seconds; a longer Retry-After is cut to this
TIMEOUT = 30.0


class GraphError(ProviderError):
    """Graph refused a request. ``status`` is the HTTP status, ``code`` Graph's error code."""

    def __init__(self, message: str, *, status: int, code: str, hint: str = "") -> None:
        self.status = status
        self.code = code
        super().__init__(message, hint=hint)


@dataclass
class GraphClient:
    """Sends requests to one Graph base URL for one calendar source.

    ``token`` returns a current access token (it may refresh it); ``where`` names the calendar
    in every error message.
    """

    base_url: str
    token: Callable[[], str]
    where: str
    sleep: Callable[[float], None] = time.sleep
    timezone: str = "UTC"
    _session: Any = field(default=None, init=False, repr=False)

    def url(self, path: str) -> str:
        return path if "://" in path else f"{self.base_url.rstrip('/')}/{path.lstrip('/')}"

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        return self.request("GET", path, params=params, retry=True)

    def pages(self, path: str, params: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every page of a collection, following ``@odata.nextLink`` (which carries the query)."""
        page = self.get(path, params)
        yield page
        while next_link := page.get("@odata.nextLink"):
            page = self.get(next_link)
            yield page

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        retry: bool,
    ) -> dict[str, Any]:
        """Send one request; repeat it on throttling and server errors only when ``retry``."""
        url = self.url(path)
        attempts = MAX_ATTEMPTS if retry else 1
        for attempt in range(1, attempts + 1):
            response = self._send(method, url, params, json, last=attempt == attempts)
            if response is None:
                self.sleep(_backoff(attempt))
                continue
            if response.status_code in RETRY_STATUSES and attempt < attempts:
                wait = _retry_after(response.headers.get("Retry-After"), attempt)
                log.debug("Graph %s %s: %s, waiting %.1fs", method, url, response.status_code, wait)
                self.sleep(wait)
                continue
            return self._result(response)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _send(
        self, method: str, url: str, params: Mapping[str, str] | None, body: Any, *, last: bool
    ) -> Any:
        """The response, or None after a connection problem that may be retried."""
        import requests

        try:
            return self.session.request(
                method, url, params=params, json=body, headers=self._headers(), timeout=TIMEOUT
            )
        except requests.RequestException as exc:
            if last:
                raise ProviderError(
                    _(
                        "calendar '{name}': cannot reach {host}: {error}",
                        name=self.where,
                        host=urlsplit(url).netloc,
                        error=type(exc).__name__,
                    ),
                    hint=_("check the network connection and the option 'graph_url'"),
                ) from None
            return None

    @property
    def session(self) -> Any:
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token()}",
            "Accept": "application/json",
            "Prefer": f'outlook.timezone="{self.timezone}"',
        }

    def _result(self, response: Any) -> dict[str, Any]:
        if response.status_code < 400:
            if response.status_code == 204 or not response.content:
                return {}
            return response.json()
        raise self._error(response)

    def _error(self, response: Any) -> GraphError:
        code, message = _error_fields(response)
        status = response.status_code
        text = _(
            "calendar '{name}': Microsoft Graph answered {status} {code}: {message}",
            name=self.where,
            status=status,
            code=code,
            message=message,
        )
        if status == 401:
            return _AuthGraphError(
                text, status=status, code=code, hint=_("run 'planner auth outlook' again")
            )
        return GraphError(text, status=status, code=code, hint=_hint_for(status))

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


class _AuthGraphError(GraphError, AuthError):
    """A 401 from Graph: the token was refused."""


def _error_fields(response: Any) -> tuple[str, str]:
    try:
        data = response.json()
    except ValueError:
        data = {}
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        error = {}
    code = str(error.get("code") or response.reason or "Error")
    message = " ".join(str(error.get("message") or "").split()) or _("no details")
    return code, message[:300]


def _hint_for(status: int) -> str:
    if status == 403:
        return _("the account lacks permission; check the option 'write' and sign in again")
    if status == 404:
        return _("check the option 'calendars'")
    if status in RETRY_STATUSES:
        return _("the service is busy; try again in a few minutes")
    return ""


def _backoff(attempt: int) -> float:
    return float(min(MAX_WAIT, 2 ** (attempt - 1)))


def _retry_after(value: str | None, attempt: int) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date), else backoff."""
    if value:
        try:
            return min(MAX_WAIT, max(0.0, float(value)))
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return _backoff(attempt)
            return min(MAX_WAIT, max(0.0, (when - datetime.now(UTC)).total_seconds()))
    return _backoff(attempt)


# --- Graph's dateTimeTimeZone -------------------------------------------------------------


def zone_from_name(name: str) -> ZoneInfo | None:
    """An IANA zone for a Graph time zone name, which is IANA or Windows (``W. Europe …``)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    olson = WINDOWS_TO_OLSON.get(name.strip())
    if olson is None and name.upper() in ("UTC", "GMT", "COORDINATED UNIVERSAL TIME"):
        return ZoneInfo("UTC")
    return ZoneInfo(olson) if olson else None


def parse_datetime(value: Mapping[str, Any], fallback: ZoneInfo) -> datetime:
    """A zone-aware datetime from ``{"dateTime": "…", "timeZone": "…"}``.

    An unknown zone name falls back to ``fallback`` (the zone the times were asked in).
    """
    text = str(value.get("dateTime") or "")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        return moment
    zone = zone_from_name(str(value.get("timeZone") or "")) or fallback
    return moment.replace(tzinfo=zone)


def parse_day(value: Mapping[str, Any], tz: ZoneInfo) -> datetime:
    """Local midnight in ``tz`` of the date an all-day start or end names."""
    text = str(value.get("dateTime") or value.get("date") or "")
    day = date.fromisoformat(text[:10])
    return datetime.combine(day, dtime(0), tzinfo=tz)


def format_datetime(moment: datetime, tz: ZoneInfo) -> dict[str, str]:
    """``{"dateTime", "timeZone"}`` for a request body, in zone ``tz`` (IANA name)."""
    local = moment.astimezone(tz).replace(tzinfo=None)
    return {"dateTime": local.isoformat(timespec="seconds"), "timeZone": str(tz.key)}


def query_time(moment: datetime) -> str:
    """A timestamp for ``startDateTime``/``endDateTime`` query parameters (UTC, ISO 8601)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Graph event JSON ↔ planner.model ----------------------------------------------------

_RESPONSES = {
    "accepted": Response.ACCEPTED,
    "organizer": Response.ACCEPTED,
    "declined": Response.DECLINED,
    "tentativelyaccepted": Response.TENTATIVE,
    "notresponded": Response.NEEDS_ACTION,
    "none": Response.NEEDS_ACTION,
}
NOT_BUSY = frozenset({"free", "workingelsewhere"})
SHOW_AS = {  # Graph freeBusyStatus (lower case) → Busy; "unknown" counts as busy
    "free": Busy.FREE,
    "tentative": Busy.TENTATIVE,
    "busy": Busy.BUSY,
    "oof": Busy.OUT_OF_OFFICE,
    "workingelsewhere": Busy.WORKING_ELSEWHERE,
}


def to_event(
    item: Mapping[str, Any], tz: ZoneInfo, *, calendar: str, uid: str | None = None
) -> Event | None:
    """A :class:`planner.model.Event` from a Graph event, or None for a cancelled one.

    ``uid`` overrides the ``iCalUId`` (events the planner created itself keep its own uid).
    """
    if item.get("isCancelled"):
        return None
    all_day = bool(item.get("isAllDay"))
    if all_day:
        start, end = parse_day(item["start"], tz), parse_day(item["end"], tz)
    else:
        start, end = parse_datetime(item["start"], tz), parse_datetime(item["end"], tz)
    show_as = str(item.get("showAs") or "busy").lower()
    location, geo = _location(item)
    response = (item.get("responseStatus") or {}).get("response")
    return Event(
        uid=uid or str(item.get("iCalUId") or item.get("uid") or item["id"]),
        title=str(item.get("subject") or ""),
        start=start,
        end=end,
        all_day=all_day,
        location=location,
        description=_description(item),
        organizer=_person(item.get("organizer"), Response.ACCEPTED),
        attendees=tuple(a for a in map(_attendee, item.get("attendees") or ()) if a),
        conference_links=_links(item),
        status=Status.TENTATIVE if show_as == "tentative" else Status.CONFIRMED,
        busy=show_as not in NOT_BUSY,
        availability=SHOW_AS.get(show_as, Busy.BUSY),
        series_id=item.get("seriesMasterId") or None,
        calendar=calendar,
        url=str(item.get("webLink") or ""),
        geo=geo,
        hints=_hints(item),
        source=calendar,
        self_response=_RESPONSES.get(str(response).lower())
        if response not in (None, "none")
        else None,
    )


def _person(value: Any, response: Response) -> Attendee | None:
    address = (value or {}).get("emailAddress") or {}
    email = str(address.get("address") or "")
    if not email:
        return None
    return Attendee(email=email, name=str(address.get("name") or ""), response=response)


def _attendee(value: Mapping[str, Any]) -> Attendee | None:
    answer = str((value.get("status") or {}).get("response") or "none").lower()
    person = _person(value, _RESPONSES.get(answer, Response.NEEDS_ACTION))
    if person is None:
        return None
    kind = str(value.get("type") or "required").lower()
    return Attendee(
        person.email,
        person.name,
        person.response,
        is_resource=kind == "resource",
        optional=kind == "optional",
    )


def _location(item: Mapping[str, Any]) -> tuple[str, Geo | None]:
    main = item.get("location") or {}
    others = [loc for loc in item.get("locations") or () if isinstance(loc, Mapping)]
    name = str(main.get("displayName") or "").strip()
    if not name and others:
        name = "; ".join(str(o.get("displayName") or "") for o in others if o.get("displayName"))
    parts = [name] if name else []
    for piece in _address_parts(main.get("address") or {}):
        if piece.casefold() not in name.casefold():
            parts.append(piece)
    geo = next(filter(None, (_geo(loc) for loc in [main, *others])), None)
    return ", ".join(parts), geo


def _address_parts(address: Mapping[str, Any]) -> list[str]:
    street = str(address.get("street") or "").strip()
    city = " ".join(
        str(address.get(k) or "").strip() for k in ("postalCode", "city") if address.get(k)
    )
    country = str(address.get("countryOrRegion") or "").strip()
    return [p for p in (street, city, country) if p]


def _geo(location: Mapping[str, Any]) -> Geo | None:
    coordinates = location.get("coordinates") or {}
    lat, lon = coordinates.get("latitude"), coordinates.get("longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if (lat, lon) == (0, 0) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Geo(float(lat), float(lon))


def _description(item: Mapping[str, Any]) -> str:
    body = item.get("body") or {}
    content = str(body.get("content") or "")
    if content and str(body.get("contentType") or "").lower() == "html":
        content = html_to_text(content)
    return content.strip() or str(item.get("bodyPreview") or "").strip()


def _links(item: Mapping[str, Any]) -> tuple[str, ...]:
    found = [
        (item.get("onlineMeeting") or {}).get("joinUrl"),
        item.get("onlineMeetingUrl"),
    ]
    return tuple(dict.fromkeys(str(u) for u in found if u))


def _hints(item: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    hints: list[tuple[str, str]] = []
    if isinstance(item.get("isOnlineMeeting"), bool):
        hints.append(("graph.isOnlineMeeting", str(item["isOnlineMeeting"]).lower()))
    if item.get("onlineMeetingProvider"):
        hints.append(("graph.onlineMeetingProvider", str(item["onlineMeetingProvider"])))
    kinds = [
        str(loc.get("locationType"))
        for loc in [item.get("location") or {}, *(item.get("locations") or ())]
        if isinstance(loc, Mapping) and loc.get("locationType")
    ]
    special = [k for k in kinds if k != "default"]
    if kinds:
        hints.append(("graph.locationType", (special or kinds)[0]))
    if toll := (item.get("onlineMeeting") or {}).get("tollNumber"):
        hints.append(("graph.onlineMeeting.tollNumber", str(toll)))
    if item.get("type"):
        hints.append(("graph.type", str(item["type"])))
    if str(item.get("sensitivity") or "").lower() in ("private", "confidential"):
        hints.append(("graph.sensitivity", str(item["sensitivity"]).lower()))
    return tuple(hints)


def to_graph(event: Event, tz: ZoneInfo, transaction: str, *, send_updates: bool) -> dict:
    """The JSON body that creates ``event`` with ``POST /events``."""
    if event.all_day:
        start = {"dateTime": f"{event.start.astimezone(tz).date()}T00:00:00", "timeZone": tz.key}
        end = {"dateTime": f"{event.end.astimezone(tz).date()}T00:00:00", "timeZone": tz.key}
    else:
        start, end = format_datetime(event.start, tz), format_datetime(event.end, tz)
    show_as = "busy" if event.busy else "free"
    if event.busy and event.status is Status.TENTATIVE:
        show_as = "tentative"
    body: dict[str, Any] = {
        "subject": event.title,
        "body": {"contentType": "text", "content": event.description},
        "start": start,
        "end": end,
        "isAllDay": event.all_day,
        "showAs": show_as,
        "transactionId": transaction,
    }
    if event.location:
        body["location"] = {"displayName": event.location}
        if event.geo:
            body["location"]["coordinates"] = {
                "latitude": event.geo.lat,
                "longitude": event.geo.lon,
            }
    if send_updates and event.attendees:
        body["attendees"] = [_graph_attendee(a) for a in event.attendees]
        body["responseRequested"] = True
    return body


def _graph_attendee(person: Attendee) -> dict[str, Any]:
    kind = "resource" if person.is_resource else "optional" if person.optional else "required"
    return {"emailAddress": {"address": person.email, "name": person.name}, "type": kind}


# --- HTML bodies ----------------------------------------------------------------------------

_BLOCKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
_SKIP = frozenset({"head", "style", "script", "title"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "a" and self.href:
            href = self.href.pop().strip()
            if href.startswith(("http://", "https://", "tel:")):
                self.out.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """Readable text from an HTML body; links keep their target as ``text <url>``."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (
        " ".join(line.replace("\xa0", " ").split()) for line in "".join(parser.out).split("\n")
    )
    return "\n".join(line for line in lines if line)
