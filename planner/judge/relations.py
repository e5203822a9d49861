"""The contact ledger: whom the user has met, how, and when.

The ledger is built from calendar history (events already read by the providers, each with its
mode) and persisted in the state database, so it remembers meetings that have since left the
look-back window. For every external counterpart (by e-mail) and organisation (by e-mail domain;
free-mail domains are never an organisation) it answers how many meetings took place per mode,
the first and last one, and the last one in person, as of any point in time ("met before t?").

Rules (see :meth:`Ledger.update`):

- an occurrence is identified by :attr:`planner.model.Event.key`; updating again over the same
  history changes nothing, a changed mode or a vanished event is corrected;
- only meetings that are over (``end <= now``) count; cancelled and declined ones, all-day
  markers and counterparts who declined do not;
- internal people (the user's own domains) and the user are never counterparts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from planner.judge.directory import FREEMAIL_DOMAINS, Directory
from planner.judge.history import (
    History,
    Key,
    Meeting,
    MeetingIndex,
    Summary,
    summarise,
)
from planner.model import Attendee, Classification, Event, Mode, Response, Status
from planner.people.addresses import address_key
from planner.store import readable

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

# Who is who lives in planner.judge.directory (its names stay importable from here); the
# contacts report, which reads the ledger, in planner.judge.contacts.
__all__ = [
    "DDL",
    "FREEMAIL_DOMAINS",
    "IMPORTED",
    "MODE_STRENGTH",
    "SCHEMA",
    "SCHEMA_VERSION",
    "Directory",
    "Key",
    "Ledger",
    "Meeting",
    "ModeLike",
    "Summary",
    "UpdateResult",
    "as_mode",
    "counts_as_met",
    "summarise",
    "with_modes",
]

SCHEMA = "relations"
TABLE = "ledger_meetings"
SCHEMA_VERSION = 1
DDL = """
DROP TABLE IF EXISTS ledger_meetings;
CREATE TABLE ledger_meetings (
    uid TEXT NOT NULL,
    start TEXT NOT NULL,
    finish TEXT NOT NULL,
    mode TEXT NOT NULL,
    people TEXT NOT NULL,
    PRIMARY KEY (uid, start)
)
"""

ModeLike = Mode | Classification | str
#: The uid prefix of meetings imported from a file (``planner ledger import``): no calendar
#: update removes them.
IMPORTED = "import:"
# When copies of one occurrence disagree, the mode with more evidence wins (a room beats a link).
MODE_STRENGTH = (Mode.UNKNOWN, Mode.PHONE, Mode.VIRTUAL, Mode.HYBRID, Mode.IN_PERSON)
_Known = dict[tuple[int, ...], tuple[object, object, tuple[tuple[str, str], ...]]]


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """What an update changed in the ledger."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0

    @property
    def touched(self) -> int:
        return self.added + self.changed + self.removed


def as_mode(value: ModeLike) -> Mode:
    """A :class:`Mode` from a mode, a classification or its text."""
    if isinstance(value, Mode):  # (calling the enum costs more than the ledger's other work)
        return value
    return value.mode if isinstance(value, Classification) else Mode(value)


def with_modes(events: Iterable[Event], modes: Mapping[Key, ModeLike]) -> list[tuple[Event, Mode]]:
    """Pair events with their modes from a mapping ``Event.key -> mode`` (missing: unknown)."""
    return [(e, as_mode(modes.get(e.key, Mode.UNKNOWN))) for e in events]


def counts_as_met(event: Event, now: datetime) -> bool:
    """Whether ``event`` can count as a meeting that took place (before any attendee check)."""
    return takes_place(event) and event.end <= now


def takes_place(event: Event) -> bool:
    """Whether ``event`` is a meeting that takes (or took) place: not all-day, not cancelled,
    not declined by the user."""
    return (
        not event.all_day
        and event.status is not Status.CANCELLED
        and event.self_response is not Response.DECLINED
    )


class Ledger:
    """The persisted contact ledger. Open it with :meth:`open`, feed it with :meth:`update`."""

    def __init__(
        self, directory: Directory, store: Store | None = None, *, lookback_days: int = 365
    ) -> None:
        self.directory = directory
        self.lookback_days = lookback_days
        self._store = store
        self._meetings: dict[Key, Meeting] = {}
        self._index: MeetingIndex | None = None
        self._planned: dict[str, list[Event]] = {}  # see :meth:`expect`
        self._in_person: set[Key] = set()  # the planned ones that are in person

    # -- persistence -------------------------------------------------------------------------

    @classmethod
    def open(cls, store: Store, config: Config, *, user_emails: Iterable[str] = ()) -> Ledger:
        """Load the ledger from ``store`` (creating its table on first use)."""
        from planner.ical import behind

        behind.settle(store.conn, [TABLE])  # meetings written behind by this process are there
        store.ensure(SCHEMA, SCHEMA_VERSION, DDL)
        lookback = config["relations"]["lookback_days"]
        ledger = cls(Directory(config, user_emails), store, lookback_days=lookback)
        rows = store.conn.execute("SELECT uid, start, finish, mode, people FROM ledger_meetings")
        for meeting in readable(rows, _meeting, "ledger_meetings", store.path):
            ledger._meetings[meeting.key] = meeting
        ledger._learn_names(ledger._meetings.values())
        return ledger

    def _learn_names(self, meetings: Iterable[Meeting]) -> None:
        """The names the calendars gave counterparts in remembered meetings, for
        :attr:`Directory.people` (meetings that left the calendars keep their names)."""
        from planner.people.sources import learn_names

        learn_names(self.directory.people, ((m.start, m.people) for m in meetings))

    def _save(self, upserts: Sequence[Meeting], deletes: Sequence[Key]) -> None:
        """Write ``upserts`` and ``deletes`` to the store in one transaction; thousands are
        written behind (:mod:`planner.ical.behind`: the plan does not wait for them)."""
        if self._store is None:
            return
        from planner.ical import behind

        store = self._store

        def work(conn: sqlite3.Connection) -> None:
            from planner.ical.payload import compact  # orjson: a week of 50,000 meetings

            texts: dict[int, tuple[object, str]] = {}  # a set of people is one tuple: once
            for m in upserts:
                if id(m.people) not in texts:
                    texts[id(m.people)] = (m.people, compact(m.people))
            rows = [
                (m.key[0], m.key[1], m.end.isoformat(), m.mode._value_, texts[id(m.people)][1])
                for m in upserts
            ]
            conn.executemany("DELETE FROM ledger_meetings WHERE uid = ? AND start = ?", deletes)
            conn.executemany("INSERT OR REPLACE INTO ledger_meetings VALUES (?, ?, ?, ?, ?)", rows)

        if not behind.handed(store.conn, store.path, TABLE, len(upserts) + len(deletes), work):
            with store.conn as conn:
                work(conn)

    # -- update ------------------------------------------------------------------------------

    def update(
        self,
        items: Iterable[tuple[Event, ModeLike]],
        *,
        now: datetime,
        since: datetime | None = None,
        complete: bool = True,
        lookback_days: int | None = None,
    ) -> UpdateResult:
        """Bring the ledger in line with ``items``: (event, mode) pairs of calendar history.

        With ``complete`` (the default) the items are the whole history from ``since`` (default
        ``now - relations.lookback_days``) to ``now``: a remembered meeting in that window that
        is missing from the items is removed. An item that no longer counts (declined,
        cancelled) removes its meeting in any case. Older meetings are kept. The same
        occurrence from several calendars counts once (see :data:`MODE_STRENGTH`).
        """
        incoming, seen = self._collect(items, now)
        old = self._meetings
        upserts = [m for key, m in incoming.items() if old.get(key) != m]
        first = (since or now - timedelta(days=lookback_days or self.lookback_days)).astimezone(UTC)
        deletes = [
            key
            for key, m in old.items()
            if key not in incoming
            and not key[0].startswith(IMPORTED)
            and (key in seen or (complete and first <= m.start < now))
        ] + _imported_twins(old, incoming)
        added = sum(1 for m in upserts if m.key not in old)
        result = UpdateResult(
            added=added,
            changed=len(upserts) - added,
            removed=len(deletes),
            unchanged=len(incoming) - len(upserts),
        )
        self._learn_names(upserts)
        if upserts or deletes:
            self._save(upserts, deletes)
            for key in deletes:
                del old[key]
            old.update((m.key, m) for m in upserts)
            self._index = None
        return result

    def expect(self, ahead: Iterable[tuple[Event, Classification]], now: datetime) -> None:
        """Remember the meetings of ``ahead`` not over at ``now`` (planned, not history: no
        count, summary or "last met" sees them), by counterpart and organisation, for
        :meth:`planned_before`. Cancelled, all-day and declined ones (by the user, or by the
        counterpart for that person), journeys and what the user said is no meeting do not
        count."""
        planned: dict[str, list[Event]] = {}
        in_person: set[Key] = set()
        for event, found in ahead:
            if event.end <= now or not takes_place(event):
                continue
            if found.mode is Mode.TRAVEL or (
                found.said is not None and found.said.meeting is False
            ):
                continue
            if found.mode is Mode.IN_PERSON:
                in_person.add(event.key)
            for person in self.directory.counterparts(event):
                if person.response is not Response.DECLINED:
                    for who in {address_key(person.email), self.directory.unit(person.email)}:
                        planned.setdefault(who, []).append(event)
        for events in planned.values():
            events.sort(key=lambda e: (e.start, e.title))
        self._planned, self._in_person = planned, in_person

    def planned_before(
        self, emails: Iterable[str], when: datetime, *, in_person: bool = False
    ) -> Event | None:
        """The first meeting planned (:meth:`expect`) with any of ``emails`` or their
        organisations that starts before ``when`` (with ``in_person``: the first one in
        person): a lunch after the introductory call is no first contact, and a call after a
        visit planned is no "never met in person", although neither has taken place yet."""
        first: Event | None = None
        for email in emails:
            for who in {address_key(email), self.directory.unit(email)}:
                found = self._first_planned(self._planned.get(who, ()), when, in_person)
                if found is not None and (
                    first is None or (found.start, found.title) < (first.start, first.title)
                ):
                    first = found
        return first

    def planned_visit(self, account: str) -> Event | None:
        """The first meeting in person planned with a key account (an e-mail, or a domain and
        its subdomains; see :meth:`account_meetings`): a visit planned, not yet made."""
        account = account.strip().lower()
        if "@" in account:
            events: Iterable[Event] = self._planned.get(address_key(account), ())
        else:
            events = [
                e
                for who, found in self._planned.items()
                if "@" not in who and (who == account or who.endswith("." + account))
                for e in found
            ]
        ordered = sorted(events, key=lambda e: (e.start, e.title))
        return next((e for e in ordered if e.key in self._in_person), None)

    def _first_planned(
        self, events: Iterable[Event], when: datetime, in_person: bool
    ) -> Event | None:
        for event in events:  # sorted by start
            if event.start >= when:
                return None
            if not in_person or event.key in self._in_person:
                return event
        return None

    def _collect(
        self, items: Iterable[tuple[Event, ModeLike]], now: datetime
    ) -> tuple[dict[Key, Meeting], set[Key]]:
        """The meetings that count among ``items``, and every key seen (counted or not)."""
        found: dict[Key, Meeting] = {}
        excluded: set[Key] = set()
        seen: set[Key] = set()
        people: _Known = {}
        for event, mode in items:
            key = event.key
            seen.add(key)
            if not counts_as_met(event, now):
                if event.end <= now:  # declined or cancelled in any copy: not met
                    excluded.add(key)
                continue
            meeting = self._meeting(event, as_mode(mode), people)
            if meeting is not None:
                previous = found.get(key)
                found[key] = meeting if previous is None else _merge(previous, meeting)
        for key in excluded:
            found.pop(key, None)
        return found, seen

    def _meeting(self, event: Event, mode: Mode, known: _Known | None = None) -> Meeting | None:
        # a series' occurrences share organizer and attendees, and a calendar read gives one
        # person the same object in every event: found once per set of people (``known``
        # keeps them alive, so their ids are theirs)
        identity = (id(event.organizer), *map(id, event.attendees))
        found = known.get(identity) if known is not None else None
        if found is not None:
            people = found[2]
        else:
            counterparts = self.directory.counterparts(event)
            people = tuple(sorted({address_key(p.email): p.name for p in counterparts}.items()))
            if known is not None:
                known[identity] = (event.organizer, event.attendees, people)
        if not people:
            return None
        return Meeting(
            key=event.key,
            start=event.start.astimezone(UTC),
            end=event.end.astimezone(UTC),
            mode=mode,
            people=people,
        )

    def add_imported(self, meetings: Sequence[Meeting]) -> None:
        """Keep ``meetings`` read from a file (their uid starts with :data:`IMPORTED`)."""
        self._save(meetings, ())
        self._meetings.update((m.key, m) for m in meetings)
        self._learn_names(meetings)
        self._index = None

    # -- queries -----------------------------------------------------------------------------

    def all(self) -> list[Meeting]:
        """Every meeting remembered, oldest first."""
        return sorted(self._meetings.values(), key=lambda m: (m.start, m.key))

    def __len__(self) -> int:
        return len(self._meetings)

    def meetings(self, who: str, *, before: datetime | None = None) -> list[Meeting]:
        """Meetings with a person (an e-mail) or an organisation (a domain), oldest first.

        ``before`` keeps only meetings that started before that time.
        """
        history = self._history(who)
        return history.meetings[: history.cut(before)]

    def summary(self, who: str, *, before: datetime | None = None) -> Summary:
        """Counts per mode, first, last and last in-person meeting with ``who`` (a look-up:
        the counts are kept as running totals, so a week of meetings costs no pairs)."""
        history = self._history(who)
        return history.summary(who, history.cut(before))

    def person_summary(self, addresses: Sequence[str]) -> Summary:
        """:meth:`summary` of one person by all their ``addresses``, each meeting once."""
        if len(addresses) == 1:
            return self.summary(addresses[0])
        found = {m.key: m for a in addresses for m in self.meetings(address_key(a))}
        return summarise(addresses[0], sorted(found.values(), key=lambda m: m.start))

    def met_among(
        self, among: Iterable[Attendee], before: datetime, *, in_person: bool = False
    ) -> tuple[Attendee, ...]:
        """Those of ``among`` (a meeting's counterparts) met before ``before`` themselves (in
        person, when asked): the people a sentence about earlier meetings may name. (Met as an
        organisation, "3 calls with Luca Meier, Nadine Keller (Helvetia)" named a colleague
        who was in none of them.)"""
        found = []
        for person in among:
            history = self._history(address_key(person.email))
            count = history.cut(before)
            if count and (not in_person or history.summary(person.email, count).in_person):
                found.append(person)
        return tuple(found)

    def met_before(self, emails: Iterable[str], when: datetime) -> bool:
        """Whether any of ``emails`` or their organisations was met before ``when``."""
        index, when = self._ensure_index(), when.astimezone(UTC)
        return any(h.cut(when) for e in emails for h in index.of_address(e, self.directory))

    def repeats(self, emails: Iterable[str], *, before: datetime, since: datetime) -> int:
        """Meetings in ``[since, before)`` that included every one of ``emails``."""
        wanted = sorted({address_key(e) for e in emails})
        if not wanted:
            return 0
        history = self._history(wanted[0])
        first, last = history.cut(since), history.cut(before)
        if len(wanted) == 1:
            return max(last - first, 0)
        return sum(
            1 for m in history.meetings[first:last] if all(e in m.emails for e in wanted[1:])
        )

    def persons(self) -> list[str]:
        """Every counterpart e-mail the ledger remembers, sorted."""
        return sorted(self._ensure_index().by_person)

    def organisations(self) -> list[str]:
        """Every organisation domain the ledger remembers, sorted."""
        return sorted(self._ensure_index().by_org)

    def name_of(self, email: str) -> str:
        """The name of ``email`` ("" when none): the config's, else the most recent one a
        calendar gave (:attr:`Directory.people`, which remembered meetings feed)."""
        return self.directory.people.name_of(email)

    def account_meetings(self, account: str) -> list[Meeting]:
        """Meetings with a key account: an e-mail, or a domain including its subdomains."""
        account = account.strip().lower()
        if "@" in account:
            return self.meetings(address_key(account))
        index = self._ensure_index()
        found = {
            m.key: m
            for org, history in index.by_org.items()
            if org == account or org.endswith("." + account)
            for m in history.meetings
        }
        return sorted(found.values(), key=lambda m: m.start)

    def account_summary(self, account: str) -> Summary:
        """A :class:`Summary` of :meth:`account_meetings` (key accounts, visits due)."""
        return summarise(account, self.account_meetings(account))

    def _history(self, who: str) -> History:
        return self._ensure_index().of(who)

    def _ensure_index(self) -> MeetingIndex:
        if self._index is None:
            self._index = MeetingIndex.build(self._meetings.values(), self.directory)
        return self._index


def _merge(a: Meeting, b: Meeting) -> Meeting:
    """The same occurrence seen in two calendars: the strongest mode wins, counterparts unite.

    Independent of the order of the copies, so that a repeated update changes nothing.
    """
    mode = max(a.mode, b.mode, key=MODE_STRENGTH.index)
    people: dict[str, str] = {}
    for email, name in a.people + b.people:
        people[email] = max(people.get(email, ""), name)
    return Meeting(a.key, a.start, max(a.end, b.end), mode, tuple(sorted(people.items())))


def _meeting(row: tuple[Any, ...]) -> Meeting:
    """One stored ledger row (an unreadable one raises ValueError/TypeError)."""
    uid, start, finish, mode, people = row
    return Meeting(
        key=(uid, start),
        start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(finish),
        mode=Mode(mode),
        people=tuple(sorted((address_key(str(e)), str(n)) for e, n in json.loads(people))),
    )


def _imported_twins(old: dict[Key, Meeting], incoming: dict[Key, Meeting]) -> list[Key]:
    """Imported meetings (a restored export) that a calendar now holds too, the same uid at the
    same instant: the calendar's reading stands for them, so no meeting counts twice."""
    imported = {
        (k[0][len(IMPORTED) :], m.start): k for k, m in old.items() if k[0].startswith(IMPORTED)
    }
    if not imported:
        return []
    return [k for m in incoming.values() if (k := imported.get((m.key[0], m.start))) is not None]
