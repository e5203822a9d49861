"""The next step for one counterpart of one open invitation (:mod:`planner.flows.followup`):

- written to a file, not sent: the command that sends it as written (``planner invite
  --again UID --send``), or the user's mail program and the command that records it as sent
  (``planner invite --sent-elsewhere UID``);
- no answer after ``[invite] nudge_days``: the command that sends the same invitation again
  (same SEQUENCE: a repeat, not a change), and a reminder to write by hand;
- a COUNTER: the command that accepts it (an update with the proposed time), checked against
  the user's free time and the venue's opening hours, and the one that keeps the own time;
- a decline: the next saved proposal for that counterpart, or how to get new ones;
- cancelled: nothing to do, unless the cancellation was only written to a file (then the
  command that sends it); told until the time the meeting had has passed.

A suggested command never moves a meeting to the time it has already: sending it again is
``--again``, only a change of time is ``--update … --start``.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from planner.config import Config
from planner.flows.counter_words import proposed_when
from planner.i18n import _, day_time, hh_mm, ngettext, short_day, twice
from planner.invite.sentlog import SentRecord
from planner.invite.zones import zone_key
from planner.model import Busy, Event
from planner.people.names import format_mailbox
from planner.store import Store


@dataclass(frozen=True, slots=True)
class InviteState:
    """One counterpart of one open invitation: the answer and the next step."""

    uid: str
    title: str
    start: datetime
    end: datetime
    place: str
    sequence: int
    counterpart: str
    name: str
    # accepted, tentative, declined, countered, delegated, no_answer, undelivered, not_sent,
    # cancelled
    status: str
    sent_at: datetime
    waiting_days: int = 0
    proposed: tuple[datetime, datetime] | None = None
    next_step: str = ""
    command: str = ""
    alternative: str = ""  # a second command (decline a counter) or a reminder text
    conflicts: tuple[str, ...] = ()
    source: str = ""
    all_day: bool = False  # start and end are midnights: whole days (a trade fair)
    for_event: str = ""  # the UID of the calendar meeting it was made for ("" when none)
    comment: str = ""  # what they wrote with their answer (a counter's "Friday I am away")
    #: the zone the meeting was written in (a breakfast in New York), when it is not the
    #: user's: a counter is told and accepted in it, so accepting keeps the meeting there
    zone: str = ""
    #: their answer to an earlier revision (accepted, tentative, declined, countered,
    #: delegated; taken: countered, and the change moved the meeting to their time) while
    #: the current one, a change, has none yet ("" when none)
    earlier: str = ""
    #: the counter proposes whole days: ``proposed`` runs midnight to midnight in the
    #: meeting's zone (its days are the dates it names, not times in the user's zone)
    whole_days: bool = False
    #: the other address of theirs (their address book entry) the answer came from
    answered_from: str = ""
    #: their mail says they proposed another time, in its text only (Google Calendar)
    text_proposal: bool = False
    #: everyone one state tells of, as (name, address), where it stands for several (the
    #: counterparts of a cancelled invitation, told once: :func:`planner.flows.followup.told_once`)
    together: tuple[tuple[str, str], ...] = ()

    @property
    def people(self) -> tuple[tuple[str, str], ...]:
        """(name, address) of each counterpart this state is for: itself, or everyone it
        tells of (:attr:`together`)."""
        return self.together or ((self.name, self.counterpart),)

    @property
    def proposed_days(self) -> tuple[date, date] | None:
        """First and last day of a counter of :attr:`whole_days` (None for a time)."""
        if not self.whole_days or self.proposed is None:
            return None
        from planner.invite.answers import proposed_days

        return proposed_days(self.proposed)

    @property
    def days(self) -> int:
        """How many days an all-day invitation spans (1 for a timed one)."""
        return max(1, (self.end.date() - self.start.date()).days) if self.all_day else 1

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "place": self.place,
            "sequence": self.sequence,
            "counterpart": self.counterpart,
            "name": self.name,
            "status": self.status,
            "sent_at": self.sent_at.isoformat(),
            "waiting_days": self.waiting_days,
            "proposed": [t.isoformat() for t in self.proposed] if self.proposed else None,
            "next_step": self.next_step,
            "command": self.command,
            "alternative": self.alternative,
            "conflicts": list(self.conflicts),
            "source": self.source,
            "all_day": self.all_day,
            "for_event": self.for_event,
            "comment": self.comment,
            "zone": self.zone,
            "earlier": self.earlier or None,
            "proposed_days": _iso(self.proposed_days),
            "answered_from": self.answered_from or None,
            "text_proposal": self.text_proposal,
            "people": [{"name": n or None, "email": e} for n, e in self.people],
        }


def _iso(days: tuple[date, date] | None) -> list[str] | None:
    return [d.isoformat() for d in days] if days else None


def busy_conflicts(
    events: Sequence[Event], start: datetime, end: datetime, own_uid: str, config: Config
) -> list[Event]:
    """The user's events that make ``[start, end)`` busy, the meeting itself aside: what blocks
    a proposal blocks a counter too (``[slots] tentative_blocks``, ``focus_blocks``; out of
    office always, an all-day marker or a hotel stay never)."""
    from planner.judge.travel import is_lodging
    from planner.meet.slots import blocks

    lo, hi = start.astimezone(UTC), end.astimezone(UTC)
    slots = config["slots"]
    return [
        e
        for e in events
        if e.uid != own_uid
        and e.start.astimezone(UTC) < hi
        and e.end.astimezone(UTC) > lo
        and (not e.all_day or e.busy_status is Busy.OUT_OF_OFFICE)
        and blocks(e, slots["tentative_blocks"], slots["focus_blocks"])
        and not is_lodging(e)
    ]


def next_step(
    state: InviteState,
    record: SentRecord,
    config: Config,
    store: Store,
    *,
    now: datetime,
    events: Sequence[Event] | None,
) -> InviteState:
    if state.status == "cancelled":
        return _cancelled(state, record, store)
    if state.status == "not_sent" and record.held_in:
        return replace(
            state,
            next_step=_("held in your calendar '{calendar}' for {when}, not sent: {who} was not "
                        "told; send it with this command", calendar=record.held_in,
                        when=span_words(state.start, state.end, config, state.zone),
                        who=format_mailbox(state.name, state.counterpart)),
            command=send_again(state.uid),
        )  # fmt: skip
    if state.status == "not_sent":
        return replace(
            state,
            next_step=_("written to {file}, not sent: send it with this command, or from your "
                        "mail program and then say so with the second one",
                        file=record.written_to),
            command=send_again(state.uid),
            alternative=sent_elsewhere(state.uid),
        )  # fmt: skip
    if state.status == "no_answer":
        return _unanswered_change(_waiting(state, config))
    if state.status == "countered":
        return _countered(state, record, config, events, store)
    if state.status == "declined":
        return _declined(state, config, store, now)
    if state.status == "undelivered":
        return replace(
            state,
            next_step=_("the invitation did not reach {who}; check the address",
                        who=format_mailbox(state.name, state.counterpart)),
            command=send_again(state.uid),
        )  # fmt: skip
    if state.status == "tentative":
        return replace(state, next_step=_("tentative: ask for a firm answer closer to the day"))
    if state.status == "delegated":
        return replace(state, next_step=_("passed on to someone else; their answer follows"))
    return replace(state, next_step=_("confirmed; nothing to do"))


def _unanswered_change(state: InviteState) -> InviteState:
    """An update nobody answered yet, after an answer to the revision before it: the earlier
    answer holds nothing, the change waits for its own ("no answer to the change yet")."""
    if not state.earlier:
        return state
    return replace(state, next_step=_("no answer to the change yet; {step}", step=state.next_step))


def stamp(moment: datetime, config: Config, zone: str = "") -> str:
    """A time as ``--start`` takes it: local wall time in the user's zone, or in ``zone`` (the
    meeting's own, where it is another) with that zone named after it, so the command keeps
    the meeting where it was written: ``2026-12-15 09:30 America/New_York``."""
    if zone and zone != zone_key(config.tz):
        return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}"
    return moment.astimezone(config.tz).strftime("%Y-%m-%dT%H:%M")


def span_words(start: datetime, end: datetime, config: Config, zone: str = "") -> str:
    """``Tue 15 Dec 15:30–16:30`` in the user's zone; in ``zone`` where the meeting has its
    own, with the user's time beside it: ``Tue 15 Dec 09:30–10:30 America/New_York
    (15:30–16:30 your time)``."""
    from planner.i18n import hh_mm, twice, until

    local, local_end = start.astimezone(config.tz), end.astimezone(config.tz)
    mine = f"{hh_mm(local, twice(local, local_end))}–{until(local, local_end)}"
    ours = f"{short_day(local.date())} {mine}"
    if not zone or zone == zone_key(config.tz):
        return ours
    there = ZoneInfo(zone)
    theirs, theirs_end = start.astimezone(there), end.astimezone(there)
    yours = mine
    if local.date() != theirs.date():
        yours = f"{short_day(local.date())} {yours}"
    return _(
        "{when} {zone} ({yours} your time)",
        when=f"{short_day(theirs.date())} {hh_mm(theirs, twice(theirs, theirs_end))}–"
        f"{until(theirs, theirs_end)}", zone=zone, yours=yours,
    )  # fmt: skip


def send_again(uid: str) -> str:
    """The command that sends the logged invitation ``uid`` as it is (written, or sent before):
    same UID and SEQUENCE, so it changes nothing the counterpart has."""
    return f"planner invite --again {uid} --send"


def sent_elsewhere(uid: str) -> str:
    """The command that records the file of ``uid`` as sent by the user's own mail program."""
    return f"planner invite --sent-elsewhere {uid}"


def _cancelled(state: InviteState, record: SentRecord, store: Store) -> InviteState:
    """Cancelled: nothing to do once the cancellation went out (or nothing had gone out
    before it); a cancellation only written to a file is sent like a written invitation."""
    from planner.invite.sentlog import history

    if record.delivered and not _left_out(state, record, store):
        return replace(state, next_step=_("cancelled; the counterparts were told"))
    if record.delivered:  # the server refused them: the same command sends it to them alone
        return replace(
            state,
            next_step=_("cancelled, but the cancellation did not reach them; send it to them "
                        "with this command"),
            command=f"planner invite --cancel {state.uid} --send",
        )  # fmt: skip
    if not any(r.delivered for r in history(store, state.uid)):
        return replace(state, next_step=_("cancelled before it was sent; nothing to do"))
    return replace(
        state,
        next_step=_("cancellation written to {file}, not sent: send it with this command, or "
                    "from your mail program and then say so with the second one",
                    file=record.written_to),
        command=f"planner invite --cancel {state.uid} --send",
        alternative=sent_elsewhere(state.uid),
    )  # fmt: skip


def _left_out(state: InviteState, record: SentRecord, store: Store) -> bool:
    """Whether the cancellation ``record`` did not reach ``state``'s counterpart, who may have
    the meeting (:mod:`planner.invite.cancels`)."""
    from planner.invite.cancels import invited, told
    from planner.invite.sentlog import history
    from planner.people.addresses import address_key

    records = history(store, state.uid)
    wanted = address_key(state.counterpart)
    reached = {address_key(e) for e in told(records, record.sequence)}
    return wanted not in reached and wanted in {address_key(p.email) for p in invited(records)}


def _waiting(state: InviteState, config: Config) -> InviteState:
    nudge = config["invite"]["nudge_days"]
    if state.waiting_days < nudge:
        return replace(
            state,
            next_step=ngettext("wait; nudge in {count} day if no answer comes",
                               "wait; nudge in {count} days if no answer comes",
                               nudge - state.waiting_days),
        )  # fmt: skip
    return replace(
        state,
        next_step=_("send the invitation again, or the reminder below"),
        command=send_again(state.uid),
        alternative=_reminder(state, config),
    )  # fmt: skip


def _reminder(state: InviteState, config: Config) -> str:
    from babel.dates import format_date

    from planner.i18n import language

    day = format_date(state.start.date(), format="full", locale=language())
    when = day if state.all_day else f"{day} {hh_mm(state.start, twice(state.start))}"
    greeting = _("Hello {name},", name=state.name) if state.name else _("Hello,")
    body = _(
        "did my invitation to '{title}' on {when} at {place} reach you? A short yes or no, "
        "or another time that suits you, would help me plan.",
        title=state.title,
        when=when,
        place=state.place or _("the place in the invitation"),
    )
    return f"{greeting} {body} {config.user['name']}".strip()


def _countered(
    state: InviteState, record: SentRecord, config: Config, events: Sequence[Event] | None,
    store: Store,
) -> InviteState:  # fmt: skip
    assert state.proposed is not None
    start, end = state.proposed
    who = state.name or state.counterpart
    if (start.astimezone(UTC), end.astimezone(UTC)) == (
        state.start.astimezone(UTC), state.end.astimezone(UTC)
    ):  # fmt: skip
        return replace(
            state,
            next_step=_("{who} proposes other details at the same time; see their answer",
                        who=who),
        )  # fmt: skip
    minutes = max(5, int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() // 60))
    accept = shlex.join([
        "planner", "invite", "--update", state.uid, "--start", stamp(start, config, state.zone),
        "--duration", str(minutes), "--send", *hold_too(config, store, state.uid),
    ])  # fmt: skip
    keep = send_again(state.uid)
    conflicts = _conflicts(state, record, config, events)
    when = proposed_when(start, end, config.tz, whole_days=False, zone=state.zone)
    if conflicts:
        return replace(
            state,
            next_step=_("{who} proposes {when}, which does not fit ({why}); keep your time",
                        who=who, when=when, why="; ".join(conflicts)),
            command=keep,
            alternative=accept,
            conflicts=tuple(conflicts),
        )  # fmt: skip
    checked = _("free in your calendars") if events is not None else _("calendars not checked")
    return replace(
        state,
        next_step=_("{who} proposes {when} ({checked}): accept it, or keep your time",
                    who=who, when=when, checked=checked),
        command=accept,
        alternative=keep,
    )  # fmt: skip


def hold_too(config: Config, store: Store, uid: str) -> tuple[str, ...]:
    """``--hold`` where the meeting is held in the user's calendar: accepting another time
    moves the hold with it, or the calendar would keep showing the old one."""
    from planner.flows.holding import recorded_calendar

    return ("--hold",) if recorded_calendar(config, store, uid) else ()


def _conflicts(
    state: InviteState, record: SentRecord, config: Config, events: Sequence[Event] | None
) -> list[str]:
    assert state.proposed is not None
    start, end = state.proposed
    found = []
    if events is not None:
        found += clash_words(events, start, end, state.uid, config)
    closed = _venue_closed(record, config, start, end)
    if closed:
        found.append(closed)
    return found


def clash_words(
    events: Sequence[Event], start: datetime, end: datetime, uid: str, config: Config, *,
    whole_days: bool = False, all_day: bool = False,
) -> list[str]:  # fmt: skip
    """What in the user's calendars ``events`` meets the time or days someone proposed
    (``start`` to ``end``) for the meeting ``uid`` (:func:`busy_conflicts`), in words: "busy
    with 'Workshop' at 10:00", "out of office: 'Hamburg'". For days proposed for an all-day
    meeting, only days out of office (:func:`away`): a timed meeting runs beside a trade fair.
    The one check ``planner invites``, the weekly plan and ``planner people`` say."""
    busy = busy_conflicts(events, start, end, uid, config)
    if whole_days and all_day:
        return away(busy)
    if whole_days:
        one_day = (end - start).days <= 1  # midnight to midnight in the meeting's zone
    else:
        last = end - timedelta(seconds=1)
        one_day = start.astimezone(config.tz).date() == last.astimezone(config.tz).date()
    found = []
    for event in busy:
        if event.all_day:
            found += away([event])
            continue
        local = event.start.astimezone(config.tz)
        time = hh_mm(local, twice(local)) if one_day else day_time(local)
        found.append(_("busy with '{title}' at {time}", title=event.title, time=time))
    return found


def away(busy: Sequence[Event]) -> list[str]:
    """What keeps the user from days proposed for an all-day meeting, of the events ``busy``
    then: their own days out of office (a timed meeting on such a day does not: a trade fair
    runs beside it)."""
    return [_("out of office: '{title}'", title=e.title) for e in busy if e.all_day]


def _venue_closed(record: SentRecord, config: Config, start: datetime, end: datetime) -> str:
    from planner.meet.venues import OpenState, catalog_from_config

    name = record.invitation.venue_name
    if not name:
        return ""
    catalog = catalog_from_config(config)
    venue = next((v for v in catalog if v.name.casefold() == name.casefold()), None)
    if venue is None:
        return ""
    if catalog.open_state(venue, start, end) is OpenState.CLOSED:
        return _("{venue} is closed then", venue=venue.name)
    return ""


def _declined(state: InviteState, config: Config, store: Store, now: datetime) -> InviteState:
    from planner.flows.listed import Listed
    from planner.people.addresses import address_key

    who = address_key(state.counterpart)
    for proposal in Listed(store).upcoming(now):
        start = datetime.fromisoformat(proposal["start"])
        with_ = {address_key(e) for e in proposal.get("with", [])}
        if who in with_ and start != state.start:
            venue = proposal["venue"]["name"]
            local = day_time(start.astimezone(config.tz))
            return replace(
                state,
                next_step=_("declined; next proposal: {when} at {venue}",
                            when=local, venue=venue),
                command=f"planner invite --proposal {proposal['id']} --send",
            )  # fmt: skip
    return replace(
        state,
        next_step=_(
            "declined; find new slots and venues for {who}", who=state.name or state.counterpart
        ),
        command=f"planner propose --with {state.counterpart}",
    )
