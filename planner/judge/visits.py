"""The words of a client or site visit (purpose visit, :func:`planner.judge.people.visit_word`):
phrases anywhere in the title or the user's text ("Kundenbesuch", "site visit", "visita de
obra", "werkbezoek"), compound tails ("Werksbesuch"), and a visit noun that opens a title before
what is visited ("Bezoek terminal Van Damme", "Visit Acme plant", "Besök fabriken i Umeå"): a
site word or a capitalised name after it, not one's family or doctor ("Visit Mum", "Bezoek
huisarts"). German writes every noun with a capital: its "Besuch" opens no visit by itself
("Besuch Weihnachtsmarkt"); "Besuch bei", "Kundenbesuch" say it.
"""

from __future__ import annotations

from planner.judge.kept_regex import compiled

#: Client and site visits (purpose visit).
VISIT_WORDS: tuple[str, ...] = (
    "kundenbesuch", "kundentermin vor ort", "besuch bei", "besuch beim", "site visit",
    "customer visit", "client visit", "office visit", "plant visit", "factory visit",
    "werksbesuch", "werksbesichtigung", "betriebsbesichtigung", "baustellenbegehung",
    "begehung", "vor-ort-termin", "vor ort termin", "on-site visit", "onsite visit", "ortstermin",
    "visite", "site tour",
    # Spanish, Italian, Portuguese: a visit to a site, a plant, a client
    "visita de obra", "visita a obra", "visita à obra", "visita de cliente", "visita al cliente",
    "visita a cliente", "visita ao cliente", "visita cliente", "visita técnica",
    "visita tecnica", "visita de planta", "visita a planta", "visita a fábrica",
    "visita à fábrica", "visita stabilimento", "visita allo stabilimento", "visita in azienda",
    "visita aziendale", "visita in cantiere", "visita al cantiere", "visita cantiere",
    "sopralluogo", "visita a las instalaciones", "visita às instalações",
    # Dutch
    "werkbezoek", "klantbezoek", "klantenbezoek", "bedrijfsbezoek", "fabrieksbezoek",
    "locatiebezoek", "bouwplaatsbezoek", "projectbezoek", "bezoek aan", "bezoek bij",
    # Polish, Czech, Swedish, Danish, Norwegian ("Kundbesök", "Kundebesøg" by their tails)
    "wizyta u klienta", "wizyta w zakładzie", "wizyta na budowie", "návštěva", "návštěvu",
    "besök hos", "besök på", "besøg hos", "besøg på", "besøk hos", "besøk på",
    # Turkish, Hungarian, Romanian, Greek, Japanese ("Üzemlátogatás", "工場見学" by their tails)
    "müşteri ziyareti", "fabrika ziyareti", "tesis ziyareti", "saha ziyareti", "ziyaret",
    "látogatás", "vizită la", "vizita la", "vizită de lucru", "vizită în", "επίσκεψη στις",
    "επίσκεψη στο", "επίσκεψη στην", "επίσκεψη στα", "επίσκεψη σε", "見学", "訪問",
)  # fmt: skip
VISIT_SUFFIXES: tuple[str, ...] = (
    "besuch", "begehung", "besichtigung", "besök", "besøg", "besøk", "látogatás", "ziyareti",
    "見学", "訪問",
)  # fmt: skip
#: Visit nouns that open a title before what is visited ("Bezoek terminal …", "Visit Acme").
VISIT_OPENERS: tuple[str, ...] = ("bezoek", "visit", "besök", "besøg", "besøk")
#: Sites after a visit noun ("Bezoek terminal", "Visit plant", "Besök fabriken").
SITE_NOUNS: tuple[str, ...] = (
    "terminal", "fabriek", "bouwplaats", "werf", "haven", "kantoor", "klant", "locatie",
    "magazijn", "depot", "project", "productielocatie", "distributiecentrum", "site", "plant",
    "factory", "warehouse", "office", "client", "customer", "port", "mine", "farm", "showroom",
    "yard", "works", "mill", "store", "branch", "headquarters", "hq", "lab", "studio",
    "fabriken", "fabrik", "fabrikken", "kontoret", "kontor", "lagret", "lager", "kunden",
    "bygget", "byggeplads", "byggeplassen", "hamnen", "havnen", "terminalen",
)  # fmt: skip
#: Capitalised words after a visit noun that are no site or organisation: family, doctors.
NOT_VISITED: tuple[str, ...] = (
    "mum", "mom", "dad", "mama", "papa", "oma", "opa", "nan", "nana", "gran", "granny",
    "grandma", "grandpa", "family", "familie", "gp", "doctor", "dr", "dentist", "hospital",
    "huisarts", "tandarts", "ziekenhuis", "dokter", "oma's", "santa", "sinterklaas",
)  # fmt: skip
#: The visit noun first, or after a hold's word ("Optie: bezoek terminal …", "Hold – visit …").
_OPENER_RE = compiled(
    r"^\W*(?:[^\W\d_]+\s*(?::|\s[–—-])\s*)?(?i:"
    + "|".join(VISIT_OPENERS)
    + r")\s+(?P<next>[^\W\d_][\w'’.&-]*)"
)
_SITES = frozenset(SITE_NOUNS)
_NOT_VISITED = frozenset(NOT_VISITED)


def opening_visit(title: str) -> str | None:
    """The visit noun and what it visits when they open ``title`` ("Bezoek terminal", "Visit
    Acme"), or None."""
    match = _OPENER_RE.match(title)
    if match is None:
        return None
    after = match.group("next")
    low = after.casefold().rstrip(".")
    if low in _SITES or (after[0].isupper() and low not in _NOT_VISITED):
        return match.group(0).strip()
    return None
