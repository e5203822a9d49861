"""The town of a written address, read offline from how countries write their addresses: a
postal code before or after the town, a US state and ZIP after it, a country's name at the end
(never a town). One reading for the places shown (:mod:`planner.render.places`), the trips
(:mod:`planner.flows.trips`), the destinations of journeys (:mod:`planner.judge.travel`) and
the offline locating of :mod:`planner.meet.geo`.

    "Dam 1, 1012 JS Amsterdam, Nederland"            → Amsterdam
    "10 Downing Street, London SW1A 2AA, UK"         → London
    "ul. Marszałkowska 10, 00-590 Warszawa, Polska"  → Warszawa
    "Václavské náměstí 1, 110 00 Praha 1"            → Praha
    "1600 Amphitheatre Pkwy, Mountain View, CA 94043" → Mountain View
"""

from __future__ import annotations

import functools
import re

from planner.model import PostalAddress
from planner.people.names import fold

#: A postal code as countries write them: 80802, 27613-3502 (US ZIP+4), 1100-053 (Portugal),
#: G1V 2M2 (Canada), SW1A 1AA (UK), 1012 AB (Netherlands), 114 55 (Sweden, Czechia),
#: 00-950 (Poland), D02 X285 (Ireland).
CODE = (
    r"(?:\d{4} ?[A-Z]{2}\b|\d{4,5}(?:-\d{3,4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d"
    r"|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{3} \d{2}|\d{2}-\d{3}|[A-Z]\d{2} ?[A-Z\d]{4})"
)
#: Codes that are written after the town and cannot be a house number or a suite: the UK's,
#: Canada's, a Dutch one with its letters, a US state with its ZIP.
_AFTER = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4} ?[A-Z]{2}"
    r"|[A-Z]{2} \d{5}(?:-\d{4})?)"
)
#: "80802 München", "A-1010 Wien", "NL-1012 JS Amsterdam"; "London SW1A 2AA", "Québec G1V 2M2"
TOWN_BESIDE_CODE = re.compile(rf"^(?:[A-Z]{{1,3}}-)?{CODE}\s+(.+)$|^(.+?)\s+{CODE}$")
_BEFORE_RE = re.compile(rf"^(?:[A-Z]{{1,3}}-\s?)?{CODE}\s+(\D.*)$")
_AFTER_RE = re.compile(rf"^(\D+?),?\s+{_AFTER}$")
_STATE_ZIP = re.compile(r"^[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$")  # "AZ 85281", "NY"
_CODE_ONLY = re.compile(rf"^(?:[A-Z]{{1,3}}-\s?)?{CODE}$")  # "NW1 6XE" on its own
#: What follows a town's name: its district ("Praha 1", "Dublin 2"), a province ("Roma RM")
_DISTRICT = re.compile(r"(?:\s+\d{1,2}\.?|\s+[A-Z]{2})$")
_SPLIT = re.compile(r"[,;\n()]")


def parts(text: str) -> list[str]:
    """The parts of an address, by commas, lines, semicolons and brackets."""
    return [p.strip(" .") for p in _SPLIT.split(text.replace("\r", "")) if p.strip(" .")]


@functools.cache
def _country_codes() -> dict[str, str]:
    """Countries as addresses end with them, in the languages of the addresses planner reads
    ("USA", "Vereinigte Staaten", "États-Unis", "Nederland", "Österreich", "Polska"), folded,
    each with its ISO 3166 code:
    never a town, even where a town bears that name ("Dam 1, 1012 JS Amsterdam, Nederland" was
    Nederland, Texas). Read from ``planner/data/countries.txt`` (``scripts/build_countries.py``
    writes it from CLDR: Babel's names in twenty languages take 0.2 s to load)."""
    from importlib import resources

    text = resources.files("planner").joinpath("data", "countries.txt").read_text("utf-8")
    lines = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {fields[0]: fields[1] if len(fields) > 1 else "" for fields in lines}


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(code for code in _country_codes().values() if len(code) == 2)


#: An ISO 3166 alpha-2 code in capitals at the end of an address: its own last part after a
#: comma or a line ("80802 München, DE", "Rotterdam, NL"), or after the town in the last part
#: ("75001 Paris FR", "8001 Zürich CH"); never in brackets (an Italian province: "(FI)").
_CODE_AT_END = re.compile(
    r"^(?P<rest>.*[^\s,;])(?P<gap>\s*[,;\n]\s*|\s+)(?P<code>[A-Z]{2})\s*\.?$", re.DOTALL
)


def code_at_end(text: str) -> tuple[str, str, bool]:
    """``(code, rest, sure)`` when ``text`` ends in an ISO 3166 alpha-2 code where a country
    stands (see :data:`_CODE_AT_END`), ``rest`` the address before it; else ``("", text,
    False)``. ``sure``: the code is its own part after a postal code and town ("80802 München,
    DE"); otherwise a US state ("Newark, DE", "Chicago, IL") or an Italian province ("50122
    Firenze FI") may be written so, and only finding the town in that country tells (the
    offline look-up of :mod:`planner.meet.geo` asks)."""
    match = _CODE_AT_END.match(text.strip())
    if match is None or match.group("code") not in _iso_codes():
        return "", text, False
    rest = match.group("rest").strip(" ,;")
    if not rest or rest.endswith(("(", "[")) or _STATE_ZIP.match(rest.rsplit(",", 1)[-1].strip()):
        return "", text, False
    before = parts(rest)[-1] if parts(rest) else ""
    sure = match.group("gap").strip() != "" and bool(
        _BEFORE_RE.match(before) or _AFTER_RE.match(before)
    )
    return match.group("code"), rest, sure


def is_country(part: str) -> bool:
    return fold(part.replace(".", "")) in _country_codes()


def country_code(part: str) -> str:
    """The ISO code of the country ``part`` names ("Österreich" → ``AT``), else ""."""
    return _country_codes().get(fold(part.replace(".", "")), "")


def iso_country(text: str) -> str:
    """The ISO code of a country as an address writes it: a name in any language
    ("Frankreich", "France") or the code itself ("FR", "fr"); "" when it names none."""
    text = text.strip()
    code = country_code(text) or (text.upper() if len(text) == 2 else "")
    return code if code in _iso_codes() else ""


def country_word(code: str) -> str:
    """A name of the country ``code`` that ends an address ("France" for FR), for a look-up
    that keeps to that country; "" for a code no name is known for."""
    names = [name for name, iso in _country_codes().items() if iso == code]
    return min(names, key=lambda n: (not n.isascii(), len(n)), default="")


#: Labels address books give addresses (Apple's and Google's own, typed by the user; folded),
#: by the kind they name: an "Office" or "Büro" address is where someone works.
_KIND_LABELS = {
    "work": (
        "work", "office", "business", "company", "buro", "arbeit", "geschaftlich", "firma",
        "dienstlich", "bureau", "travail", "professionnel", "kantoor", "werk", "zakelijk",
        "oficina", "trabajo", "ufficio", "lavoro",
    ),
    "home": (
        "home", "private", "privat", "zuhause", "zu hause", "daheim", "wohnung", "domicile",
        "maison", "thuis", "casa", "domicilio", "residence",
    ),
    "other": ("other", "sonstige", "andere", "autre", "overig", "otro", "altro"),
}  # fmt: skip
_KINDS = {label: kind for kind, labels in _KIND_LABELS.items() for label in labels}


def address_kind(label: str) -> str:
    """``work``, ``home`` or ``other`` for a label an address book gives an address ("Office",
    "Büro", "Privat", "_$!<Work>!$_" as Apple writes it), else the label in lower case."""
    text = label.strip()
    if text.startswith("_$!<") and text.endswith(">!$_"):
        text = text[4:-4]
    return _KINDS.get(fold(text), text.lower())


#: Countries whose addresses name the town before the postal code: the UK and Ireland
#: ("London SW1A 2AA"), North America with its state or province ("Boston, MA 02116").
_CODE_AFTER_TOWN = frozenset({"GB", "IE"})
_STATE_BEFORE_CODE = frozenset({"US", "CA"})


def written(address: PostalAddress) -> str:
    """``address`` on one line as its country writes it: "10 Downing Street, London SW1A 2AA,
    United Kingdom", "200 Clarendon Street, Boston, MA 02116, USA", else with the postal code
    before the town ("Steindamm 17, 20099 Hamburg, Germany", :attr:`PostalAddress.text`)."""
    country = address.country.strip()
    code = country_code(country) or (country.upper() if len(country) == 2 else "")
    if code in _CODE_AFTER_TOWN:
        town = " ".join(p for p in (address.city, address.postal_code) if p)
        parts = (address.street, town, address.region, country)
    elif code in _STATE_BEFORE_CODE:
        state = " ".join(p for p in (address.region, address.postal_code) if p)
        parts = (address.street, address.city, state, country)
    else:
        return address.text
    return ", ".join(p for p in parts if p)


def town_of(text: str) -> str:
    """The town an address names beside its postal code or before a US state, as written
    (without a district number or a province); "" when the address does not show it so."""
    found = parts(text)
    for index, part in enumerate(found):
        if index and _STATE_ZIP.match(part) and not is_country(part):
            if town := _town(found[index - 1]):
                return town
    for index, part in enumerate(found):
        if match := _BEFORE_RE.match(part):
            if town := _town(match.group(1)):
                return town
        elif match := _AFTER_RE.match(part):
            written = match.group(1)
            if _STATE_ZIP.match(written) and index:  # "Toronto, ON M5H 2N2"
                written = found[index - 1]
            if town := _town(written):
                return town
        elif index and _CODE_ONLY.match(part):  # "London, NW1 6XE", "…, Dublin 2, D02 X285"
            before = found[index - 1]
            if (index > 1 or not re.search(r"\d", before)) and (town := _town(before)):
                return town
    return ""


def area_of(text: str, located: str = "") -> str:
    """The town or area of an address, to name it to others: the town beside its postal code,
    else the town a look-up found (``located``), else its last part that has no number and is
    no country ("Schweizer Straße 12, Frankfurt" → Frankfurt, "Frankfurt am Main" as it is);
    "" when it shows none. Never the street: ``[user] home`` is a centre for the search, not
    a place to show anyone."""
    if town := town_of(text) or located:
        return town
    found = [p for p in parts(text) if not is_country(p)]
    later = found[1:] or found  # of several parts the first is the street (or the house)
    return next((p for p in reversed(later) if not re.search(r"\d", p)), "")


def _town(written: str) -> str:
    town = _DISTRICT.sub("", written).strip(" ,")
    if (
        not town
        or re.search(r"\d", town)
        or len(town.split()) > 4
        or town.isupper()
        and len(town) <= 3
        or is_country(town)
    ):
        return ""
    return town
