"""Titles that are a task for oneself, not the thing they name: "Flug nach Lissabon buchen",
"Hotel für die Messe suchen", "Book flight to Lisbon", "Reserve a table for the client
dinner", "Réserver le vol pour Lisbonne", "Préparer la visite de chantier".

A task is told by where its verb stands, as each language writes an instruction to oneself:

- German and Dutch put the infinitive last ("… buchen", "… vorbereiten", "… boeken"), or
  before what the task is for ("Hotel buchen für die Messe", "Parkeerplek regelen voor …");
- English, French, Italian, Spanish, Polish, Czech and the Nordic languages put the imperative
  or infinitive first ("Book …", "Réserver …", "Prenotare …", "Zarezerwować …", "Boka …");
- "To do:", "TODO", "Erledigen:", "À faire :" in front say it in any language.

Only an event nobody else takes part in is read as a task: with people invited, "Angebot
vorbereiten" is a working session, a meeting. What a task is about (a flight, a fair, a
dinner, a visit) then says nothing about the event: it is no travel item, no gathering and no
visit, and its mode is not known (:mod:`planner.judge.mode` treats it as a personal blocker).

English verbs that also begin noun compounds ("Book fair", "Order review") are tasks only
with an object that is not such a compound's head (:data:`_COMPOUND_HEADS`).
"""

from __future__ import annotations

import re

from planner.judge.kept_regex import compiled
from planner.judge.memo import SIZE, per_event
from planner.model import Event

#: Infinitives a German task ends with.
GERMAN_VERBS = frozenset(
    {"buchen", "umbuchen", "stornieren", "reservieren", "kaufen", "bestellen", "bezahlen",
     "zahlen", "überweisen", "suchen", "raussuchen", "heraussuchen", "besorgen", "organisieren",
     "vorbereiten", "nachbereiten", "beantragen", "verlängern", "anfragen", "anmelden",
     "abmelden", "einreichen", "erledigen", "klären", "abklären", "prüfen", "checken",
     "verschicken", "versenden", "schicken", "drucken", "ausdrucken", "bestätigen", "absagen",
     "kündigen", "einchecken", "abrechnen", "lesen", "durchlesen", "gegenlesen",
     "korrekturlesen", "überarbeiten", "schreiben", "fertigstellen", "aktualisieren",
     "durchsehen", "übersetzen", "ausfüllen", "hochladen", "abschicken",
     "beantworten", "nachfassen"}
)  # fmt: skip
#: Infinitives a Dutch task ends with ("Hotel boeken", "Slides nalezen").
DUTCH_VERBS = frozenset(
    {"boeken", "omboeken", "annuleren", "reserveren", "kopen", "betalen", "zoeken",
     "opzoeken", "regelen", "organiseren", "voorbereiden", "aanvragen", "verlengen",
     "aanmelden", "afmelden", "versturen", "sturen", "printen", "afdrukken", "bevestigen",
     "afzeggen", "opzeggen", "lezen", "nalezen", "doorlezen", "schrijven", "herschrijven",
     "controleren", "invullen", "afronden", "bijwerken", "inchecken", "vertalen", "uploaden"}
)  # fmt: skip
#: Imperatives an English task begins with (two words: "check in", "sort out", "look for").
ENGLISH_VERBS = frozenset(
    {"book", "rebook", "cancel", "reserve", "buy", "order", "pay", "find", "get", "arrange",
     "organise", "organize", "prepare", "renew", "apply", "print", "send", "request", "confirm",
     "submit", "sort", "look", "search", "check", "email", "e-mail", "proofread", "read",
     "write", "draft", "finish", "finalise", "finalize", "update", "revise", "edit", "fill",
     "upload", "translate", "reply"}
)  # fmt: skip
#: Infinitives a French task begins with.
FRENCH_VERBS = frozenset(
    {"réserver", "acheter", "payer", "régler", "chercher", "rechercher", "trouver", "annuler",
     "commander", "organiser", "préparer", "renouveler", "imprimer", "envoyer", "demander",
     "confirmer", "planifier", "déclarer", "remplir", "modifier", "relire", "lire", "revoir",
     "réviser", "rédiger", "écrire", "finaliser", "valider", "corriger", "compléter",
     "vérifier", "relancer", "traduire", "terminer", "finir", "télécharger", "mettre",
     "récupérer", "déposer", "facturer", "répondre", "inscrire", "s'inscrire", "s’inscrire",
     "réinscrire"}
)  # fmt: skip
#: Infinitives an Italian or Spanish task begins with ("Prenotare il volo", "Revisar slides").
ROMANCE_VERBS = frozenset(
    {"prenotare", "comprare", "pagare", "cercare", "trovare", "annullare", "ordinare",
     "organizzare", "preparare", "rinnovare", "stampare", "inviare", "mandare", "chiedere",
     "confermare", "rileggere", "leggere", "scrivere", "correggere", "aggiornare", "compilare",
     "completare", "finire", "controllare", "verificare", "tradurre", "reservar", "comprar",
     "pagar", "buscar", "encontrar", "cancelar", "pedir", "organizar", "preparar", "renovar",
     "imprimir", "enviar", "mandar", "solicitar", "confirmar", "revisar", "releer", "leer",
     "escribir", "corregir", "actualizar", "rellenar", "completar", "terminar", "comprobar",
     "traducir", "iscrivere", "iscriversi", "iscrivermi", "registrarsi", "inscribir",
     "inscribirse", "inscribirme", "apuntarse", "apuntarme", "registrarse", "registrarme"}
)  # fmt: skip
#: Infinitives and imperatives a Polish, Czech, Swedish, Danish or Norwegian task begins with
#: ("Zarezerwować hotel …", "Zajistit catering …", "Boka tåg …", "Bestil billetter …").
NORTHERN_VERBS = frozenset(
    {"zarezerwować", "zarezerwuj", "kupić", "kup", "zapłacić", "opłacić", "zamówić", "zamów",
     "przygotować", "przygotuj", "wysłać", "wyślij", "sprawdzić", "sprawdź", "znaleźć",
     "znajdź", "zorganizować", "potwierdzić", "odwołać", "anulować", "napisać", "przeczytać",
     "wydrukować", "wypełnić", "zarezervovat", "rezervovat", "koupit", "zaplatit", "objednat",
     "připravit", "poslat", "odeslat", "zkontrolovat", "najít", "zajistit", "zorganizovat",
     "potvrdit", "zrušit", "napsat", "přečíst", "vytisknout", "vyplnit", "boka", "köpa",
     "köp", "betala", "beställa", "beställ", "förbereda", "förbered", "skicka", "kolla",
     "hitta", "ordna", "bekräfta", "avboka", "skriva", "skriv", "läsa", "läs", "bestil",
     "bestille", "bestill", "booke", "købe", "køb", "kjøpe", "kjøp", "betale", "betal",
     "forberede", "forbered", "sende", "tjekke", "tjek", "sjekke", "sjekk", "finde", "finne",
     "finn", "arrangere", "bekræfte", "bekrefte", "aflyse", "avbestille", "skrive", "læse",
     "lese", "udfylde", "fylle", "ordne"}
)  # fmt: skip
#: Infinitives and imperatives a Hungarian, Romanian or Greek task begins with ("Lefoglalni a
#: szállást", "Rezervă hotelul", "Κλείσε ξενοδοχείο"); Greek "να" + verb ("Να κλείσω …").
SOUTH_EAST_VERBS = frozenset(
    {"lefoglalni", "foglalni", "megrendelni", "rendelni", "elküldeni", "küldeni",
     "előkészíteni", "megvenni", "befizetni", "kifizetni", "ellenőrizni", "megírni",
     "rezervă", "rezerva", "cumpără", "cumpara", "plătește", "trimite", "pregătește",
     "pregateste", "verifică", "comandă", "confirmă", "scrie", "κλείσε", "κλείσω", "αγόρασε",
     "αγοράσω", "στείλε", "στείλω", "ετοίμασε", "ετοιμάσω", "πλήρωσε", "πληρώσω", "κανόνισε",
     "κανονίσω"}
)  # fmt: skip
#: Imperatives a Turkish task ends with ("Fuar davetiyelerini gönder", "Otel rezervasyonu
#: yap", "Bilet al"; "ara" is a call: :mod:`planner.judge.calls`).
TURKISH_VERBS = frozenset(
    {"gönder", "hazırla", "ayarla", "öde", "bul", "onayla", "yaz", "oku", "yazdır", "al",
     "yap", "et", "düzenle", "tamamla", "güncelle", "çevir", "yükle", "doldur", "iptal"}
)  # fmt: skip
#: Endings of a Japanese task (no spaces: "ホテルを予約", "新幹線の手配", "資料準備").
_JAPANESE_TASK = compiled(
    r"(?:を予約|の予約|予約する|手配|を購入|購入する|を送る|を送付|準備|を用意)\W*$"
)
#: Words that make an English verb-like first word a noun compound's first part ("Book
#: fair", "Order review", "Check-in with Anna") or a verb of meeting ("Get together").
_COMPOUND_HEADS = frozenset(
    {"fair", "club", "launch", "signing", "reading", "tour", "review", "sale", "party", "call",
     "together", "up", "with", "in-with", "out", "back", "chat", "meeting", "session"}
)  # fmt: skip
#: English verbs that are tasks only with these next words ("Check in online", "Sort out").
_PARTICLES = {"check": {"in", "in:", "online"}, "look": {"for", "up"}, "search": {"for"}}
#: English verbs with a particle or without ("Sort out the visa", "Sort accommodation").
_OPTIONAL_PARTICLES = {"sort": {"out"}}
#: "Get coffee with Tom" is meeting Tom, "Book a table for lunch with Tom" a task.
_GET_WITH = compiled(r"(?<!\w)with\s+[A-ZÄÖÜ]")
_LAST_VERBS = GERMAN_VERBS | DUTCH_VERBS
_FIRST_VERBS = FRENCH_VERBS | ROMANCE_VERBS | NORTHERN_VERBS | SOUTH_EAST_VERBS
#: Prepositions a German or Dutch task's infinitive may be followed by, what the task is for
#: ("Tisch reservieren für das Kundenessen", "Slides voorbereiden voor de beurs"); never
#: "mit"/"met": "Angebot prüfen mit Max" is working with Max.
_AFTER_VERB = frozenset(
    {"für", "fürs", "zum", "zur", "wegen", "bis", "nach", "vor", "voor", "naar", "om", "vóór",
     "tegen", "ivm", "i.v.m"}
)  # fmt: skip
_MARKER = compiled(r"^\W*(?:to[\s-]?do|erledigen|à\s+faire|a\s+faire)\b\W", re.IGNORECASE)
#: A registration as the title's subject: "Inscription au salon …", "Inscripción al congreso",
#: "Iscrizione al convegno", "Anmeldung zur Messe", "Aanmelding voor het congres",
#: "Registration for Web Summit": a task, not the gathering.
_REGISTRATION = compiled(
    r"^\W*(?:inscriptions?|inscripci[óo]n|iscrizione|anmeldung|aanmelding|registration|"
    r"registrierung|registro|registrazione)\s+(?:au|à|aux|pour|al|a|en|para|alla|allo|ai|agli|"
    r"per|zur|zum|für|voor|bij|for|to)(?!\w)",
    re.IGNORECASE,
)
_WORD = compiled(r"[^\W\d_][\w'’-]*")


def task_verb(title: str) -> str | None:
    """The verb (or marker) that makes ``title`` a task for oneself, as written; None when it
    names the thing itself."""
    if marker := _MARKER.match(title) or _REGISTRATION.match(title):
        return marker.group(0).strip(" :-")
    if japanese := _JAPANESE_TASK.search(title):
        return japanese.group(0).strip()
    words = _WORD.findall(title)
    if len(words) < 2:
        return None  # "Buchen", "Book": a word alone says too little
    last = words[-1].lower()
    if last in GERMAN_VERBS or last in DUTCH_VERBS or last in TURKISH_VERBS:
        return words[-1]
    for word, after in zip(words[1:-1], words[2:], strict=False):
        if after.lower() in _AFTER_VERB and word.lower() in _LAST_VERBS:
            return word  # "Hotel buchen für die Messe", "Parkeerplek regelen voor het bezoek"
    first, second = words[0].lower(), words[1].lower()
    if first in _FIRST_VERBS or (first in _LAST_VERBS and second in _AFTER_VERB):
        return words[0]  # "Réserver …", "Aanmelden voor het congres", "Anmelden zur Messe"
    if first == "να" and second in SOUTH_EAST_VERBS:
        return f"{words[0]} {words[1]}"  # "Να κλείσω ξενοδοχείο"
    particles = _PARTICLES.get(first, set()) | _OPTIONAL_PARTICLES.get(first, set())
    if first not in ENGLISH_VERBS or second in _COMPOUND_HEADS - particles:
        return None
    if first in _PARTICLES and second not in _PARTICLES[first]:
        return None
    if first in _PARTICLES and len(words) > 2 and words[2].lower() == "with":
        return None  # "Check in with the team": meeting them
    if first == "get" and _GET_WITH.search(title):
        return None
    return words[0]


@per_event(SIZE)
def task_of(event: Event) -> str | None:
    """:func:`task_verb` of the title of an event nobody else takes part in; None for one with
    people (a working session), without a title or not a task."""
    if len(event.people()) >= 2:
        return None
    return task_verb(event.title)
