"""Whether an event is a meeting with other people, and the words that say what kind of
gathering it is (networking, visit).

An event with people besides the user is a meeting (rooms, shared calendars, lists and calendar
systems are no people: :func:`planner.model.is_person_address`). Without people it is one only
when its words or place say so:

- strongly: a person named ("Lunch mit Dr. Weber", "Dinner with Tom Hayes", "Call mit Frau
  Berger", "Dîner avec les Girard", a meal and a name: "Déj Tom", "Pranzo Marco"), a gathering
  (trade fair, conference, meetup, Stammtisch, client visit) or a public event one registered
  for (an event platform's ticket, an organiser's mailer: :mod:`planner.judge.platforms`);
- weakly: meeting words ("Standup", "Jour fixe", "Sync") or a video or phone call. These count
  only when the event lists no attendees at all: an entry of a shared or room calendar
  ("Routine meeting" by ``…@group.calendar.google.com``) is no meeting of the user's.

Travel items and all-day events are never meetings. The word lists are data (German and
English); ``[purpose] networking_words`` and ``visit_words`` extend the gathering words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from planner.judge import patterns as P
from planner.judge.anchored import Screened, factored, longest_first
from planner.judge.calls import NOT_CALLS
from planner.judge.kept_regex import compiled
from planner.judge.memo import BULKY, SIZE, per_event
from planner.judge.not_gatherings import mass_or_market, prepared
from planner.judge.platforms import public_event
from planner.judge.tasks import task_of
from planner.judge.text import alternation
from planner.judge.travel import is_travel
from planner.judge.visits import VISIT_SUFFIXES, VISIT_WORDS, opening_visit
from planner.judge.zones import PLACE, ROOM, zones_of
from planner.model import Event, Mode, is_person_address

#: Titles before a name ("Dr.", "Frau", "Mme", "Sra.", "Dhr.").
_TITLES = (
    r"(?:(?:Dr|Dra|Prof|Profa|Herrn?|Frau|Mr|Mrs|Ms|Dipl|Mme|Mlle|M|Me|Sr|Sra|Sig|Sig\.ra|Dott|"
    r"Dott\.ssa|Avv|Ing|Eng|Arq|Dhr|Mevr)\.?\s+)*"
)
#: A capitalised name (no digits: "Q4" is none).
_NAME = r"[A-ZÄÖÜÉÈÀÂÎÔÛÇÑÁÍÓÚŐŰŞĞİȘȚĂΑ-ΩΆΈΉΊΌΎΏ][^\W\d_][\w'-]*"
#: A person named after "mit"/"with"/"avec"/"con"/"met": a capitalised name, titles allowed,
#: a family by its article ("avec les Girard", "with the Smiths", "con i Rossi", "met de Vries").
WITH_PERSON = (
    r"(?<![\w'’])(?:(?:mit|with|und|&|avec|con|met|com|med|cu|με)\s+|(?:w|c)/\s*)"
    r"(?:(?:les|la|le|the|los|las|el|il|i|gli|de|het|den|o|a|os|as|τη|την|τον|το)\s+|l['’])?"
    + _TITLES
    + _NAME
    # a party of someone's ("Γιορτή του Νίκου": a name-day); Japanese "中村さんとランチ" (no
    # spaces: the honorific closes the name, the meal follows "と")
    + r"|(?i:γιορτή|γενέθλια|πάρτι)\s+(?:του|της)\s+"
    + _NAME
    + r"|(?:さん|様|氏|先生|くん|ちゃん)と"
    + r"(?:ランチ|昼食|夕食|会食|食事|飲み|ディナー|朝食|お茶|コーヒー)"
)
#: At someone's home: a family by its article or the word ("bei den Hubers", "bei Familie
#: Brunner", "chez les Girard", "bij de Jongs", "a casa dei Bianchi", "em casa dos Silva").
AT_FAMILY = (
    r"(?<!\w)(?:bei|chez|bij|a\s+casa|en\s+casa|em\s+casa|at|hos|u)\s+"
    r"(?:den|les|de|the|dei|degli|di|de\s+los|dos|das|da|do)?\s*"
    r"(?:(?i:familie|famille|family|famiglia|familia|família|familjen|familien|rodziny|rodiny)"
    r"\s+)?" + _TITLES + _NAME
)
_FAMILY_WORD = (
    r"(?i:den|les|dei|degli|de\s+los|dos|das|familie|famille|family|famiglia|familia|família|"
    r"familjen|familien|rodziny|rodiny)"
)
#: "with" that also means "from" or stands alone as a letter (Polish "z", Czech "s"): a person
#: named after it only in a title with a meal or drinks ("Lunch z Martą", "Oběd s Janou"; not
#: "Raport z Warszawy").
MEAL_WITH = (
    r"(?<![\w'’.])(?:z|ze|s|se)\s+"
    + _TITLES
    + _NAME
    # Turkish "with" after the name ("Ayşe Hanım ile"), Hungarian by its ending ("Rékával")
    + r"|"
    + _NAME
    + r"(?:\s+(?:Bey|Hanım|"
    + _NAME
    + r"))?\s+ile(?!\w)"
    + r"|(?<!\w)[A-ZÁÉÍÓÖŐÚÜŰ][^\W\d_]+(?:v[aáeé]l|([b-df-hj-np-tv-zß])\1[aáeé]l)(?!\w)"
)
#: "bei Müllers", "at the Smiths'", "u Kowalskich", "u Nováků": a family by its plural, with a
#: meal or drinks in the title.
AT_NAMES = (
    r"(?<!\w)(?:bei|at\s+the)\s+[A-ZÄÖÜ][a-zäöüß]+s\b(?!['’]?\s*[A-Z])"
    r"|(?<!\w)u\s+[A-ZŁŚŻŹĆŃÓČŘŠŽĎŤŇÚŮÝÁÉÍ][^\W\d_]+(?:ich|ych|ów|ů)\b"  # "u Kowalskich"
)
#: Words of a meeting between people (weak: only without any attendee entry).
MEETING_WORDS: tuple[str, ...] = (
    "meeting", "besprechung", "standup", "stand-up", "daily", "jour fixe", "jour-fixe", "sync",
    "call", "telefonat", "telko", "interview", "vorstellungsgespräch", "workshop", "1:1",
    "one-on-one", "abstimmung", "review", "retro", "retrospektive", "plenum",
    "sitzung", "gespräch", "coaching", "training", "schulung", "seminar", "kickoff", "kick-off",
    "spotkanie", "schůzka", "möte", "møde", "møte", "parent-teacher conference",
    "parent teacher conference", "parents' evening", "elternsprechtag", "elterngespräch",
)  # fmt: skip
#: Bookings of a room or resource: not a meeting, whatever else the title says.
BOOKING_WORDS: tuple[str, ...] = (
    "gebucht", "reserviert", "booked", "reserved", "reservation", "reservierung", "blocked",
)  # fmt: skip
#: Gatherings: trade fairs, conferences, meetups and networking evenings (purpose networking).
NETWORKING_WORDS: tuple[str, ...] = (
    "messe", "trade fair", "trade show", "tradeshow", "maker fair", "maker faire", "job fair",
    "career fair", "expo", "konferenz", "conference", "kongress", "congress", "convention",
    "tagung", "symposium", "summit", "meetup", "meet-up", "user group", "usergroup",
    "stammtisch", "networking", "netzwerkabend", "netzwerktreffen", "vernetzung", "barcamp",
    "unconference", "hackathon", "business breakfast", "business frühstück", "founders",
    "gründertreff", "afterwork networking", "day 1", "day 2", "day 3", "fachmesse", "festival",
    "treffen der", "offenes treffen", "öffentliches treffen", "open lab", "openlab", "fachtag",
    "podiumsdiskussion", "panel discussion", "keynote", "salon", "congrès", "colloque",
    "conférence", "forum", "rencontres", "soirée réseau", "dîner réseau", "réseau",
    "vernissage", "table ronde", "journée portes ouvertes", "tag der offenen tür",
    # evenings and days where start-ups pitch or show
    "pitch night", "pitch day", "pitch-abend", "pitchabend", "demo day", "demo night",
    "startup night", "start-up night", "founders night", "gründerabend", "soirée pitch",
    "nuit des start-up", "nuit des startups",
    # Spanish, Italian, Portuguese, Dutch
    "congreso", "congresso", "congres", "conferencia", "conferenza", "conferência",
    "conferentie", "feria", "fiera", "foire", "foire-exposition", "salone", "simposio",
    "jornada de puertas abiertas", "convegno", "convegni", "jornadas", "studiedag", "netwerkdag",
    "assises", "journée d'étude", "journée d’étude",
    "encuentro empresarial", "encontro empresarial", "evento de networking",
    "evento di networking", "netwerkborrel", "netwerkevent", "netwerkbijeenkomst", "vakbeurs",
    "beurs", "open dag",
    # Polish, Czech, Swedish, Danish, Norwegian; breakfast briefings and seminars
    "targi", "veletrh", "nätverksträff", "nätverkskväll", "nätverksmingel", "mingel",
    "netværksmøde", "netværksaften", "netværksarrangement", "nettverkskveld", "nettverksmøte",
    "nettverkstreff", "frukostseminarium", "frukostmöte", "frokostseminar", "frokostmøde",
    "śniadanie biznesowe", "breakfast briefing", "breakfast seminar", "business briefing",
    # Turkish, Hungarian, Romanian, Greek, Japanese ("vásár", "târg" and "έκθεση" alone are
    # Christmas markets and reports too: only as a trade fair)
    "fuar", "fuarı", "zirve", "zirvesi", "konferans", "kongre", "kongresi", "web semineri",
    "seminer", "semineri", "networking etkinliği", "konferencia", "szakvásár", "szakkiállítás",
    "üzleti reggeli", "üzleti fórum", "konferință", "conferința", "conferinta",
    "ziua porților deschise", "συνέδριο", "διεθνής έκθεση", "εμπορική έκθεση",
    "交流会", "展示会", "見本市", "カンファレンス", "セミナー", "ミートアップ", "勉強会",
)  # fmt: skip
#: Social evenings: a gathering to meet people when nobody is invited by name ("Gründer-
#: Afterwork", "Founders & Funders Drinks"); with invited people a meeting like any other.
SOCIAL_WORDS: tuple[str, ...] = (
    "afterwork", "after-work", "after work", "apéro", "apero", "drinks", "get-together",
    "get together", "happy hour", "soirée", "umtrunk", "sommerfest", "neujahrsempfang",
    "borrel", "nieuwjaarsborrel", "aperitivo", "apericena",
)  # fmt: skip
#: Venue kinds of fairs and conferences, looked for in the location ("Messegelände", "ICM").
NETWORKING_VENUES: tuple[str, ...] = (
    "messegelände", "messezentrum", "messe", "kongresszentrum", "congress center",
    "congress centre", "convention center", "convention centre", "exhibition center",
    "exhibition centre", "expo", "fairground", "fairgrounds", "icm", "icc", "palais des congrès",
    "centre de congrès", "centre des congrès", "parc des expositions", "congress centrum",
)  # fmt: skip
#: Calls and rooms that only sound like a gathering ("conference call", "Telefonkonferenz").
NOT_NETWORKING: tuple[str, ...] = (
    "conference call", "conference room", "video conference", "web conference",
    "telefonkonferenz", "videokonferenz", "webkonferenz", "konferenzschaltung", "konferenzraum",
    "conférence téléphonique", "conf call", "visioconférence", "salle de conférence",
    "conference id", "konferenz-id", "conference bridge",
    # a meeting of two parties, not a gathering ("Parent-teacher conference")
    "parent-teacher conference", "parent teacher conference", "teacher conference",
    "case conference",
    # "Messe" as a church service in French and German ("Messe pour …", "Heilige Messe")
    "messe pour", "messe de minuit", "messe de noël", "messe du dimanche", "messe dominicale",
    "sainte messe", "heilige messe", "messe des familles", "messe d'anniversaire",
    # a hairdresser's, a tea room, a beauty parlour ("Salon de coiffure", "Kapsalon")
    "salon de coiffure", "salon de thé", "salon de beauté", "salon d'esthétique",
    "salone di bellezza", "salón de belleza", "kapsalon", "schoonheidssalon", "nagelsalon",
    "hair salon", "nail salon", "beauty salon",
    # French "convention de …": an agreement ("convention d'honoraires", "convention-cadre")
    "convention d", "convention de", "convention cadre",
)  # fmt: skip
#: Tails of German compounds that name a gathering ("Drohnentreffen", "Chaostreff",
#: "Gründerstammtisch", "Fachkongress", "OpenDataBarCamp").
NETWORKING_SUFFIXES: tuple[str, ...] = (
    "treffen", "treff", "stammtisch", "messe", "kongress", "tagung", "barcamp",
    "meetup", "summit", "fuarı", "交流会", "展示会", "見本市", "カンファレンス", "セミナー",
    "ミートアップ", "勉強会",
)  # fmt: skip

_WITH_PERSON_RE = compiled(WITH_PERSON)
#: "Call for papers", "Appel à projets": no call (taken out before the meeting words are read).
_NOT_CALL_RE = compiled(rf"(?i)(?<!\w)(?:{alternation(NOT_CALLS)})(?!\w)")
#: One's children after "mit" (German writes them with a capital, as a name): nobody named.
_CHILDREN = frozenset(("kinder", "kindern", "kids", "enkel", "enkeln", "enkelkinder",
                       "enkelkindern"))  # fmt: skip
_AT_FAMILY_RE = compiled(AT_FAMILY)
_FAMILY_WORD_RE = compiled(rf"\s(?:{_FAMILY_WORD})\s")
_AT_NAMES_RE = compiled(AT_NAMES)
_MEAL_WITH_RE = compiled(MEAL_WITH)
#: A group one knows, named by what it is ("Happy hour com o pessoal da Cantareira", "Drinks
#: with the team", "Apéro avec l'équipe"): drinks with them, no evening to meet new people.
_WITH_GROUP_RE = compiled(
    r"(?i)(?<!\w)(?:com|with|mit|avec|con|met|cu|με)\s+(?:(?:o|a|os|as|the|dem|den|der|el|la|"
    r"los|las|il|lo|de|het|l['’])\s*)?(?:pessoal|galera|turma|team|equipe|équipe|equipo|gente|"
    r"crew|gang|folks|colleagues|kollegen|colegas|collègues|colleghi|collega's|echipa|ομάδα)(?!\w)"
)
_MEAL_SET = frozenset(word.casefold() for word in P.MEAL_PHRASES)
_MEAL_WORD_RE = compiled(rf"(?<!\w)(?i:{alternation(P.MEAL_PHRASES)})(?!\w)")
#: Capitalised words after a meal that name no person: places, towns, blocker words, meeting
#: nouns, other meals and a few more (German capitalises every noun: "Mittag Pause").
#: Drinks that name whom with right after them, as a meal does ("Apéro Chloé", "Borrel Daan",
#: "Drinks Tom Walsh", "Aperitivo Giulia").
DRINKS: tuple[str, ...] = (
    "apéro", "apero", "aperitivo", "apericena", "borrel", "drinks", "drink", "beers", "pint",
    "pints", "cañas", "copas", "vermut", "vermouth", "glühwein",
)  # fmt: skip
#: Capitalised words after drinks that name a crowd or an occasion, not a person ("Drinks
#: Fintech Ireland", "Apéro Startups", "Borrel Kerst").
_CROWDS = (
    "fintech", "tech", "startup", "startups", "start-ups", "founders", "alumni", "community",
    "club", "team", "crew", "friends", "friday", "vendredi", "freitag", "vrijdag", "xmas",
    "christmas", "noël", "kerst", "natale", "navidad", "weihnachten", "summer", "winter",
    "été", "hiver", "zomer", "sommer", "verano", "estate", "réseau", "business", "women",
    "ladies", "expats", "expat", "digital", "data", "ai", "web", "dev", "devs", "design",
)  # fmt: skip
_NOT_NAMES = frozenset(
    word.casefold()
    for words in (P.VENUE_WORDS, P.CITIES, P.BLOCKER_TITLES, P.MEETING_NOUNS, P.MEALS, DRINKS,
                  NETWORKING_WORDS, SOCIAL_WORDS, _CROWDS,
                  P.CONNECTORS, ("break", "time", "buffet", "zuhause", "daheim", "home",
                                 "alone", "allein", "seul", "seule", "solo", "bestellen"))
    for word in words
)  # fmt: skip
#: A meal or drinks with a name right after them, as the whole title ("Déj Tom", "Lunch Dr.
#: Vogt (Helix)", "Mittag Jens", "Cena Marco Rossi – Acme", "Apéro Chloé"): with that person.
#: Particles of a surname ("Daan de Wit", "Jan van der Berg", "Lucía de la Cruz").
_PARTICLES = r"(?:\s+(?:van|von|de|der|den|di|da|del|della|du|la|le|ter|ten|zu|dos|das))*"
_MEAL_NAME_RE = compiled(
    rf"^\W*(?i:{alternation(P.MEALS + DRINKS)})\s+(?:w/\s*)?{_TITLES}({_NAME})"
    rf"(?:{_PARTICLES}\s+{_NAME})?\s*(?:[(\[–—|@,:/-].*)?$"
)
_LINK_RE = compiled(r"\S+://\S+|www\.\S+|<[^<>]*>", re.IGNORECASE)  # "…/meetup-join/…" is no meetup


class Words:
    """Whole words and phrases (a space also matches "-"), plus compound tails: the first
    match in a text, as one alternation of both would find it (at one position the words come
    first). The compound pattern backtracks over every word; it is tried only in a text that
    holds one of the tails (the same case-insensitive match, without the word before it)."""

    def __init__(self, words: tuple[str, ...], suffixes: tuple[str, ...]) -> None:
        parts = [re.escape(w).replace(r"\ ", r"[\s-]+") for w in longest_first(words)]
        plain = r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"
        listed = tuple(words)
        self.words = Screened(
            plain,
            re.IGNORECASE,
            lambda: r"(?<!\w)(?:" + factored(listed, r"[\s-]+") + r")(?!\w)",
        )
        self.tails = self.compounds = None
        if suffixes:
            tails = "|".join(re.escape(s) for s in longest_first(suffixes))
            # only asked whether: the same strings factored, found faster
            self.tails = compiled(factored(set(suffixes)), re.IGNORECASE)
            compound = r"(?<![\w-])[\w-]*\w-?(?:" + tails + r")(?!\w)"  # the whole compound
            self.compounds = compiled(compound, re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        word = self.words.search(text)
        if self.compounds is None or self.tails is None or not self.tails.search(text):
            return word
        compound = self.compounds.search(text)
        if word is None or (compound is not None and compound.start() < word.start()):
            return compound
        return word


@lru_cache(maxsize=32)
def words_re(words: tuple[str, ...], suffixes: tuple[str, ...] = ()) -> Words:
    """Whole words and phrases (a space also matches "-"), plus compound tails."""
    return Words(words, suffixes)


_HELD: dict[tuple[int, int], tuple[tuple[str, ...], tuple[str, ...], Words]] = {}


def _pattern(words: tuple[str, ...], suffixes: tuple[str, ...]) -> Words:
    """:func:`words_re` of the lists, found by the lists' identity: hashing a list of 150
    words costs more than searching a title with them (the lists held keep their identity)."""
    key = (id(words), id(suffixes))
    held = _HELD.get(key)
    if held is not None and held[0] is words and held[1] is suffixes:
        return held[2]
    pattern = words_re(tuple(words), tuple(suffixes))
    if type(words) is tuple and type(suffixes) is tuple and len(_HELD) < 64:
        _HELD[key] = (words, suffixes, pattern)
    return pattern


@per_event(BULKY)
def _texts(event: Event) -> tuple[str, str]:
    """The title and what the user wrote in the description, links taken out."""
    zones = zones_of(event)
    return _LINK_RE.sub(" ", zones.title), _LINK_RE.sub(" ", zones.user_text[:2000])


def found(event: Event, words: tuple[str, ...], suffixes: tuple[str, ...] = ()) -> str | None:
    """The first of ``words`` (or compound tail) in the title, else in what the user wrote in
    the description (never in the blocks tools and vendors append), as written."""
    pattern = _pattern(words, suffixes)
    for text in _texts(event):
        if text and (match := pattern.search(text)):
            return match.group(0).strip()
    return None


def names_a_person(event: Event) -> str | None:
    """ "mit Dr. Weber" ("com a Dra. Pinto", "c/ Rui") in the title, a family at home ("bei
    den Hubers", "chez les Girard", a meal "bei Müllers"), or a meal named with a person ("Déj
    Tom"), or None."""
    title = event.title
    match = _WITH_PERSON_RE.search(title)
    if match and match.group(0).split()[-1].casefold() in _CHILDREN:
        match = None  # "Zoo mit den Kindern": German capitalises the noun, nobody is named
    if match := match or _WITH_GROUP_RE.search(title):
        return match.group(0)
    if (match := _AT_FAMILY_RE.search(title)) and _FAMILY_WORD_RE.search(match.group(0)):
        return match.group(0)  # "Heuriger bei den Hubers", "Dîner chez les Girard"
    if (match := _AT_NAMES_RE.search(title) or _meal_with(title)) and _MEAL_WORD_RE.search(title):
        return match.group(0)  # "Abendessen bei Müllers", "Lunch z Martą", "Oběd s Janou"
    match = _MEAL_NAME_RE.match(event.title)
    if match is None or match.group(1).casefold() in _NOT_NAMES:
        return None  # "Lunch Kantine", "Dinner Berlin", "Mittag Pause"
    return match.group(0).strip()


def _meal_with(title: str) -> re.Match[str] | None:
    """A person after "with" in the title's language (:data:`MEAL_WITH`), not a meal or drink
    that only looks like one (Dutch "Borrel" ends as Hungarian "Annával" does)."""
    for match in _MEAL_WITH_RE.finditer(title):
        if match.group(0).casefold() not in _MEAL_SET:
            return match
    return None


def networking_word(event: Event, extra: tuple[str, ...] = ()) -> str | None:
    """A gathering word in the title or the user's text, a social evening nobody was invited
    to by name, else a fair or conference venue as the location's place ("Messe München", not
    a car-rental branch's address), as written; None for calls and rooms ("conference call")
    and for a task about a gathering ("Hotel für die Messe suchen": :mod:`planner.judge.tasks`)."""
    if task_of(event):
        return None
    return _networking_word(event, extra) if extra else _gathering(event)


@per_event(SIZE)
def _gathering(event: Event) -> str | None:
    """:func:`networking_word` with the built-in words (mode, meeting and purpose ask)."""
    return _networking_word(event, ())


def _networking_word(event: Event, extra: tuple[str, ...]) -> str | None:
    if found(event, NOT_NETWORKING):
        return None
    word = found(event, NETWORKING_WORDS + tuple(extra), NETWORKING_SUFFIXES)
    if word and not _not_the_gathering(event, word):
        return word
    alone = not any(p for p in event.attendees if not p.is_resource)
    if alone and not names_a_person(event) and (word := found(event, SOCIAL_WORDS)):
        return word
    places = " ".join(p.text for p in zones_of(event).parts(PLACE, ROOM))
    if places and (match := words_re(NETWORKING_VENUES).search(places)):
        return match.group(0)
    return None


def _not_the_gathering(event: Event, word: str) -> bool:
    """Whether the gathering word ``word`` names no gathering here: a mass or a market beside
    a church, Christmas or one's children, or a gathering prepared or followed up
    (:mod:`planner.judge.not_gatherings`)."""
    if prepared(event.title):
        return True  # "Messe-Nachbereitung", "Summit prep", "Préparation du salon"
    places = (p.text for p in zones_of(event).parts(PLACE, ROOM))
    return mass_or_market(word, (*_texts(event), *places))


def visit_word(event: Event, extra: tuple[str, ...] = ()) -> str | None:
    if task_of(event):
        return None  # "Präsentation für den Kundenbesuch vorbereiten": a task, not the visit
    if not extra:
        return _visit(event)
    return found(event, VISIT_WORDS + tuple(extra), VISIT_SUFFIXES) or opening_visit(event.title)


@per_event(SIZE)
def _visit(event: Event) -> str | None:
    return found(event, VISIT_WORDS, VISIT_SUFFIXES) or opening_visit(event.title)


def is_booking(event: Event) -> bool:
    return words_re(BOOKING_WORDS).search(event.title) is not None


def says_meeting(event: Event, mode: Mode | None = None, *, strong_only: bool = False) -> bool:
    """Whether the words (or a call) of an event without people say it is a meeting: a
    person named, a gathering, a visit, a public event one registered for
    (:mod:`planner.judge.platforms`); weakly, meeting words or a call."""
    if is_booking(event) or task_of(event):
        return False
    if names_a_person(event) or networking_word(event) or visit_word(event):
        return True
    if public_event(event):
        return True
    if strong_only:
        return False
    if mode in (Mode.VIRTUAL, Mode.PHONE, Mode.HYBRID):
        return True
    title = event.title
    if "all" in title or "ALL" in title:  # "Call for papers" (the only meeting word it holds)
        title = _NOT_CALL_RE.sub(" ", title)
    return words_re(MEETING_WORDS).search(title) is not None


def in_balance(event: Event) -> bool:
    """Whether a meeting counts in the in-person balance: one with people listed, or one whose
    words name a person or a gathering. "Standup" or a bare video link without attendees is a
    meeting, but nobody can tell with whom: it stays out of the balance."""
    return bool(event.people()) or says_meeting(event, strong_only=True)


def with_people(event: Event, others: int, mode: Mode | None) -> bool:
    """A meeting with other people: ``others`` is the number of people besides the user."""
    if event.all_day or mode is Mode.TRAVEL or is_travel(event):
        return False
    if others:
        return True
    return alone_says_meeting(event, mode)


def alone_says_meeting(event: Event, mode: Mode | None) -> bool:
    """Whether an event nobody but the user takes part in is a meeting all the same: its words
    say so (:func:`says_meeting`). The user alone as organiser or attendee (how Graph, Google
    and CalDAV write one's own entries) changes nothing; an entry of a room, shared calendar
    or list counts only with strong words."""
    listed = (event.organizer,) if event.organizer else ()
    systems = [
        p for p in listed + event.attendees if p.is_resource or not is_person_address(p.email)
    ]
    return says_meeting(event, mode, strong_only=bool(systems))
