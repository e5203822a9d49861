"""The tools' typed results. The SDK turns each model into the tool's output schema.

The read tools' shapes are the documented JSON of the commands (README, "JSON output";
:mod:`planner.render.json`): a tool shows what ``planner week --format json`` and its siblings
show, nothing more. Every model allows fields beyond those named here, so a field a command
adds later reaches the assistant too; the ones named are typed and described.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from planner.judge.contacts import ContactRow


class Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class Answer(Out):
    """Every result carries the warnings of its call."""

    warnings: list[str] = Field(
        default_factory=list,
        description="What the answer lacks and why (a calendar not read, a service offline), "
        "one line each; empty when nothing is missing.",
    )


# -- the week ---------------------------------------------------------------------------------
class Recommendation(Out):
    action: str = Field(description="meet_in_person, consider_video or keep")
    reason: str


class VenueRef(Out):
    name: str = Field(description="The venue, or the area when no venue is known there yet")
    kind: str
    address: str
    lat: float
    lon: float
    known: bool = Field(description="False: no venue is known there yet; `name` is the area")


class TravelMinutes(Out):
    before: int | None = Field(
        description="Your travel to the venue, minutes; null where you come from is not known"
    )
    after: int | None = Field(description="Your travel on from the venue, minutes; null: unknown")


class Proposal(Out):
    id: str = Field(
        description="The proposal's identifier (the same in every listing) for the invite and "
        "hold tools' `proposal`"
    )
    same_time: bool = Field(description="Keeps the flagged meeting's own time")
    start: datetime
    end: datetime
    kind: str = Field(description="breakfast, coffee, lunch, after_work or dinner")
    venue: VenueRef
    travel_minutes: TravelMinutes
    counterpart_minutes: int | None = Field(description="The counterpart's travel, if known")
    score: float
    reasons: list[str]


class Meeting(Out):
    uid: str
    title: str
    start: datetime = Field(description="In the user's time zone")
    end: datetime
    all_day: bool
    location: str
    attendees: list[str]
    organizer: str | None
    calendar: str
    busy: bool
    status: str
    recurring: bool
    conference_links: list[str]
    mode: str = Field(description="in_person, virtual, hybrid, phone, travel or unknown")
    evidence: list[str] = Field(description="Why this mode")
    meeting: bool = Field(description="False for blockers, focus time, trips")
    external: bool = Field(description="Someone outside the user's organisation takes part")
    purpose: str | None = Field(
        description="first_contact, deal_closing, routine, internal, personal, networking, "
        "visit or other"
    )
    purpose_evidence: list[str]
    recommendation: Recommendation | None
    proposals: list[Proposal]


class WeekSpan(Out):
    start: datetime
    end: datetime
    iso_week: str
    timezone: str | None


class ModeCount(Out):
    meetings: int
    hours: float


class WeekStats(Out):
    meetings: int
    hours: float
    external_hours: float
    in_person_share: float | None
    by_mode: dict[str, ModeCount]


class TrendWeek(Out):
    week: str
    week_start: date
    share: float | None


class Balance(Out):
    in_person_share: float | None
    target: float
    in_person_hours: float
    external_hours: float
    trend: list[TrendWeek]


class DueVisit(Out):
    account: str
    last_in_person: date | None
    days_since: int | None
    meetings: int
    reason: str


class WeekPlan(Answer):
    """The week: each meeting with mode, purpose, recommendation and proposals; the totals,
    the in-person balance and the key accounts due for a visit."""

    week: WeekSpan
    events: list[Meeting]
    stats: WeekStats
    balance: Balance | None
    due_for_visit: list[DueVisit]


# -- agenda, contacts -------------------------------------------------------------------------
class AgendaItem(Out):
    day: date = Field(description="The day this line is for (an entry may span several)")
    title: str
    start: datetime
    end: datetime
    all_day: bool
    kind: str = Field(
        description="meeting, flight, train, stay, car, trip, all_day, out_of_office, "
        "working_location, focus, blocker or free"
    )
    meeting: bool
    location: str
    place: str = Field(description="The short form: a link's service, a venue's name")
    mode: str
    purpose: str | None
    action: str | None = Field(description="meet_in_person where that is recommended")
    day_of: list[int] | None = Field(description="[2, 3] on the second of three days")


class Agenda(Answer):
    """Every entry of the days asked for, day by day, in order."""

    agenda: list[AgendaItem]


class Contacts(Answer):
    """Per counterpart: meetings by mode, first, last and last in-person meeting, key account,
    ``due`` for a visit, and the ``city`` they live in with its evidence."""

    contacts: list[ContactRow]


# -- proposals, venues ------------------------------------------------------------------------
class Window(Out):
    start: datetime
    end: datetime


class ProposedFor(BaseModel):
    """The calendar meeting the proposals are for: what identifies it, never its description
    (meeting notes, join links with passwords), as in ``week_plan``. Unlike the other models it
    passes no field it does not name: the proposals kept for the invite tool carry the
    description (an update keeps it), the assistant does not see it."""

    model_config = ConfigDict(extra="ignore")

    uid: str
    title: str
    start: datetime
    end: datetime
    organizer: str
    location: str
    sequence: int


class Proposals(Answer):
    """Times and places to meet, best first; ``notes`` say why there are none or few."""

    notes: list[str]
    with_: list[str] = Field(alias="with", description="The counterparts")
    names: dict[str, str] = Field(
        default_factory=dict, description="The counterparts' names, by address"
    )
    name: str
    purpose: str
    window: Window
    proposals: list[Proposal]
    meeting: ProposedFor | None = Field(
        default=None, description="The calendar meeting of `meeting_uid`, if one was given"
    )
    cities: dict[str, dict[str, object]] = Field(
        default_factory=dict,
        description="Where each counterpart lives or works, with the evidence, by address",
    )


class Venue(Out):
    name: str
    kind: str
    address: str
    city: str
    lat: float
    lon: float
    opening_hours: str
    tags: list[str]
    price: str | int | None
    distance_km: float | None
    source: str


class Venues(Answer):
    venues: list[Venue]
    attribution: str = Field(
        default="", description="To show with the list (OpenStreetMap data, geocoding)"
    )


# -- invitations ------------------------------------------------------------------------------
class InvitationState(Out):
    uid: str
    title: str
    start: datetime
    end: datetime
    place: str
    sequence: int
    counterpart: str
    name: str
    status: str = Field(
        description="accepted, tentative, declined, countered, delegated, no_answer or undelivered"
    )
    label: str
    sent_at: datetime
    waiting_days: int
    proposed: list[datetime] | None = Field(description="A counter-proposal's start and end")
    next_step: str
    command: str = Field(description="The planner command that takes the next step")
    alternative: str
    conflicts: list[str]
    source: str
    all_day: bool = Field(False, description="Whole days from start to end (a trade fair)")
    earlier: str | None = Field(
        None, description="Their answer to an earlier revision; the change has none yet"
    )


class Invitations(Answer):
    invitations: list[InvitationState]


# -- the two-step write tools -----------------------------------------------------------------
class Person(Out):
    email: str
    name: str = ""


class WriteStep(Answer):
    """A write tool's answer: first the dry run (``done`` false) with the token that confirms
    exactly this action; after the confirmed call, what was done (``done`` true)."""

    done: bool = Field(description="False: a dry run, nothing was written or sent")
    action: str = Field(description="What the tool does or did, in one line")
    who: list[Person] = Field(description="Who is invited or notified")
    start: datetime | None = Field(description="When, in the user's time zone")
    end: datetime | None
    where: str = Field(description="The place: venue and address, or the location text")
    title: str
    details: dict[str, str] = Field(
        default_factory=dict, description="More of the action: UID, SEQUENCE, calendar, subject"
    )
    preview: str = Field(default="", description="The message as it will be sent")
    confirm: str | None = Field(
        default=None,
        description="Pass this as `confirm`, with the same arguments, to carry the action out",
    )
    expires_at: datetime | None = Field(default=None, description="When `confirm` expires")
    result: str = Field(default="", description="What was done (after the confirmed call)")
