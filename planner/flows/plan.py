"""The weekly plan: the week's meetings with their mode, and the totals that show the balance.

Pure functions over model objects; reading calendars happens before, rendering after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from planner.config import Config
from planner.model import (
    Action,
    Busy,
    Classification,
    Event,
    Mode,
    Purpose,
    PurposeResult,
    Recommendation,
    Response,
)

if TYPE_CHECKING:
    from planner.calendar.health import Unread
    from planner.flows.trip_view import KeepInTouch
    from planner.judge.recommend import Balance, DueVisit
    from planner.meet.proposals import Proposal
    from planner.people import People
    from planner.sync.standins import Counted

# entries that hold time but are no meetings when nobody else takes part (issue 17)
NOT_MEETINGS = frozenset({Busy.OUT_OF_OFFICE, Busy.WORKING_ELSEWHERE})


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    """One event of the week with everything the planner concluded about it."""

    event: Event
    classification: Classification
    meeting: bool
    external: bool
    purpose: PurposeResult | None = None
    recommendation: Recommendation | None = None
    proposals: tuple[Proposal, ...] = ()
    #: this event and another are one meeting, counted once as the other
    #: (``planner.sync.standins``): a meeting with planner's hold for its update, a changed
    #: mirror with its meeting; shown, but not counted in the totals and the share
    counted_as: Counted | None = None

    @property
    def mode(self) -> Mode:
        return self.classification.mode


@dataclass(frozen=True, slots=True)
class Totals:
    meetings: int = 0
    minutes: int = 0


@dataclass(frozen=True, slots=True)
class WeekStats:
    """Counts and time per mode, and the in-person share of external meeting time."""

    by_mode: dict[Mode, Totals]
    meetings: int
    minutes: int
    external_minutes: int
    external_in_person_minutes: int

    @property
    def in_person_share(self) -> float | None:
        """In-person share of external meeting time; None without external time.

        Hybrid meetings do not count: the user may well be the one on the screen.
        """
        if not self.external_minutes:
            return None
        return self.external_in_person_minutes / self.external_minutes


@dataclass(frozen=True, slots=True)
class WeeklyPlan:
    start: datetime
    end: datetime
    items: tuple[PlannedEvent, ...]
    stats: WeekStats
    balance: Balance | None = None
    due: tuple[DueVisit, ...] = ()
    people: People | None = None  # who is who: names instead of addresses in every output
    keep_in_touch: KeepInTouch | None = None  # whom to meet this week or on the next trip
    #: where the week's counterparts live or work (address key → city, "" where unknown): the
    #: answer of planner.judge.homes every other view gives too
    cities: Mapping[str, str] | None = None
    #: the calendars not read for this plan: left out, or shown from an earlier copy
    unread: tuple[Unread, ...] = ()

    @property
    def incomplete(self) -> bool:
        """Whether a calendar's events are missing (not even an earlier copy was shown)."""
        return any(u.missing for u in self.unread)

    @property
    def days(self) -> list[date]:
        return [self.start.date() + timedelta(days=i) for i in range((self.end - self.start).days)]

    def on(self, day: date) -> list[PlannedEvent]:
        """The events that take time on ``day`` (local): those that begin that day, after
        the ones continuing from an earlier day (a hotel's second night, the third day of a
        fair, also one begun before the week)."""
        tz = self.start.tzinfo
        begin = datetime.combine(day, time(), tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
        starting, going_on = [], []
        for p in self.items:
            start = p.event.start.astimezone(tz)
            if start.date() == day:
                starting.append(p)
            elif start < begin and p.event.end > begin and p.event.start < end:
                going_on.append(p)
        return going_on + starting


WEEKEND_FROM = (4, time(18))  # Friday 18:00: from then to Sunday, "this week" is the coming one


def planning_monday(now: datetime) -> tuple[date, bool]:
    """The one rule for which week a command means when none is named (week, feed, the HTML
    page and the mail, the demo): this week's Monday, or the next one from Friday 18:00 on
    (local time of ``now``); and whether it is the next."""
    day, at = WEEKEND_FROM
    weekend = now.weekday() > day or (now.weekday() == day and now.time() >= at)
    monday = now.date() - timedelta(days=now.weekday())
    return (monday + timedelta(days=7), True) if weekend else (monday, False)


def week_bounds(first_day: date, config: Config, days: int = 7) -> tuple[datetime, datetime]:
    """Midnight of ``first_day`` to midnight ``days`` later, in the user's zone."""
    start = datetime.combine(first_day, time(), tzinfo=config.tz)
    end = datetime.combine(first_day + timedelta(days=days), time(), tzinfo=config.tz)
    return start, end


def _external(event: Event, own: frozenset[str], mine: frozenset[str]) -> bool:
    return any(p.email.lower() not in mine and p.domain not in own for p in event.people())


def costs_travel(event: Event, config: Config) -> bool:
    """Meeting in person means travelling unless it is at the user's own address."""
    home = config.user["home"].strip().casefold()
    where = event.location.casefold()
    at_home = bool(home) and any(ch.isdigit() for ch in home) and home in where
    return bool(event.location.strip()) and not at_home


def is_meeting(
    event: Event,
    classification: Classification,
    config: Config,
    mine: frozenset[str] | None = None,
) -> bool:
    """A timed event with other people, or one whose words say so (see
    :mod:`planner.judge.people`); not an all-day marker, not travel, not one the user declined,
    and not an out-of-office, working-location or focus-time entry (``mine``: the config's
    addresses, where the caller has them for many events)."""
    from planner.judge.people import with_people
    from planner.meet.slots import is_focus

    said = classification.said
    if said is not None and said.meeting is not None:
        return said.meeting  # the user's word (planner mark, [[rules]])
    if event.all_day or event.self_response is Response.DECLINED:
        return False
    mine = config.addresses if mine is None else mine
    others = [p for p in event.people() if p.email.lower() not in mine]
    if not others and (event.busy_status in NOT_MEETINGS or is_focus(event)):
        return False  # out of office, working location or focus time: busy, but no meeting
    return with_people(event, len(others), classification.mode)


def assess(
    events: Iterable[Event],
    config: Config,
    modes: Mapping[tuple[str, str], Classification] | None = None,
) -> list[PlannedEvent]:
    """Classify each event (unless ``modes`` has it) and tell whether it is an external
    meeting."""
    own, mine = config.own_domains, config.addresses
    return [assessed(event, config, modes, own, mine) for event in events]


def assessed(
    event: Event,
    config: Config,
    modes: Mapping[tuple[str, str], Classification] | None,
    own: frozenset[str],
    mine: frozenset[str],
) -> PlannedEvent:
    """:func:`assess` of one event; ``own`` and ``mine`` are the config's own domains and the
    user's addresses in lower case (worked out once for many events)."""
    classification, meeting, external = assessment(event, config, modes, own, mine)
    return PlannedEvent(event, classification, meeting, external)


def assessment(
    event: Event,
    config: Config,
    modes: Mapping[tuple[str, str], Classification] | None,
    own: frozenset[str],
    mine: frozenset[str],
) -> tuple[Classification, bool, bool]:
    """What :func:`assessed` finds, without the :class:`PlannedEvent` (the week's judge makes
    its own, once): the classification, whether it is a meeting, whether it is external."""
    classification = modes.get(event.key) if modes else None
    if classification is None:
        from planner.judge.mode import classify  # lazy: its patterns take a while to compile

        classification = classify(event)
    meeting = is_meeting(event, classification, config, mine)
    return classification, meeting, _external(event, own, mine)


def balance_items(items: Sequence[PlannedEvent]) -> list[tuple[Event, Mode, Purpose]]:
    """What the week's balance counts: the meetings with people, each once (no blockers,
    travel items or all-day markers, and no meeting twice)."""
    from planner.judge.people import in_balance

    return [
        (p.event, p.mode, p.purpose.purpose)
        for p in items
        if p.purpose and p.meeting and in_balance(p.event) and p.counted_as is None
    ]


def week_stats(
    items: Sequence[PlannedEvent],
    counted: Sequence[tuple[Event, Mode, Purpose]] | None = None,
) -> WeekStats:
    """The week's meetings by mode, and its external business time: the one reading of
    :func:`planner.judge.recommend.external_minutes` over the meetings the balance counts
    (:func:`balance_items`), so the share the totals show is the balance's
    (a networking breakfast nobody was invited to by name counts in both, a private dinner
    in neither)."""
    from planner.judge.recommend import external_minutes

    counts = {mode: [0, 0] for mode in Mode}  # meetings, minutes: made Totals at the end
    meetings = minutes = 0
    for item in items:
        if not item.meeting or item.counted_as is not None:
            continue
        length = int(item.event.duration.total_seconds() // 60)
        current = counts[item.classification.mode]
        current[0] += 1
        current[1] += length
        meetings += 1
        minutes += length
    by_mode = {mode: Totals(*found) for mode, found in counts.items()}
    counted = balance_items(items) if counted is None else counted  # (the plan has them)
    external_in_person, external = external_minutes(counted)
    return WeekStats(by_mode, meetings, minutes, external, external_in_person)


def one_flag_per_series(items: Sequence[PlannedEvent], now: datetime) -> list[PlannedEvent]:
    """A series flagged "meet in person" is flagged once in a week, at its first occurrence
    still ahead (else its first): a daily video stand-up is one table to propose, not seven
    flags with seven sets of proposals. Its other occurrences keep no recommendation."""
    flagged: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if item.recommendation and item.recommendation.action is Action.MEET_IN_PERSON:
            flagged.setdefault(item.event.series_id or item.event.uid, []).append(index)
    quiet: set[int] = set()
    for positions in flagged.values():
        ahead = [i for i in positions if items[i].event.end > now]
        keep = ahead[0] if ahead else positions[0]
        quiet.update(i for i in positions if i != keep)
    return [replace(it, recommendation=None) if i in quiet else it for i, it in enumerate(items)]


#: A meeting in person with the same counterpart this soon after a flagged one makes the flag
#: moot: the call comes first, the table follows (a lunch booked on the trip to their city).
MET_SOON = timedelta(days=14)


def settle_flags(
    items: Sequence[PlannedEvent],
    now: datetime,
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    config: Config,
) -> list[PlannedEvent]:
    """:func:`one_flag_per_series`, then :func:`met_soon`."""
    return met_soon(one_flag_per_series(items, now), events, modes, config)


def met_soon(
    items: Sequence[PlannedEvent],
    events: Sequence[Event],
    modes: Mapping[tuple[str, str], Classification],
    config: Config,
) -> list[PlannedEvent]:
    """A meeting flagged "meet in person" whose counterpart the user meets in person within
    :data:`MET_SOON` after it anyway keeps its mode, and says so: no proposals for a table
    that is booked already ("No fair meeting point between you and Munich" for a call, while
    the lunch with the same person in Munich was in the calendar for six days later)."""
    from planner.flows.keep_in_touch import meetings_ahead
    from planner.i18n import _, short_day
    from planner.people.addresses import address_key, user_keys

    flagged = [
        i for i in items if i.recommendation and i.recommendation.action is Action.MEET_IN_PERSON
    ]
    if not flagged:
        return list(items)
    mine = user_keys(config)
    ahead = meetings_ahead(events, min(i.event.start for i in flagged))
    settled: dict[int, PlannedEvent] = {}
    for item in flagged:
        start, theirs = item.event.start, {address_key(p.email) for p in item.event.people()}
        later = [
            e
            for key in theirs - mine
            for e in ahead.get(key, ())
            if start < e.start <= start + MET_SOON
            and e.key != item.event.key
            and (found := modes.get(e.key)) is not None
            and found.mode is Mode.IN_PERSON
        ]
        if not later:
            continue
        table = min(later, key=lambda e: (e.start, e.title))
        day = short_day(table.start.astimezone(config.tz).date())
        reason = _("You meet in person at '{title}' on {day}: this one can stay as it is",
                   title=table.title, day=day)  # fmt: skip
        settled[id(item)] = replace(item, recommendation=Recommendation(Action.KEEP, reason))
    return [settled.get(id(item), item) for item in items]
