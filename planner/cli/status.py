"""``planner status``: every calendar source, how it fared, and where the state lives."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli import common_options
from planner.cli.common import config_option, emit, format_option, load_config, table_width
from planner.errors import PlannerError
from planner.i18n import _

if TYPE_CHECKING:
    from planner.calendar.health import SourceState
    from planner.config import SourceConfig
    from planner.online.outages import Outage
    from providers.base import ProviderContext


@click.command()
@config_option
@format_option("table", "json")
@common_options
def status(config_path: Path | None, fmt: str) -> None:
    """Show every calendar source: provider, what it reads, the events its last good read
    found and the window it read (a series counts once per occurrence in it), when that was,
    the last error, known warnings and sign-in state (never a token), and the state database's
    path and size.
    """
    from planner.calendar.health import Health
    from planner.calendar.sources import context_for
    from planner.online.outages import stored
    from planner.store import open_store

    config = load_config(config_path)
    store = open_store()
    try:
        states = Health(store).states(config.calendars)
        offline = stored(store)
    finally:
        store.close()
    path = store.path
    context = context_for(config)
    signed = [_sign_in(s, c, context) for s, c in zip(states, config.calendars, strict=True)]
    data = {
        "sources": [_source_json(s, token) for s, token in zip(states, signed, strict=True)],
        "services": [{"service": o.service, **o.to_json()} for o in offline],
        "state_database": {"path": str(path), "bytes": _size(path)},
        "config": str(config.path) if getattr(config, "path", None) else None,
    }
    if fmt == "json":
        emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        return
    emit(_table(data, config.tz, offline), None)
    if not states:
        click.echo(_no_calendar_hint(), err=True)


def _no_calendar_hint() -> str:
    return _(
        "no calendar is configured: add a [[calendars]] entry (planner config edit; "
        "planner config example shows every kind) or run planner init"
    )


def _size(path: Path | None) -> int:
    if path is None:
        return 0
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def _source_json(state: Any, token: str | None) -> dict[str, Any]:
    return {
        "name": state.source,
        "provider": state.provider,
        "reads": state.reads,
        "events": state.events,
        "window": (
            {"start": state.window[0].isoformat(), "end": state.window[1].isoformat()}
            if state.window
            else None
        ),
        "last_ok": state.last_ok.isoformat() if state.last_ok else None,
        "last_error": state.last_error or None,
        "last_error_at": state.last_error_at.isoformat() if state.last_error_at else None,
        "warnings": list(state.warnings),
        "token": token,
    }


def _sign_in(state: SourceState, source: SourceConfig, context: ProviderContext) -> str | None:
    """``valid``, ``expired (renewed on next use)``, ``missing`` for signed-in providers, and
    what the last read saw: a sign-in refused while its token file holds what it held then
    (its fingerprint; without one, as before: refused since the file was last written) is no
    longer valid. The token itself is never read into the output."""
    from providers.base import provider_class

    try:
        stored = provider_class(source.provider).sign_in_state(source, context)
    except PlannerError:  # a provider that is not installed: no sign-in to tell
        return None
    if stored is None:
        return None
    if _refused(state, stored):
        return _("revoked or refused: run 'planner auth {provider}'", provider=source.provider)
    return stored.state


def _refused(state: SourceState, stored: Any) -> bool:
    """Whether the last read's refused sign-in still stands: the token file holds what it
    held then (its times aside: a renewed token restored from a backup or copied with its
    times is renewed, a file only touched is not); a refusal recorded before fingerprints were
    kept compares the file's time."""
    if not state.auth_error or state.last_error_at is None:
        return False
    if state.auth_token:
        return stored.fingerprint == state.auth_token
    return stored.written is None or stored.written <= state.last_error_at


def _when(text: str | None, tz: Any) -> str:
    if not text:
        return _("never")
    return datetime.fromisoformat(text).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _window(window: dict[str, str] | None, tz: Any) -> str:
    """``7 Dec 2025 – 14 Dec 2026``: the days the last good read covered (its end exclusive)."""
    if not window:
        return ""
    from datetime import timedelta

    from babel.dates import format_date

    from planner.i18n import language

    start = datetime.fromisoformat(window["start"]).astimezone(tz)
    end = datetime.fromisoformat(window["end"]).astimezone(tz) - timedelta(microseconds=1)
    first, last = (format_date(d.date(), "medium", locale=language()) for d in (start, end))
    return f"{first} – {last}"


def _table(data: dict[str, Any], tz: Any, offline: Sequence[Outage] = ()) -> str:
    from rich.markup import escape

    from planner.render.fit import Column, fitted_table
    from planner.render.table import console

    width = table_width()
    out = console(False, width)
    columns = [
        Column(_("Calendar"), flex=True, min=12),
        Column(_("Provider"), drop=3),
        Column(_("Reads"), flex=True, min=12, drop=2),
        Column(_("Events"), justify="right"),
        Column(_("in the window"), flex=True, min=12),
        Column(_("Last read")),
        Column(_("Sign-in"), drop=1),
        Column(_("Last error"), flex=True, min=14),
    ]
    rows = []
    for s in data["sources"]:
        error = s["last_error"] or ""
        if error and s["last_error_at"]:
            error = f"{_when(s['last_error_at'], tz)}: {error}"
        rows.append(
            [
                escape(s["name"]),
                s["provider"],
                escape(s["reads"]),
                "" if s["events"] is None else str(s["events"]),
                _window(s["window"], tz),
                _when(s["last_ok"], tz),
                s["token"] or "–",
                escape(error),
            ]
        )
    out.print(fitted_table(columns, rows, width))
    for s in data["sources"]:
        for warning in s["warnings"]:
            out.print(_("warning in {name}: {message}", name=s["name"], message=warning))
    for outage in offline:
        out.print(outage.line("", tz), markup=False)
    db = data["state_database"]
    out.print(_("State database: {path} ({size} kB)", path=db["path"], size=db["bytes"] // 1024))
    return out.file.getvalue()  # type: ignore[attr-defined]
