"""Gathering words that name no gathering (:func:`planner.judge.people.networking_word`).

- A fair word that is also a church service or a seasonal market ("Messe", "fiera", "feria",
  "foire", "beurs"): beside a church ("Stephansdom", "Pfarrkirche", "église"), the Christmas
  season ("Natale", "Navidad", "Noël", "Kerst") or one's children it is a mass or a market:
  "Rorate-Messe im Stephansdom", "Fiera di Santa Lucia con i bambini", "Feria del Belén".
- A gathering prepared or followed up: the title says the work on it ("Messe-Nachbereitung",
  "Summit prep", "Préparation du salon", "Preparazione fiera", "Voorbereiding beurs",
  "Konferenz vorbereiten"): with colleagues a working session, alone one's own time.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.judge.kept_regex import compiled
from planner.judge.text import alternation

#: Fair words that also name a church service or a seasonal market ("Rorate-Messe", "Fiera di
#: Santa Lucia", "Feria del Belén", "Foire de Noël", "Kerstbeurs"): a gathering only where no
#: church, Christmas or one's children stand beside them (:data:`NOT_A_FAIR`).
AMBIGUOUS_FAIRS: tuple[str, ...] = ("messe", "fiera", "feria", "foire", "beurs", "festival")
#: Words beside an ambiguous fair word that make it a mass or a market: churches and services,
#: the Christmas season, one's children (German church names by their tails: "Stephansdom",
#: "Frauenkirche").
NOT_A_FAIR: tuple[str, ...] = (
    # churches and services
    "kirche", "dom", "münster", "kathedrale", "basilika", "kapelle", "pfarre", "pfarrei",
    "gottesdienst", "rorate", "christmette", "mette", "hochamt", "andacht", "requiem",
    "église", "eglise", "cathédrale", "basilique", "chapelle", "paroisse", "chiesa", "duomo",
    "basilica", "parrocchia", "santuario", "iglesia", "catedral", "parroquia", "ermita", "kerk",
    "kathedraal", "basiliek", "kapel", "parochie", "church", "cathedral", "chapel", "parish",
    "abbey", "minster",
    # the Christmas season and its markets
    "advent", "nikolaus", "christkind", "christkindl", "noël", "noel", "natale", "natalizia",
    "natalizio", "navidad", "navideña", "navideño", "belén", "belen", "belenes", "presepe",
    "presepi", "santa lucia", "santa lucía", "sinterklaas", "kerst", "kerstmis", "christmas",
    "xmas", "befana", "reyes magos", "mercatino", "mercadillo",
    # one's children
    "kinder", "kindern", "kids", "children", "enfants", "bambini", "figli", "niños", "hijos",
    "kinderen", "crianças", "filhos",
)  # fmt: skip
_NOT_A_FAIR_RE = compiled(
    r"(?i:(?<!\w)(?:" + alternation(NOT_A_FAIR) + r")(?!\w)"
    # German church names and seasons by their parts ("Stephansdom", "Pfarrkirche",
    # "Weihnachtsmarkt", "Kerstmarkt", "Natale"); "-dom" only after a name ("Mariendom",
    # not "Kingdom" or "Wisdom")
    r"|\w(?:kirche|kerk|münster|kapelle)(?!\w)"
    r"|(?<!\w)(?:weihnacht|christkind|kerst|natal|navid)\w*)"
    r"|(?<!\w)[A-ZÄÖÜ][a-zäöüß]{4,}[snr]dom(?!\w)"
)
#: Work on a gathering, in the title beside its word: preparing it, following it up.
PREPARED: tuple[str, ...] = (
    "vorbereitung", "nachbereitung", "nachlese", "auswertung", "nachbesprechung",
    "vorbereiten", "nachbereiten", "planung", "prep", "preparation", "preparations",
    "prepare", "debrief", "debriefing", "follow-up", "follow up", "followup", "recap",
    "wrap-up", "post-mortem", "préparation", "préparer", "débrief", "débriefing", "bilan",
    "suivi", "preparazione", "preparare", "preparativi", "preparación", "preparar",
    "preparativos", "seguimiento", "voorbereiding", "voorbereiden", "nabespreking",
    "evaluatie",
)  # fmt: skip
_PREPARED_RE = compiled(
    rf"(?i:(?<!\w)(?:{alternation(PREPARED)})(?!\w)"
    # German compounds: "Messevorbereitung", "Kongressnachbereitung", "Tagungsplanung"
    r"|\w(?:vorbereitung|nachbereitung|planung|auswertung|nachlese)(?!\w))"
)


def mass_or_market(word: str, texts: Iterable[str]) -> bool:
    """Whether the fair word ``word`` is a mass or a market: an ambiguous one
    (:data:`AMBIGUOUS_FAIRS`, also as a compound's tail: "Rorate-Messe") beside a church, the
    Christmas season or one's children in one of ``texts`` (title, user text, places)."""
    if not word.casefold().endswith(AMBIGUOUS_FAIRS):
        return False
    return any(_NOT_A_FAIR_RE.search(text) for text in texts if text)


def prepared(title: str) -> bool:
    """Whether ``title`` names work on a gathering rather than the gathering."""
    return _PREPARED_RE.search(title) is not None
