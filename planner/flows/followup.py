"""Following each invitation to the table: who answered what, and the next step.

Composition over the invite room (the sent log and its answers, iTIP replies) and the meet room
(free time, the venue's opening hours): ``planner replies`` records answers from files and
mailboxes, ``planner invites`` adds the answers the calendar services show and lists every open
invitation with its status and what to do next; ``planner week`` shows the same states on the
meetings it flags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.config import Config
from planner.flows.copy_answers import calendar_answers
from planner.flows.counter_steps import special_step, timed_for_all_day
from planner.flows.followup_steps import InviteState, next_step
from planner.i18n import _
from planner.invite.answers import Answer, Outcome, answers_for, record_answer
from planner.invite.sentlog import SentRecord, recent
from planner.invite.text import location_text
from planner.model import Event, Response
from planner.people.addresses import address_key
from planner.store import Store

if TYPE_CHECKING:
    from planner.flows.plan import WeeklyPlan
    from planner.meet.proposals import Proposal

OPEN_LIMIT = 500  # meetings looked at, newest first


@dataclass
class RecordReport:
    """What recording a batch of answers did: counts by outcome, unknown UIDs, problems."""

    outcomes: Counter[str] = field(default_factory=Counter)
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (uid, where)
    problems: list[str] = field(default_factory=list)
    files: int = 0
    offers: list[str] = field(default_factory=list)  # what answers did to offers

    @property
    def changed(self) -> int:
        return self.outcomes[Outcome.NEW] + self.outcomes[Outcome.UPDATED]


# -- recording --------------------------------------------------------------------------------
def record_replies(
    store: Store, paths: Sequence[Path], *, now: datetime,
    same_person: Callable[[str], Sequence[str]] | None = None,
) -> RecordReport:  # fmt: skip
    """Read iTIP REPLY/COUNTER objects from ``paths`` and record them in the sent log;
    ``same_person`` (:func:`planner.flows.answer_lines.same_person`) counts an answer from an
    invitee's other address as theirs."""
    from planner.flows.offer_answers import apply_mail_replies
    from planner.invite.replies import read_paths

    found = read_paths(list(paths), same_person)
    report = record(store, found.answers, now=now, same_person=same_person)
    mailed = apply_mail_replies(store, found.offers, now)
    report.problems = found.problems + report.problems + mailed.problems
    report.offers += mailed.lines
    report.files = found.files
    return report


def record(
    store: Store, answers: Sequence[Answer], *, now: datetime,
    same_person: Callable[[str], Sequence[str]] | None = None,
) -> RecordReport:  # fmt: skip
    """Record ``answers``; those to an offer's options go to the offer
    (:mod:`planner.flows.offer_answers`)."""
    from planner.flows.offer_answers import divert

    report = RecordReport()
    answers, news = divert(store, answers, now)
    report.offers, report.problems = news.lines, news.problems
    # a delegation first: the delegate's own answer in the same batch counts after it
    for answer in sorted(answers, key=lambda a: a.response is not Response.DELEGATED):
        outcome = record_answer(store, answer, now=now, same_person=same_person)
        report.outcomes[outcome] += 1
        if answer.floating and outcome in (Outcome.NEW, Outcome.UPDATED):
            report.problems.append(_floating(store, answer, now))
        if outcome in (Outcome.NEW, Outcome.UPDATED, Outcome.NO_OCCURRENCE):
            report.problems += _said(store, answer, outcome, now, same_person)
        if outcome is Outcome.UNKNOWN_UID:
            report.unknown.append((answer.uid, answer.source))
        elif outcome is Outcome.UNKNOWN_ATTENDEE:
            report.problems.append(_not_invited(store, answer))
        elif outcome is Outcome.UNVERIFIED:
            report.problems.append(_unverified(answer))
        elif outcome is Outcome.UNSENT:
            report.problems.append(
                _("{where}: {who} answers revision {sequence} of {uid}, which was never sent; "
                  "not recorded", where=answer.source, who=answer.attendee,
                  sequence=answer.sequence, uid=answer.uid)
            )  # fmt: skip
    return report


def _said(
    store: Store, answer: Answer, outcome: Outcome, now: datetime,
    same_person: Callable[[str], Sequence[str]] | None,
) -> list[str]:  # fmt: skip
    """The lines for an answer from an invitee's other address, or to no occurrence."""
    from planner.flows import answer_lines
    from planner.invite.answers import linked, settled
    from planner.invite.sentlog import history

    sent = history(store, answer.uid)
    invited = {address_key(p.email) for r in sent for p in r.invitation.counterparts}
    answer = settled(linked(answer, invited, same_person), sent, now.astimezone(UTC))
    revision = [r for r in sent if r.sequence == answer.sequence] or sent
    inv = revision[-1].invitation
    if outcome is Outcome.NO_OCCURRENCE:
        return [answer_lines.no_occurrence(answer, inv.title, inv.start, now.tzinfo)]
    return [answer_lines.answered_from(answer, inv.title)] if answer.answered_from else []


def _floating(store: Store, answer: Answer, now: datetime) -> str:
    """The line for a proposed time without a zone: read in the meeting's zone, said so."""
    from planner.invite.answers import settled
    from planner.invite.sentlog import history
    from planner.invite.zones import zone_key

    proposed = settled(answer, history(store, answer.uid), now.astimezone(UTC)).proposed
    zone = proposed[0].tzinfo if proposed else None
    return _(
        "{where}: {who} proposes a time without a time zone; read in {zone}, the meeting's "
        "time zone",
        where=answer.source, who=answer.attendee, zone=zone_key(zone) or str(zone),
    )  # fmt: skip


def _not_invited(store: Store, answer: Answer) -> str:
    """The line for an answer to a meeting of ours from an address it was not sent to: maybe
    the invitee's other address (one at the same domain), maybe someone the invitation was
    forwarded to (anyone can write from any address), so it is not applied; the invitee can
    answer from the address invited (an address is linked to an invitee only by the user's
    address book: :func:`planner.flows.answer_lines.same_person`). A delegate is counted once
    the invitee's own answer names them (DELEGATED-TO)."""
    from planner.invite.sentlog import history

    sent = history(store, answer.uid)
    people = {address_key(p.email): p.email for r in sent for p in r.invitation.counterparts}
    title = sent[-1].invitation.title if sent else ""
    domain = address_key(answer.attendee).rpartition("@")[2]
    likely = [e for k, e in people.items() if k.rpartition("@")[2] == domain]
    if answer.delegated_from and address_key(answer.delegated_from) in people:
        return _(
            "{where}: answer '{what}' to '{title}' from {who}, who says {invitee} passed the "
            "invitation on to them, but no answer from {invitee} says so; not applied. Read "
            "{invitee}'s answer first",
            where=answer.source, what=_what(answer), title=title, who=answer.attendee,
            invitee=people[address_key(answer.delegated_from)],
        )  # fmt: skip
    if not likely:
        return _(
            "{where}: answer '{what}' to '{title}' from {who}, who was not invited (perhaps the "
            "invitation was forwarded to them); not counted as one of the invitees",
            where=answer.source, what=_what(answer), title=title, who=answer.attendee,
        )  # fmt: skip
    invited = ", ".join(likely)
    return _(
        "{where}: unverified answer '{what}' to '{title}' from {who}, an address the invitation "
        "was not sent to ({invited}); not applied. If it is their address too, ask them to "
        "answer from {invited}",
        where=answer.source, what=_what(answer), title=title, who=answer.attendee,
        invited=invited,
    )  # fmt: skip


def _what(answer: Answer) -> str:
    """The answer in the words of the language spoken ('zugesagt', not 'accepted')."""
    return _("another time") if answer.countered else _answer_words(answer)


def _unverified(answer: Answer) -> str:
    """The line for an answer whose mail was not sent by the attendee it answers for."""
    what = _what(answer)
    if not answer.authenticated:
        return _(
            "{where}: unverified answer '{what}' for {who}: the receiving server found the "
            "sender's address forged (DMARC); not applied",
            where=answer.source, what=what, who=answer.attendee,
        )  # fmt: skip
    if (
        answer.sent_by
        and answer.sender
        and address_key(answer.sent_by) == address_key(answer.sender)
    ):
        return _(
            "{where}: {sender} answers '{what}' on behalf of {who} (SENT-BY); not applied: only "
            "an answer from {who} itself counts. Ask {who} to confirm",
            where=answer.source, what=what, who=answer.attendee, sender=answer.sender,
        )  # fmt: skip
    return _(
        "{where}: unverified answer '{what}' for {who}, sent by {sender}; not applied (only "
        "{who} can answer for {who})",
        where=answer.source, what=what, who=answer.attendee, sender=answer.sender or _("nobody"),
    )  # fmt: skip


def record_calendar_answers(
    store: Store, records: Sequence[SentRecord], events: Sequence[Event], now: datetime
) -> RecordReport:
    """Record what the calendars show on the organizer's copies, each answer for the revision
    it belongs to (:func:`calendar_answers`)."""
    from planner.invite.sentlog import history

    found = calendar_answers(records, events, now, lambda uid: history(store, uid))
    return record(store, found, now=now)


def open_invitations(store: Store, now: datetime) -> list[SentRecord]:
    """Meetings sent from here, not cancelled and not over, soonest first."""
    return [r for r in followed_invitations(store, now) if not r.cancelled]


def followed_invitations(store: Store, now: datetime) -> list[SentRecord]:
    """Meetings sent from here and not over, soonest first: the open ones and those cancelled,
    which are told as cancelled until the time they had has passed (then nobody needs it)."""
    records = [
        r
        for r in recent(store, OPEN_LIMIT)
        if r.invitation.end.astimezone(UTC) > now.astimezone(UTC)
    ]
    return sorted(records, key=lambda r: r.invitation.start.astimezone(UTC))


def read_calendars(
    config: Config, store: Store, records: Sequence[SentRecord], now: datetime,
    progress: Callable[[str], None] | None = None,
) -> list[Event]:  # fmt: skip
    """The configured calendars' events around the open invitations and their counters."""
    if not records or not config.calendars:
        return []
    from planner.flows.session import read_configured

    starts = [r.invitation.start.astimezone(UTC) for r in records]
    ends = [r.invitation.end.astimezone(UTC) for r in records]
    start = min([*starts, now.astimezone(UTC)]) - timedelta(days=1)
    end = max(ends) + timedelta(days=14)
    return read_configured(config, store, start, end, progress)


# -- states -----------------------------------------------------------------------------------
def invite_states(
    config: Config,
    store: Store,
    *,
    now: datetime,
    events: Sequence[Event] | None = None,
    records: Sequence[SentRecord] | None = None,
) -> list[InviteState]:
    """Every counterpart of every followed invitation (open, or cancelled and not yet over) with
    status and next step. With ``events`` (the user's calendars), a COUNTER is checked against
    free time and opening hours."""
    from planner.people.sources import people_for

    records = followed_invitations(store, now) if records is None else records
    known = people_for(config, events or ()) if records else None
    result = []
    for record in records:
        inv = record.invitation
        answers = {} if record.cancelled else answers_for(store, record.uid)
        for person in inv.counterparts:
            answer = answers.get(address_key(person.email))
            earlier = ""
            if answer is not None and answer.sequence < record.sequence:
                # an answer to an earlier revision: the update is unanswered, and says so
                earlier = "" if answer.method == "UNDELIVERED" else _status(answer)
                if earlier == "countered" and _taken(answer, inv.start):
                    earlier = "taken"  # the update moved it to their time: it waits for them
                answer = None
            status = _status(answer) if answer or record.delivered else "not_sent"
            state = InviteState(
                uid=record.uid,
                title=inv.title,
                start=inv.start.astimezone(config.tz),
                end=inv.end.astimezone(config.tz),
                place=location_text(inv),
                sequence=record.sequence,
                counterpart=person.email,
                name=known.display_name(person.email, person.name) if known else person.name,
                status="cancelled" if record.cancelled else status,
                sent_at=record.sent_at,
                waiting_days=max(0, (now.astimezone(UTC) - record.sent_at.astimezone(UTC)).days),
                proposed=_proposal(answer, config),
                whole_days=bool(answer and answer.whole_days),
                answered_from=answer.answered_from if answer else "",
                text_proposal=bool(answer and answer.text_proposal),
                source=answer.source if answer else "",
                all_day=inv.all_day,
                for_event=inv.for_event,
                comment=answer.comment if answer else "",
                zone=own_zone(inv.start, config),
                earlier="" if record.cancelled else earlier,
            )
            state = special_step(state, config, store, events) or timed_for_all_day(
                next_step(state, record, config, store, now=now, events=events)
            )
            if state.status == "delegated" and answer is not None:
                state = _passed_on(state, answer, answers)
            result.append(_with_words(state))
    return result


def _taken(answer: Answer, start: datetime) -> bool:
    """Whether the invitation now starting at ``start`` is at the time (or on the days)
    ``answer`` proposed instead: the update accepted their counter."""
    if answer.proposed is None:
        return False
    if answer.whole_days:
        from planner.invite.answers import proposed_days

        first, last = proposed_days(answer.proposed)
        return first <= start.astimezone(answer.proposed[0].tzinfo).date() <= last
    return answer.proposed[0].astimezone(UTC) == start.astimezone(UTC)


def _passed_on(state: InviteState, answer: Answer, answers: dict[str, Answer]) -> InviteState:
    """A delegation names whom it went to and what they answered (their own REPLY, counted
    because the invitee's answer named them in DELEGATED-TO)."""
    if not answer.delegated_to:
        return state
    theirs = [answers.get(address_key(d)) for d in answer.delegated_to]
    told = [
        _("{delegate} answered: {answer}", delegate=d, answer=_answer_words(a))
        for d, a in zip(answer.delegated_to, theirs, strict=True)
        if a is not None and a.sequence >= state.sequence
    ]
    if not told:
        step = _("passed on to {delegate}; their answer follows",
                 delegate=", ".join(answer.delegated_to))  # fmt: skip
    else:
        step = _("passed on to {delegate}; {answers}", delegate=", ".join(answer.delegated_to),
                 answers="; ".join(told))  # fmt: skip
    return replace(state, next_step=step)


def _answer_words(answer: Answer) -> str:
    if answer.countered:
        return _("another time proposed")
    return {
        Response.ACCEPTED: _("accepted"),
        Response.TENTATIVE: _("tentative"),
        Response.DECLINED: _("declined"),
        Response.DELEGATED: _("passed on"),
    }.get(answer.response, _("no answer yet"))


def _with_words(state: InviteState) -> InviteState:
    """The next step with what they wrote ("they wrote: Friday I am away"), where they did,
    and the other address of theirs they answered from."""
    if state.answered_from and state.next_step:
        came = _("answered from {address}", address=state.answered_from)
        state = replace(state, next_step=f"{state.next_step} ({came})")
    if not state.comment or not state.next_step:
        return state
    words = _("they wrote: {words}", words=state.comment)
    return replace(state, next_step=f"{state.next_step} ({words})")


def invitation_states(
    config: Config,
    store: Store,
    *,
    now: datetime,
    read: bool = True,
    progress: Callable[[str], None] | None = None,
) -> list[InviteState]:
    """``planner invites``: every open invitation's states; with ``read``, the answers the
    configured calendars show are recorded first (and counters checked against them)."""
    records = followed_invitations(store, now)
    events = None
    current = [r for r in records if not r.cancelled]
    if read and current and config.calendars:
        events = read_calendars(config, store, current, now, progress)
        record_calendar_answers(store, current, events, now)
    return told_once(invite_states(config, store, now=now, events=events, records=records))


def told_once(states: Sequence[InviteState]) -> list[InviteState]:
    """``states`` with the counterparts of one cancelled invitation in one state: that it was
    cancelled is one line, naming everyone, each with their own address
    (:attr:`InviteState.together`; the first counterpart's address stays the key)."""
    from dataclasses import replace

    cancelled: dict[tuple[str, str], list[InviteState]] = {}
    for state in states:  # those the cancellation did not reach have a step of their own
        if state.status == "cancelled":
            cancelled.setdefault((state.uid, state.next_step), []).append(state)
    result = []
    for state in states:
        if state.status != "cancelled":
            result.append(state)
        elif (same := cancelled.get((state.uid, state.next_step))) and same[0] is state:
            people = tuple((s.name, s.counterpart) for s in same)
            result.append(replace(state, together=people) if len(same) > 1 else state)
    return result


def _status(answer: Answer | None) -> str:
    if answer is None:
        return "no_answer"
    if answer.method == "UNDELIVERED":
        return "undelivered"
    if answer.countered:
        return "countered"
    return {
        Response.ACCEPTED: "accepted",
        Response.TENTATIVE: "tentative",
        Response.DECLINED: "declined",
        Response.DELEGATED: "delegated",
    }.get(answer.response, "no_answer")


def own_zone(start: datetime, config: Config) -> str:
    """The zone a meeting was written in (``start``'s IANA zone) when it is not the user's,
    else "": a time suggested for it is named in that zone."""
    from planner.invite.zones import zone_key

    key = zone_key(start.tzinfo)
    return key if key and key != zone_key(config.tz) else ""


def _proposal(answer: Answer | None, config: Config) -> tuple[datetime, datetime] | None:
    """The time ``answer`` proposes in the user's zone; days as they were named (midnights
    in the meeting's zone: a day is that day wherever the user is)."""
    if answer is None or answer.proposed is None:
        return None
    if answer.whole_days:
        return answer.proposed
    return answer.proposed[0].astimezone(config.tz), answer.proposed[1].astimezone(config.tz)


# -- the week ---------------------------------------------------------------------------------
def states_for_week(
    plan: WeeklyPlan, states: Sequence[InviteState], config: Config
) -> dict[str, list[InviteState]]:
    """The invitation states that belong to each flagged meeting of ``plan`` (by event UID):
    invitations for the meeting's week or the week after, made for that meeting or, made for
    none (typed by hand, or sent before planner kept it), sent to one of its counterparts."""
    from planner.flows.held import FOLLOWS, flagged, made_for

    horizon = plan.start + FOLLOWS
    result: dict[str, list[InviteState]] = {}
    for item, people in flagged(plan, config):
        uid = item.event.uid
        mine = [
            s
            for s in states
            if plan.start <= s.start < horizon
            and made_for(s.for_event, uid, people, [s.counterpart])
        ]
        if mine:
            result[uid] = [_after_decline(s, item.proposals, config) for s in told_once(mine)]
    return result


def _after_decline(
    state: InviteState, proposals: Sequence[Proposal], config: Config
) -> InviteState:
    """For a decline, the plan's next proposal for the same meeting as a ready command."""
    from dataclasses import replace

    from planner.flows.invite_line import invite_command
    from planner.i18n import day_time

    if state.status != "declined":
        return state
    for proposal in proposals:
        if proposal.start.astimezone(UTC) == state.start.astimezone(UTC):
            continue  # the time that was declined
        command = invite_command(
            config, state.counterpart, "", proposal, title=state.title, zone=state.zone, send=True
        )
        when = day_time(proposal.start.astimezone(config.tz))
        return replace(
            state,
            next_step=_("declined; next proposal: {when} at {venue}", when=when,
                        venue=proposal.venue.name),
            command=command,
        )  # fmt: skip
    return state
