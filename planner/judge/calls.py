"""A call written as a verb in a title ("Ring Fiona re …", "Bel Pieter", "Zadzwonić do
Krzysztofa", "Ringe Eirik om …") or promised in a sentence ("ich rufe Sie … an", "I'll ring
you"): a phone call, by language, as data.

Several short call verbs are also nouns that open a compound ("Ring Road closure", "Ring
binder", "Bel Air", "Phone case", "Ringe" in German): a verb at the title's start counts only
before whom to call (:func:`call_verb`):

- "back" in the title's language ("Ring back", "Ring tilbage", "Zavolat zpět"), or family
  ("Ring mum", "Ringe mor");
- a preposition and anyone ("Ring til Henrik", "Zadzwonić do banku", "Ring to confirm");
- an article or a possessive and a word ("Ring the bank", "Phone my accountant");
- a capitalised word (a name, an organisation, a German role: "Ring Karin", "Anrufen
  Steuerberater") that is no known head of a compound with the verb (:data:`COMPOUND_HEADS`:
  "Road", "Main", "Air") and that is followed by nothing, a clause mark, another capitalised
  word (a surname, an organisation) or a word that says what about or when
  (:data:`AFTER_OBJECT`: "re", "om", "wegen", "w sprawie"), not by a lower-case noun ("Ring
  Road closure", "Ringe Hochzeit abholen").

A hyphen joins a compound ("Ring-Vorlesung"): the verb needs a space after it.
"""

from __future__ import annotations

import re

from planner.judge.anchored import factored
from planner.judge.kept_regex import compiled
from planner.judge.patterns import CONNECTORS

#: Verbs that open a title before whom to call, by language.
CALL_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("ring", "phone", "ring back", "phone back"),  # "call": video as often (AMBIGUOUS_CALL)
    "de": ("anrufen", "anruf bei", "anruf an", "rückruf", "rückruf an", "telefonat mit"),
    "fr": ("appeler", "rappeler", "appel à", "téléphoner à"),
    "it": ("chiamare", "richiamare", "telefonare a", "chiamata a", "chiamata con", "sentire",
           "risentire"),
    "es": ("llamar a", "llamar", "volver a llamar a", "telefonear a", "llamada a", "llamada con"),
    "pt": ("ligar a", "ligar à", "ligar ao", "ligar para", "ligar", "telefonar a",
           "telefonar à", "telefonar ao", "chamada com", "chamada para"),
    "nl": ("bel", "bellen met", "terugbellen", "opbellen", "nabellen", "telefoneren met"),
    "sv": ("ring", "ringa", "ring upp", "ringa upp", "ring tillbaka", "ringa tillbaka"),
    "da": ("ring", "ringe", "ring op", "ringe op", "ring tilbage", "ringe tilbage"),
    "no": ("ring", "ringe", "ringe opp", "ring tilbake", "ringe tilbake"),
    "pl": ("zadzwoń", "zadzwonić", "zadzwon", "zadzwonic", "oddzwoń", "oddzwonić",
           "zatelefonować"),
    "cs": ("zavolat", "zavolej", "zavolám", "zatelefonovat", "volat"),
    # Hungarian, Romanian ("Apel" is also a court appeal: no verb), Greek
    "hu": ("felhívni", "felhívom", "hívd fel", "visszahívni", "visszahívás", "telefonálni"),
    "ro": ("sună", "sună pe", "suna pe", "sun pe", "de sunat", "sună-l pe", "sun-o pe",
           "telefonează", "telefonează-i"),
    # "Tel. Ricci", "Tél. Mme Girard": the abbreviation before whom to call
    "abbr": ("tel.", "tél.", "telf.", "tfno."),
    "el": ("να πάρω τηλέφωνο", "πάρε τηλέφωνο", "τηλεφώνημα σε", "τηλεφώνημα στον",
           "τηλεφώνημα στην", "να τηλεφωνήσω", "τηλεφωνώ"),
}  # fmt: skip
#: A call that is an invitation to submit, not a conversation ("Call for papers", "Appel à
#: projets", "Appel d'offres", "Llamada a propuestas"): no phone or video, no meeting.
NOT_CALLS: tuple[str, ...] = (
    "call for papers", "call for paper", "call for proposals", "call for abstracts",
    "call for speakers", "call for submissions", "call for applications", "call for entries",
    "call for tenders", "call for tender", "call for bids", "call for evidence",
    "call for ideas", "call for participation", "call for projects", "call for nominations",
    "call for contributions", "call for expressions of interest", "call for input",
    "call for comments", "call for sessions", "call for talks", "call for presentations",
    "call for posters", "call for startups", "call for start-ups", "call for partners",
    "call for artists", "call for volunteers", "call for action", "call to action",
    "call for code", "call for proposal", "calls for proposals", "calls for papers",
    "appel à projets", "appel à projet", "appels à projets", "appel à candidatures",
    "appel à candidature", "appel à communications", "appel à communication",
    "appel à propositions", "appel à contributions", "appel à manifestation d'intérêt",
    "appel à manifestation d’intérêt", "appel à idées", "appel à participation",
    "appel à témoignages", "appel à textes", "appel à intervenants", "appel à bénévoles",
    "appel à dons", "appel d'offres", "appel d’offres", "appels d'offres", "appels d’offres",
    "appel de fonds", "appel à la grève",
    "llamada a propuestas", "llamada a proyectos", "llamada a licitación",
    "llamada a la acción", "chiamata a progetti",
)  # fmt: skip
#: Words that make the verb's object "back" ("Ring back", "Ring tilbage").
BACK: tuple[str, ...] = (
    "back", "tilbage", "tilbake", "tillbaka", "zpět", "zpátky", "terug", "zurück",
)  # fmt: skip
#: Prepositions between a call verb and whom to call ("Ring til Henrik", "Zadzwonić do
#: Anny", "Ring up Fiona", "Zavolat na úřad").
BEFORE_OBJECT: tuple[str, ...] = (
    "a", "à", "ao", "al", "aan", "to", "met", "with", "mit", "avec", "con", "com", "til",
    "till", "do", "na", "k", "ke", "an", "up", "op", "opp", "upp", "bei", "para", "per",
    "pe", "lui", "σε", "στον", "στην", "στο",
)  # fmt: skip
#: Articles and possessives before whom to call ("Ring the bank", "Phone my accountant").
ARTICLES: tuple[str, ...] = (
    "the", "my", "our", "your", "his", "her", "their", "de", "het", "die", "der", "den",
    "o", "os", "as", "el", "la", "los", "las", "le", "les", "il", "lo", "τον", "την", "τη", "το",
)  # fmt: skip
#: Family, whom one calls without a capital ("Ring mum", "Ringe mor", "Zadzwonić mamie").
FAMILY: tuple[str, ...] = (
    "mum", "mom", "dad", "mama", "mamma", "papa", "pappa", "mor", "far", "mamie", "tacie",
    "mámě", "tátovi", "oma", "opa", "mutti", "vati",
)  # fmt: skip
#: Nouns that form a compound with a short call verb: "Ring Road", "Ring Main", "Bel Air",
#: "Phone Case", "Ring-Vorlesung" written apart.
COMPOUND_HEADS: tuple[str, ...] = (
    "road", "roads", "main", "mains", "binder", "binders", "fence", "tone", "tones", "light",
    "lights", "finger", "leader", "master", "doorbell", "camera", "bearer", "size", "sizing",
    "ceremony", "lecture", "vorlesung", "bell", "bells", "changes", "air", "canto", "paese",
    "ami", "étage", "case", "charger", "bill", "upgrade", "repair", "screen", "number",
    "contract", "booth", "box", "line", "lines", "cable", "mount", "holder", "stand",
    "glocke", "glocken",
)  # fmt: skip
#: Words after whom to call: what about, when, where ("Ring Morag re …", "Ringe Eirik om …",
#: "Zadzwonić do Anny w sprawie …", "Bel Sanne over …", "Zavolat Janě ohledně …").
AFTER_OBJECT: tuple[str, ...] = (
    *CONNECTORS, "om", "angående", "ang", "vedr", "vedrørende", "ang.", "kring", "wegen",
    "wg", "bzgl", "betreffend", "betr", "w", "ws", "sprawie", "o", "ohledně", "kvůli", "over",
    "ivm", "omtrent", "despre", "pentru", "miatt", "για", "σχετικά",
    "til", "till", "regarding", "concerning", "on", "per", "por", "para",
    "sobre", "su", "riguardo", "concernant", "pour", "i", "in", "på", "from", "tomorrow",
    "today", "morgen", "heute", "i morgen", "imorgon", "jutro", "zítra", "demain", "asap",
)  # fmt: skip

#: The verbs factored by common prefixes: the longest that matches, as a flat alternation of
#: them longest first found it (where one verb begins another, the longer is tried first: a
#: group of continuations before its end), a letter compared at a time, not every verb.
_VERB_RE = compiled(
    r"^\W*(?P<verb>(?i:"
    + factored({v for vs in CALL_VERBS.values() for v in vs}, r"\s+")
    + r"))(?=\s|$)"
)
#: Calls written with the verb elsewhere than first: an English idiom ("Give Gary a bell",
#: "Give Mum a ring"), the Turkish verb after whom in the accusative ("Murat Bey'i aramak",
#: "Ayşe'yi geri ara"; "arama" alone is a search), Japanese "電話：山本様", "山本様に電話"
#: (Japanese writes no spaces: the honorific closes the name).
CALL_PHRASES: tuple[str, ...] = (
    r"^\W*(?i:give)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+a\s+(?:bell|ring|buzz|tinkle)\b",
    r"^\W*[A-ZÇĞİÖŞÜ][^\W\d_]*(?:\s+(?:Bey|Hanım|Bey['’]e|[A-ZÇĞİÖŞÜ][^\W\d_]*))?"
    r"['’](?:y|n)?[ıiuü]\s+(?:geri\s+)?ara(?:mak|yacağım|yalım|ma(?!\w))?(?!\w)",
    r"^\W*(?:お?電話|架電|折り?返し(?:電話)?|TEL)\s*[：:]\s*\S",
    r"(?:様|さん|氏|先生|社長|部長|課長)(?:に|へ)(?:お?電話|架電|折り?返し)",
)
_PHRASE_RE = compiled("|".join(CALL_PHRASES))
#: The phrases that may stand anywhere: past the title's start only they can match, and
#: alone they open with a set of characters ``re`` looks for in C.
_ANYWHERE_RE = compiled("|".join(p for p in CALL_PHRASES if not p.startswith("^")))
_WORD_RE = compiled(r"\s*([^\W\d_][\w'’]*\.?)")
_BACK = frozenset(BACK)
_BEFORE = frozenset(BEFORE_OBJECT)
_ARTICLES = frozenset(ARTICLES)
_FAMILY = frozenset(FAMILY)
_HEADS = frozenset(COMPOUND_HEADS)
_AFTER = frozenset(w.rstrip(".") for w in AFTER_OBJECT)
_CLAUSE = ":()[]|–—,;-/@&.!?+'\"«»"

#: A call promised in a sentence: the person who writes it will call.
CALL_PROMISES: tuple[str, ...] = (
    r"\b(?:ich|wir)\s+rufen?\s+(?:Sie|dich|euch)\b(?:\s+[^\s.!?]+){0,8}?\s+an\b",
    r"\b(?:rufen\s+Sie|ruf|ruft)\s+mich\b(?:\s+[^\s.!?]+){0,8}?\s+an\b",
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+shall)\s+(?:call|ring|phone)\s+you\b",
    r"\b(?:call|ring|phone)\s+me\s+(?:on|at)\b",
    r"\bgive\s+(?:you|me)\s+a\s+(?:call|ring)\b",
    r"\b(?:je|nous)\s+vous\s+(?:rappel|appel|téléphon)\w*",
    r"\bje\s+t['’](?:appel|téléphon)\w*",
    r"\bappelez[-\s]moi\b",
    r"\b(?:le|te|les|os)\s+(?:llamo|llamaré|llamaremos|llamamos)\b",
    r"\bll[aá]m(?:ame|eme)\b",
    r"\b(?:la|ti|vi)\s+(?:chiamo|chiamerò|chiameremo|richiamo|richiamerò|telefono|telefonerò)\b",
    r"\bchiamami\b|\bmi\s+chiami\b",
    r"\b(?:ligo|ligarei|ligamos|telefono)(?:-lhe|-te)\b",
    r"\b(?:vou|vamos)\s+(?:ligar|telefonar)(?:-lhe|-te)?\b",
    r"\bligue-me\b|\bliga-me\b",
    r"\b(?:ik|wij|we)\s+bel(?:len)?\s+(?:u|je|jou)\b",
    r"\bbel\s+(?:me|mij)\b",
)
_PROMISE_RE = compiled("|".join(CALL_PROMISES), re.IGNORECASE)
#: The verb stems every promise holds, in lower case: a text without one is not searched
#: further (a scan for literal stems is some ten times faster than the promises' patterns).
_STEM_RE = compiled("ruf|call|ring|phone|appel|téléphon|llam|llám|chiam|telefon|lig|bel")


def call_verb(title: str) -> str | None:
    """The call verb that opens ``title`` before whom to call (module rules), or None."""
    if phrase := _PHRASE_RE.match(title) or _ANYWHERE_RE.search(title):  # (=.search)
        return phrase.group(0).strip()
    match = _VERB_RE.match(title)
    if match is None:
        return None
    verb = match.group("verb")
    if verb.split()[-1].casefold() in _BACK or _calls_someone(title, match.end()):
        return verb  # "Ring back", "Ring tilbage til Lars", "Ring Karin"
    return None


def _calls_someone(text: str, at: int) -> bool:
    word, at = _word(text, at)
    low = word.casefold().rstrip(".")
    if low in _BACK or low in _FAMILY:
        return True
    if low in _BEFORE:  # "Ring til Henrik", "Zadzwonić do banku"
        return bool(_word(text, at)[0])
    if low in _ARTICLES:  # "Ring the bank", not "Ring the bells"
        nxt = _word(text, at)[0].casefold()
        return bool(nxt) and nxt not in _HEADS
    if not word[:1].isupper() or low in _HEADS:
        return False  # "Ring binder", "Ring Road closure"
    rest = text[at:].lstrip()
    if not rest or rest[0] in _CLAUSE or rest[0].isdigit():
        return True  # "Ring Karin", "Ring Karin Sjöberg (Brf …)", "Phone Mr. Grant"
    after, _end = _word(text, at)
    return after[:1].isupper() or after.casefold().rstrip(".") in _AFTER


def _word(text: str, at: int) -> tuple[str, int]:
    """The word after ``text[:at]`` (a trailing full stop kept: "Dr.") and where it ends."""
    match = _WORD_RE.match(text, at)
    return (match.group(1), match.end()) if match else ("", at)


def call_promise(text: str) -> str | None:
    """A call promised in ``text`` ("ich rufe Sie morgen an", "I'll ring you"), or None."""
    if _STEM_RE.search(text.lower()) and (match := _PROMISE_RE.search(text)):
        return match.group(0)
    return None
