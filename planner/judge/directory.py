"""Who is who: the user, internal colleagues, external counterparts and their organisations.

An e-mail address at one of the user's own domains is a colleague; any other address is an
external counterpart, whose organisation is its domain unless that is a public mail service
(:data:`FREEMAIL_DOMAINS`, extended by ``relations.freemail_domains``). Addresses compare in
:func:`planner.people.addresses.address_key` form; names, organisations' names and cities come
from :attr:`Directory.people` (:mod:`planner.people`), which :meth:`Directory.who` uses to say
whom a meeting is with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from planner.model import FREEMAIL_DOMAINS, Attendee, Event, Response
from planner.people.addresses import address_key, domain_of
from planner.people.names import clean_name

if TYPE_CHECKING:
    from planner.config import Config
    from planner.people import People


_UNKNOWN = object()
WHO_KEPT = 8192  # answers of Directory.who remembered (then it starts afresh)

__all__ = ["FREEMAIL_DOMAINS", "Directory", "domain_of"]


class Directory:
    """Who is who: the user, internal colleagues, organisations and free-mail addresses."""

    def __init__(
        self, config: Config, user_emails: Iterable[str] = (), people: People | None = None
    ) -> None:
        from planner.people.sources import people_for

        extra = {_domain(d) for d in config["relations"]["freemail_domains"]}
        self.freemail = FREEMAIL_DOMAINS | extra
        mine = {address_key(e) for e in (*user_emails, *config.addresses)}
        self.user_emails = frozenset(mine - {""})
        # a gmail user's friends are not colleagues (Config.own_domains: no free-mail domain)
        self.own_domains = frozenset(
            {_domain(d) for d in config.own_domains} - self.freemail - {""}
        )
        self._external: dict[str, bool] = {}  # a cache: history repeats the same addresses
        self._user: dict[str, bool] = {}
        self._organisation: dict[str, str | None] = {}
        # the last event asked about and its (others, counterparts): purpose, recommendation
        # and the ledger ask for the same event in turn (an event is immutable)
        self._last: tuple[Event | None, tuple[Attendee, ...], tuple[Attendee, ...]] = (None, (), ())
        self._who: dict[tuple[int, int, tuple[str, ...], tuple[int, ...]], tuple[Any, str]] = {}
        self.people = people if people is not None else people_for(config)

    def is_user(self, email: str) -> bool:
        known = self._user.get(email)
        if known is None:
            known = self._user[email] = address_key(email) in self.user_emails
        return known

    def is_internal(self, email: str) -> bool:
        return domain_of(email) in self.own_domains

    def is_external(self, email: str) -> bool:
        known = self._external.get(email)
        if known is None:
            known = not self.is_user(email) and not self.is_internal(email)
            self._external[email] = known
        return known

    def organisation(self, email: str) -> str | None:
        """The organisation of an external address (its domain), None for free-mail/internal."""
        known = self._organisation.get(email, _UNKNOWN)
        if known is _UNKNOWN:
            domain = domain_of(email)
            free = not domain or domain in self.freemail or domain in self.own_domains
            known = self._organisation[email] = None if free else domain
        return known  # type: ignore[return-value]

    def unit(self, email: str) -> str:
        """Whom a meeting with ``email`` counts for: the organisation, else the person."""
        return self.organisation(email) or address_key(email)

    def who(self, units: Iterable[str], among: Iterable[Attendee] = ()) -> str:
        """Units (:meth:`unit`) as a person reads them: a person by name, an organisation by
        the names of ``among`` (a meeting's counterparts) who belong to it and its name,
        "Jonas Peters (Nordlicht Logistik)"; addresses and domains only where no name is
        known. (Remembered for the same units and people, until :attr:`people` changes: a week
        names the same counterparts again and again.)"""
        people = tuple(among)
        named = tuple(sorted(set(units)))
        key = (id(self.people), self.people.changes, named, tuple(map(id, people)))
        known = self._who.get(key)
        if known is not None:
            return known[1]
        if len(self._who) >= WHO_KEPT:
            self._who.clear()
        text = self._who_is(named, people)
        self._who[key] = (people, text)  # the people kept alive: their ids stay theirs
        return text

    def _who_is(self, units: Sequence[str], people: Sequence[Attendee]) -> str:
        shown = []
        for unit in units:
            if "@" in unit:
                shown.append(self.people.label(unit))
                continue
            org = self.people.organisation_name(unit) or unit
            names = [
                self.people.name_of(p.email) or clean_name(p.name, p.email)
                for p in people
                if (org_of := self.organisation(p.email)) == unit
                or (org_of or "").endswith("." + unit)
            ]
            names = list(dict.fromkeys(n for n in names if n))
            shown.append(f"{', '.join(names)} ({org})" if names else org)
        return ", ".join(shown)

    def others(self, event: Event) -> tuple[Attendee, ...]:
        """Everyone but the user (internal or external), without resources."""
        return self._people_of(event)[1]

    def counterparts(self, event: Event) -> tuple[Attendee, ...]:
        """External people of ``event`` who have not declined."""
        return self._people_of(event)[2]

    def _people_of(
        self, event: Event
    ) -> tuple[Event | None, tuple[Attendee, ...], tuple[Attendee, ...]]:
        last = self._last  # (another thread may ask about another event meanwhile)
        if last[0] is not event:
            people = event.people()
            others = tuple(p for p in people if not self.is_user(p.email))
            externals = tuple(
                p
                for p in people
                if self.is_external(p.email) and p.response is not Response.DECLINED
            )
            last = self._last = (event, others, externals)
        return last


def _domain(text: str) -> str:
    return domain_of("x@" + text.strip().lstrip("@")) if text.strip() else ""


# e-mail top-level domain → ISO country
TLD_COUNTRIES: Mapping[str, str] = {
    "de": "DE", "at": "AT", "ch": "CH", "uk": "GB", "fr": "FR", "nl": "NL", "be": "BE",
    "lu": "LU", "it": "IT", "es": "ES", "pt": "PT", "ie": "IE", "dk": "DK", "se": "SE",
    "no": "NO", "pl": "PL", "cz": "CZ", "hu": "HU", "us": "US",
}  # fmt: skip


def domain_country(domain: str) -> str:
    """The ISO country of a country-code top-level domain, ``""`` for .com and the like."""
    return TLD_COUNTRIES.get(domain.rpartition(".")[2], "")


def configured_city(email: str, people: Iterable[Mapping[str, str]]) -> str:
    """The city ``[[people]]`` gives for ``email`` (exact address first, then its domain)."""
    email = address_key(email)
    domain = domain_of(email)
    entries = list(people)
    entries = [e for e in entries if e.get("city")]
    for entry in entries:
        if address_key(entry.get("email", "")) == email:
            return entry["city"]
    for entry in entries:
        wanted = (
            domain_of("x@" + entry.get("domain", "").lstrip("@")) if entry.get("domain") else ""
        )
        if wanted and (domain == wanted or domain.endswith("." + wanted)):
            return entry["city"]
    return ""
