"""What ``planner invite`` does, as library functions: build an invitation from options or from a
saved proposal, prepare request/update/cancel, and write, send or hold it.

Nothing is sent or written to a calendar unless the caller asks (``send`` / ``hold``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from planner.config import Config
from planner.errors import UsageError
from planner.flows.invitees import known_people, people_named, theirs_alone
from planner.flows.proposal_fields import place_zone, travel_hint, venue_hours
from planner.i18n import _
from planner.ical.wallclock import add, between
from planner.invite.invitation import Invitation, all_day_span
from planner.invite.sentlog import PreparedInvite
from planner.judge.purpose import parse_purpose
from planner.judge.titles import without_mode
from planner.model import Attendee, Geo
from planner.store import Store


@dataclass(frozen=True)
class InviteOptions:
    """The explicit options of ``planner invite`` (all optional except what a new one needs)."""

    to: Sequence[str] = ()
    title: str = ""
    start: datetime | None = None
    duration: int | None = None
    venue: str = ""
    location: str = ""
    purpose: str = ""
    agenda: str = ""
    day: date | None = None  # an all-day invitation from this day (--date) …
    days: int = 1  # … over this many days (--days)
    #: a new meeting also for a meeting the user organizes, with its note "this replaces …"
    #: (an offer's options: each its own UID, or a counterpart's pick could not be told apart,
    #: and opening one option's .ics would move the meeting itself)
    separate: bool = False
    zone: str = ""  # the counterpart's time zone (--zone): the mail gives their time first


def organizer(config: Config) -> Attendee:
    email = config.user["email"]
    if not email:
        raise UsageError(
            _("[user] email is not set in the config; invitations need an organizer address")
        )
    return Attendee(email, config.user["name"])


def from_proposal(
    config: Config,
    store: Store,
    ident: str,
    options: InviteOptions,
    *,
    now: datetime | None = None,
) -> Invitation:
    """The invitation for the proposal listed as ``ident`` by ``planner propose`` or
    ``planner week``; :class:`UsageError` when no current proposal has that identifier (see
    :func:`listed_proposal`).

    A proposal for a flagged meeting the user organizes is an update of that meeting: same
    UID, SEQUENCE raised, the new time and venue. For a meeting someone else organizes it is a
    new invitation whose description says which meeting it replaces. Either way it carries
    planner's words and the user's ``--agenda`` alone, none of the meeting's text (its
    description in any form: the user's notes, a letter, a join block, an HTML X-ALT-DESC),
    as README promises; the title loses the meeting's mode ("(Teams)") and the meeting keeps
    its privacy."""
    return proposal_invitation(config, store, ident, options, now=now)[0]


def proposal_invitation(
    config: Config,
    store: Store,
    ident: str,
    options: InviteOptions,
    *,
    now: datetime | None = None,
) -> tuple[Invitation, tuple[datetime, datetime] | None]:
    """The invitation for the listed proposal ``ident`` (:func:`from_proposal`) and the time
    the user's calendar shows the meeting it updates at (:func:`calendar_time`), from one
    look-up of the proposal."""
    chosen = listed_proposal(config, store, ident, now or datetime.now(config.tz))
    return _invitation(config, store, chosen, options), _shown_at(config, chosen, options)


def _invitation(
    config: Config, store: Store, chosen: dict[str, Any], options: InviteOptions
) -> Invitation:
    saved = chosen
    venue = chosen["venue"]
    there = place_zone(chosen, config)  # a meeting in another zone is written in its zone
    start = datetime.fromisoformat(chosen["start"]).astimezone(there)
    end = datetime.fromisoformat(chosen["end"]).astimezone(there)
    if options.start is not None:
        end, start = add(options.start, between(start, end)), options.start
    known = known_people(config, store) if options.to else None
    attendees = [Attendee(e, n) for e, n in people_named(options.to or saved["with"], saved, known)]
    meeting = saved.get("meeting") or {}
    ours = bool(meeting) and _organizes(config, meeting) and not options.separate
    area = venue.get("known") is False
    return Invitation(
        uid=meeting.get("uid", "") if ours else "",
        sequence=int(meeting.get("sequence") or 0) + 1 if ours else 0,
        title=options.title
        or without_mode(meeting.get("title") or "")
        or saved.get("title")
        or _default_title(chosen["kind"], saved, config),
        start=start,
        end=add(start, timedelta(minutes=options.duration)) if options.duration else end,
        organizer=organizer(config),
        attendees=tuple(attendees),
        location=_("{area} (the venue follows)", area=venue["name"]) if area else "",
        venue_name="" if area else venue["name"],
        venue_address="" if area else venue["address"],
        geo=None if area else Geo(venue["lat"], venue["lon"]),
        purpose=parse_purpose(options.purpose or saved.get("purpose") or ""),
        agenda=options.agenda,
        note=_replaces(config, meeting) if meeting and not ours else "",
        language=config.user["language"],
        reminder_minutes=config["invite"]["reminder_minutes"],
        venue_hours="" if area else venue_hours(config, venue["name"], start),
        travel_hint=travel_hint(chosen) if theirs_alone(attendees, saved) else "",
        for_event=uid if isinstance(uid := meeting.get("uid"), str) else "",
        zone=options.zone,
        organizer_zone=config.user["timezone"],
        private=meeting.get("private") is True,
        recurrence_id=str(meeting.get("recurrence_id") or "") if ours else "",
    )


def calendar_time(
    config: Config, store: Store, ident: str, options: InviteOptions, *, now: datetime
) -> tuple[datetime, datetime] | None:
    """The time (start, end) the user's calendar shows the meeting at that the invitation for
    proposal ``ident`` updates (:func:`from_proposal`: one they organize); None for a new
    meeting. An update to another time is kept as what it moved: the calendar may show the
    old time until the user moves it too (:func:`planner.sync.standins.stood_in`)."""
    return _shown_at(config, listed_proposal(config, store, ident, now), options)


def _shown_at(
    config: Config, chosen: dict[str, Any], options: InviteOptions
) -> tuple[datetime, datetime] | None:
    meeting = chosen.get("meeting") or {}
    if not meeting or not _organizes(config, meeting) or options.separate:
        return None
    try:
        start, end = (datetime.fromisoformat(meeting[k]) for k in ("start", "end"))
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if start.tzinfo and end.tzinfo else None


def listed_proposal(config: Config, store: Store, ident: str, now: datetime) -> dict[str, Any]:
    """The listed proposal ``ident``, checked: it is known, its content still gives that
    identifier, its time has not passed, and no invitation or hold made since it was listed
    takes that time. Otherwise a :class:`UsageError` that says how to list the current ones."""
    from planner.flows.listed import Listed, entry_id, looks_like_id, normal

    listing = _("'planner propose --with EMAIL' or 'planner week' lists the current ones")
    if not looks_like_id(ident):
        raise UsageError(
            _(
                "--proposal {id}: proposals are named by the identifier in the first column "
                "of their listing (six letters and digits, e.g. k7m2qa)",
                id=ident,
            ),
            hint=listing,
        )
    entry = Listed(store).get(ident)
    if entry is None or entry_id(entry) != normal(ident):
        raise UsageError(
            _("--proposal {id}: no current proposal has this identifier", id=ident), hint=listing
        )
    listing = _list_command(entry)
    start = datetime.fromisoformat(entry["start"])
    if start <= now:
        raise UsageError(
            _(
                "--proposal {id} was for {when}, which has passed",
                id=ident,
                when=_when(start, config),
            ),
            hint=_("{command} lists the current ones", command=listing),
        )
    clash = _taken_since(store, entry, start, datetime.fromisoformat(entry["end"]))
    if clash:
        raise UsageError(
            _(
                "--proposal {id} ({when}) no longer fits: since it was listed you invited to "
                "{other} at that time",
                id=ident,
                when=_when(start, config),
                other=clash,
            ),
            hint=_("{command} lists the current ones", command=listing),
        )
    return entry


def _list_command(entry: dict[str, Any]) -> str:
    if entry.get("source") == "week":
        return "planner week"
    people = " ".join(f"--with {e}" for e in entry.get("with") or [])
    return f"planner propose {people}".strip()


def _when(moment: datetime, config: Config) -> str:
    """ "Tue 8 Dec 12:15" / "Di. 8. Dez. 12:15" in the user's zone and language."""
    from planner.i18n import day_time

    local = moment.astimezone(config.tz)
    return day_time(local)


def _taken_since(store: Store, entry: dict[str, Any], start: datetime, end: datetime) -> str:
    """The title of an invitation or hold made after ``entry`` was listed that overlaps its
    time (another meeting), or ""."""
    from planner.invite.sentlog import recent

    listed_at = datetime.fromisoformat(entry["listed_at"])
    people = {e.lower() for e in entry.get("with") or []}
    for record in recent(store, 200):
        inv = record.invitation
        if record.cancelled or record.sent_at <= listed_at:
            continue
        if not (inv.start < end and start < inv.end):
            continue
        same = inv.start == start and {p.email.lower() for p in inv.counterparts} == people
        if not same:
            return inv.title
    return ""


def _organizes(config: Config, meeting: dict[str, Any]) -> bool:
    return (meeting.get("organizer") or "").strip().lower() in config.addresses


def _replaces(config: Config, meeting: dict[str, Any]) -> str:
    """ "Instead of: Weekly sync, Tue 8 Dec 10:00 (video call)" for the description."""
    return _(
        "This replaces the meeting “{title}” on {when}: let us meet in person instead.",
        title=meeting.get("title", ""),
        when=_when(datetime.fromisoformat(meeting["start"]), config),
    )


def _default_title(kind: str, saved: dict[str, Any], config: Config) -> str:
    return default_title(kind, saved.get("name") or saved["with"][0], config)


def default_title(kind: str, them: str, config: Config) -> str:
    """ "Coffee: Anna Berger & Sven Krüger": both people, as both calendars show it."""
    from planner.meet.slots import kind_label

    label = kind_label(kind) if kind else _("Meeting")
    mine = config.user["name"] or config.user["email"]
    return _("{kind}: {me} & {them}", kind=label, me=mine, them=them)


def from_options(config: Config, options: InviteOptions, store: Store | None = None) -> Invitation:
    """An invitation from explicit options (``--to``, ``--title``, ``--start``, …); an
    invitee's name, where not typed, is the one the user's people know (with ``store``: the
    address books and earlier invitations too)."""
    missing = [
        flag
        for flag, value in (
            ("--to", options.to),
            ("--title", options.title),
            ("--start", options.start or options.day),
        )
        if not value
    ]
    if missing:
        raise UsageError(
            _("a new invitation needs {flags} (or --proposal N)", flags=", ".join(missing))
        )
    if options.day is not None:
        start, end = all_day_span(options.day, options.days, config.tz)
    else:
        assert options.start is not None
        minutes = options.duration or config["invite"]["default_duration"]
        start, end = options.start, add(options.start, timedelta(minutes=minutes))
    venue_name = venue_address = ""
    geo = None
    if options.venue:
        venue = find_venue(config, options.venue)
        venue_name, venue_address, geo = venue.name, venue.address, venue.geo
    return Invitation(
        title=options.title,
        start=start,
        end=end,
        all_day=options.day is not None,
        organizer=organizer(config),
        attendees=tuple(
            Attendee(e, n) for e, n in people_named(options.to, {}, known_people(config, store))
        ),
        location=options.location,
        venue_name=venue_name,
        venue_address=venue_address,
        geo=geo,
        purpose=parse_purpose(options.purpose),
        agenda=options.agenda,
        language=config.user["language"],
        reminder_minutes=config["invite"]["reminder_minutes"],
        zone=options.zone,
        organizer_zone=config.user["timezone"],
    )


def find_venue(config: Config, name: str, catalog: Any = None) -> Any:
    """The catalog venue called ``name`` (exact, else the only one whose name contains it);
    ``catalog``: the config's, where the caller has loaded it already."""
    from planner.meet.venues import catalog_from_config

    catalog = catalog if catalog is not None else catalog_from_config(config)
    wanted = name.casefold().strip()
    exact = [v for v in catalog if v.name.casefold() == wanted]
    partial = [v for v in catalog if wanted in v.name.casefold()]
    found = exact or partial
    if len(found) == 1 or exact:
        return found[0]
    if not found:
        raise UsageError(
            _("--venue '{name}' is not in the venue catalog", name=name),
            hint=_("see 'planner venues', or give --location TEXT instead"),
        )
    names = ", ".join(v.name for v in found[:5])
    raise UsageError(_("--venue '{name}' matches several venues: {names}", name=name, names=names))


def prepare(
    config: Config,
    store: Store,
    *,
    invitation: Invitation | None = None,
    update: str | None = None,
    cancel: str | None = None,
    options: InviteOptions | None = None,
    again: str | None = None,
    replaced: tuple[datetime, datetime] | None = None,
) -> PreparedInvite:
    """A REQUEST for ``invitation``, a REQUEST updating ``update``, a CANCEL of ``cancel``, or
    the logged meeting ``again`` once more, unchanged. ``replaced``: the time the user's
    calendar shows the meeting ``invitation`` updates at (:func:`calendar_time`)."""
    from planner.invite import sentlog

    if cancel:
        from planner.invite.cancels import prepare_cancel

        return prepare_cancel(store, cancel)
    if again:
        if options is not None and options != InviteOptions():
            raise UsageError(
                _("--again sends the invitation as it was; to change it use --update {uid}",
                  uid=again)
            )  # fmt: skip
        return sentlog.prepare_again(store, again)
    if update:
        zone = meeting_zone(config, store, update)
        changes = _changes(config, store, options or InviteOptions(), zone)
        return sentlog.prepare_update(store, update, **changes)
    if invitation is None:
        raise UsageError(_("nothing to invite to"))
    return sentlog.prepare_request(store, invitation, replaced=replaced)


def meeting_zone(config: Config, store: Store, uid: str) -> tzinfo:
    """The zone the logged meeting ``uid`` was written in (a breakfast in New York), else the
    user's: an update's ``--start`` or ``--date`` that names no zone is read in it, so an
    update never moves a meeting into the user's zone."""
    from planner.invite.sentlog import latest, resolve_uid
    from planner.invite.zones import zone_key

    last = latest(store, resolve_uid(store, uid))
    zone = last.invitation.start.tzinfo if last is not None else None
    return zone if zone is not None and zone_key(zone) else config.tz


def _changes(config: Config, store: Store, options: InviteOptions, zone: tzinfo) -> dict[str, Any]:
    """The fields an update changes; a day (``--date``) is read in the meeting's ``zone``."""
    changes: dict[str, Any] = {}
    if options.title:
        changes["title"] = options.title
    if options.day is not None:
        changes["start"], changes["end"] = all_day_span(options.day, options.days, zone)
        changes["all_day"] = True
    if options.start:
        changes["start"], changes["all_day"] = options.start, False
    if options.duration:
        start = options.start
        if start is None:
            raise UsageError(_("--duration with --update needs --start as well"))
        changes["end"] = add(start, timedelta(minutes=options.duration))
    if options.location:
        changes["location"] = options.location
    if options.venue:
        venue = find_venue(config, options.venue)
        changes.update(venue_name=venue.name, venue_address=venue.address, geo=venue.geo)
    if options.agenda:
        changes["agenda"] = options.agenda
    if options.to:
        known = known_people(config, store)
        changes["attendees"] = tuple(Attendee(e, n) for e, n in people_named(options.to, {}, known))
    if not changes:
        raise UsageError(_("--update needs at least one change (--start, --title, --venue, …)"))
    return changes


def write_file(prepared: PreparedInvite, store: Store, path: Path) -> None:
    """Write the .ics and log it, so that later updates and cancellations find the meeting."""
    from planner.invite import sentlog
    from planner.paths import write_atomic

    try:
        write_atomic(path, prepared.ics)
    except OSError as exc:
        raise UsageError(
            _("{path}: cannot write: {error}", path=path, error=exc.strerror or exc)
        ) from None
    sentlog.record_kept(store, prepared, f"file:{path.absolute()}")


def send(config: Config, store: Store, prepared: PreparedInvite) -> str:
    """Send by e-mail per the [smtp] settings; log only what the server accepted."""
    from planner.invite.mail import SmtpSettings, deliver

    result = deliver(store, prepared, SmtpSettings.from_config(config))
    return result.message_id
