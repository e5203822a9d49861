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

import bisect
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from planner.model import Attendee, Classification, Event, Mode, Response, Status

if TYPE_CHECKING:
    from planner.config import Config
    from planner.store import Store

SCHEMA = "relations"
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

# Public mail services: an address there says nothing about an organisation.
FREEMAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com outlook.de outlook.fr outlook.es outlook.it hotmail.com
    hotmail.de hotmail.co.uk hotmail.fr hotmail.es hotmail.it live.com live.de live.co.uk live.fr
    msn.com yahoo.com yahoo.de yahoo.co.uk yahoo.fr yahoo.es yahoo.it ymail.com rocketmail.com
    aol.com aol.de aim.com icloud.com me.com mac.com web.de gmx.de gmx.net gmx.at gmx.ch gmx.com
    gmx.us gmx.li mail.com email.com email.de freenet.de t-online.de arcor.de online.de 1und1.de
    kabelmail.de vodafonemail.de posteo.de posteo.net mailbox.org protonmail.com protonmail.ch
    proton.me pm.me tutanota.com tutanota.de tuta.io tuta.com fastmail.com fastmail.fm hey.com
    hushmail.com zoho.com zohomail.com yandex.com yandex.ru mail.ru inbox.com bluewin.ch
    orange.fr free.fr laposte.net sfr.fr libero.it virgilio.it seznam.cz wp.pl o2.pl interia.pl
    btinternet.com sky.com comcast.net verizon.net att.net sbcglobal.net bigpond.com
    rediffmail.com qq.com 163.com 126.com naver.com
    """.split()
)

ModeLike = Mode | Classification | str
# When copies of one occurrence disagree, the mode with more evidence wins (a room beats a link).
MODE_STRENGTH = (Mode.UNKNOWN, Mode.PHONE, Mode.VIRTUAL, Mode.HYBRID, Mode.IN_PERSON)
Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One past meeting as the ledger remembers it: only its external counterparts are kept."""

    key: Key
    start: datetime  # UTC
    end: datetime  # UTC
    mode: Mode
    people: tuple[tuple[str, str], ...]  # (e-mail in lower case, display name), sorted

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(email for email, _ in self.people)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the ledger knows about one person or organisation up to some time."""

    who: str
    meetings: int = 0
    by_mode: Mapping[Mode, int] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None
    last_in_person: datetime | None = None
    first_remote: datetime | None = None  # first virtual, hybrid or phone meeting

    def count(self, mode: Mode) -> int:
        return self.by_mode.get(mode, 0)

    @property
    def in_person(self) -> int:
        return self.count(Mode.IN_PERSON)

    @property
    def remote(self) -> int:
        """Virtual, hybrid and phone meetings: the user was not certainly in the room."""
        return self.count(Mode.VIRTUAL) + self.count(Mode.HYBRID) + self.count(Mode.PHONE)


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


class Directory:
    """Who is who: the user, internal colleagues, organisations and free-mail addresses."""

    def __init__(self, config: Config, user_emails: Iterable[str] = ()) -> None:
        extra = {d.strip().lower() for d in config["relations"]["freemail_domains"]}
        self.freemail = FREEMAIL_DOMAINS | extra
        own_email = config.user["email"].strip().lower()
        self.user_emails = frozenset({e.lower() for e in user_emails} | {own_email} - {""})
        domains = {d.strip().lower() for d in config.user["domains"]}
        own_domain = own_email.rpartition("@")[2] if "@" in own_email else ""
        if own_domain and own_domain not in self.freemail:
            domains.add(own_domain)  # a gmail user's friends are not colleagues
        self.own_domains = frozenset(domains - {""})
        self._external: dict[str, bool] = {}  # a cache: history repeats the same addresses

    def is_user(self, email: str) -> bool:
        return email.lower() in self.user_emails

    def is_internal(self, email: str) -> bool:
        return _domain(email) in self.own_domains

    def is_external(self, email: str) -> bool:
        known = self._external.get(email)
        if known is None:
            known = not self.is_user(email) and not self.is_internal(email)
            self._external[email] = known
        return known

    def organisation(self, email: str) -> str | None:
        """The organisation of an external address (its domain), None for free-mail/internal."""
        domain = _domain(email)
        if not domain or domain in self.freemail or domain in self.own_domains:
            return None
        return domain

    def unit(self, email: str) -> str:
        """Whom a meeting with ``email`` counts for: the organisation, else the person."""
        return self.organisation(email) or email.lower()

    def others(self, event: Event) -> tuple[Attendee, ...]:
        """Everyone but the user (internal or external), without resources."""
        return tuple(p for p in event.people() if not self.is_user(p.email))

    def counterparts(self, event: Event) -> tuple[Attendee, ...]:
        """External people of ``event`` who have not declined."""
        return tuple(
            p
            for p in event.people()
            if self.is_external(p.email) and p.response is not Response.DECLINED
        )


def _domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower() if "@" in email else ""


def as_mode(value: ModeLike) -> Mode:
    """A :class:`Mode` from a mode, a classification or its text."""
    if isinstance(value, Classification):
        return value.mode
    return Mode(value)


def with_modes(events: Iterable[Event], modes: Mapping[Key, ModeLike]) -> list[tuple[Event, Mode]]:
    """Pair events with their modes from a mapping ``Event.key -> mode`` (missing: unknown)."""
    return [(e, as_mode(modes.get(e.key, Mode.UNKNOWN))) for e in events]


def counts_as_met(event: Event, now: datetime) -> bool:
    """Whether ``event`` can count as a meeting that took place (before any attendee check)."""
    return (
        not event.all_day
        and event.status is not Status.CANCELLED
        and event.self_response is not Response.DECLINED
        and event.end <= now
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
        self._index: _Index | None = None

    # -- persistence -------------------------------------------------------------------------

    @classmethod
    def open(cls, store: Store, config: Config, *, user_emails: Iterable[str] = ()) -> Ledger:
        """Load the ledger from ``store`` (creating its table on first use)."""
        store.ensure(SCHEMA, SCHEMA_VERSION, DDL)
        lookback = config["relations"]["lookback_days"]
        ledger = cls(Directory(config, user_emails), store, lookback_days=lookback)
        rows = store.conn.execute("SELECT uid, start, finish, mode, people FROM ledger_meetings")
        for uid, start, finish, mode, people in rows:
            meeting = Meeting(
                key=(uid, start),
                start=datetime.fromisoformat(start),
                end=datetime.fromisoformat(finish),
                mode=Mode(mode),
                people=tuple((email, name) for email, name in json.loads(people)),
            )
            ledger._meetings[meeting.key] = meeting
        return ledger

    def _save(self, upserts: Sequence[Meeting], deletes: Sequence[Key]) -> None:
        if self._store is None:
            return
        rows = [
            (m.key[0], m.key[1], m.end.isoformat(), m.mode.value, json.dumps(m.people))
            for m in upserts
        ]
        with self._store.conn as conn:
            conn.executemany("DELETE FROM ledger_meetings WHERE uid = ? AND start = ?", deletes)
            conn.executemany("INSERT OR REPLACE INTO ledger_meetings VALUES (?, ?, ?, ?, ?)", rows)

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
            if key not in incoming and (key in seen or (complete and first <= m.start < now))
        ]
        added = sum(1 for m in upserts if m.key not in old)
        result = UpdateResult(
            added=added,
            changed=len(upserts) - added,
            removed=len(deletes),
            unchanged=len(incoming) - len(upserts),
        )
        if upserts or deletes:
            self._save(upserts, deletes)
            for key in deletes:
                del old[key]
            old.update((m.key, m) for m in upserts)
            self._index = None
        return result

    def _collect(
        self, items: Iterable[tuple[Event, ModeLike]], now: datetime
    ) -> tuple[dict[Key, Meeting], set[Key]]:
        """The meetings that count among ``items``, and every key seen (counted or not)."""
        found: dict[Key, Meeting] = {}
        excluded: set[Key] = set()
        seen: set[Key] = set()
        for event, mode in items:
            key = event.key
            seen.add(key)
            if not counts_as_met(event, now):
                if event.end <= now:  # declined or cancelled in any copy: not met
                    excluded.add(key)
                continue
            meeting = self._meeting(event, as_mode(mode))
            if meeting is not None:
                previous = found.get(key)
                found[key] = meeting if previous is None else _merge(previous, meeting)
        for key in excluded:
            found.pop(key, None)
        return found, seen

    def _meeting(self, event: Event, mode: Mode) -> Meeting | None:
        people = sorted(
            {p.email.lower(): p.name for p in self.directory.counterparts(event)}.items()
        )
        if not people:
            return None
        return Meeting(
            key=event.key,
            start=event.start.astimezone(UTC),
            end=event.end.astimezone(UTC),
            mode=mode,
            people=tuple(people),
        )

    # -- queries -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._meetings)

    def meetings(self, who: str, *, before: datetime | None = None) -> list[Meeting]:
        """Meetings with a person (an e-mail) or an organisation (a domain), oldest first.

        ``before`` keeps only meetings that started before that time.
        """
        index = self._ensure_index()
        bucket = index.by_person if "@" in who else index.by_org
        found = bucket.get(who.lower(), [])
        if before is None:
            return list(found)
        cut = bisect.bisect_left(found, before.astimezone(UTC), key=lambda m: m.start)
        return found[:cut]

    def summary(self, who: str, *, before: datetime | None = None) -> Summary:
        """Counts per mode, first, last and last in-person meeting with ``who``."""
        return summarise(who, self.meetings(who, before=before))

    def met_before(self, emails: Iterable[str], when: datetime) -> bool:
        """Whether any of ``emails`` or their organisations was met before ``when``."""
        for email in emails:
            for who in {email.lower(), self.directory.unit(email)}:
                if self.meetings(who, before=when):
                    return True
        return False

    def repeats(self, emails: Iterable[str], *, before: datetime, since: datetime) -> int:
        """Meetings in ``[since, before)`` that included every one of ``emails``."""
        wanted = sorted({e.lower() for e in emails})
        if not wanted:
            return 0
        since_utc = since.astimezone(UTC)
        return sum(
            1
            for m in self.meetings(wanted[0], before=before)
            if m.start >= since_utc and all(e in m.emails for e in wanted[1:])
        )

    def persons(self) -> list[str]:
        """Every counterpart e-mail the ledger remembers, sorted."""
        return sorted(self._ensure_index().by_person)

    def organisations(self) -> list[str]:
        """Every organisation domain the ledger remembers, sorted."""
        return sorted(self._ensure_index().by_org)

    def name_of(self, email: str) -> str:
        """The most recent display name seen for ``email`` ("" when none)."""
        for meeting in reversed(self.meetings(email)):
            name = dict(meeting.people).get(email.lower(), "")
            if name:
                return name
        return ""

    def account_meetings(self, account: str) -> list[Meeting]:
        """Meetings with a key account: an e-mail, or a domain including its subdomains."""
        account = account.strip().lower()
        if "@" in account:
            return self.meetings(account)
        index = self._ensure_index()
        found = {
            m.key: m
            for org, meetings in index.by_org.items()
            if org == account or org.endswith("." + account)
            for m in meetings
        }
        return sorted(found.values(), key=lambda m: m.start)

    def _ensure_index(self) -> _Index:
        if self._index is None:
            self._index = _Index.build(self._meetings.values(), self.directory)
        return self._index


@dataclass
class _Index:
    by_person: dict[str, list[Meeting]]
    by_org: dict[str, list[Meeting]]

    @classmethod
    def build(cls, meetings: Iterable[Meeting], directory: Directory) -> _Index:
        by_person: dict[str, list[Meeting]] = {}
        by_org: dict[str, list[Meeting]] = {}
        for meeting in sorted(meetings, key=lambda m: (m.start, m.key)):
            orgs: set[str] = set()
            for email in meeting.emails:
                if not directory.is_external(email):
                    continue  # the config changed since: now a colleague or the user
                by_person.setdefault(email, []).append(meeting)
                if org := directory.organisation(email):
                    orgs.add(org)
            for org in orgs:
                by_org.setdefault(org, []).append(meeting)
        return cls(by_person, by_org)


def summarise(who: str, meetings: Sequence[Meeting]) -> Summary:
    """A :class:`Summary` of ``meetings`` (oldest first)."""
    if not meetings:
        return Summary(who)
    in_person = [m for m in meetings if m.mode is Mode.IN_PERSON]
    remote = [m for m in meetings if m.mode in (Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE)]
    return Summary(
        who=who,
        meetings=len(meetings),
        by_mode=dict(Counter(m.mode for m in meetings)),
        first=meetings[0].start,
        last=meetings[-1].start,
        last_in_person=in_person[-1].start if in_person else None,
        first_remote=remote[0].start if remote else None,
    )


def _merge(a: Meeting, b: Meeting) -> Meeting:
    """The same occurrence seen in two calendars: the strongest mode wins, counterparts unite.

    Independent of the order of the copies, so that a repeated update changes nothing.
    """
    mode = max(a.mode, b.mode, key=MODE_STRENGTH.index)
    people: dict[str, str] = {}
    for email, name in a.people + b.people:
        people[email] = max(people.get(email, ""), name)
    return Meeting(a.key, a.start, max(a.end, b.end), mode, tuple(sorted(people.items())))


# -- contacts (for ``planner contacts``) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One counterpart as ``planner contacts`` lists it (dates in the user's zone)."""

    email: str
    name: str
    organisation: str | None
    meetings: int
    in_person_meetings: int
    virtual_meetings: int
    hybrid_meetings: int
    phone_meetings: int
    unknown_meetings: int
    first_meeting: date | None
    last_meeting: date | None
    last_in_person: date | None
    key_account: str | None = None
    due: bool = False

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: dates as ISO text."""
        data: dict[str, object] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            data[name] = value.isoformat() if isinstance(value, date) else value
        return data


def key_account_of(email: str, accounts: Iterable[str]) -> str | None:
    """The configured key account ``email`` belongs to (an e-mail or a (parent) domain)."""
    email = email.lower()
    domain = _domain(email)
    for account in accounts:
        entry = account.strip().lower()
        if entry == email or (
            "@" not in entry and entry and (domain == entry or domain.endswith("." + entry))
        ):
            return account
    return None


def visit_due(last_in_person: date | None, today: date, due_days: int) -> bool:
    """Whether a key account last met in person on ``last_in_person`` is due for a visit."""
    return last_in_person is None or (today - last_in_person).days > due_days


def local_date(moment: datetime | None, config: Config) -> date | None:
    return moment.astimezone(config.tz).date() if moment else None


def contacts(
    ledger: Ledger, *, never_met: bool = False, due: bool = False, config: Config, today: date
) -> list[ContactRow]:
    """Rows for ``planner contacts``: most meetings first.

    ``never_met`` keeps people never met in person; ``due`` keeps people of key accounts that
    are due for a visit (``relations.visit_due_days``). Both together keep the intersection.
    """
    accounts = config["relations"]["key_accounts"]
    due_days = config["relations"]["visit_due_days"]
    account_due: dict[str, bool] = {}
    rows = []
    for email in ledger.persons():
        summary = ledger.summary(email)
        account = key_account_of(email, accounts)
        if account is not None and account not in account_due:
            last = max((m.start for m in ledger.account_meetings(account) if _met(m)), default=None)
            account_due[account] = visit_due(local_date(last, config), today, due_days)
        row = _row(ledger, email, summary, config, account, account_due.get(account, False))
        if (never_met and row.in_person_meetings) or (due and not row.due):
            continue
        rows.append(row)
    rows.sort(key=lambda r: (-r.meetings, r.email))
    return rows


def _met(meeting: Meeting) -> bool:
    return meeting.mode is Mode.IN_PERSON


def _row(
    ledger: Ledger, email: str, summary: Summary, config: Config, account: str | None, due: bool
) -> ContactRow:
    return ContactRow(
        email=email,
        name=ledger.name_of(email),
        organisation=ledger.directory.organisation(email),
        meetings=summary.meetings,
        in_person_meetings=summary.in_person,
        virtual_meetings=summary.count(Mode.VIRTUAL),
        hybrid_meetings=summary.count(Mode.HYBRID),
        phone_meetings=summary.count(Mode.PHONE),
        unknown_meetings=summary.count(Mode.UNKNOWN),
        first_meeting=local_date(summary.first, config),
        last_meeting=local_date(summary.last, config),
        last_in_person=local_date(summary.last_in_person, config),
        key_account=account,
        due=due,
    )
