"""Public events: a ticket or registration booked through an event platform, or sent by an
event organiser's mailer (a meetup, a conference day, a chamber's business breakfast, a
webinar). They are gatherings, purpose networking, whoever else will be there: nobody is
invited by name, and the platform or mailer is no counterpart to have met.

Told by structure first, in any language:

- an event platform's domain as the UID's domain, the event's URL, a link in the location or
  the conference data, or the organiser's domain (Meetup, Eventbrite, Luma, GoTo Webinar,
  Livestorm, ON24, …: :data:`PLATFORM_DOMAINS`), or the events pages of a network as the URL
  or a link in the location (XING, LinkedIn, Facebook: :data:`PLATFORM_PATHS`);
- an organiser's mailer as the organiser: an events, webinar, ticketing or registration
  mailbox (:func:`planner.model.is_event_mailer`, "evenements@…", "webinare@…");

- a word that names an online gathering in the title ("Webinar", "Webinaire", "Webinario",
  "Webseminar", "Webcast": :data:`ONLINE_GATHERINGS`) of an invitation a machine sent (a
  no-reply organiser: "no-reply@zoom.us"). A webinar the user wrote into their own calendar
  says nothing about who else is there: a meeting without invited attendees, purpose other.
  A webinar is online, so its word is no in-person gathering for the mode.

Only an event nobody else is invited to by name counts (the user and the organiser at most),
and never a task for oneself ("Ticket für die Konferenz kaufen": :mod:`planner.judge.tasks`).
"""

from __future__ import annotations

import re

from planner.i18n import _
from planner.judge.kept_regex import compiled
from planner.judge.memo import SIZE, per_event
from planner.judge.tasks import task_of
from planner.judge.zones import zones_of
from planner.model import Event, is_event_mailer, is_person_address

#: Event platforms and webinar services, by domain (and its subdomains; a trailing "." stands
#: for any country ending: "eventbrite." is eventbrite.com, .fr, .de, .co.uk …).
PLATFORM_DOMAINS: tuple[str, ...] = (
    "meetup.com", "eventbrite.", "lu.ma", "luma.com", "gotowebinar.com", "livestorm.co",
    "on24.com", "bigmarker.com", "edudip.com", "demio.com", "webinarjam.com", "airmeet.com",
    "hopin.com", "hubilo.com", "swapcard.com", "brella.io", "cvent.com", "splashthat.com",
    "bevy.com", "tito.io", "ti.to", "pretix.eu", "weezevent.com", "billetweb.fr",
    "helloasso.com", "yurplan.com", "eventfrog.", "xing-events.com", "doo.net",
    "eventbrite.com", "humanitix.com", "eventzilla.net", "clickmeeting.com", "zoom-events.com",
    "events.zoom.us", "events.teams.microsoft.com", "eventcreate.com", "universe.com",
    "ticketmaster.", "eventim.", "evenium.net", "glisser.com", "vfairs.com", "6connex.com",
)  # fmt: skip
#: The events pages of networks that are no event platform as a whole: a link or UID under
#: one of these paths is an event one registered for ("xing.com/events/…",
#: "linkedin.com/events/…").
PLATFORM_PATHS: tuple[str, ...] = (
    "xing.com/events", "linkedin.com/events", "facebook.com/events", "fb.me/e",
)  # fmt: skip
#: Words that name an online gathering (a webinar), several languages.
ONLINE_GATHERINGS: tuple[str, ...] = (
    "webinar", "webinars", "webinaire", "webinaires", "webinario", "webinari", "webinarium",
    "webseminar", "web-seminar", "web seminar", "seminario web", "seminario online",
    "seminario en línea", "webcast", "online-seminar", "online seminar", "webinaar",
)  # fmt: skip

_DOMAIN_RE = compiled(
    r"(?:^|\.)(?:"
    + "|".join(re.escape(d) + (r"[a-z.]+" if d.endswith(".") else "") for d in PLATFORM_DOMAINS)
    + r")$"
)
_PATH_RE = compiled(
    r"^[a-z][a-z0-9+.-]*://(?:[a-z0-9-]+\.)*("
    + "|".join(re.escape(p) for p in PLATFORM_PATHS)
    + r")(?:[/?#]|$)",
    re.IGNORECASE,
)
_HOST_RE = compiled(r"^[a-z][a-z0-9+.-]*://([^/?#:@\s]+)", re.IGNORECASE)
_ONLINE_RE = compiled(
    r"(?<!\w)(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(ONLINE_GATHERINGS)[::-1])
    + r")(?!\w)",
    re.IGNORECASE,
)


def platform_domain(domain: str) -> bool:
    """Whether ``domain`` is (under) an event platform's."""
    return bool(domain) and _DOMAIN_RE.search(domain.lower().rstrip(".")) is not None


def _host(url: str) -> str:
    match = _HOST_RE.match(url.strip())
    return match.group(1).lower() if match else ""


def _platform(event: Event) -> str | None:
    """The event platform the structure names, as its domain."""
    uid_domain = event.uid.rpartition("@")[2] if "@" in event.uid else ""
    links = [url for zone, url in zones_of(event).links if zone == "location"]
    organiser = event.organizer.domain if event.organizer else ""
    for domain in (uid_domain, _host(event.url), organiser, *map(_host, links)):
        if platform_domain(domain):
            return domain.lower()
    for link in event.conference_links:
        if platform_domain(domain := _host(link)):
            return domain
    for url in (event.url, *links):
        if match := _PATH_RE.match(url.strip()):
            return match.group(1).lower()  # "xing.com/events", "linkedin.com/events"
    return None


@per_event(SIZE)
def public_event(event: Event) -> str | None:
    """Evidence that ``event`` is a public event one registered for (module rules), or None."""
    if len(event.people()) >= 2 or task_of(event):
        return None  # people invited by name; a task about the event
    if domain := _platform(event):
        return _("booked through the event platform {platform}", platform=domain)
    if event.organizer and is_event_mailer(address := event.organizer.email):
        return _("sent by an event organiser's mailer ({address})", address=address)
    sender = event.organizer.email if event.organizer else ""
    if sender and not is_person_address(sender) and (match := _ONLINE_RE.search(event.title)):
        return _('"{word}" sent by {address}: an event to meet people',
                 word=match.group(0), address=sender)  # fmt: skip
    return None
