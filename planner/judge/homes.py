"""Where a counterpart lives: their home city, with the evidence for it.

Evidence, strongest first (weights in :data:`WEIGHTS`):

- ``[[people]]`` in the config (``email`` or ``domain`` → ``city``) always wins;
- places of earlier in-person meetings with them, or with their organisation (same domain);
- addresses in the locations of their other meetings (a postal code or a city in the text);
- their phone numbers near their name or address in a meeting's description: the area code
  names a city (+49 40 Hamburg, +44 20 London), else the country code a country;
- their e-mail domain's country (``.co.uk`` → United Kingdom).

A country alone names a city only abroad (its main business city, marked as such): "somewhere
in Germany" says nothing useful to a user in Munich. Places are located by the ``locate``
function handed in (the geocoder of :mod:`planner.meet.geo`), so this module needs no network.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from planner.i18n import _
from planner.judge.directory import FREEMAIL_DOMAINS, domain_of
from planner.judge.zones import place_text
from planner.model import Event, Geo, Mode
from planner.people.addresses import address_key

if TYPE_CHECKING:
    from planner.config import Config

WEIGHTS = {"in_person": 3.0, "org_in_person": 2.0, "address": 1.5, "phone": 1.0, "came": 0.75}

# calling code → (ISO country, its main business city); longest prefix wins
COUNTRY_CODES: Mapping[str, tuple[str, str]] = {
    "49": ("DE", "Berlin"),
    "43": ("AT", "Wien"),
    "41": ("CH", "Zürich"),
    "44": ("GB", "London"),
    "33": ("FR", "Paris"),
    "31": ("NL", "Amsterdam"),
    "32": ("BE", "Brussels"),
    "352": ("LU", "Luxembourg"),
    "39": ("IT", "Milan"),
    "34": ("ES", "Madrid"),
    "351": ("PT", "Lisbon"),
    "353": ("IE", "Dublin"),
    "45": ("DK", "Copenhagen"),
    "46": ("SE", "Stockholm"),
    "47": ("NO", "Oslo"),
    "48": ("PL", "Warsaw"),
    "420": ("CZ", "Prague"),
    "36": ("HU", "Budapest"),
    "1": ("US", "New York City"),
}
# calling code + area code → city (the big ones; numbers are written without the trunk 0)
AREA_CODES: Mapping[str, str] = {
    "4930": "Berlin",
    "4940": "Hamburg",
    "4989": "München",
    "4969": "Frankfurt am Main",
    "49221": "Köln",
    "49211": "Düsseldorf",
    "49711": "Stuttgart",
    "49911": "Nürnberg",
    "49341": "Leipzig",
    "49351": "Dresden",
    "49511": "Hannover",
    "49421": "Bremen",
    "49201": "Essen",
    "49231": "Dortmund",
    "49621": "Mannheim",
    "4420": "London",
    "44161": "Manchester",
    "331": "Paris",
    "431": "Wien",
    "4144": "Zürich",
    "4122": "Genève",
    "3120": "Amsterdam",
    "322": "Brussels",
}
# e-mail top-level domain → ISO country
TLD_COUNTRIES: Mapping[str, str] = {
    "de": "DE", "at": "AT", "ch": "CH", "uk": "GB", "fr": "FR", "nl": "NL", "be": "BE",
    "lu": "LU", "it": "IT", "es": "ES", "pt": "PT", "ie": "IE", "dk": "DK", "se": "SE",
    "no": "NO", "pl": "PL", "cz": "CZ", "hu": "HU",
}  # fmt: skip
MAIN_CITY = {country: city for country, city in COUNTRY_CODES.values()}
_PHONE = re.compile(r"(?:\+|\b00)(\d[\d \t./()-]{6,18}\d)")
# a national number after a label ("Tel. 040 3099 1234"): the user's country is assumed
_NATIONAL = re.compile(
    r"\b(?:tel|telefon|phone|fon|mobil|mobile|handy|t|m)\b\.?:?[ \t]*(0[1-9][\d \t./-]{5,16}\d)",
    re.IGNORECASE,
)
_NEAR_CHARS = 240  # a phone number counts when it follows their name or address this closely


class Located(Protocol):
    """What ``locate`` returns (a :class:`planner.meet.geo.Place`)."""

    name: str
    city: str
    lat: float
    lon: float


Locate = Callable[[str], "Located | None"]


@dataclass(frozen=True, slots=True)
class HomeCity:
    """A counterpart's inferred home city."""

    city: str
    geo: Geo | None
    evidence: tuple[str, ...]
    country_only: bool = False  # only a country was known; ``city`` is its main city
    configured: bool = False  # from [[people]]


@dataclass
class _Tally:
    weight: float
    geo: Geo | None
    name: str
    evidence: list[str]


def phone_city(number: str) -> tuple[str, str] | None:
    """``(city or "", ISO country)`` for an international number, None when unknown."""
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    for size in range(min(6, len(digits)), 1, -1):
        if (city := AREA_CODES.get(digits[:size])) is not None:
            return city, COUNTRY_CODES[_country_code(digits)][0]
    code = _country_code(digits)
    return ("", COUNTRY_CODES[code][0]) if code else None


def _country_code(digits: str) -> str:
    for size in (3, 2, 1):
        if digits[:size] in COUNTRY_CODES:
            return digits[:size]
    return ""


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


class HomeFinder:
    """Infers home cities from the calendar history; one instance per run."""

    def __init__(
        self,
        events: Iterable[Event],
        modes: Mapping[tuple[str, str], Mode],
        config: Config,
        locate: Locate,
        *,
        now: datetime,
    ) -> None:
        self.config = config
        self.locate = locate
        self.now = now
        # past meetings tell where they were met; upcoming ones too, by their addresses and
        # phone numbers (the dial-in of a call with them is usually their own number)
        self.history = list(events)
        self.modes = modes
        extra = {d.strip().lower() for d in config["relations"]["freemail_domains"]}
        self.freemail = FREEMAIL_DOMAINS | extra
        self.country = str(config["geo"]["country"]).upper()
        self.own = {str(config.user["email"]).lower()}
        self._memo: dict[str, HomeCity | None] = {}
        home = str(config.user["home"]).strip()
        place = locate(home) if home else None
        self.home_city = _fold(place.city) if place is not None and place.city else ""

    def home_of(self, email: str) -> HomeCity | None:
        email = email.lower()
        if email not in self._memo:
            self._memo[email] = self._infer(email)
        return self._memo[email]

    def _infer(self, email: str) -> HomeCity | None:
        if city := configured_city(email, self.config.people):
            place = self.locate(city)
            why = _("set in [[people]] of the config")
            return HomeCity(city, _geo(place), (why,), configured=True)
        tallies: dict[str, _Tally] = {}
        countries: list[tuple[str, str]] = []
        for event in self.history:
            self._from_event(event, email, tallies, countries)
        domain = domain_of(email)
        if (country := domain_country(domain)) and domain not in self.freemail:
            countries.append((country, _("e-mail domain {domain}", domain=domain)))
        if tallies:
            best = max(tallies.values(), key=lambda t: (t.weight, len(t.evidence)))
            return HomeCity(best.name, best.geo, tuple(best.evidence[:4]))
        return self._from_countries(countries)

    def _from_event(
        self, event: Event, email: str, tallies: dict[str, _Tally], countries: list
    ) -> None:
        emails = {p.email.lower() for p in event.people()}
        domain = domain_of(email)
        personal = email in emails
        org = not personal and domain not in self.freemail and domain in _domains(emails)
        if not (personal or org):
            return
        day = event.start.date().isoformat()
        mode = self.modes.get(event.key, Mode.UNKNOWN)
        location = place_text(event.location)  # never an app, a room, a number or a link
        if location:
            place = self.locate(location)
            if place is not None and mode is Mode.IN_PERSON and event.end <= self.now:
                weight = WEIGHTS["in_person" if personal else "org_in_person"]
                if self.home_city and _fold(place.city) == self.home_city:
                    weight = WEIGHTS["came"]  # met in the user's city: they may have come
                why = (
                    _("met in person at {place} on {day}", place=location, day=day)
                    if personal
                    else _(
                        "met {org} in person at {place} on {day}",
                        org=domain,
                        place=location,
                        day=day,
                    )
                )
                _add(tallies, place, weight, why)
            elif place is not None and _is_address(place):
                why = _("address in a meeting's location: {place}", place=location)
                _add(tallies, place, WEIGHTS["address"], why)
        if personal:
            self._phones(event, email, tallies, countries)

    def _phones(
        self, event: Event, email: str, tallies: dict[str, _Tally], countries: list
    ) -> None:
        text = event.description
        others = {p.email.lower() for p in event.people()} - self.own
        if others == {email}:  # a call with them alone: a number in its place is theirs
            for number in self._numbers(event.location):
                self._phone(number, tallies, countries)
        names = [email] + [p.name for p in event.people() if p.email.lower() == email and p.name]
        for anchor in names:
            at = text.lower().find(anchor.lower())
            if at < 0:
                continue
            for number in self._numbers(text[at : at + len(anchor) + _NEAR_CHARS]):
                self._phone(number, tallies, countries)
            return

    def _phone(self, number: str, tallies: dict[str, _Tally], countries: list) -> None:
        found = phone_city(number)
        if found is None:
            return
        city, country = found
        why = _("phone number {number}", number=number)
        if city and (place := self.locate(city)) is not None:
            _add(tallies, place, WEIGHTS["phone"], why)
        else:
            countries.append((country, why))

    def _numbers(self, text: str) -> list[str]:
        """International numbers in ``text`` as "+…", national ones with the user's code."""
        numbers = ["+" + m.group(1).strip() for m in _PHONE.finditer(text)]
        code = next((c for c, (land, _city) in COUNTRY_CODES.items() if land == self.country), "")
        if code:
            numbers += [f"+{code} {m.group(1).strip()[1:]}" for m in _NATIONAL.finditer(text)]
        return numbers

    def _from_countries(self, countries: list[tuple[str, str]]) -> HomeCity | None:
        abroad = [(c, why) for c, why in countries if c != self.country and c in MAIN_CITY]
        if not abroad:
            return None
        country = max({c for c, _w in abroad}, key=lambda c: sum(1 for x, _w in abroad if x == c))
        city = MAIN_CITY[country]
        evidence = [why for c, why in abroad if c == country]
        evidence.append(_("only the country is known; {city} is assumed", city=city))
        return HomeCity(city, _geo(self.locate(city)), tuple(evidence), country_only=True)


def _domains(emails: Iterable[str]) -> set[str]:
    return {domain_of(e) for e in emails}


def _is_address(place: Located) -> bool:
    return getattr(place, "source", "") in ("postal_code", "city", "nominatim")


def _geo(place: Located | None) -> Geo | None:
    return Geo(place.lat, place.lon) if place is not None else None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _add(tallies: dict[str, _Tally], place: Located, weight: float, why: str) -> None:
    name = place.city or place.name.split(",")[0].strip()
    key = _fold(name)
    tally = tallies.setdefault(key, _Tally(0.0, _geo(place), name, []))
    tally.weight += weight
    if why not in tally.evidence:
        tally.evidence.append(why)
