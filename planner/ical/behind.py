"""Large writes to the state database done behind: by a forked process, while the run goes on
(the event index entry of a large read, :mod:`planner.ical.index`; the contact ledger's
meetings, :mod:`planner.judge.relations`).

Encoding 50,000 events for the index costs 0.7 s, and writing 50,000 meetings to the ledger
0.2 s, that the plan does not wait for: from :data:`FROM_EVENTS` rows on (on Linux, with a
second core), :func:`write` forks a process at low priority that encodes what it shares with
this one, opens a connection of its own to the state database and writes in one transaction;
this process goes on with the plan and waits for the writer before the same entry or table is
read or written again (:func:`settle`), and before it ends (:func:`wait`). A writer that fails
or is killed writes nothing (its transaction is not committed): the next run reads the source
again. A writer ends when this process ends, also when it is killed.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger("planner")

FROM_EVENTS = 10_000  # events from which an entry is written behind
NICENESS = 10  # the writer yields a core to the plan's own work
WRITER_SECONDS = 120  # a writer still busy then ends, writing nothing (500,000 events: ~10 s)
_PENDING: list[tuple[int, str]] = []  # writers not waited for yet: pid, unit


def possible() -> bool:
    """Whether entries can be written behind here: Linux (where a forked writer can be told to
    end with this process), a second core, and the main thread (a server's worker thread may
    share the database with others that are inside SQLite when it forks)."""
    from planner.ical.forking import usable_cores

    if threading.current_thread() is not threading.main_thread():
        return False
    return sys.platform.startswith("linux") and hasattr(os, "fork") and usable_cores() >= 2


def handed(
    conn: sqlite3.Connection,
    database: Path | None,
    unit: str,
    size: int,
    work: Callable[[sqlite3.Connection], None],
) -> bool:
    """Whether ``work`` on ``unit`` (``size`` rows or events) was handed to a writer: only
    from :data:`FROM_EVENTS` on, where possible; otherwise (False) the caller does it, on
    ``conn``, the connection of this process to ``database``. Either way, earlier writers of
    ``unit`` have finished: writes of one unit land in the order they were made."""
    settle(conn, [unit])
    if size < FROM_EVENTS or database is None or not possible():
        return False
    if conn.in_transaction:
        conn.commit()  # a writer never waits for this process
    from planner.store import BUSY_SECONDS

    return write(database, unit, work, BUSY_SECONDS)


def write(
    database: Path, unit: str, work: Callable[[sqlite3.Connection], None], busy_seconds: float
) -> bool:
    """Do ``work`` (the encoding and writing of ``unit``: an index entry, a table) in one
    transaction on a connection of its own to ``database``, in a forked process; False when
    no process could be forked (then nothing was done)."""
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError as exc:
        log.debug("%s: cannot write behind (%s)", unit, exc)
        return False
    if pid == 0:  # the writer: never returns
        _written(database, work, busy_seconds, parent)
    if not _PENDING:
        atexit.register(wait)
    _PENDING.append((pid, unit))
    return True


def settle(conn: sqlite3.Connection, units: Iterable[str]) -> None:
    """Wait for the writers of ``units``, if any, after committing what ``conn`` (this
    process's connection to the same database) holds: a writer must never wait for this
    process while it waits for the writer."""
    units = list(units)
    if pending(units):
        if conn.in_transaction:
            conn.commit()
        wait(units)


def pending(units: Iterable[str] | None = None) -> bool:
    """Whether a writer may still be writing (the entry of one of ``units``)."""
    if units is None:
        return bool(_PENDING)
    wanted = set(units)
    return any(unit in wanted for _pid, unit in _PENDING)


def units() -> list[str]:
    """The entries being written behind."""
    return [unit for _pid, unit in _PENDING]


def wait(units: Iterable[str] | None = None) -> None:
    """Wait for every writer this process started (of the entries of ``units``); a writer
    that failed is said (debug)."""
    wanted = None if units is None else set(units)
    for pid, unit in list(_PENDING):
        if wanted is not None and unit not in wanted:
            continue
        _PENDING.remove((pid, unit))
        try:
            _pid, status = os.waitpid(pid, 0)
        except ChildProcessError:
            continue
        if os.waitstatus_to_exitcode(status) != 0:
            log.debug("%s was not written behind; nothing of it was", unit)


def _written(
    database: Path, work: Callable[[sqlite3.Connection], None], busy_seconds: float, parent: int
) -> None:
    code = 1
    try:
        from planner.ical.forking import die_with_parent

        die_with_parent(parent)
        signal.alarm(WRITER_SECONDS)  # whatever holds it up, this process is not kept waiting
        os.nice(NICENESS)
        conn = sqlite3.connect(database, timeout=busy_seconds)  # never the parent's connection
        with conn:
            work(conn)
        conn.close()
        code = 0
    except BaseException:  # anything at all: nothing is committed, the parent says so
        code = 1
    finally:
        os._exit(code)  # neither the parent's exit handlers nor its buffered output
