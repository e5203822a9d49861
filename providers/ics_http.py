"""Calendars at a URL (a helper of :mod:`providers.ics`): the address to fetch and the one to
show, plain-http warnings, conditional requests (ETag, Last-Modified), and the question whether
a URL calendar changed since the event index read it.

Private calendar addresses carry a secret in their path or query, so messages show a URL only
as ``scheme://host/…/last-segment``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from planner.errors import CalendarReadError
from planner.i18n import _
from planner.ical.index import digest, unit_id

log = logging.getLogger("planner")
USER_AGENT = "planner/0.1 (calendar reader; +https://pypi.org/project/planner/)"


@dataclass(frozen=True, slots=True)
class Download:
    """A read source: HTTP-like status (200, or 304 for "not modified"), body, validators."""

    status: int
    body: bytes
    etag: str = ""
    last_modified: str = ""


def display_url(url: str) -> str:
    """``url`` without credentials, query or the middle of its path (which may be secret)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    segments = [s for s in parts.path.split("/") if s]
    tail = f"/…/{segments[-1]}" if len(segments) > 1 else f"/{segments[0]}" if segments else ""
    return f"{parts.scheme}://{host}{tail}"


def fetch_url(url: str) -> str:
    """The address to download: ``webcal://`` and ``webcals://`` are served over https."""
    if url.lower().startswith(("webcal://", "webcals://")):
        return "https://" + url.split("://", 1)[1]
    return url


def plain_http(url: str, shown: str, hint: str) -> None:
    """Warn about a calendar read over plain ``http://`` (unless from this machine, where no
    one is on the way); refuse one whose URL carries a user name or password, which would go
    over the network unencrypted."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "http":
        return
    if parts.username or parts.password:
        raise CalendarReadError(
            shown,
            _("credentials in an http:// URL would be sent unencrypted; nothing was sent"),
            hint=_("use https://"),
        )
    if _loopback(parts.hostname or ""):
        return
    log.warning(
        _(
            "{url}: read over plain http://, so anyone on the way can read or change the "
            "calendar; use https:// if the server offers it ({hint})",
            url=shown,
            hint=hint,
        )
    )


def _loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def fetch(url: str, validators: Mapping[str, Any], timeout: float, hint: str) -> Download:
    """GET a calendar URL; with ``validators`` (``etag``, ``last_modified``) a conditional
    request, which may answer 304 (not modified) with an empty body. ``hint`` is the next step
    named in an error."""
    import urllib.error
    import urllib.request

    from planner.online.failure import BUSY, describe  # sockets: only where a URL is read

    url = fetch_url(url)
    shown = display_url(url)
    plain_http(url, shown, hint)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    if validators.get("etag"):
        headers["If-None-Match"] = str(validators["etag"])
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = str(validators["last_modified"])
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return Download(
                200,
                body,
                response.headers.get("ETag") or "",
                response.headers.get("Last-Modified") or "",
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and validators:
            return Download(304, b"")
        failure = describe(exc)
        if failure.kind == BUSY:  # the server is there, but busy: the URL is right
            hint = _("try again later")
        raise CalendarReadError(shown, failure.explained(), hint=hint) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        failure = describe(exc, timeout=timeout)
        raise CalendarReadError(
            shown,
            _("cannot download the calendar: {reason}", reason=failure.explained()),
            hint=hint,
        ) from None


def unchanged_url(url: str, calendar: str, database: Path, timeout: float = 30.0) -> str | None:
    """The content digest the event index holds for a URL calendar, when a conditional request
    says the server's copy has not changed since (304: nothing downloaded, nothing parsed);
    None when it has, may have, or cannot be asked. For ``planner week``'s kept output."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute(
                "SELECT validators FROM event_index WHERE unit = ?",
                (unit_id("url", url, calendar),),
            ).fetchone()
        finally:
            conn.close()
        validators = json.loads(row[0]) if row else {}
        stored = validators.get("sha256") if isinstance(validators, dict) else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    if not isinstance(stored, str) or not (
        validators.get("etag") or validators.get("last_modified")
    ):
        return None
    try:
        answer = fetch(url, validators, timeout, "")
    except CalendarReadError:
        return None
    if answer.status == 304 or (answer.status == 200 and digest(answer.body) == stored):
        return stored
    return None
