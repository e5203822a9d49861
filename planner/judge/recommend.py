"""Which meetings should happen in person, which key accounts are due for a visit, and how the
in-person share of external meeting time develops.

Pure functions over events, modes, purposes and the contact ledger (:mod:`planner.judge.relations`).

Recommendation rules for an external meeting (first match wins):

1. ``meet_in_person`` when a first contact or a deal closing is virtual, hybrid or by phone;
2. ``meet_in_person`` when it is not in person and an organisation (a free-mail person) has had
   ``recommend.virtual_threshold`` or more virtual, hybrid or phone meetings before it, but was
   never met in person, and no meeting in person with them is planned before it (planned, not
   met: :meth:`Ledger.planned_before`; the reason to keep it names that meeting);
3. ``consider_video`` for an in-person routine meeting that costs travel, with a counterpart met
   in person within ``recommend.recent_days`` before it, unless it is over a meal or a drink
   (:data:`SOCIAL_WORDS`);
4. ``keep`` otherwise. Meetings of unknown mode, internal and personal ones, and cancelled or
   declined ones get no recommendation (None).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from planner.i18n import _, language, ngettext, short_day
from planner.judge.contacts import key_account_of, local_date, visit_due
from planner.judge.relations import Ledger, Summary, summarise
from planner.model import (
    Action,
    Attendee,
    Event,
    Mode,
    Purpose,
    PurposeResult,
    Recommendation,
    Response,
    Status,
)

if TYPE_CHECKING:
    from planner.config import Config

TravelCost = bool | Callable[[Event], bool]
# Meetings over a meal or a drink are the point of meeting in person: never "consider video".
SOCIAL_WORDS = (
    "lunch",
    "dinner",
    "breakfast",
    "brunch",
    "coffee",
    "drinks",
    "afterwork",
    "after-work",
    "mittagessen",
    "abendessen",
    "geschäftsessen",
    "frühstück",
    "kaffee",
    "essen",
    "stammtisch",
    "networking",
)
REMOTE = (Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE)


def format_day(day: date, pattern: str = "medium") -> str:
    """A date in the current language, e.g. "May 3, 2026" / "03.05.2026"."""
    from planner.judge.dates import format_day as in_words

    return in_words(day, pattern, language())


def _since(first: date, reference: date) -> str:
    """A month ("May"), with the year when it is not the year of ``reference``."""
    return format_day(first, "MMMM" if first.year == reference.year else "MMMM y")


def _day(moment: datetime, config: Config) -> date:
    return moment.astimezone(config.tz).date()


def _mode_label(mode: Mode) -> str:
    if mode is Mode.PHONE:
        return _("phone call")
    if mode is Mode.HYBRID:
        return _("hybrid meeting")
    return _("video call")


def _purpose(purpose: Purpose | PurposeResult) -> Purpose:
    if isinstance(purpose, Purpose):  # (calling the enum costs more than the rest of a count)
        return purpose
    return purpose.purpose if isinstance(purpose, PurposeResult) else Purpose(purpose)


def _attends(event: Event) -> bool:
    return event.status is not Status.CANCELLED and event.self_response is not Response.DECLINED


def recommend(
    event: Event,
    mode: Mode,
    purpose: Purpose | PurposeResult,
    ledger: Ledger,
    config: Config,
    *,
    costs_travel: TravelCost = False,
) -> Recommendation | None:
    """What to do about ``event``; None when there is nothing to judge (see the module doc).

    ``costs_travel`` tells whether meeting in person means travelling (a place that is not the
    user's office or home): a boolean, or a callable asked with the event when needed.
    """
    kind = _purpose(purpose)
    externals = ledger.directory.counterparts(event)
    if kind in (Purpose.INTERNAL, Purpose.PERSONAL) or not externals or not _attends(event):
        return None
    if mode is Mode.UNKNOWN:
        return None
    units = sorted({ledger.directory.unit(p.email) for p in externals})
    history = {unit: ledger.summary(unit, before=event.start) for unit in units}
    who = ledger.directory.who(units, externals)
    if mode in REMOTE and kind in (Purpose.FIRST_CONTACT, Purpose.DEAL_CLOSING):
        return _critical_remote(kind, mode, who)
    told = _Who(who, ledger, units, externals, event.start)
    if mode in REMOTE and (rec := _never_met(event, history, config, told)):
        return rec
    if mode is Mode.IN_PERSON and kind is Purpose.ROUTINE and not _social(event):
        recent = _recently_met(event, history, config)
        if recent is not None and _costs(costs_travel, event):
            unit, when = recent
            reason = _(
                "Routine meeting with {who}, met in person on {day}: a video call would save "
                "the trip",
                who=told.seen_of([unit]),
                day=format_day(_day(when, config)),
            )
            return Recommendation(Action.CONSIDER_VIDEO, reason)
    return Recommendation(Action.KEEP, _keep_reason(kind, mode, told, history, config))


class _Who:
    """A meeting's counterparts as a sentence names them: all of them (this meeting), those
    met before (earlier calls), those met in person before: a sentence about earlier
    meetings names those who were in them (looked up only for the sentence said)."""

    def __init__(
        self,
        all_of: str,
        ledger: Ledger,
        units: list[str],
        externals: Sequence[Attendee],
        before: datetime,
    ) -> None:
        self.all = all_of
        self._ledger, self._units, self._externals, self._before = ledger, units, externals, before

    def visit(self, units: Sequence[str]) -> Event | None:
        """The first meeting in person planned before this one with ``units`` (their people
        here, or their organisation): not met yet, but meeting in person is planned."""
        directory = self._ledger.directory
        emails = [p.email for p in self._externals if directory.unit(p.email) in units]
        return self._ledger.planned_before(emails, self._before, in_person=True)

    def in_visit(self, visit: Event) -> str:
        """Those of this meeting's counterparts in ``visit`` (else the colleagues of theirs
        there), as a sentence names them."""
        from planner.people.addresses import address_key

        directory = self._ledger.directory
        here = {address_key(p.email) for p in self._externals}
        people = directory.counterparts(visit)
        there = [p for p in people if address_key(p.email) in here] or [
            p for p in people if directory.unit(p.email) in self._units
        ]
        return directory.who({directory.unit(p.email) for p in there}, there)

    def met_of(self, units: Sequence[str]) -> str:
        met = self._ledger.met_among(self._externals, self._before)
        return self._ledger.directory.who(units, met)

    def seen_of(self, units: Sequence[str]) -> str:
        seen = self._ledger.met_among(self._externals, self._before, in_person=True)
        return self._ledger.directory.who(units, seen)

    @property
    def met(self) -> str:
        return self.met_of(self._units)

    @property
    def seen(self) -> str:
        return self.seen_of(self._units)


def _social(event: Event) -> bool:
    from planner.judge.purpose import find_word

    return find_word(f"{event.title} {event.location}", SOCIAL_WORDS) is not None


def _costs(costs_travel: TravelCost, event: Event) -> bool:
    return costs_travel(event) if callable(costs_travel) else bool(costs_travel)


def _critical_remote(kind: Purpose, mode: Mode, who: str) -> Recommendation:
    label = _mode_label(mode)
    if kind is Purpose.FIRST_CONTACT:
        reason = _(
            "First meeting with {who} is planned as a {mode}: a first meeting in person builds "
            "trust",
            who=who,
            mode=label,
        )
    else:
        reason = _(
            "Deal closing with {who} is planned as a {mode}: close it at the table",
            who=who,
            mode=label,
        )
    return Recommendation(Action.MEET_IN_PERSON, reason)


def _never_met(
    event: Event,
    history: dict[str, Summary],
    config: Config,
    told: _Who,
) -> Recommendation | None:
    threshold = config["recommend"]["virtual_threshold"]
    for unit, summary in history.items():
        if summary.in_person or summary.remote < threshold or summary.first_remote is None:
            continue
        if told.visit([unit]) is not None:
            continue  # meeting in person is planned before it (:func:`_keep_reason` says so)
        phone = summary.count(Mode.PHONE)
        first = _day(summary.first_remote, config)
        values = {
            "who": told.met_of([unit]),
            "since": _since(first, event.start.astimezone(config.tz).date()),
        }
        if phone:
            reason = ngettext(
                "{count} call with {who} since {since}, never met in person",
                "{count} calls with {who} since {since}, never met in person",
                summary.remote,
                **values,
            )
        else:
            reason = ngettext(
                "{count} video call with {who} since {since}, never met in person",
                "{count} video calls with {who} since {since}, never met in person",
                summary.remote,
                **values,
            )
        return Recommendation(Action.MEET_IN_PERSON, reason)
    return None


def _recently_met(
    event: Event, history: dict[str, Summary], config: Config
) -> tuple[str, datetime] | None:
    """The counterpart met in person most recently, if within ``recommend.recent_days``."""
    limit = event.start - timedelta(days=config["recommend"]["recent_days"])
    met = [(s.last_in_person, unit) for unit, s in history.items() if s.last_in_person]
    if not met:
        return None
    when, unit = max(met)
    return (unit, when) if when >= limit else None


def _keep_reason(
    kind: Purpose, mode: Mode, who: _Who, history: dict[str, Summary], config: Config
) -> str:
    if mode is Mode.IN_PERSON:
        if kind is Purpose.FIRST_CONTACT:
            return _("First meeting with {who} is in person", who=who.all)
        if kind is Purpose.DEAL_CLOSING:
            return _("Deal closing with {who} is in person", who=who.all)
        return _("Meeting {who} in person", who=who.all)
    met = [s.last_in_person for s in history.values() if s.last_in_person]
    if met:
        day = _day(max(met), config)
        return _(
            "Already met {who} in person on {day}: a {mode} is fine",
            who=who.seen,
            day=format_day(day),
            mode=_mode_label(mode),
        )
    if (visit := who.visit(list(history))) is not None:
        return _(
            "You meet {who} in person on {day} at '{title}', before it: a {mode} is fine",
            who=who.in_visit(visit),
            day=short_day(_day(visit.start, config)),
            title=visit.title.strip() or _("a meeting"),
            mode=_mode_label(mode),
        )
    remote = max(s.remote for s in history.values())
    if not remote:
        return _("A {mode} with {who} is fine for now", mode=_mode_label(mode), who=who.all)
    return ngettext(
        "{count} earlier call with {who}: a {mode} is fine for now",
        "{count} earlier calls with {who}: a {mode} is fine for now",
        remote,
        who=who.met,
        mode=_mode_label(mode),
    )


# -- key accounts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DueVisit:
    """A key account not met in person for longer than ``relations.visit_due_days``."""

    account: str  # as configured: an e-mail or a domain
    last_in_person: date | None
    days_since: int | None  # None: never met in person
    meetings: int  # all meetings the ledger remembers with the account
    reason: str
    name: str = ""  # the account as a person reads it: a name, an organisation's name
    planned: Event | None = None  # the visit planned (:meth:`Ledger.planned_visit`), not made


def due_for_visit(ledger: Ledger, config: Config, today: date) -> list[DueVisit]:
    """Key accounts due for a visit, the longest overdue (never met) first; a visit planned
    (a meeting in person ahead) is named beside it: it is due until it took place."""
    due_days = config["relations"]["visit_due_days"]
    result = []
    for account in config["relations"]["key_accounts"]:
        people = [Attendee(p) for p in ledger.persons() if key_account_of(p, [account])]
        who = ledger.directory.who([account.strip().lower()], people)  # "Claudia (BayVers)"
        summary = summarise(account, ledger.account_meetings(account))
        last = local_date(summary.last_in_person, config)
        if not visit_due(last, today, due_days):
            continue
        days = (today - last).days if last else None
        if days is None:
            reason = _("Key account {who}: never met in person", who=who)
        else:
            reason = ngettext(
                "Key account {who}: last met in person {count} day ago",
                "Key account {who}: last met in person {count} days ago",
                days,
                who=who,
            )
        visit = ledger.planned_visit(account)
        if visit is not None:
            planned = _(
                "visit planned on {day} ('{title}')",
                day=short_day(_day(visit.start, config)),
                title=visit.title.strip() or _("a meeting"),
            )
            reason = f"{reason}; {planned}"
        result.append(DueVisit(account, last, days, summary.meetings, reason, who, visit))
    result.sort(key=lambda d: (d.days_since is not None, -(d.days_since or 0), d.account))
    return result


def is_key_account(email: str, config: Config) -> bool:
    """Whether ``email`` belongs to a configured key account."""
    return key_account_of(email, config["relations"]["key_accounts"]) is not None


# -- balance -----------------------------------------------------------------------------------

Item = tuple[Event, Mode, Purpose | PurposeResult]


@dataclass(frozen=True, slots=True)
class Balance:
    """The in-person share of external meeting time in a week, against the target.

    ``trend`` holds the ``weeks`` weeks before ``week_start`` as (Monday, share) pairs, oldest
    first; a share is None for a week without external meeting time.
    """

    week_start: date
    in_person_share: float | None
    target: float
    in_person_minutes: int
    external_minutes: int
    trend: tuple[tuple[date, float | None], ...]

    @property
    def below_target(self) -> bool:
        return self.in_person_share is not None and self.in_person_share < self.target


def external_minutes(items: Iterable[Item]) -> tuple[int, int]:
    """(in-person minutes, all minutes) of the external meetings among ``items``.

    External: any purpose but internal and personal. Cancelled, declined and all-day events do
    not count. Hybrid and unknown modes count as external time, not as in person (the user may
    be the one on the screen), as in :mod:`planner.flows.plan`.
    """
    in_person = total = 0
    for event, mode, purpose in items:
        if _purpose(purpose) in (Purpose.INTERNAL, Purpose.PERSONAL):
            continue
        if event.all_day or not _attends(event) or mode is Mode.TRAVEL:
            continue
        minutes = int(event.duration.total_seconds() // 60)
        total += minutes
        if mode is Mode.IN_PERSON:
            in_person += minutes
    return in_person, total


def balance(
    week_items: Iterable[Item],
    config: Config,
    week_start: date,
    history_items: Iterable[Item] = (),
    *,
    weeks: int = 4,
) -> Balance:
    """The balance of the week starting ``week_start`` (a date in the user's zone).

    ``week_items`` and ``history_items`` may overlap (an occurrence counts once by its key);
    each is sorted into the week its start falls in.
    """
    by_week = _by_week(list(week_items) + list(history_items), config, week_start)
    in_person, total = external_minutes(by_week.get(week_start, []))
    trend = []
    for back in range(weeks, 0, -1):
        monday = week_start - timedelta(weeks=back)
        trend.append((monday, _share(*external_minutes(by_week.get(monday, [])))))
    return Balance(
        week_start=week_start,
        in_person_share=_share(in_person, total),
        target=config["recommend"]["target_share"],
        in_person_minutes=in_person,
        external_minutes=total,
        trend=tuple(trend),
    )


def _share(in_person: int, total: int) -> float | None:
    return in_person / total if total else None


def _by_week(items: Iterable[Item], config: Config, anchor: date) -> dict[date, list[Item]]:
    """Items by the first day of their week; weeks start on ``anchor``'s weekday."""
    seen: set[tuple[str, str]] = set()
    result: dict[date, list[Item]] = {}
    tz = config.tz
    for item in items:
        key = item[0].key
        if key in seen:
            continue
        seen.add(key)
        day = item[0].start.astimezone(tz).date()
        first = anchor + timedelta(weeks=(day - anchor).days // 7)
        result.setdefault(first, []).append(item)
    return result
