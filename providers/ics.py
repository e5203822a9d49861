"""Read-only calendars from iCalendar data: one .ics file, a folder of them (vdir), or a URL.

Config::

    [[calendars]]
    name = "work"
    provider = "ics"
    path = "~/calendars/work.ics"     # a file, or a folder of *.ics files
    # url = "webcal://example.org/cal.ics"   (instead of path; http, https or webcal)
    timeout = 30                      # seconds, for url
    max_occurrences = 2000            # of one series in a read window
    max_events = 500000               # in all in a read window (the latest)

Private calendar addresses carry a secret in their path or query, so messages and the events'
``source`` show a URL only as ``scheme://host/…/last-segment``.

Parsed, expanded events are kept in the event index (:mod:`planner.ical.index`) of the state
database, per file or URL: a run over unchanged sources parses nothing and imports no iCalendar
library; a changed file (or a URL whose content changed) is read again, and only where it
changed (:mod:`planner.ical.incremental`). How a change is detected is described at
:class:`_Indexed`; the URL code is in :mod:`providers.ics_http`.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from planner.config.schema import Field
from planner.errors import CalendarReadError
from planner.i18n import _, ngettext
from planner.ical.index import (
    Entry,
    EventIndex,
    FileState,
    digest,
    overlaps,
    params_for,
    unit_id,
    widen,
)
from planner.ical.payload import DecodeError, decode_data
from planner.model import Calendar, Event
from providers.base import CalendarProvider
from providers.ics_http import Download, display_url, fetch

log = logging.getLogger("planner")
_CALNAME = re.compile(rb"^X-WR-CALNAME(?:;[^:\r\n]*)?:(.*?)\r?$", re.MULTILINE | re.IGNORECASE)
_CALZONE = re.compile(rb"^X-WR-TIMEZONE(?:;[^:\r\n]*)?:(.*?)\r?$", re.MULTILINE | re.IGNORECASE)


def _positive(value: float) -> str | None:
    return None if value > 0 else _("must be greater than 0")


def _url_check(value: str) -> str | None:
    if value and urlsplit(value).scheme.lower() not in ("http", "https", "webcal", "webcals"):
        return _("must start with http://, https:// or webcal://")
    return None


class IcsProvider(CalendarProvider):
    """iCalendar files and published calendar URLs (read-only)."""

    name: ClassVar[str] = "ics"
    options: ClassVar[Mapping[str, Field]] = {
        "path": Field(str, "", path=True),
        "url": Field(str, "", check=_url_check),
        "timeout": Field(float, 30.0, check=_positive, minimum=0.1, maximum=600),
        # at most this many occurrences of one series in a read window (issue 14)
        "max_occurrences": Field(int, 2000, minimum=1, maximum=1_000_000),
        # at most this many occurrences in all in a read window (issue 31): memory is bounded
        "max_events": Field(int, 500_000, minimum=1, maximum=100_000_000),
    }
    identity_options: ClassVar[tuple[str, ...]] = ("path", "url")

    _loaded: list[tuple[str, bytes]] | None = None

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        if bool(options.get("path")) == bool(options.get("url")):
            return [_("set exactly one of 'path' (a file or folder) or 'url'")]
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
        index = _Indexed.open(self)
        found: dict[tuple[str, str], Event] = {}
        units = self._units()
        for unit in units:
            try:
                events = index.events(unit, start, end)
            except CalendarReadError as exc:
                if len(units) == 1:
                    raise
                self.context.warn(_("{error}; the other files still load", error=exc))
                continue
            for event in events:
                found.setdefault(event.key, event)
        index.prune(units)
        return sorted(found.values(), key=lambda e: (e.start, e.uid))

    # -- loading ---------------------------------------------------------------------------

    def _path(self) -> Path:
        return Path(self.source.options["path"]).expanduser()

    def _units(self) -> list[_Unit]:
        """The files (or the URL) this calendar reads, without reading them."""
        if self.source.options.get("url"):
            url = str(self.source.options["url"])
            return [_Unit("url", url, display_url(url))]
        path = self._path()
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".ics" and p.is_file())
            if not files:
                self.context.warn(_("{path}: no .ics files in this folder", path=path))
            return [_Unit("file", str(p), str(p)) for p in files]
        return [_Unit("file", str(path), str(path))]

    def _load(self) -> list[tuple[str, bytes]]:
        """``(source name, bytes)`` for every file or the URL; fetched once per provider."""
        if self._loaded is None:
            self._loaded = [(unit.source, self.read(unit).body) for unit in self._units()]
        return self._loaded

    def read(self, unit: _Unit, validators: Mapping[str, Any] | None = None) -> Download:
        """The content of ``unit``; for a URL with ``validators`` a conditional request, which
        may answer 304 (not modified) with an empty body."""
        if unit.kind == "url":
            if self._loaded is not None and not validators:
                return Download(200, self._loaded[0][1])
            return self._fetch(unit.location, validators or {})
        return Download(200, self._read_file(Path(unit.location)))

    def _read_file(self, path: Path) -> bytes:
        from planner.paths import read_input

        try:
            return read_input(path)
        except FileNotFoundError:
            raise self._not_found(path) from None
        except OSError as exc:
            raise CalendarReadError(
                str(path), _("cannot read the file: {error}", error=exc.strerror or exc)
            ) from None

    def _not_found(self, path: Path) -> CalendarReadError:
        return CalendarReadError(
            str(path),
            _("file not found"),
            hint=_("check 'path' of calendar '{name}' in the config", name=self.source.name),
        )

    def stat(self, path: Path) -> FileState:
        try:
            return FileState.of(path)
        except FileNotFoundError:
            raise self._not_found(path) from None
        except OSError as exc:
            raise CalendarReadError(
                str(path), _("cannot read the file: {error}", error=exc.strerror or exc)
            ) from None

    def _fetch(self, url: str, validators: Mapping[str, Any]) -> Download:
        hint = _("check 'url' of calendar '{name}' in the config", name=self.source.name)
        return fetch(url, validators, float(self.source.options.get("timeout") or 30), hint)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One thing to read: a file or a URL, and the name shown in messages and ``Event.source``."""

    kind: str  # "file" or "url"
    location: str
    source: str


class _Indexed:
    """Events of one provider's units through the event index (:mod:`planner.ical.index`).

    Files: an entry is reused when size and mtime are unchanged and the file was last modified
    well before it was read (2 s; else its mtime cannot be trusted and the content is hashed).
    A file whose size or mtime changed is read and hashed; the same hash reuses the entry.
    Hashing every run would cost ~2 ms per MB for no gain on ordinary file systems.
    URLs: a conditional request (If-None-Match / If-Modified-Since); 304 reuses the entry, and
    so does a 200 whose body has the stored hash.
    A changed source is read again where it changed, from the entry's parts, when it has them
    (:func:`planner.ical.incremental.read_changed`); else, or when that gives up, whole.
    """

    def __init__(self, provider: IcsProvider, index: EventIndex | None) -> None:
        self.provider = provider
        self.index = index
        context = provider.context
        self.params = params_for(context.tz, context.user_emails)
        self.scope = json.dumps([provider.source.name], ensure_ascii=False)

    @classmethod
    def open(cls, provider: IcsProvider) -> _Indexed:
        try:
            return cls(provider, EventIndex(provider.context.store))
        except (sqlite3.Error, OSError) as exc:
            log.warning(
                _(
                    "the state database cannot be opened ({error}); reading without the index",
                    error=exc,
                )
            )
            return cls(provider, None)

    def key(self, unit: _Unit) -> str:
        return unit_id(unit.kind, unit.location, self.provider.source.name)

    def events(self, unit: _Unit, start: datetime, end: datetime) -> list[Event]:
        key = self.key(unit)
        entry = self.index.lookup(key, self.params) if self.index else None
        if entry is not None and not entry.covers(start, end):
            entry = None
        if unit.kind == "file":
            state = self.provider.stat(Path(unit.location))
            if entry is not None and state.unchanged(entry.validators):
                if (reused := self._reuse(entry, start, end)) is not None:
                    return reused
                entry = None  # damaged, and forgotten
            download = self.provider.read(unit)
            validators: dict[str, Any] = state.as_dict()
        else:
            download = self.provider.read(unit, entry.validators if entry else None)
            if download.status == 304 and entry is not None:
                if (reused := self._reuse(entry, start, end)) is not None:
                    return reused
                entry = None
                download = self.provider.read(unit)
            validators = {"etag": download.etag, "last_modified": download.last_modified}
        validators["sha256"] = digest(download.body)
        if entry is not None and entry.validators.get("sha256") == validators["sha256"]:
            if (reused := self._reuse(entry, start, end)) is not None:
                if self.index:
                    self.index.revalidate(key, validators)
                return reused
            entry = None
        if entry is not None:
            changed = self._changed(unit, key, download.body, validators, entry, (start, end))
            if changed is not None:
                return changed
        return self._parse(unit, key, download.body, validators, start, end)

    def _reuse(self, entry: Entry, start: datetime, end: datetime) -> list[Event] | None:
        try:
            events = entry.events(start, end)
        except DecodeError as exc:
            log.debug("event index: %s (%s); reading the source again", entry.unit, exc)
            if self.index:
                self.index.forget(entry.unit)
            return None
        for warning in entry.warnings:
            self.provider.context.warn(warning)
        return events

    def _changed(
        self,
        unit: _Unit,
        key: str,
        data: bytes,
        validators: dict[str, Any],
        entry: Entry,
        request: tuple[datetime, datetime],
    ) -> list[Event] | None:
        """The events of a source read again only where it changed since ``entry``
        (:mod:`planner.ical.incremental`), or None when it must be read whole."""
        from planner.ical.incremental import Parts, read_changed

        if self.index is None or (parts := Parts.loads(self.index.parts(key))) is None:
            return None
        try:
            found = read_changed(
                data, unit.source, entry.window, self._options(), parts, entry.payload
            )
            if found is None or found.payload is None or found.parts is None:
                return None
            events = decode_data(found.decoded, *request)
        except DecodeError as exc:
            log.debug("event index: %s (%s); reading the source whole", entry.unit, exc)
            return None
        log.info(
            ngettext(
                "{source}: {changed} of {count} event changed since the last read; only it was "
                "read again",
                "{source}: {changed} of {count} events changed since the last read; only they "
                "were read again",
                found.parts.groups,
                source=unit.source,
                changed=found.changed,
            )
        )
        parts_text = found.parts.dumps()
        self.index.save(
            key, self.scope, self.params, validators, entry.window, [], found.payload, parts_text
        )
        return events

    def _options(self) -> Any:
        from planner.ical.reading import Options

        context = self.provider.context
        options = self.provider.source.options
        limit = int(options.get("max_occurrences") or 2000)
        total = int(options.get("max_events") or 500_000)
        return Options(context.tz, self.provider.source.name, context.user_emails, limit, total)

    def _parse(
        self,
        unit: _Unit,
        key: str,
        data: bytes,
        validators: dict[str, Any],
        start: datetime,
        end: datetime,
    ) -> list[Event]:
        from planner.ical.incremental import read_whole

        window = widen(start, end) if self.index else (start, end)
        result = read_whole(data, unit.source, window, self._options(), self.provider.context.warn)
        events = result.events or []
        if self.index:
            parts = result.parts.dumps() if result.parts is not None else None
            self.index.save(
                key, self.scope, self.params, validators, window, result.warnings, events, parts
            )
        return [e for e in events if overlaps(e, start, end)]

    def prune(self, units: list[_Unit]) -> None:
        """Forget this calendar's entries for files (or URLs) it no longer reads: files that
        left its folder, or the old file after its ``path`` changed."""
        if self.index:
            self.index.prune(self.scope, [self.key(u) for u in units])


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").strip().replace("\\,", ",").replace("\\;", ";")
