"""Large regular expressions compiled once, not on every run.

The judge's vocabularies are alternations of thousands of words; Python's ``re`` parses and
compiles such a pattern in pure Python, ~50 ms a run in all, most of a run that reads one
changed event. :func:`compiled` is :func:`re.compile` for them, with the compiled program
kept in the state folder (``regex.marshal``) and handed to ``_sre.compile`` (what
``re._compiler.compile`` ends with) on the next run. The result is the same pattern object:
equal (``==`` compares the program) to what :func:`re.compile` gives.

The kept file is tied to the interpreter (version and regex engine): another one ignores it.
Anything unexpected (a file damaged or of another format, an engine whose internals differ,
an entry the engine refuses) compiles the plain way; the file is a cache, never needed.
Patterns shorter than :data:`FROM_LENGTH` compile in microseconds and are not kept. The file
is written at the end of a run that compiled a pattern not kept yet, with what the run used
and what was kept before, up to :data:`MOST` patterns (those the run used first).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

log = logging.getLogger("planner")

NAME = "regex.marshal"
FORMAT = 1
FROM_LENGTH = 40  # characters of a pattern from which it is kept
MOST = 3_000  # patterns kept

Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """:func:`re.compile` of ``pattern``, the compilation kept between runs (long ones)."""
    if len(pattern) < FROM_LENGTH or _KEPT.off:
        return re.compile(pattern, flags)
    return _KEPT.compile(pattern, int(flags))


class Kept:
    """The compiled programs of one interpreter, read from ``path`` when first needed."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.off = False
        self.entries: dict[tuple[str, int], Entry] | None = None
        self.used: dict[tuple[str, int], Entry] = {}
        self.new = False
        self.owner = os.getpid()  # a forked worker never writes the file
        self.checked = False

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        entries = self.entries if self.entries is not None else self._read()
        key = (pattern, flags)
        entry = entries.get(key)
        if entry is not None:
            try:
                made = _engine().compile(pattern, entry[0], _program(entry[1]), *entry[2:])
            except Exception as exc:
                log.debug("kept pattern refused (%s); compiling it", exc)
            else:
                self.used[key] = entry
                return made
        try:
            made, entry = _compile(pattern, flags)
        except Exception as exc:
            log.debug("patterns are not kept (%s)", exc)
            self.off = True
            return re.compile(pattern, flags)
        if not self.checked:  # once a process: the same program as re's own compilation
            self.checked = True
            if made != re.compile(pattern, flags):
                self.off = True
                return re.compile(pattern, flags)
        self.used[key] = entry
        if not self.new:
            self.new = True
            atexit.register(self.save)
        return made

    def _read(self) -> dict[tuple[str, int], Entry]:
        self.entries = {}
        path = self.path = self.path or _default_path()
        if path is None:
            return self.entries
        import marshal

        try:
            with open(path, "rb") as handle:
                stamp, entries = marshal.load(handle)
        except FileNotFoundError:
            return self.entries
        except (OSError, EOFError, ValueError, TypeError) as exc:
            log.debug("%s: not read (%s)", path, exc)
            return self.entries
        if stamp == _stamp() and isinstance(entries, dict):
            self.entries = entries
        return self.entries

    def save(self) -> None:
        """Write what this run used and what was kept before (up to :data:`MOST`), when it
        compiled something new: in the process that read the file, into an existing folder."""
        if not self.new or os.getpid() != self.owner or self.path is None:
            return
        if not self.path.parent.is_dir():
            return
        import marshal

        from planner.paths import write_atomic

        kept = dict(self.used)
        for key, entry in (self.entries or {}).items():
            if len(kept) >= MOST:
                break
            kept.setdefault(key, entry)
        try:
            write_atomic(self.path, marshal.dumps((_stamp(), kept)), private=True)
        except (OSError, ValueError) as exc:
            log.debug("%s: not written (%s)", self.path, exc)
        self.new = False


def _default_path() -> Path | None:
    from planner.paths import data_location

    try:
        return data_location() / NAME
    except Exception as exc:
        log.debug("patterns are not kept (%s)", exc)
        return None


def _engine() -> Any:
    import _sre

    return _sre


def _stamp() -> tuple[int, str, int, int]:
    engine = _engine()
    return FORMAT, sys.version, engine.MAGIC, engine.CODESIZE


def _program(packed: bytes) -> list[int]:
    return array(_code_type(), packed).tolist()


def _code_type() -> str:
    """The array type of the engine's code words (4 bytes each where CPython is built)."""
    size = _engine().CODESIZE
    return next(kind for kind in "IL" if array(kind).itemsize == size)


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry]:
    """What ``re._compiler.compile`` does (3.11 to 3.13), the program kept as an entry."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry: Entry = (
        int(flags | state.flags),
        array(_code_type(), code).tobytes(),
        state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    made = _engine().compile(pattern, entry[0], code, *entry[2:])
    return made, entry


_KEPT = Kept()
