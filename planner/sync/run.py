"""One ``planner sync`` run: read the calendars, plan every target, apply the plan or undo.

Sources are read through the providers' own incremental sync (Google sync tokens, Graph delta
links, CalDAV sync-collection), so a run every few minutes costs a few small requests; each
target's own events are listed by their mark; a run that finds nothing changed writes nothing.
A source or target that fails is reported, and the others are still synced. Two runs never
write at the same time (a lock file in the data directory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from planner.config import Config, SyncConfig
from planner.errors import NotOursError, PlannerError, UsageError
from planner.i18n import _
from planner.model import Event, Mode
from planner.sync.lock import lock
from planner.sync.marks import event_of, occurrence, tag
from planner.sync.memory import Memory
from planner.sync.mirrors import Wanted, mirrors
from planner.sync.plan import (
    CREATE,
    DELETE,
    DELETED,
    UNRECORDED,
    UPDATE,
    TargetPlan,
    changed_by_user,
    outdated_copies,
    plan_target,
    undo_target,
)
from planner.sync.result import SyncResult
from planner.sync.travel import Leg, legs, travel_blocks
from providers.base import mark_of, planners_own, written_by_sync

if TYPE_CHECKING:
    from planner.store import Store
    from providers.base import CalendarProvider, MarkedEvent, SyncMark

ORDER = {DELETE: 0, UPDATE: 1, CREATE: 2}


def sync_window(config: Config, now: datetime, days: int) -> tuple[datetime, datetime]:
    """From the start of today (user's zone) for ``days`` days."""
    today = now.astimezone(config.tz).date()
    start = datetime.combine(today, time(), config.tz)
    end = datetime.combine(today + timedelta(days=days), time(), config.tz)
    return start, end


def run_sync(
    config: Config,
    store: Store,
    *,
    now: datetime,
    apply: bool = False,
    undo: bool = False,
    target: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> SyncResult:
    """Plan every ``[[sync]]`` target and, with ``apply``, write the plan (``undo``: remove
    every event the planner wrote into them, and into every configured calendar it remembers
    writing into). ``target``: that calendar only."""
    if not config.syncs:
        from planner.config.loader import target_rules

        raise UsageError(
            _("there is no [[sync]] table in the config"),
            hint=_(
                'add one (see config.example.toml), e.g. from = ["work"], to = "private"; {rules}',
                rules=target_rules(),
            ),
        )
    tables = config.syncs if target is None else _tables_for(config, target, undo=undo)
    with lock(apply):
        run = _Run(config, store, now, progress, tables, only=target)
        try:
            return run.execute(apply=apply, undo=undo)
        finally:
            run.close()


#: The target of a preview without [[sync]] tables: whichever writable calendar the user adds.
PREVIEW_TARGET = ""


def preview_sync(
    config: Config,
    store: Store,
    *,
    now: datetime,
    progress: Callable[[str], None] | None = None,
) -> SyncResult:
    """What the ``[[sync]]`` tables would write, all of it as "to create": the sources are
    read, the targets' own events are neither listed nor touched. Without ``[[sync]]`` tables
    (e.g. with .ics calendars only, which cannot be targets): what mirroring the busy time of
    every calendar and blocking travel would write into a calendar yet to be chosen."""
    from planner.config import SyncConfig

    tables = config.syncs or (
        SyncConfig(_("preview"), tuple(c.name for c in config.calendars), PREVIEW_TARGET),
    )
    run = _Run(config, store, now, progress, tables)
    try:
        return run.preview()
    finally:
        run.close()


def _tables_for(config: Config, target: str, *, undo: bool) -> tuple[SyncConfig, ...]:
    """The ``[[sync]]`` tables writing into ``target`` (``--target``); none for an undo of a
    calendar that is no target any more."""
    tables = tuple(s for s in config.syncs if s.target == target)
    if target not in {c.name for c in config.calendars} or not (tables or undo):
        names = ", ".join(dict.fromkeys(s.target for s in config.syncs))
        raise UsageError(
            _("'{name}' is not a sync target", name=target),
            hint=_("the targets of the [[sync]] tables are: {names}", names=names),
        )
    return tables


class _Run:
    def __init__(
        self,
        config: Config,
        store: Store,
        now: datetime,
        progress: Callable[[str], None] | None,
        tables: tuple[SyncConfig, ...] | None = None,
        *,
        only: str | None = None,
    ) -> None:
        from planner.calendar.sources import context_for
        from providers.base import create

        self.config, self.store, self.progress = config, store, progress
        self.tables = tables if tables is not None else config.syncs
        self.window = sync_window(config, now, max((s.days for s in self.tables), default=0))
        self.targets = list(dict.fromkeys(s.target for s in self.tables))
        self.memory = Memory(config, store)
        # calendars the planner wrote into that are no target now: reached by --undo, and
        # a normal run says what they still hold
        self.others = [
            n for n in self.memory.recorded() if n not in self.targets and only in (None, n)
        ]
        if only is not None and only not in self.targets + self.others:
            self.others.append(only)  # --undo --target of a calendar this machine never wrote
        self.read = dict.fromkeys([n for s in self.tables for n in (*s.sources, s.target)])
        names = [*self.read, *self.others]
        context = context_for(config, store)
        sources = {c.name: c for c in config.calendars}
        self.providers: dict[str, CalendarProvider] = {
            name: create(sources[name], context) for name in names if name in sources
        }
        self.marked: dict[str, list[MarkedEvent]] = {}
        self.events: dict[str, list[Event]] = {}
        self.own: dict[str, dict[str, SyncMark]] = {}  # per calendar: UID → mark, as listed
        self.source_errors: dict[str, str] = {}
        self.target_errors: dict[str, str] = {}
        self.aside: set[tuple[str, str]] = set()  # events counted as another (standins)

    def close(self) -> None:
        for provider in self.providers.values():
            provider.close()

    def _say(self, text: str) -> None:
        if self.progress is not None:
            self.progress(text)

    def execute(self, *, apply: bool, undo: bool) -> SyncResult:
        for target in [*self.targets, *self.others]:
            self._say(_("Listing the planner's events in {name}", name=target))
            try:
                found = self.providers[target].list_marked()
            except PlannerError as exc:
                self.target_errors[target] = str(exc)
                continue
            self.marked[target] = self.memory.marked(found)
        if undo:
            plans = [self._undo(t) for t in [*self.targets, *self.others]]
        else:
            plans = self._plans()
        if apply:
            for plan in plans:
                self._apply(plan)
                if not plan.errors and plan.target not in self.target_errors:
                    self._remember(plan, undo=undo)
        names = {tag(c.name): c.name for c in self.config.calendars}
        result = SyncResult(self.window, plans, self.source_errors, apply, undo, names=names)
        if not undo:
            result.no_longer_targets = self._no_longer_targets()
        return result

    def _no_longer_targets(self) -> dict[str, int]:
        """The calendars no longer a target that still hold the planner's events (those the
        user changed are theirs): how many; one that holds none is forgotten."""
        found = {}
        for name in self.others:
            if name in self.target_errors:
                continue
            count = sum(1 for m in self.marked[name] if not changed_by_user(m))
            if count:
                found[name] = count
            else:
                self.memory.forget(name)
        return found

    def preview(self) -> SyncResult:
        """Every wanted mirror and travel block as a change "to create"; the targets are read
        like any calendar (a meeting already there needs no mirror), never listed or written."""
        from planner.sync.plan import Change

        self._read()
        travel = self._travel()
        plans = []
        for target in self.targets:
            tables = [s for s in self.tables if s.target == target]
            wanted = self._wanted(target, tables, travel)
            changes = [Change(CREATE, target, w.key, w.kind, wanted=w) for w in wanted]
            changes.sort(key=lambda c: (c.event.start, c.event.end, c.kind))
            plans.append(TargetPlan(target, changes))
        # the calendars read: the preview's stand-in target ("") is none of them
        read = tuple(n for n in self.read if n and n not in self.source_errors)
        return SyncResult(self.window, plans, self.source_errors, preview=True, sources=read)

    def _travel(self) -> list[Leg]:
        if not any(s.travel for s in self.tables):
            return []
        try:
            return self._legs()
        except PlannerError as exc:  # e.g. the geocoder: travel blocks stay as they are
            self.source_errors[_("travel time")] = str(exc)
            return []

    def _undo(self, target: str) -> TargetPlan:
        if target in self.target_errors:
            return TargetPlan(target, errors=[self.target_errors[target]])
        return undo_target(target, self.marked[target])

    def _plans(self) -> list[TargetPlan]:
        self._read()
        self._outdated(None)
        travel = self._travel()
        self._outdated(travel)
        plans = []
        for target in self.targets:
            if target in self.target_errors:
                plans.append(TargetPlan(target, errors=[self.target_errors[target]]))
                continue
            if target in self.source_errors:  # its own events unknown: no safe plan
                plans.append(TargetPlan(target))
                continue
            tables = [s for s in self.tables if s.target == target]
            window = sync_window(self.config, self.window[0], max(s.days for s in tables))
            wanted = self._wanted(target, tables, travel)
            plans.append(
                plan_target(
                    target,
                    wanted,
                    self.marked[target],
                    window=window,
                    failed_sources=self.source_errors,
                    written=self.memory.written(target),
                )
            )
        return plans

    def _read(self) -> None:
        start, end = self.window
        for name in self.read:
            if (provider := self.providers.get(name)) is None:
                continue  # a preview's target yet to be chosen
            self._say(_("Reading calendar {name}", name=name))
            # a target's marked events as it lists them, each with the mark it carries: one
            # the user changed is theirs, read (and mirrored) like any event of the calendar
            own = self.own[name] = {m.event.uid: m.mark for m in self.marked.get(name, ())}
            try:
                found = provider.events(start, end)
            except PlannerError as exc:
                self.source_errors[name] = str(exc)
                continue
            self.events[name] = [e for e in found if not planners_own(e, own)]
        self._moved_by_updates()
        self._one_meeting_once()

    def _moved_by_updates(self) -> None:
        """A meeting an update sent moved, its calendar copy still at the time replaced, is
        mirrored and travelled to at the new time (:func:`planner.sync.standins.stood_in`)."""
        from planner.sync.standins import sent_moves, stood_in

        moves = sent_moves(self.store)
        every = [e for found in self.events.values() for e in found]
        for name, found in self.events.items():
            self.events[name] = stood_in(found, moves, every)

    def _one_meeting_once(self) -> None:
        """A meeting and planner's hold for it, or a mirror the user changed and its meeting,
        are one meeting (:mod:`planner.sync.standins`): only the one that counts is mirrored
        and travelled to, or the pair had two mirrors and two sets of travel blocks."""
        from planner.sync.standins import counted_as, made_for

        every = [e for found in self.events.values() for e in found]
        self.aside = set(counted_as(every, made_for(self.store)))

    def _outdated(self, travel: list[Leg] | None) -> None:
        """Set aside the copies the user changed whose meeting moved or is gone (mirrors, or
        with ``travel`` the travel blocks: :func:`planner.sync.plan.outdated_copies`): theirs,
        but no meeting of their own, neither mirrored onward nor travelled to (a mirror's
        place is a stop of its day, so mirrors go first)."""
        for target in self.targets:
            tables = [s for s in self.tables if s.target == target]
            blocks = travel is not None and any(t.travel for t in tables)
            if target not in self.marked or (travel is not None and not blocks):
                continue
            if blocks and self.source_errors:  # the day's places are not all known
                continue
            window = sync_window(self.config, self.window[0], max(s.days for s in tables))
            wanted = {w.key: w for w in self._wanted(target, tables, travel or [])}
            kind = "travel" if travel is not None else "mirror"
            found = outdated_copies(self.marked[target], wanted, window, self.source_errors, kind)
            self.aside.update(item.event.key for item in found)

    def _wanted(self, target: str, tables: list[SyncConfig], travel: list[Leg]) -> list[Wanted]:
        wanted: dict[str, Wanted] = {}
        there = self._already_in(target)
        echo = self._echo()
        seen: set[str] = set()  # one meeting in two sources (or one collection named twice)
        for table in tables:
            end = sync_window(self.config, self.window[0], table.days)[1]
            for source in table.sources:
                found = [
                    e
                    for e in self.events.get(source, ())
                    if e.start < end
                    and e.key not in self.aside
                    and not there(e)
                    and occurrence(e) not in seen
                    and not echo(source, e)
                ]
                seen.update(occurrence(e) for e in found)
                for item in mirrors(found, source, target, table.show):
                    wanted.setdefault(item.key, item)
        if any(t.travel for t in tables) and not self.source_errors:
            for item in travel_blocks(travel, target):
                wanted.setdefault(item.key, item)
        return list(wanted.values())

    def _echo(self) -> Callable[[str, Event], bool]:
        """Whether an event of a source is a changed mirror of a changed mirror or travel
        block: the planner mirrored one the user had changed (it is theirs, and mirrored like
        any event), and this mirror of it reads as changed in turn. It is not mirrored again:
        two calendars that mirror each other would pass it back and forth, one more each run,
        should a calendar hand back an event a little other than written (a trimmed title)."""
        changed = {
            tag(occurrence(e))
            for name, found in self.events.items()
            for e in found
            if written_by_sync(e, self.own.get(name, {}))
        }

        def echo(source: str, event: Event) -> bool:
            if not changed or not written_by_sync(event, self.own.get(source, {})):
                return False
            mark = mark_of(event, self.own.get(source, {}))
            return mark is not None and event_of(mark.key) in changed

        return echo

    def _already_in(self, target: str) -> Callable[[Event], bool]:
        """Whether a meeting is in ``target`` itself (an invitation accepted in both
        calendars): it needs no mirror there. Same UID, and the same start for an occurrence."""
        own = self.events.get(target, ())
        keys = {e.key for e in own}
        singles = {e.uid for e in own if not e.series_id}
        return lambda e: e.key in keys or (not e.series_id and e.uid in singles)

    def _legs(self) -> list[Leg]:
        """Travel legs over every calendar read (each meeting once)."""
        from planner.judge.cache import classify_all
        from planner.judge.zones import place_text
        from planner.meet.geo import Geocoder, Place
        from planner.meet.travel_time import travel_model
        from planner.meet.venues import catalog_from_config

        seen: dict[tuple[str, str], Event] = {}
        for found in self.events.values():
            for event in found:
                if event.key not in self.aside:
                    seen.setdefault(event.key, event)
        events = list(seen.values())
        modes = classify_all(events, self.store, self.config)
        geocoder = Geocoder(
            self.config, catalog_from_config(self.config), store_factory=lambda: self.store
        )
        home_text = self.config.user["home"]
        home = geocoder.locate(home_text) if home_text else None

        def locate(event: Event) -> Place | None:
            where = place_text(event.location)  # never an app, a room or a link
            if not where and event.geo is None:
                return None
            return geocoder.locate(where, event.geo)

        def mode_of(event: Event) -> Mode:
            found = modes.get(event.key)
            return found.mode if found else Mode.UNKNOWN

        model = travel_model(self.config)
        return legs(
            events,
            mode_of=mode_of,
            locate=locate,
            home=home,
            minutes=model.between,
            journey=model.journey,
            tz=self.config.tz,
            away=self._away(events, geocoder),
        )

    def _away(self, events: list[Event], geocoder: Any) -> dict[Any, Any]:
        """The days away from home (hotel stays, train and flight destinations) and where:
        ``day → Place`` (None where the town cannot be located)."""
        from planner.judge.travel import whereabouts
        from planner.meet.geo import same_town

        found = whereabouts(events, self.config.tz, home=self.config.user["home"], same=same_town)
        return {day: geocoder.locate(city, geo) for day, (city, geo, _why) in found.items()}

    def _remember(self, plan: TargetPlan, *, undo: bool) -> None:
        """Keep the keys the planner's events in ``plan.target`` stand for after ``plan``
        was written, so that one the user deletes is not written again (``--undo`` forgets
        them: the next run writes everything anew)."""
        if undo:
            self.memory.forget(plan.target)
            return
        there = Counter(m.mark.key for m in self.marked[plan.target])
        for change in plan.changes:
            there[change.key] += {CREATE: 1, DELETE: -1}.get(change.action, 0)
        keys = {key for key, count in there.items() if count > 0}
        keys |= {c.key for c in plan.changes if c.reason in (DELETED, UNRECORDED)}
        keys |= set(plan.kept)
        if self.source_errors:  # what a source that could not be read stands for is unknown
            keys |= self.memory.written(plan.target) or set()
        self.memory.remember(plan.target, keys)

    def _apply(self, plan: TargetPlan) -> None:
        """Write ``plan``; the first failure stops this target (and is reported), not others; a
        change refused because the user changed its event meanwhile is reported and skipped."""
        provider = self.providers[plan.target]
        changes = sorted(
            (c for c in plan.changes if c.action in ORDER), key=lambda c: ORDER[c.action]
        )
        if changes:
            self._say(_("Writing to {name}", name=plan.target))
        for change in changes:
            try:
                if change.action == CREATE:
                    assert change.wanted is not None
                    provider.create_marked(change.wanted.event, _mark(change.wanted))
                elif change.action == UPDATE:
                    assert change.wanted is not None and change.marked is not None
                    provider.update_marked(change.marked, change.wanted.event, _mark(change.wanted))
                else:
                    assert change.marked is not None
                    provider.delete_marked(change.marked)
            except NotOursError as exc:  # the user's version is kept; the others go on
                plan.errors.append(str(exc))
                continue
            except PlannerError as exc:
                plan.errors.append(str(exc))
                return
            plan.written += 1


def _mark(wanted: Wanted) -> Any:
    from providers.base import SyncMark

    return SyncMark(wanted.key, wanted.digest)
