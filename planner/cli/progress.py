"""A progress display on stderr while calendars are read and the contact ledger is built.

Shown only when stderr is a terminal and ``--quiet`` was not given, so piped or redirected
output never carries it; it clears itself when done. The library reports its phases through a
``progress`` callback (:func:`planner.api.plan_week`, :mod:`planner.flows.session`) and knows
nothing of this module.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from planner.cli.common import quiet
from planner.i18n import _

Progress = Callable[[str], None]

# The console of the running display: warnings are printed through it, above the spinner.
_console: list[Any] = []


_shown: set[str] = set()


def reset() -> None:
    """A new command begins: every warning may be shown again."""
    _shown.clear()


def warn(line: str) -> None:
    """Print a warning line on stderr, once per command; while a display runs, above it
    (never glued to it)."""
    if line in _shown:
        return
    _shown.add(line)
    if _console:
        _console[-1].print(line, markup=False, highlight=False, soft_wrap=True)
        return
    import click

    click.echo(line, err=True)


def wanted(stream: TextIO | None = None) -> bool:
    """A display belongs on ``stream`` (default: stderr): a terminal, and no ``--quiet``."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not quiet()


@contextmanager
def progress_display(stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A callback that shows each phase's message with a spinner and the time taken, or
    ``None`` (report nothing) when no display is wanted (see :func:`wanted`)."""
    if not wanted(stream):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream or sys.stderr)
    display = RichProgress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        redirect_stdout=False,  # the command's own output never passes through the display
    )
    with display:
        task = display.add_task(_("Starting"), total=None)

        def report(message: str) -> None:
            display.update(task, description=message, refresh=True)

        _console.append(display.console)
        try:
            yield report
        finally:
            _console.remove(display.console)
