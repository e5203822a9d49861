"""What one tool call works in: the config (or the demo persona's), the state database, "now",
and the warnings the call gave.

The config is read anew for every call, so an edit takes effect without restarting the
assistant, and a broken config is one clear error of that call instead of a dead server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from planner.config import Config
from planner.i18n import _
from planner.store import Store, open_store


@dataclass(frozen=True)
class Settings:
    """How ``planner mcp`` was started: which config (or the demo), and how long a
    confirmation token of a write tool stays valid."""

    config_path: Path | None = None
    demo: bool = False
    confirm_seconds: int = 900


@dataclass
class Workspace:
    """One call's config, stores and time. ``state`` keeps saved proposals, the sent log and
    spent confirmation tokens; ``ledger`` the contact ledger (the demo's lives in memory)."""

    settings: Settings
    config: Config
    state: Store
    ledger: Store
    now: datetime
    first_day: date
    warnings: list[str] = field(default_factory=list)

    @property
    def demo(self) -> bool:
        return self.settings.demo

    def week_store(self) -> Store:
        """The store the week's plan keeps its ledger and caches in (the demo's own per week,
        as ``planner week --demo`` uses it, so both show the same plan)."""
        if self.demo:
            from planner import api

            return api.demo_week_store(self.first_day)
        return self.state


@contextmanager
def open_workspace(settings: Settings, first_day: date | None = None) -> Iterator[Workspace]:
    """The workspace of one call; ``first_day`` is the Monday of the week asked about (the demo
    generates its calendars around it). Warnings logged meanwhile land in ``warnings``."""
    from planner import api
    from planner.calendar import health
    from planner.flows.plan import planning_monday
    from planner.i18n import set_language

    health.reset()
    with _collected_warnings() as warnings:
        if settings.demo:
            with api.demo_session(first_day) as (config, monday):
                set_language(config.user["language"])
                state = api.demo_store()
                try:
                    yield Workspace(
                        settings, config, state, Store(":memory:"),
                        api.demo_now(config, monday), monday, warnings,
                    )  # fmt: skip
                finally:
                    state.close()
        else:
            config = api.load_config(settings.config_path)
            set_language(config.user["language"])
            if not config.calendars:
                warnings.append(
                    _("{path}: no calendar is configured; add a [[calendars]] entry "
                      "(planner config edit)", path=config.path or _("the config"))
                )  # fmt: skip
            now = datetime.now(config.tz)
            state = open_store()
            monday = first_day or planning_monday(now)[0]
            try:
                yield Workspace(settings, config, state, state, now, monday, warnings)
            finally:
                state.close()
        _note_missing(warnings, health.missing())


def _note_missing(warnings: list[str], missing: tuple[str, ...]) -> None:
    if missing:
        warnings.append(
            _("partial result: calendars not read and without an earlier copy: {names} "
              "(planner status shows why)", names=", ".join(missing))
        )  # fmt: skip


class _Collector(logging.Handler):
    """Keeps the warnings the ``planner`` logger gives in one thread (the call's)."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            message = record.getMessage()
            if message not in self.into:
                self.into.append(message)


@contextmanager
def _collected_warnings() -> Iterator[list[str]]:
    warnings: list[str] = []
    handler = _Collector(warnings)
    logger = logging.getLogger("planner")
    logger.addHandler(handler)
    try:
        yield warnings
    finally:
        logger.removeHandler(handler)
