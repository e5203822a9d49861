"""A private occasion with friends or family: purpose personal, no external business time.

A meeting whose counterparts are all private people (free-mail addresses:
:attr:`planner.judge.directory.Directory.freemail`, or people the user's address book knows
without an organisation) is a private occasion when the user's side
says so, by one of:

- it was organised from one of the user's private addresses (``[user] other_emails`` outside
  their own domains), on a weekend, in the evening, or with a social word in the title;
- it lies on a weekend and the title or the user's text name a social occasion ("Dinner mit
  Jens & Katrin", "Geburtstag Oma", "BBQ bei Tom", "Anniversaire de Léa").

A business dinner on a weekday evening, sent from the work address to a founder's gmail, stays
a business meeting; so does anything whose words say first contact or deal closing (the caller
asks those first). The words are data, German, English and French; titles and the user's text
only, never addresses or vendor blocks.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from planner.i18n import _
from planner.model import Attendee, Confidence, Event, Purpose, PurposeResult

if TYPE_CHECKING:
    from planner.config import Config
    from planner.judge.directory import Directory

#: Social occasions among friends and family (whole words; nine letters and more anywhere).
SOCIAL_OCCASIONS: tuple[str, ...] = (
    "dinner", "abendessen", "brunch", "geburtstag", "birthday", "bbq", "barbecue", "grillen",
    "grillabend", "party", "hochzeit", "wedding", "taufe", "christening", "spieleabend",
    "game night", "kino", "cinema", "movie night", "konzert", "concert", "familienfeier",
    "family dinner", "anniversary", "jahrestag", "polterabend", "junggesellenabschied",
    "housewarming", "einweihung", "dîner", "diner", "anniversaire", "fête", "mariage",
    "pique-nique", "picnic", "picknick", "raclette", "fondue",
)  # fmt: skip
EVENING = time(18)


def private_occasion(
    event: Event,
    externals: tuple[Attendee, ...],
    directory: Directory,
    config: Config,
    social: str | None,
) -> PurposeResult | None:
    """Personal, with its evidence, when ``event`` is a private occasion (module rules);
    ``social`` is the evidence of a word of :data:`SOCIAL_OCCASIONS` in its title or the
    user's text, if any."""
    if not externals or not all(_private_person(p.email, directory) for p in externals):
        return None
    local = event.start.astimezone(config.tz)
    weekend = local.weekday() >= 5
    evening = not event.all_day and local.time() >= EVENING
    private = _private_organiser(event, config)
    if private and (weekend or evening or social):
        signs = [_("organised from your private address")]
    elif weekend and social:
        signs = []
    else:
        return None
    signs += [_("only private (free-mail) addresses besides you")]
    signs += [_("on a weekend")] if weekend else [_("in the evening")] if evening else []
    signs += [social] if social else []
    return PurposeResult(Purpose.PERSONAL, tuple(signs), Confidence.MEDIUM)


def _private_person(email: str, directory: Directory) -> bool:
    """A free-mail address, or one the user's address book (or config) knows as a person of
    no organisation (a friend at their own domain: "jens@hoffmann-familie.example")."""
    if directory.organisation(email) is None:
        return True
    from planner.people.person import Source

    person = directory.people.get(email)
    return person is not None and person.source >= Source.ADDRESS_BOOK and not person.organisation


def _private_organiser(event: Event, config: Config) -> bool:
    """Organised from one of the user's other addresses (``other_emails``) outside their own
    domains: never from ``[user] email``, the address they work from (a freelancer's gmail,
    or a config that names no domains)."""
    organizer = event.organizer
    if organizer is None:
        return False
    email = organizer.email.strip().lower()
    main = str(config.user["email"] or "").strip().lower()
    return (
        email != main and email in config.addresses and organizer.domain not in config.own_domains
    )
