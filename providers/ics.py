"""Read-only calendars from iCalendar data: one .ics file, a folder of them (vdir), or a URL.

Config::

    [[calendars]]
    name = "work"
    provider = "ics"
    path = "~/calendars/work.ics"     # a file, or a folder of *.ics files
    # url = "webcal://example.org/cal.ics"   (instead of path; http, https or webcal)
    timeout = 30                      # seconds, for url

Private calendar addresses carry a secret in their path or query, so messages and the events'
``source`` show a URL only as ``scheme://host/…/last-segment``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from planner.errors import CalendarReadError
from planner.i18n import _
from planner.model import Calendar, Event
from planner.schema import Field
from providers.base import CalendarProvider

USER_AGENT = "planner/0.1 (calendar reader; +https://pypi.org/project/planner/)"
_CALNAME = re.compile(rb"^X-WR-CALNAME(?:;[^:\r\n]*)?:(.*?)\r?$", re.MULTILINE | re.IGNORECASE)
_CALZONE = re.compile(rb"^X-WR-TIMEZONE(?:;[^:\r\n]*)?:(.*?)\r?$", re.MULTILINE | re.IGNORECASE)


def _positive(value: float) -> str | None:
    return None if value > 0 else "must be greater than 0"


def _url_check(value: str) -> str | None:
    if value and urlsplit(value).scheme.lower() not in ("http", "https", "webcal", "webcals"):
        return "must start with http://, https:// or webcal://"
    return None


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


class IcsProvider(CalendarProvider):
    """iCalendar files and published calendar URLs (read-only)."""

    name: ClassVar[str] = "ics"
    options: ClassVar[Mapping[str, Field]] = {
        "path": Field(str, ""),
        "url": Field(str, "", check=_url_check),
        "timeout": Field(float, 30.0, check=_positive),
    }

    _loaded: list[tuple[str, bytes]] | None = None

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        if bool(options.get("path")) == bool(options.get("url")):
            return ["set exactly one of 'path' (a file or folder) or 'url'"]
        return []

    def list_calendars(self) -> list[Calendar]:
        name, zone = self.source.name, ""
        files = self._load()
        if self.source.options.get("path") and self._path().is_dir():
            display = self._path() / "displayname"  # vdirsyncer metadata
            if display.is_file():
                name = display.read_text(encoding="utf-8").strip() or name
        elif files:
            if match := _CALNAME.search(files[0][1]):
                name = _text(match.group(1)) or name
            if match := _CALZONE.search(files[0][1]):
                zone = _text(match.group(1))
        return [Calendar(id=self.source.name, name=name, primary=False, timezone=zone)]

    def events(self, start: datetime, end: datetime) -> list[Event]:
        from planner.ical import events_from_ics

        context = self.context
        found: dict[tuple[str, str], Event] = {}
        many = len(self._load()) > 1
        for source, data in self._load():
            try:
                events = events_from_ics(
                    data,
                    source=source,
                    tz=context.tz,
                    start=start,
                    end=end,
                    calendar=self.source.name,
                    user_emails=context.user_emails,
                    warn=context.warn,
                )
            except CalendarReadError as exc:
                if not many:
                    raise
                context.warn(_("{error}; the other files still load", error=exc))
                continue
            for event in events:
                found.setdefault(event.key, event)
        return sorted(found.values(), key=lambda e: (e.start, e.uid))

    # -- loading ---------------------------------------------------------------------------

    def _path(self) -> Path:
        return Path(self.source.options["path"]).expanduser()

    def _load(self) -> list[tuple[str, bytes]]:
        """``(source name, bytes)`` for every file or the URL; fetched once per provider."""
        if self._loaded is None:
            if self.source.options.get("url"):
                url = str(self.source.options["url"])
                self._loaded = [(display_url(url), self._fetch(url))]
            else:
                self._loaded = self._read_path(self._path())
        return self._loaded

    def _read_path(self, path: Path) -> list[tuple[str, bytes]]:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".ics" and p.is_file())
            if not files:
                self.context.warn(_("{path}: no .ics files in this folder", path=path))
            return [(str(p), p.read_bytes()) for p in files]
        try:
            return [(str(path), path.read_bytes())]
        except FileNotFoundError:
            raise CalendarReadError(
                str(path),
                _("file not found"),
                hint=_("check 'path' of calendar '{name}' in the config", name=self.source.name),
            ) from None
        except OSError as exc:
            raise CalendarReadError(
                str(path), _("cannot read the file: {error}", error=exc.strerror or exc)
            ) from None

    def _fetch(self, url: str) -> bytes:
        import urllib.error
        import urllib.request

        url = fetch_url(url)
        shown = display_url(url)
        hint = _("check 'url' of calendar '{name}' in the config", name=self.source.name)
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
        )
        timeout = float(self.source.options.get("timeout") or 30)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise CalendarReadError(shown, f"HTTP {exc.code} {exc.reason}", hint=hint) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise CalendarReadError(
                shown, _("cannot download the calendar: {reason}", reason=reason), hint=hint
            ) from None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").strip().replace("\\,", ",").replace("\\;", ";")
