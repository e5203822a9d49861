"""What a meeting is for: first contact, deal closing, routine, internal, personal or other.

The rules, first match wins:

1. personal: nobody else takes part, the provider marks focus time or out of office, or the title
   says so ("Blocker", "Urlaub", ...) and no external person takes part; or a private occasion
   with friends or family (:mod:`planner.judge.private`: free-mail counterparts only, from the
   user's private address or a weekend's dinner, birthday, BBQ);
2. internal: everyone else is from the user's own domains;
3. deal closing: wording such as "Vertragsunterzeichnung" or "signing";
4. first contact: wording such as "Kennenlernen" or "intro", or no earlier meeting (before this
   event's start), held or planned, with any external attendee or their organisation (one after
   a meeting planned with them is "other" and names it; a series' later occurrence, routine);
5. routine: a recurring series, or ``purpose.routine_repeats`` earlier meetings (within
   ``relations.lookback_days``) with the same counterparts;
6. other.

Word lists are data (German, English, French, Spanish, Italian, Portuguese, Dutch), extended
by ``[purpose]`` in the config. Matching is case-insensitive on title and description. A word
of nine letters or more matches anywhere, so German compounds are found
("Vertragsverhandlungen" by "verhandlung"); a shorter word must start a word, so that "signing"
does not match "designing".
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from planner.i18n import _, ngettext
from planner.judge.anchored import longest_first
from planner.judge.kept_regex import compiled
from planner.judge.patterns import ABSENCE_TITLES
from planner.model import Attendee, Confidence, Event, Mode, Purpose, PurposeResult, Said

if TYPE_CHECKING:
    from planner.config import Config
    from planner.judge.relations import Directory, Ledger

People = tuple[Attendee, ...]

FIRST_CONTACT_WORDS = (
    "erstgespräch", "erstgespraech", "erstes gespräch", "erstes treffen", "kennenlern", "intro",
    "first meeting", "first call", "initial meeting", "initial call", "meet and greet",
    "get to know", "getting to know", "discovery call", "premier rendez-vous", "premier échange",
    "premier contact", "première rencontre", "prise de contact",
    # Spanish, Italian, Portuguese, Dutch
    "primera reunión", "primera reunion", "primer contacto", "primo incontro", "primo contatto",
    "primeira reunião", "primeiro contacto", "primeiro contato", "kennismaking",
    # Polish, Czech, Swedish, Danish, Norwegian
    "spotkanie zapoznawcze", "pierwsze spotkanie", "úvodní schůzka", "první schůzka",
    "introduktionsmöte", "första möte", "introduktionsmøde", "første møde", "introduksjonsmøte",
    "første møte",
    # Turkish, Hungarian, Romanian, Greek, Japanese
    "ilk görüşme", "ilk toplantı", "tanışma toplantısı", "első találkozó", "bemutatkozó",
    "prima întâlnire", "prima intalnire", "πρώτη συνάντηση", "γνωριμία", "初回", "顔合わせ",
)  # fmt: skip
DEAL_CLOSING_WORDS = (
    "vertragsunterzeichnung", "unterzeichnung", "vertragsabschluss", "geschäftsabschluss",
    "abschlussgespräch", "verhandlung", "notartermin", "unterschrift", "signing", "closing",
    "contract", "negotiation", "negotiate", "term sheet", "unterschreiben", "unterzeichnen",
    "signature", "contrat", "négociation", "signer",
    # Spanish, Italian, Portuguese, Dutch
    "negociación", "negociacion", "firma del contrato", "firma de contrato", "contrato",
    "trattativa", "trattative", "negoziazione", "firma del contratto", "firma contratto",
    "contratto", "negociação", "negociacao", "assinatura", "onderhandeling", "ondertekening",
    # deeds, notaries and agreements signed ("Firma escritura …", "Rogito", "Akte passeren",
    # "Beurkundung"; Spanish and Italian "firma" only before what is signed: German "Firma"
    # is a company)
    "firma de la escritura", "firma de escritura", "firma escritura", "firma de escrituras",
    "firma escrituras", "escritura de compraventa", "escritura pública", "firma ante notario",
    "firma en notaría", "firma en la notaría", "otorgamiento de escritura", "firma del acuerdo",
    "firma de acuerdo", "firma del convenio", "firma de convenio", "firmar", "rogito",
    "stipula", "atto notarile", "firma dell'atto", "firma dell’atto", "firma atto",
    "firma dell'accordo", "firma dell’accordo", "firma accordo", "firmare", "compromis de vente",
    "promesse de vente", "acte de vente", "acte authentique", "akte passeren", "passeren akte",
    "passeren van de akte", "koopakte", "transportakte", "leveringsakte", "akte van levering",
    "koopovereenkomst", "ondertekenen", "beurkundung", "kaufvertrag", "beim notar",
    # Polish, Czech, Swedish, Danish, Norwegian (short stems match the start of a word:
    # "umow" finds "umowa", "umowy"; "smlouv" "smlouva", "smlouvě")
    "podpisanie", "podpisani", "umow", "negocjacj", "podpis", "smlouv", "vyjednávání",
    "avtalsskrivning", "underskrift", "förhandling", "forhandling", "kontrakt", "signering",
    "ramavtal", "rammeavtale", "rammeaftale",
    # Turkish, Hungarian, Romanian, Greek, Japanese ("tárgyalás" is any business meeting in
    # Hungarian, as "Tárgyaló" is a meeting room: no word of closing on its own)
    "sözleşme", "imza", "müzakere", "szerződés", "aláírás", "semnare", "semnarea", "negociere",
    "υπογραφή", "σύμβασ", "συμβόλαιο", "διαπραγμάτευση", "契約", "締結", "調印", "交渉",
)  # fmt: skip
PERSONAL_WORDS = (
    "block", "focus", "fokus", "deep work", "out of office", "ooo", "abwesend", "abwesenheit",
    "urlaub", "vacation", "holiday", "feiertag", "arzt", "zahnarzt", "doctor", "dentist", "privat",
    "mittagspause", "lunch break", "travel time", "reisezeit", "commute", "congés", "vacances",
    "médecin", "dentiste", "bloqué", "blocage", "pause déjeuner",
    # Polish, Czech, Swedish, Danish, Norwegian: doctors and dentists
    "lekarz", "dentysta", "lékař", "zubař", "läkare", "tandläkare", "læge", "tandlæge", "lege",
    "tannlege", *ABSENCE_TITLES,  # the mode's blocker titles hold them too
)  # fmt: skip
# Provider hints (planner.model.Event.hints, keys ending in these) and their personal values.
PERSONAL_HINT_KEYS = ("eventtype", "showas")
FOCUS_VALUES = frozenset({"focustime"})
AWAY_VALUES = frozenset({"outofoffice", "oof"})
ANYWHERE_FROM = 9  # words at least this long also match inside compounds


def words(config: Config, name: str, builtin: tuple[str, ...]) -> tuple[str, ...]:
    """The built-in list plus ``[purpose] <name>`` from the config (the built-in tuple itself
    where the config adds none)."""
    extra = config["purpose"].get(name, ())
    return builtin + tuple(extra) if extra else builtin


@lru_cache(maxsize=64)
def _pattern(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    """The entries, longest first; a short one only at the start of a word. That is written
    ``x(?<!\\wx)yz`` rather than ``(?<!\\w)xyz`` (the same matches: the look-behind sees the
    character before the ``x`` just matched): every branch then starts with a character, and
    ``re`` scans for the set of them in C instead of trying every branch at every position
    (4 to 12 times faster)."""
    groups: dict[str, list[str]] = {}  # by first character, each group longest first
    for entry in longest_first(e.strip().casefold() for e in entries if e.strip()):
        first, rest = re.escape(entry[0]), re.escape(entry[1:])
        if len(entry) >= ANYWHERE_FROM or entry[0] >= "\u3040":  # Japanese writes no spaces
            groups.setdefault(first, []).append(rest)
        else:
            groups.setdefault(first, []).append(rf"(?<!\w{first}){rest}")
    # Entries of one first character share it: ``re`` compares it once, not once per entry
    # (only one group can match at a position, each as the flat alternation would)
    parts = [f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return compiled("|".join(parts)) if parts else None


def find_word(text: str, entries: tuple[str, ...]) -> str | None:
    """The first listed word found in ``text`` (as written there), or None."""
    pattern = _compiled(entries)
    if pattern is None or not text:
        return None
    return _found(pattern, text, text.casefold())


def _found(pattern: re.Pattern[str], text: str, folded: str) -> str | None:
    """:func:`find_word` with ``folded``, the casefolded ``text``, at hand."""
    match = pattern.search(folded)
    if match is None:
        return None
    if len(folded) == len(text):  # casefold kept positions: quote the original spelling
        return text[match.start() : match.end()]
    return match.group()


_COMPILED: dict[int, tuple[tuple[str, ...], re.Pattern[str] | None]] = {}


def _compiled(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    """:func:`_pattern` of ``entries``, found by the tuple's identity first: a word list asked
    for every event of a week is the same tuple each time (:func:`words`), and hashing its
    hundred entries cost more than the search (the entry holds the tuple: its id stays its)."""
    known = _COMPILED.get(id(entries))
    if known is not None and known[0] is entries:
        return known[1]
    if len(_COMPILED) >= 64:
        _COMPILED.clear()
    pattern = _pattern(entries)
    _COMPILED[id(entries)] = (entries, pattern)
    return pattern


class _Written:
    """The title of one event and what the user wrote in its description
    (:func:`planner.judge.zones.written`), read when first asked and casefolded once, and the
    evidence each word list gave (the purpose asks for deal-closing words twice: before and
    after its private occasions)."""

    __slots__ = ("_event", "_evidence", "_texts")

    def __init__(self, event: Event) -> None:
        self._event = event
        self._texts: tuple[str, str, str, str] | None = None  # and casefolded
        self._evidence: dict[int, tuple[tuple[str, ...], str | None]] = {}

    def evidence(self, entries: tuple[str, ...]) -> str | None:
        """Evidence when the title or what the user wrote use one of ``entries`` (words in
        addresses and in the blocks tools and vendors append never set a purpose)."""
        known = self._evidence.get(id(entries))
        if known is not None and known[0] is entries:
            return known[1]
        found = self._search(entries)
        self._evidence[id(entries)] = (entries, found)
        return found

    def _search(self, entries: tuple[str, ...]) -> str | None:
        pattern = _compiled(entries)
        if pattern is None:
            return None
        if self._texts is None:
            from planner.judge.zones import written

            title, user_text = written(self._event)
            self._texts = (title, user_text, title.casefold(), user_text.casefold())
        title, user_text, folded_title, folded_text = self._texts
        if title and (found := _found(pattern, title, folded_title)):
            return _('"{word}" in the title', word=found)
        if user_text and (found := _found(pattern, user_text, folded_text)):
            return _('"{word}" in the description', word=found)
        return None


def _personal_hint(event: Event) -> str | None:
    for key, value in event.hints:
        if not key.lower().endswith(PERSONAL_HINT_KEYS):
            continue
        if value.strip().lower() in FOCUS_VALUES:
            return _("the calendar marks it as focus time")
        if value.strip().lower() in AWAY_VALUES:
            return _("the calendar marks it as out of office")
    return None


def determine_purpose(
    event: Event,
    ledger: Ledger,
    config: Config,
    mode: Mode | None = None,
    *,
    said: Said | None = None,
) -> PurposeResult:
    """The purpose of ``event`` with evidence and confidence, judged against the ledger before
    its start; ``said`` is the user's word on it (:mod:`planner.judge.corrections`), which wins.

    ``mode`` is the event's mode where the caller knows it (it is classified when needed)."""
    if said is not None and said.purpose is not None:
        return PurposeResult(said.purpose, (said.evidence,), Confidence.HIGH)
    directory = ledger.directory
    others = directory.others(event)
    externals = directory.counterparts(event)
    personal = _personal(event, others, externals, config)
    if personal is not None:
        return personal
    if gathering := _gathering(event, config, others):
        return gathering
    written = _Written(event)
    deal = words(config, "deal_closing_words", DEAL_CLOSING_WORDS)
    intro = words(config, "first_contact_words", FIRST_CONTACT_WORDS)
    private = _private(event, externals, directory, config, (written, deal, intro))
    if private is not None:
        return private
    if not others:
        return _alone(event, mode)
    if not externals:
        return _internal(others, directory)
    if evidence := written.evidence(deal):
        return PurposeResult(Purpose.DEAL_CLOSING, (evidence,), Confidence.HIGH)
    if evidence := written.evidence(intro):
        return PurposeResult(Purpose.FIRST_CONTACT, (evidence,), Confidence.HIGH)
    emails = [p.email for p in externals]
    if not ledger.met_before(emails, event.start):
        if (first := ledger.planned_before(emails, event.start)) is not None:
            if event.is_recurring:  # a later occurrence of a series begun with them
                return _routine(event, emails, ledger, config)
            return _after_planned(first, emails, directory, config)
        who = directory.who({directory.unit(e) for e in emails}, externals)
        evidence = _("no earlier meeting with {who}", who=who)
        return PurposeResult(Purpose.FIRST_CONTACT, (evidence,), Confidence.MEDIUM)
    return _routine(event, emails, ledger, config)


def _after_planned(
    first: Event, emails: list[str], directory: Directory, config: Config
) -> PurposeResult:
    """Nobody was met yet, but a meeting with them is planned before this one: that one is
    the first contact, this one follows it. The sentence names who of ``emails`` (or of their
    organisations) is in that one: a colleague of theirs, or one of several, not everyone."""
    from planner.i18n import short_day
    from planner.people.addresses import address_key

    mine = {address_key(e) for e in emails} | {directory.unit(e) for e in emails}
    there = [
        p
        for p in directory.counterparts(first)
        if address_key(p.email) in mine or directory.unit(p.email) in mine
    ]
    who = directory.who({directory.unit(p.email) for p in there}, there)
    day = short_day(first.start.astimezone(config.tz).date())
    evidence = _("'{title}' with {who} comes before it, on {day}",
                 title=first.title.strip() or _("a meeting"), who=who, day=day)  # fmt: skip
    return PurposeResult(Purpose.OTHER, (evidence,), Confidence.MEDIUM)


def _personal(
    event: Event, others: People, externals: People, config: Config
) -> PurposeResult | None:
    from planner.judge.platforms import public_event
    from planner.judge.travel import travel_judgement

    if evidence := _personal_hint(event):
        return PurposeResult(Purpose.PERSONAL, (evidence,), Confidence.HIGH)
    if not externals and (found := find_word(event.title, _personal_words(config))):
        if not public_event(event):  # structure first: "Holiday Networking Mixer" on Eventbrite
            evidence = _('"{word}" in the title', word=found)
            return PurposeResult(Purpose.PERSONAL, (evidence,), Confidence.MEDIUM)
    if travel := travel_judgement(event):
        return PurposeResult(Purpose.PERSONAL, (travel[0],), travel[1])
    return None


def _private(
    event: Event,
    externals: People,
    directory: Directory,
    config: Config,
    wording: tuple[_Written, tuple[str, ...], tuple[str, ...]],
) -> PurposeResult | None:
    """A private occasion with friends or family (:mod:`planner.judge.private`), unless its
    words say deal closing or first contact (``wording``: the event's words, and the lists of
    deal-closing and first-contact words, whose evidence the purpose asks again after this)."""
    from planner.judge.private import SOCIAL_OCCASIONS, private_occasion

    written, deal, first = wording
    if not externals or written.evidence(deal) or written.evidence(first):
        return None
    social = written.evidence(SOCIAL_OCCASIONS)
    return private_occasion(event, externals, directory, config, social)


def _gathering(event: Event, config: Config, others: People) -> PurposeResult | None:
    """Networking (trade fair, conference, meetup, Stammtisch, a public event booked through
    an event platform or sent by an organiser's mailer, a webinar) or a client or site
    visit."""
    from planner.judge.people import networking_word, visit_word
    from planner.judge.platforms import public_event

    purpose = config["purpose"]
    if found := visit_word(event, tuple(purpose.get("visit_words", ()))):
        evidence = _('"{word}": a client or site visit', word=found)
        return PurposeResult(Purpose.VISIT, (evidence,), Confidence.HIGH)
    found = networking_word(event, tuple(purpose.get("networking_words", ())))
    # "Lunch Camille Durand", "she is in town for the Messe": a lunch, unless the event is a
    # public one all the same ("Keynote" in the programme of a webinar one registered for)
    if found and not _context_only(event, found, others):
        return PurposeResult(
            Purpose.NETWORKING, (_('"{word}": an event to meet people', word=found),)
        )
    if evidence := public_event(event):
        return PurposeResult(Purpose.NETWORKING, (evidence,))
    return None


def _context_only(event: Event, word: str, others: People) -> bool:
    """A gathering word that only the description has, for a meeting to which people besides
    the user are invited by name: it says why they are in town, not that the meeting is the
    gathering (the user alone on the attendee list invites nobody)."""
    if word.casefold() in event.title.casefold() or word.casefold() in event.location.casefold():
        return False
    return bool(others)


def _alone(event: Event, mode: Mode | None) -> PurposeResult:
    """Nobody else is invited: personal, unless the words say it is a meeting all the same."""
    from planner.judge.people import alone_says_meeting

    if mode is None:
        from planner.judge.mode import classify

        mode = classify(event).mode
    if alone_says_meeting(event, mode):
        evidence = _("a meeting without invited attendees")
        return PurposeResult(Purpose.OTHER, (evidence,), Confidence.LOW)
    return PurposeResult(Purpose.PERSONAL, (_("no other attendees"),), Confidence.HIGH)


def _personal_words(config: Config) -> tuple[str, ...]:
    return words(config, "personal_words", PERSONAL_WORDS)


def _internal(others: People, directory: Directory) -> PurposeResult:
    domains = sorted({p.domain for p in others} & directory.own_domains)
    if not domains:  # the only others are outside and declined: "only attendees from "
        return PurposeResult(Purpose.OTHER, (_("everyone invited from outside declined"),),
                             Confidence.LOW)  # fmt: skip
    evidence = _("only attendees from {domains}", domains=", ".join(domains))
    return PurposeResult(Purpose.INTERNAL, (evidence,), Confidence.HIGH)


def _routine(event: Event, emails: list[str], ledger: Ledger, config: Config) -> PurposeResult:
    if event.is_recurring:
        evidence = _("part of a recurring series")
        return PurposeResult(Purpose.ROUTINE, (evidence,), Confidence.HIGH)
    since = event.start - timedelta(days=config["relations"]["lookback_days"])
    count = ledger.repeats(emails, before=event.start, since=since)
    if count >= config["purpose"]["routine_repeats"]:
        evidence = ngettext(
            "{count} earlier meeting with the same counterparts",
            "{count} earlier meetings with the same counterparts",
            count,
        )
        return PurposeResult(Purpose.ROUTINE, (evidence,), Confidence.MEDIUM)
    directory = ledger.directory
    met = ledger.met_among(directory.counterparts(event), event.start)
    who = directory.who({directory.unit(e) for e in emails}, met)
    return PurposeResult(Purpose.OTHER, (_("met {who} before", who=who),), Confidence.MEDIUM)


def parse_purpose(text: str | Purpose | None) -> Purpose | None:
    """A purpose given by name (``--purpose``); None for none; a clear error for a wrong one."""
    if not text:
        return None
    try:
        return Purpose(text)
    except ValueError:
        from planner.errors import UsageError

        choices = ", ".join(p.value for p in Purpose)
        raise UsageError(
            _("--purpose '{value}' is not one of {choices}", value=text, choices=choices)
        ) from None
