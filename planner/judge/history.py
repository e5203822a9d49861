"""What the contact ledger remembers of past meetings, and how it looks them up: a meeting
(:class:`Meeting`), what is known about one person or organisation up to some time
(:class:`Summary`), and each one's meetings in order with the positions of each mode's
(:class:`History`, :class:`MeetingIndex`), so that a summary before any time is a look-up (a
helper of :mod:`planner.judge.relations`)."""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from planner.model import Mode
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.judge.directory import Directory

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


class History:
    """The meetings with one person or organisation, oldest first, with the positions of each
    mode's meetings: the summary of the first ``n`` meetings is a look-up, whatever ``n``."""

    def __init__(self, meetings: list[Meeting]) -> None:
        self.meetings = meetings
        self.starts = [m.start for m in meetings]
        self.positions: dict[Mode, array[int]] = {}
        for position, meeting in enumerate(meetings):
            found = self.positions.get(meeting.mode)
            if found is None:
                found = self.positions[meeting.mode] = array("l")
            found.append(position)

    def cut(self, before: datetime | None) -> int:
        """How many meetings started before ``before`` (all for None)."""
        if before is None:
            return len(self.meetings)
        return bisect.bisect_left(self.starts, before.astimezone(UTC))

    def summary(self, who: str, n: int) -> Summary:
        """The :func:`summarise` of the first ``n`` meetings."""
        if n == 0:
            return Summary(who)
        counts = {mode: bisect.bisect_left(found, n) for mode, found in self.positions.items()}
        in_person = counts.get(Mode.IN_PERSON, 0)
        remote = [self.positions[m][0] for m in _REMOTE if counts.get(m)]
        return Summary(
            who=who,
            meetings=n,
            by_mode={mode: count for mode, count in counts.items() if count},
            first=self.starts[0],
            last=self.starts[n - 1],
            last_in_person=(
                self.starts[self.positions[Mode.IN_PERSON][in_person - 1]] if in_person else None
            ),
            first_remote=self.starts[min(remote)] if remote else None,
        )


NO_HISTORY = History([])
_REMOTE = (Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE)


@dataclass
class MeetingIndex:
    by_person: dict[str, History]
    by_org: dict[str, History]
    #: an address → the histories of it and of its organisation (:meth:`of_address`)
    of_email: dict[str, tuple[History, ...]] = field(default_factory=dict)

    def of(self, who: str) -> History:
        """The history of a person (an e-mail) or an organisation (a domain)."""
        if "@" in who:
            return self.by_person.get(address_key(who), NO_HISTORY)
        return self.by_org.get(who.strip().lower(), NO_HISTORY)

    def of_address(self, email: str, directory: Directory) -> tuple[History, ...]:
        """The histories of ``email`` and of its :meth:`Directory.unit` (its organisation, if
        any), found once per address for this index (a week asks about the same people again
        and again; the index is made anew when the ledger changes)."""
        found = self.of_email.get(email)
        if found is None:
            units = {address_key(email), directory.unit(email)}
            found = self.of_email[email] = tuple(self.of(who) for who in units)
        return found

    @classmethod
    def build(cls, meetings: Iterable[Meeting], directory: Directory) -> MeetingIndex:
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
        return cls(
            {k: History(v) for k, v in by_person.items()},
            {k: History(v) for k, v in by_org.items()},
        )


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
