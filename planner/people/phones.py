"""Which city or country a phone number belongs to: the calling code names a country, the area
code after it the city of a landline (``+49 40`` Hamburg, ``+44 20`` London, ``+33 1`` Paris,
``+41 44`` Zürich, ``+1 212`` New York City). Mobile numbers and unknown area codes name the
country only. National numbers (``040 3099 1234``, ``01 42 68 53 00``) after a label ("Tel.",
"Phone", "Tél.") are read in the user's country; an address book's (:func:`international`) in
the card's country, else the user's.

The tables hold the cities people travel to for business; a number of a smaller town names its
country, which says no more than it knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
# calling code + area code → city (numbers are written without the trunk 0)
AREA_CODES: Mapping[str, str] = {
    # Germany
    "4930": "Berlin", "4940": "Hamburg", "4989": "München", "4969": "Frankfurt am Main",
    "49221": "Köln", "49211": "Düsseldorf", "49711": "Stuttgart", "49911": "Nürnberg",
    "49341": "Leipzig", "49351": "Dresden", "49511": "Hannover", "49421": "Bremen",
    "49201": "Essen", "49231": "Dortmund", "49621": "Mannheim", "49228": "Bonn",
    "49721": "Karlsruhe", "49761": "Freiburg im Breisgau", "49821": "Augsburg",
    "49941": "Regensburg", "49731": "Ulm", "49611": "Wiesbaden", "496131": "Mainz",
    "49681": "Saarbrücken", "49521": "Bielefeld", "49251": "Münster", "49241": "Aachen",
    "49431": "Kiel", "49451": "Lübeck", "49381": "Rostock", "49331": "Potsdam",
    "49361": "Erfurt", "49391": "Magdeburg", "49345": "Halle (Saale)", "49371": "Chemnitz",
    "49531": "Braunschweig", "49551": "Göttingen", "496221": "Heidelberg", "49931": "Würzburg",
    # Austria
    "431": "Wien", "43316": "Graz", "43732": "Linz", "43662": "Salzburg", "43512": "Innsbruck",
    # Switzerland
    "4144": "Zürich", "4143": "Zürich", "4122": "Genève", "4131": "Bern", "4161": "Basel",
    "4121": "Lausanne", "4141": "Luzern", "4171": "St. Gallen", "4191": "Lugano",
    # United Kingdom
    "4420": "London", "44161": "Manchester", "44121": "Birmingham", "44131": "Edinburgh",
    "44141": "Glasgow", "44113": "Leeds", "44117": "Bristol", "44151": "Liverpool",
    "441223": "Cambridge", "441865": "Oxford", "4429": "Cardiff", "4428": "Belfast",
    # France: +33 1 is Paris; the other regions by their first two digits
    "331": "Paris", "33472": "Lyon", "33478": "Lyon", "33491": "Marseille", "33493": "Nice",
    "33556": "Bordeaux", "33561": "Toulouse", "33388": "Strasbourg", "33240": "Nantes",
    "33320": "Lille", "33467": "Montpellier", "33299": "Rennes",
    # Benelux
    "3120": "Amsterdam", "3110": "Rotterdam", "3170": "Den Haag", "3130": "Utrecht",
    "322": "Brussels", "323": "Antwerpen",
    # United States
    "1212": "New York City", "1646": "New York City", "1917": "New York City",
    "1415": "San Francisco", "1650": "Palo Alto", "1408": "San Jose", "1213": "Los Angeles",
    "1310": "Los Angeles", "1312": "Chicago", "1617": "Boston", "1202": "Washington",
    "1206": "Seattle", "1512": "Austin", "1305": "Miami", "1404": "Atlanta", "1214": "Dallas",
    "1713": "Houston", "1303": "Denver", "1215": "Philadelphia",
}  # fmt: skip

_INTERNATIONAL = re.compile(r"(?:\+|\b00)(\d[\d \t./()-]{6,18}\d)")
# a national number after a label ("Tel. 040 3099 1234", "Tél. : 01 42 68 53 00")
_NATIONAL = re.compile(
    r"(?<!\w)(?:tel|telefon|téléphone|tél|phone|fon|mobil|mobile|handy|portable|fixe|direct|"
    r"durchwahl|office|t|m)\b\.?[ \t]*:?[ \t]*(0[1-9][\d \t./-]{5,16}\d)",
    re.IGNORECASE,
)


def phone_city(number: str) -> tuple[str, str] | None:
    """``(city or "", ISO country)`` for an international number, None when unknown."""
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    code = _country_code(digits)
    if not code:
        return None
    for size in range(min(7, len(digits)), len(code), -1):
        if (city := AREA_CODES.get(digits[:size])) is not None:
            return city, COUNTRY_CODES[code][0]
    return "", COUNTRY_CODES[code][0]


def _country_code(digits: str) -> str:
    for size in (3, 2, 1):
        if digits[:size] in COUNTRY_CODES:
            return digits[:size]
    return ""


def numbers_in(text: str, country: str) -> list[str]:
    """International numbers in ``text`` as "+…", national ones (after a label) with the
    calling code of ``country`` (the user's, an ISO code)."""
    numbers = ["+" + m.group(1).strip() for m in _INTERNATIONAL.finditer(text)]
    if code := calling_code(country):
        numbers += [f"+{code} {m.group(1).strip()[1:]}" for m in _NATIONAL.finditer(text)]
    return numbers


def calling_code(country: str) -> str:
    """The calling code of ``country`` (an ISO code), ``""`` when not in the table."""
    return next((c for c, (land, _city) in COUNTRY_CODES.items() if land == country), "")


def international(number: str, country: str) -> str:
    """``number`` as an address book writes it (``+33 1 42 68 53 00``, ``0049 40 3099 1234``,
    ``(089) 12 34 56``, ``tel:+33-1-42-68-53-00;ext=12``) in international form ("+…"), a
    national one read in ``country`` (an ISO code); ``""`` when it is none of these."""
    text = number.strip()
    if text[:4].lower() == "tel:":
        text = text[4:]
    text = text.split(";", 1)[0].strip()
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if len(digits) < 6:
        return ""
    if text.startswith("+"):
        return "+" + text[1:].strip()
    if digits.startswith("00"):
        return "+" + text.lstrip("( ").removeprefix("00").strip()
    if digits.startswith("0") and (code := calling_code(country)):
        rest = text.lstrip("( ")[1:] if text.lstrip("( ").startswith("0") else text
        return f"+{code} " + " ".join(rest.replace(")", " ").split())
    return ""
