"""Where counterparts live or work, kept between runs (:mod:`planner.judge.homes`).

Working out where someone is based reads their meetings and their organisation's (about 2 ms a
person): a week of forty counterparts costs a run that one edited event made compute again
about 0.1 s. An answer is kept under a key of everything it is worked out from: the person's
address, the config's sections, the language of the evidence, what the address book holds of
them, the rules (the source of the modules that work it out) and, of every event the answer
reads (:meth:`planner.judge.homes.HomeFinder.read_for`: all of their own meetings, of their
organisation's the place of those over by now), its fields, its instants, its mode and whether
it had ended by "now" (what the answer reads of its times: the day it was met is the day in the
user's zone, which the config holds). Any change to one of them computes afresh. The
table keeps the newest :data:`LIMIT` answers; a database error only means computing afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import weakref
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.ical.payload import template_digest
from planner.model import Geo
from planner.people.addresses import domain_of

if TYPE_CHECKING:
    from planner.judge.homes import HomeCity, HomeFinder
    from planner.model import Event
    from planner.store import Store

log = logging.getLogger("planner")

NAME = "homes_kept"
VERSION = 1
DDL = """
DROP TABLE IF EXISTS homes_kept;
CREATE TABLE homes_kept (key TEXT PRIMARY KEY, home TEXT NOT NULL, used INTEGER NOT NULL)
"""
LIMIT = 5_000
BATCH = 100  # answers written in one transaction
#: the modules whose rules make the answer (with planner/people/postal.py)
RULES = ("homes.py", "homes_book.py", "home_city.py", "signature_lines.py", "zones.py",
         "directory.py")  # fmt: skip
PEOPLE_RULES = ("postal.py", "phones.py")  # of planner/people


@dataclass
class KeptHomes:
    """The answers of one store, for one run's config and language."""

    store: Store
    base: str  # a digest of the rules, the config and the language
    usable: bool = True
    _parts: dict[tuple[int, bool | None], str] = field(default_factory=dict)  # of each event
    _pending: list[tuple[str, str]] = field(default_factory=list)  # (key, answer) to write
    # of each organisation's meetings (by the id of the finder's list of them): that list,
    # the parts made (:meth:`_along`) and from which of them on
    _orgs: dict[int, tuple[list[int], list[str], int]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store, config: Any) -> KeptHomes:
        from planner import i18n

        sections = json.dumps(config.sections, sort_keys=True, default=str)
        kept = cls(store, _sha(f"{VERSION}\0{_rules()}\0{i18n.language()}\0{sections}"))
        kept.usable = kept._guard(lambda: store.ensure(NAME, VERSION, DDL)) is not False
        weakref.finalize(kept, _write, store, kept._pending, quiet=True)  # what is left
        return kept

    def home_of(self, finder: HomeFinder, email: str) -> HomeCity | None:
        """``finder``'s answer for ``email`` (an address key), kept or worked out."""
        if not self.usable:
            return finder.infer(email)
        key, home, worked = self.answer(finder, email, self._row)
        if worked:
            self.put(key, home)
        return home

    def answer(
        self, finder: HomeFinder, email: str, row_of: Callable[[str], Any]
    ) -> tuple[str, HomeCity | None, bool]:
        """(the key of ``email``'s answer, the answer, whether it was worked out: not kept
        under that key, whose row ``row_of`` gives). Nothing is written: where it was worked
        out, :meth:`put` keeps it."""
        key = self.key(finder, email)
        if row := row_of(key):
            try:
                return key, _decode(json.loads(row[0])), False
            except (TypeError, ValueError, KeyError, IndexError):
                log.debug("homes kept: an unreadable answer for a key; working it out again")
        return key, finder.infer(email), True

    def _row(self, key: str) -> Any:
        return self._guard(
            lambda: self.store.conn.execute(
                "SELECT home FROM homes_kept WHERE key = ?", (key,)
            ).fetchone()
        )

    def rows(self) -> dict[str, tuple[str]]:
        """Every answer kept, by key (what :meth:`answer` reads, for forked workers that may
        not use the database: a connection does not survive a fork); none where it fails."""

        def read() -> dict[str, tuple[str]]:
            rows = self.store.conn.execute("SELECT key, home FROM homes_kept")
            return {key: (home,) for key, home in rows}

        return self._guard(read) or {}

    def key(self, finder: HomeFinder, email: str) -> str:
        people = finder.people
        person = people.get(email) if people is not None else None
        domain = email.rpartition("@")[2]
        card = (
            (person.name, person.places, person.countries, person.origin("city"))
            if person
            else None,
            people.organisation_places(domain) if people is not None else None,
            (person.phones, person.origin("phones")) if person else None,
            people.organisation_phones(domain) if people is not None else None,
        )
        parts = [self.base, email, repr(card)]  # what the answer reads of the address book
        read = self._read(finder, email)
        if read is None:  # (an address whose meetings are not all its organisation's)
            read = [self._part(finder, e, theirs) for e, theirs in finder.read_for(email)]
        parts += read
        return _sha("\0".join(parts))

    def _part(self, finder: HomeFinder, event: Event, theirs: bool) -> str:
        """What the key says of ``event`` (one of ``theirs`` or their organisation's)."""
        part = self._parts.get((id(event), theirs))
        if part is None:  # an organisation's meeting is read for each of its people
            times = self._parts.get((id(event), None))  # the same for both
            if times is None:
                ended = event.end <= finder.now
                mode = finder.modes.get(event.key, "")
                times = f"\0{event.start.timestamp()}\0{event.end.timestamp()}\0"
                times += f"{event.all_day:d}{ended:d}\0{mode}"
                self._parts[(id(event), None)] = times
            part = (template_digest(event) if theirs else event.location) + times
            self._parts[(id(event), theirs)] = part
        return part

    def _read(self, finder: HomeFinder, email: str) -> list[str] | None:
        """:meth:`_part` of each event :meth:`HomeFinder.read_for` reads, without reading
        them one by one: their organisation's meetings read are all of its meetings from the
        first one read on (:meth:`HomeFinder.window`), theirs among them, so its parts are
        made once for all its people (a list along the organisation's meetings: ``""`` for
        one not over by now), and each person's are a slice of it with their own put in.
        None where one of their meetings is not among the organisation's."""
        own, org = finder.window(email)
        history = finder.history
        if not org:
            return [self._part(finder, history[position], True) for position in own]
        theirs = finder.indexed().get("@" + domain_of(email), [])  # as the window's
        first = bisect_left(theirs, org[0])
        if first == len(theirs) or theirs[first] != org[0]:
            return None
        seq = self._along(finder, theirs, first)[first:]
        head = []
        for position in own:
            at = bisect_left(theirs, position)
            if at == len(theirs) or theirs[at] != position:
                return None
            part = self._part(finder, history[position], True)
            if at < first:
                head.append(part)
            else:
                seq[at - first] = part
        return head + list(filter(None, seq))

    def _along(self, finder: HomeFinder, theirs: list[int], first: int) -> list[str]:
        """The parts of an organisation's meetings ``theirs`` (positions), made from ``first``
        on (``""``: not over by now, not read)."""
        kept, made, done = self._orgs.get(id(theirs), (None, [], 0))
        if kept is not theirs:  # (kept with the parts: its id is no other list's meanwhile)
            made, done = [""] * len(theirs), len(theirs)
        if first < done:
            history, now = finder.history, finder.now
            for at in range(first, done):
                event = history[theirs[at]]
                if event.end <= now:
                    made[at] = self._part(finder, event, False)
            self._orgs[id(theirs)] = (theirs, made, first)
        return made

    def put(self, key: str, home: HomeCity | None) -> None:
        """Kept with the next :data:`BATCH` (one transaction; the rest when the run ends):
        a week of 3,000 counterparts writes 30 times, not 3,000."""
        self._pending.append((key, json.dumps(_encode(home))))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the answers not written yet."""
        self._guard(lambda: _write(self.store, self._pending))

    def _guard(self, work: Any) -> Any:
        try:
            return work()
        except sqlite3.Error as exc:
            log.debug("homes kept: %s; working them out afresh", exc)
            self.usable = False
            return False


def _write(store: Store, pending: list[tuple[str, str]], *, quiet: bool = False) -> None:
    """Write ``pending`` in one transaction, the newest :data:`LIMIT` kept, and empty it
    (``quiet``: at the end of a run, a database gone or busy only means working it out again
    next time)."""
    rows, pending[:] = list(pending), []
    if not rows:
        return
    try:
        with store.conn:
            (used,) = store.conn.execute("SELECT coalesce(max(used), 0) FROM homes_kept").fetchone()
            store.conn.executemany(
                "INSERT OR REPLACE INTO homes_kept VALUES (?, ?, ?)",
                [(key, home, used + n) for n, (key, home) in enumerate(rows, 1)],
            )
            store.conn.execute(
                "DELETE FROM homes_kept WHERE used <= ?", (used + len(rows) - LIMIT,)
            )
    except sqlite3.Error as exc:
        if not quiet:
            raise
        log.debug("homes kept: %s; not written", exc)


def _encode(home: HomeCity | None) -> Any:
    if home is None:
        return None
    geo = [home.geo.lat, home.geo.lon] if home.geo is not None else None
    others = [_encode(other) for other in home.others]
    return [home.city, geo, list(home.evidence), home.source, home.text, others]


def _decode(value: Any) -> HomeCity | None:
    from planner.judge.homes import HomeCity

    if value is None:
        return None
    city, geo, evidence, source, text, others = value
    return HomeCity(
        str(city),
        Geo(float(geo[0]), float(geo[1])) if geo is not None else None,
        tuple(str(e) for e in evidence),
        source=int(source),
        text=str(text),
        others=tuple(h for h in map(_decode, others) if h is not None),
    )


@cache
def _rules() -> str:
    judge = Path(__file__).resolve().parent
    sha = hashlib.sha256()
    people = judge.parent / "people"
    for path in [*(judge / name for name in RULES), *(people / name for name in PEOPLE_RULES)]:
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def keeping(finder: HomeFinder, store: Store | None) -> HomeFinder:
    """``finder`` with its answers kept in ``store`` (as it is without one)."""
    if store is not None:
        finder.kept = KeptHomes.of(store, finder.config)
    return finder
