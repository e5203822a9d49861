"""``planner feed``: the week's proposals as an iCalendar feed for the user's calendar app."""

from __future__ import annotations

import re
from pathlib import Path

import click

from planner.cli import common_options
from planner.cli.common import config_option, demo_option, emit, load_config, parse_week
from planner.i18n import _, ngettext


@click.command()
@demo_option()
@config_option
@click.option("--week", "week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W49.")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    help="Write to this .ics file, or into this existing folder (one file per event).",
)
@click.option("--now", "now_text", default=None, hidden=True, help="Pretend it is this time.")
@common_options
def feed(
    demo: bool, config_path: Path | None, week: str | None, out: Path | None, now_text: str | None
) -> None:
    """Write the week's in-person proposals as an iCalendar feed (RFC 5545): tentative,
    transparent events with venue, address, coordinates and the reasons, and an alarm a day
    before that names the meeting to move to the table.

    Subscribe to the file in your calendar app (or put the folder on your web or CalDAV
    server) and the proposals appear beside your real meetings. Running it again replaces
    the previous feed's items: unchanged proposals keep their UID, stale ones disappear.
    In a folder, only the files the feed wrote are ever replaced or removed; a configured
    calendar is never written over. A proposal for a private meeting shows as "Busy" (or not
    at all, with [feed] private = "hide"); no counterpart's address or domain is published.

    \b
    Examples:
      planner feed --demo
      planner feed --out ~/public/planner.ics
      planner feed --out ~/calendars/planner/     (a folder: one .ics per proposal)
    """

    from planner.cli.common import parse_datetime
    from planner.render.ics_feed import feed_calendar

    private = "busy"
    if demo:
        plan = _demo_plan(week)
    else:
        from planner import api

        config = load_config(config_path)
        from planner.cli import common

        private = config["feed"]["private"]
        now = parse_datetime(now_text, "--now", config.tz) if now_text else None
        moment = now or common.now_in(config.tz)
        plan = api.plan_week(config, parse_week(week, None, moment), now=moment)
    cal = feed_calendar(plan, private=private)
    count = len(cal.walk("VEVENT"))
    if out is not None and out.is_dir() and not out.is_symlink():
        written, removed = _write_folder(cal, out)
        proposals = ngettext("{count} proposal", "{count} proposals", count)
        files = ngettext("{count} file written", "{count} files written", written)
        stale = ngettext("{count} stale one removed", "{count} stale ones removed", removed)
        click.echo(f"{out}: {proposals}, {files}, {stale}", err=True)
        return
    emit(cal.to_ical().decode("utf-8"), out)
    if out is not None:
        click.echo(
            ngettext("{count} proposal in the feed", "{count} proposals in the feed", count),
            err=True,
        )


def _demo_plan(week: str | None) -> object:
    from zoneinfo import ZoneInfo

    from planner import api
    from planner.cli.common import apply_language
    from planner.demo import CONFIG
    from planner.store import Store

    apply_language(CONFIG["user"]["language"])
    from planner.cli import common

    first_day = parse_week(week, None, common.now_in(ZoneInfo(CONFIG["user"]["timezone"])))
    with api.demo_session(first_day) as (config, first_day):
        return api.plan_week(
            config, first_day, now=api.demo_now(config, first_day), store=Store(":memory:")
        )


def _write_folder(cal: object, folder: Path) -> tuple[int, int]:
    """One file per proposal; the feed's earlier files that are no longer in it go. Returns
    the files written (new or changed) and removed. A file is replaced or removed only when
    the feed wrote it (:func:`feed_file`); anything else of that name stops the run."""
    from planner.cli.common import check_output
    from planner.errors import UsageError
    from planner.paths import write_atomic
    from planner.render.ics_feed import split

    check_output(folder)
    files = split(cal)  # type: ignore[arg-type]
    written = 0
    try:
        for name, data in files.items():
            path = folder / name
            check_output(path)
            if path.is_symlink() or (path.exists() and not feed_file(path)):
                raise UsageError(
                    _("{path}: a file the feed did not write has this name; it is left as it "
                      "is and the feed was not written", path=path),
                    hint=_("move it away, or write the feed into another folder"),
                )  # fmt: skip
            if not _same_but_stamp(path, data):  # unchanged: same bytes, same ETag
                write_atomic(path, data)
                written += 1
        stale = [
            path
            for path in sorted(folder.glob("*.ics"))
            if path.name not in files and not path.is_symlink() and feed_file(path)
        ]
        for path in stale:
            path.unlink()
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot write: {error}", path=folder, error=exc.strerror or exc)
        ) from None
    return written, len(stale)


_UID_LINE = re.compile(rb"^UID:(.*?)\r?$", re.MULTILINE)


def feed_file(path: Path) -> bool:
    """Whether ``path`` is a file a feed wrote: a regular file with the feed's PRODID and one
    event whose UID is the feed's and names the file. A user's own .ics that merely mentions
    the feed's marker is not."""
    from planner.paths import MiB, read_input
    from planner.render.ics_feed import PRODID, UID_DOMAIN, file_name

    try:
        data = read_input(path, 4 * MiB)
    except OSError:
        return False
    if f"PRODID:{PRODID}".encode() not in data.splitlines():
        return False
    uids = [m.group(1).decode("utf-8", "replace") for m in _UID_LINE.finditer(data)]
    return len(uids) == 1 and uids[0].endswith(f"@{UID_DOMAIN}") and file_name(uids[0]) == path.name


def _same_but_stamp(path: Path, data: bytes) -> bool:
    """``path`` holds ``data`` already, up to DTSTAMP (the time it was written)."""
    from planner.paths import MiB, read_input

    try:
        current = read_input(path, 4 * MiB)
    except OSError:
        return False

    def strip(raw: bytes) -> list[bytes]:
        return [line for line in raw.splitlines() if not line.startswith(b"DTSTAMP")]

    return strip(current) == strip(data)
