"""Travel by its shape: flights, trains, coaches, car rental pick-up and return, taxis and
ride-hailing, hotel and apartment stays.

An event is travel (mode ``travel``, never a meeting, purpose personal) when its shape says so,
wherever its location points:

- a carrier and number ("LH 2060", "BA8731", "ICE 597", "TGV 9577", "Eurostar 9014"), a route
  of airport codes ("HAM → MUC", "LCY-AMS") or between stations ("Frankfurt(Main)Hbf → Berlin
  Hbf");
- a booking: an appended block with a booking reference ("Buchungscode", "Confirmation number",
  "Auftragsnummer", "Référence de dossier") of a transport or lodging;
- a travel vendor named where it is the subject: the title starts with it or the location's
  place part is a branch of it ("Sixt Rückgabe", "Uber to Heathrow", "Europcar Leipzig Messe");
- a stay: lodging (hotel, Airbnb, Übernachtung, a Graph ``hotel`` location) over whole days, or
  a hotel check-in or check-out;
- the words that start a journey ("Flug", "Rückfahrt", "Zug nach", "Trip to", "Vol").

A meeting never becomes travel: a title that names someone ("Check-in with George", "Hôtel Le
Royal – rendez-vous avec Sarah") or an event with other people and a conference link is none,
and other people turn a weak shape (start words, a check-in) into a meeting. The words are data
(German, English, French); vendors' addresses never feed purpose (:mod:`planner.judge.purpose`
judges travel personal before any word is read).
"""

from __future__ import annotations

import re
from datetime import timedelta

from planner.i18n import _
from planner.judge import patterns as P
from planner.judge.anchored import Screened, factored, longest_first
from planner.judge.kept_regex import compiled
from planner.judge.memo import SIZE, per_event
from planner.judge.tasks import task_of
from planner.judge.tools import LINK_RE
from planner.judge.zones import PLACE, Zones, zones_of
from planner.model import Confidence, Event


def _words(words: tuple[str, ...]) -> Screened:
    """Whole words; Japanese ones anywhere (the language writes no spaces: "ホテル京阪").
    Searched where the same words factored find something (:class:`Screened`)."""
    ordered = longest_first(words)
    spaced = [w for w in ordered if w[0] < "\u3040"]
    unspaced = [w for w in ordered if w[0] >= "\u3040"]
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, spaced)) + r")(?!\w)"

    def screen() -> str:
        return "|".join([r"(?<!\w)(?:" + factored(spaced) + r")(?!\w)", *map(re.escape, unspaced)])

    return Screened("|".join([pattern, *map(re.escape, unspaced)]), re.I, screen)


#: Flight numbers: airline code and 1-4 digits ("LH 2034", "US403", "U2 4521").
FLIGHT_NUMBER = r"(?<![\w-])(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{1,4}[A-Z]?(?!\w)"
#: "PHX to SFO", "MUC-HAM", "MUC → HAM", "CDG–FRA": two airport codes.
AIRPORT_PAIR = (
    r"(?<!\w)[A-Z]{3}\s*(?:to|->|→|–|-|—|nach|vers)\s*[A-Z]{3}(?!\w)"
    # "Rio de Janeiro (SDU) para São Paulo (CGH)", "İstanbul (IST) – İzmir (ADB)"
    r"|\([A-Z]{3}\)[^()\d]{1,40}\([A-Z]{3}\)"
)
#: Trains and coaches with their number.
TRAIN_NUMBER = (
    r"(?<!\w)(?:ICE|IC|EC|ECE|RJX?|TGV(?:\s+INOUI)?|OUIGO|NJ|FLX|RE|IRE|THA|ES|EST|IR|"
    r"Eurostar|Thalys|Railjet|Nightjet|Frecciarossa|Frecciargento|Frecciabianca|Italo|AVE|AVLO|"
    r"Alvia|Lyria|Alfa\s+Pendular|Intercity|InterCity|ICD|FlixTrain|FlixBus|EIC|EIP|TLK|Acela|"
    r"Pendolino|Snabbtåg|(?-i:VIA|SJ))\s?\d{1,5}(?!\w)"
    # Shinkansen and limited expresses by name and number ("のぞみ219号")
    r"|(?:のぞみ|ひかり|こだま|はやぶさ|はやて|やまびこ|なすの|とき|たにがわ|かがやき|はくたか|"
    r"つるぎ|あさま|つばさ|こまち|みずほ|さくら|つばめ|サンダーバード|しなの|ひだ)\s?\d{1,4}号"
)
#: The arrow of a route between two names ("Köln → Lyon", "Uber → Gare de Lyon").
ARROW = r"\s*(?:→|->|⇒|—>)\s*(?=[^\W\d_])"
#: Stations and airports: what a route between them goes from and to.
STATION_WORDS = (
    "hbf", "hb", "hauptbahnhof", "bahnhof", "station", "gare", "airport", "flughafen",
    "aéroport", "terminal", "st pancras", "part-dieu", "estación", "estacion", "estação",
    "estacao", "stazione", "aeropuerto", "aeroporto", "luchthaven", "centraal",
    "centralstation", "centralstationen", "hovedbanegård", "główny", "centralna", "hl.n",
    "hlavní nádraží", "lufthavn", "flygplats", "lotnisko", "letiště", "havalimanı",
    "havaalanı", "gar", "garı", "pályaudvar", "repülőtér", "gara", "gara de nord", "aeroport",
    "aeroportul", "σταθμός", "αεροδρόμιο", "駅", "空港",
)  # fmt: skip
#: The station words that name an airport.
AIRPORT_WORDS = (
    "airport", "flughafen", "aéroport", "terminal", "aeropuerto", "aeroporto", "luchthaven",
    "lufthavn", "flygplats", "lotnisko", "letiště",
    # Turkish, Hungarian, Romanian, Greek, Japanese
    "havalimanı", "havaalanı", "repülőtér", "aeroport", "aeroportul", "αεροδρόμιο", "空港",
)  # fmt: skip
#: The track or platform a train leaves from ("Gleis 7", "voie 12", "binario 3", "spoor 5"):
#: in the place of a route's title, the route is a train's.
PLATFORM_WORDS = (
    "gleis", "voie", "binario", "andén", "anden", "vía", "plataforma", "linha",
    "spoor", "perron", "platform", "peron", "spår", "spor", "kolej", "nástupiště", "track",
)  # fmt: skip
FLIGHT_WORDS = (
    "flug", "flight", "flights", "vol", "lufthansa", "airline", "airways", "air", "vuelo",
    "vuelos", "volo", "voli", "voo", "voos", "vlucht", "vluchten", "fly", "flyg", "luxair",
    "norwegian", "sas", "finnair", "klm", "airbaltic", "ryanair", "easyjet", "wizz",
    "aer lingus", "vueling", "iberia", "air europa", "volotea", "transavia", "ita airways",
    "brussels airlines", "air france", "swiss", "austrian", "eurowings", "tap",
    "latam", "azul", "aeroméxico", "aeromexico", "volaris", "viva aerobus", "qantas",
    "jetstar", "virgin australia", "emirates", "air india", "vistara", "thy",
    "turkish airlines", "pegasus", "tarom", "aegean", "olympic air", "uçuş",
    "járat", "zbor", "πτήση",
)  # fmt: skip
#: Titles that start a journey (matched at the title's start).
START_WORDS = (
    "flug", "flight", "flights", "rückflug", "hinflug", "abflug", "ankunft", "zug", "train",
    "bahnfahrt", "bahn", "fahrt nach", "zugfahrt", "rückfahrt", "hinfahrt", "anreise", "abreise",
    "rückreise", "heimreise", "reise nach", "ihre reise", "trip to", "trip from", "travel to",
    "journey", "directions from", "transfer to", "transfer zum", "shuttle to", "ferry", "fähre",
    "vol", "retour en train", "train pour", "voyage", "trajet", "übernachtung", "uebernachtung",
    "overnight", "lodging", "unterkunft", "hotelreservierung", "hotelbuchung",
    "reservierung: hotel", "reservation: hotel", "pick-up rental car", "drop-off rental car",
    "rental car", "mietwagen",
    "car rental", "car hire", "autovermietung", "location de voiture", "location voiture",
    "coche de alquiler", "alquiler de coche", "alquiler de coches", "recogida del coche",
    "devolución del coche", "auto a noleggio", "noleggio auto", "ritiro auto",
    "riconsegna auto", "carro alugado", "aluguer de carro", "aluguel de carro", "huurauto",
    "huurwagen", "huurauto ophalen", "huurauto inleveren",
    "taxi", "cab", "airbnb",
    # Spanish, Italian, Portuguese, Dutch
    "vuelo", "volo", "voo", "vlucht", "tren", "treno", "comboio", "trein", "táxi", "viaje a",
    "viaggio a", "viagem a", "viagem para", "reis naar", "terugreis", "heenreis",
    # lodging, coaches, ferries and the way back in French, Italian, Spanish and Dutch
    "nuitée", "pernottamento", "alloggio", "alojamiento",
    "hospedaje", "overnachting", "bus naar", "bus to", "bus nach", "bus para", "autobús",
    "autobus", "autocar", "pullman per", "coach to", "traghetto", "veerboot", "barco a",
    "ritorno a", "viaggio di ritorno", "vuelta a", "regreso a", "viaje de vuelta",
    "retour à", "voyage retour", "trajet retour",
    # airlines whose name opens a title: the flight ("Aer Lingus to Heathrow")
    "aer lingus", "ryanair", "vueling", "easyjet", "transavia", "volotea", "air europa",
    "ita airways", "brussels airlines", "iberia", "klm", "eurowings",
    # Swedish, Danish, Norwegian, Polish, Czech
    "resa", "resa till", "tåg", "tågresa", "flyg", "flyg till", "tog", "togrejse", "rejse til",
    "reise til", "fly til", "pociąg", "podróż do", "lot do", "vlak", "cesta do",
)  # fmt: skip
#: Vendors whose name makes a title or a branch a travel item.
VENDORS = (
    "lufthansa", "eurowings", "condor", "air france", "klm", "british airways", "easyjet",
    "ryanair", "swiss", "austrian airlines", "finnair", "iberia", "vueling", "tap air portugal",
    "brussels airlines", "wizz air", "deutsche bahn", "db fernverkehr", "sncf", "eurostar",
    "öbb", "sbb", "trenitalia", "flixbus", "flixtrain", "ouigo", "sixt", "europcar", "hertz",
    "avis", "enterprise rent-a-car", "budget", "alamo", "buchbinder", "starcar", "booking.com",
    "airbnb", "expedia", "hotels.com", "hrs", "uber", "bolt", "freenow", "free now", "lyft",
    "g7", "addison lee", "tripit", "cabify", "heetch", "mytaxi", "itaxi", "gett", "blablacar",
    "renfe", "iryo", "cp comboios", "ns international", "amtrak", "via rail", "trainline",
    "avanti west coast", "lner", "pkp intercity", "sj", "dsb", "norwegian air", "luxair",
    "české dráhy", "regiojet", "leo express", "lot polish airlines", "aer lingus",
    "air europa", "volotea", "transavia", "ita airways", "thalys", "nmbs", "sncb", "italo",
    "irish rail", "iarnród éireann", "westbahn", "alsa", "avlo",
    # the Americas, Asia-Pacific, Turkey, Hungary, Romania, Greece, Japan
    "latam", "aeroméxico", "volaris", "qantas", "jetstar", "virgin australia", "emirates",
    "air india", "turkish airlines", "pegasus", "máv", "mav-start", "cfr călători", "tarom",
    "aegean airlines", "smartex", "jr東海", "jr東日本",
)  # fmt: skip
RENTAL_VENDORS = ("sixt", "europcar", "hertz", "avis", "enterprise", "budget", "alamo",
                  "buchbinder", "starcar")  # fmt: skip
RIDE_VENDORS = ("uber", "bolt", "freenow", "free now", "lyft", "taxi", "táxi", "cab", "g7",
                "addison lee", "cabify", "heetch", "mytaxi", "itaxi", "gett", "bitaksi",
                "taksi", "yandex go", "careem", "gojek", "rapido", "indrive", "ταξί",
                "タクシー")  # fmt: skip
#: Ride vendors whose name is also a word or a number ("99", "Ola", "Grab", "DiDi"): a ride
#: only before where to ("99 para Congonhas", "Ola to the airport", "Grab → Changi").
RIDE_VENDORS_BEFORE_WHERE = ("99", "99pop", "ola", "grab", "didi", "beat")
#: Picking up or returning a rental.
RENTAL_WORDS = (
    "abholung", "abholen", "rückgabe", "zurückgeben", "pick-up", "pickup", "pick up",
    "drop-off", "dropoff", "return", "prise en charge", "restitution", "retour", "mietwagen",
    "rental car", "car hire", "location de voiture", "location voiture", "transporter",
    # Spanish, Italian, Portuguese, Dutch
    "recogida", "devolución", "devolucion", "coche de alquiler",
    "alquiler de coche", "alquiler de coches", "coche alquilado", "ritiro", "riconsegna",
    "restituzione", "auto a noleggio", "noleggio auto", "auto di noleggio", "levantamento",
    "devolução", "carro alugado", "aluguer de carro", "aluguel de carro", "ophalen",
    "inleveren", "terugbrengen", "huurauto", "huurwagen", "autohuur",
)  # fmt: skip
#: Lodging: a stay over night.
LODGING_WORDS = (
    "hotel", "hôtel", "motel", "hostel", "airbnb", "apartment", "appartement", "ferienwohnung",
    "unterkunft", "übernachtung", "uebernachtung", "stay", "séjour", "lodging", "pension",
    "gasthof", "b&b", "inn", "suites", "hébergement", "logement", "nuitée", "pernottamento",
    "alloggio", "albergo", "alojamiento", "hospedaje", "overnachting", "otel", "szálloda",
    "hotelul", "ξενοδοχείο", "ホテル",
    "旅館",
)  # fmt: skip
#: Hotel chains and brands whose name alone names the lodging ("Marriott Frankfurt", "Ibis Köln
#: Centrum"); names that are also ordinary words or surnames on their own ("NH", "Ruby",
#: "Aloft", "Lindner", "Maritim") only with "Hotel" after them, which the words above know.
HOTEL_BRANDS = (
    "marriott", "courtyard by marriott", "sheraton", "westin", "ritz-carlton", "hilton",
    "hampton by hilton", "doubletree", "hyatt", "intercontinental", "crowne plaza",
    "holiday inn", "ibis", "ibis budget", "ibis styles", "novotel", "mercure", "pullman",
    "sofitel", "radisson", "radisson blu", "park inn", "nh collection", "meliá", "melia",
    "steigenberger", "dorint", "kempinski", "premier inn", "travelodge", "best western",
    "wyndham", "ramada", "scandic", "meininger", "adina", "citadines", "moxy", "mövenpick",
    "movenpick", "arcotel", "prizeotel", "vienna house", "mandarin oriental", "fairmont",
    "swissôtel", "swissotel", "barceló", "barcelo", "eurostars", "achat hotel", "b&b hotel",
    "b&b hotels", "hotels.com", "hrs", "booking.com",
)  # fmt: skip
CHECK_WORDS = ("check-in", "check in", "checkin", "check-out", "check out", "checkout")
#: Labels of a booking reference in the blocks vendors append.
BOOKING_LABELS = (
    "buchungscode", "buchungsnummer", "booking code", "booking reference", "booking number",
    "confirmation number", "confirmation code", "bestätigungsnummer", "bestätigungscode",
    "reservierungsnummer", "reservation number", "reservation code", "auftragsnummer",
    "order number", "référence de dossier", "référence de réservation", "numéro de confirmation",
    "numéro de réservation", "code de réservation", "ticketnummer", "ticket number",
    "numéro de billet", "e-ticket", "trip id", "fahrt-id", "reservierung", "reservation",
    "réservation", "bordkarte", "boarding pass", "sitzplatz", "tripit",
    # Swedish, Danish, Norwegian, Polish, Czech
    "bokningsnummer", "bokningsreferens", "ordrenummer", "bestillingsnummer",
    "bestillingsreferanse", "bookingnummer", "bekræftelse nr", "bilet nr", "numer rezerwacji",
    "numer biletu", "jízdní doklad", "číslo rezervace", "booking ref",
    # Portuguese, Spanish, Turkish, Hungarian, Romanian, Greek, Japanese
    "localizador", "código de reserva", "pnr", "número de reserva", "número de la reserva",
    "referencia de la reserva", "número de confirmación", "código de confirmación",
    "codice di prenotazione", "numero di prenotazione", "codice prenotazione",
    "numero prenotazione", "codice biglietto", "numero biglietto", "codice di conferma",
    "número da reserva", "código da reserva", "reserveringsnummer", "reserveringscode",
    "boekingsnummer", "boekingscode", "bevestigingsnummer", "biljetnummer", "rezervasyon kodu",
    "rezervasyon no",
    "foglalási szám", "cod rezervare", "κωδικός κράτησης", "予約番号",
)  # fmt: skip
#: The TripIt "whole trip" item: "John Doe is in South San Francisco, CA from Oct 11 …".
IS_IN = r"\bis in (?P<city>[^\n]+?) from\b|\bist in (?P<stadt>[^\n]+?) vom\b"

_FLIGHT_RE = compiled(FLIGHT_NUMBER)
_PAIR_RE = compiled(AIRPORT_PAIR)
#: The trains of :data:`TRAIN_NUMBER` by name, to screen a text for one (upper and lower case
#: both for all: a screen may find more, never less).
TRAIN_NAMES = (
    "ice", "ic", "ec", "ece", "rj", "rjx", "tgv", "tgv inoui", "ouigo", "nj", "flx", "re", "ire",
    "tha", "es", "est", "ir", "eurostar", "thalys", "railjet", "nightjet", "frecciarossa",
    "frecciargento", "frecciabianca", "italo", "ave", "avlo", "alvia", "lyria", "alfa pendular",
    "intercity", "icd", "flixtrain", "flixbus", "eic", "eip", "tlk", "acela", "pendolino",
    "snabbtåg", "via", "sj",
)  # fmt: skip
_TRAIN_RE = Screened(
    TRAIN_NUMBER,
    re.IGNORECASE,
    lambda: r"(?<!\w)(?:" + factored(TRAIN_NAMES, r"\s+") + r")\s?\d|号",  # (a Japanese one)
)
_ARROW_RE = compiled(ARROW)
#: A train's kind without its number, opening a route's title ("IC Antwerpen → Gent").
_TRAIN_KIND_RE = compiled(
    r"^\W*(?:ICE|IC|EC|TGV(?:\s+INOUI)?|OUIGO|RJX?|Railjet|Nightjet|Thalys|Eurostar|"
    r"Frecciarossa|Frecciargento|Italo|AVE|AVLO|Alvia|Iryo|Intercity|InterCity|Sprinter)\s"
)
_LETTER_RE = compiled(r"[^\W\d_]")
_IS_IN_RE = compiled(IS_IN, re.IGNORECASE)
_START_RE = compiled(r"^\W*" + _words(START_WORDS).pattern, re.IGNORECASE)
_STATION_RE = _words(STATION_WORDS)
_AIRPORT_RE = _words(AIRPORT_WORDS)
_PLATFORM_RE = compiled(_words(PLATFORM_WORDS).pattern + r"\s*\d", re.IGNORECASE)
#: "Zürich HB – Bern", "Porto Campanhã - Lisboa": two names of at most four words each (no
#: digits) joined by a spaced dash, the whole title.
_DASH_ROUTE_RE = compiled(
    r"^\W*(?P<a>[^\W\d_][^\d–—:|()]{0,40}?)\s+[-–—]\s+(?P<b>[^\W\d_][^\d–—:|()]{0,40}?)\W*$"
)
#: Words of a meeting, a meal or a visit: a dashed title that holds one is no route
#: ("Workshop – Hauptbahnhof", "Lunch – Gare du Nord", "Kundenbesuch – Terminal Ost").
_NOT_PLACE_RE = _words(P.MEETING_NOUNS + P.MEALS + P.MEAL_PHRASES + P.PRESENCE_PHRASES)
_FLIGHT_WORD_RE = _words(FLIGHT_WORDS)
_VENDOR_RE = _words(VENDORS)
_RENTAL_VENDOR_RE = _words(RENTAL_VENDORS)
_RIDE_START_RE = compiled(
    r"^\W*(?:"
    + _words(RIDE_VENDORS).pattern
    + r"|(?:"
    + "|".join(RIDE_VENDORS_BEFORE_WHERE)
    + r")\s*(?:to|para|pra|a|al|hacia|→|->|–|-)\s+\w)",
    re.IGNORECASE,
)
_RENTAL_RE = _words(RENTAL_WORDS)
_LODGING_RE = _words(LODGING_WORDS + HOTEL_BRANDS)
_CHECK_RE = _words(CHECK_WORDS)
_BOOKING_RE = _words(BOOKING_LABELS)
_TAG_RE = compiled(r"\[(?:flight|rail|lodging|car rental|directions)\]", re.IGNORECASE)
#: A person named after "mit"/"with"/"avec": "Hotel lobby: coffee with Anna".
WITH_SOMEONE = r"(?<!\w)(?:mit|with|w/|avec)\s+(?!\d)[A-ZÄÖÜÉ]"
_WITH_RE = compiled(WITH_SOMEONE)

Judgement = tuple[str, Confidence]


@per_event(SIZE)
def travel_judgement(event: Event) -> Judgement | None:
    """Why ``event`` is a travel item and how sure that is, or None when it is not one
    (remembered: mode, meeting and purpose all ask)."""
    if task_of(event):
        return None  # "Flug buchen": a task about a flight, not the flight
    zones = zones_of(event)
    title = zones.title.strip()
    if _WITH_RE.search(title):
        return None  # "Hotel lobby: coffee with Anna" is a meeting at a hotel
    others = len(event.people()) >= 2
    if others and _conferencing(event, zones):
        return None  # "Check-in with George" and a Meet link: a meeting
    found = _strong(event, zones, title)
    if found:
        return found, Confidence.HIGH
    if others:
        return None  # start words or a check-in with other people: a meeting
    if weak := _weak(event, zones, title):
        return weak, Confidence.MEDIUM
    return None


def travel_evidence(event: Event) -> str | None:
    """Why ``event`` is a travel item, or None when it is not one."""
    found = travel_judgement(event)
    return found[0] if found else None


def is_travel(event: Event) -> bool:
    return travel_judgement(event) is not None


def dashed_journey(title: str, places: str) -> bool:
    """Whether ``title`` is a route written with a dash between two places and a station in
    it or a platform in ``places`` ("Zürich HB – Bern" at "Zürich HB, Gleis 33")."""
    return _dash_route(title) and bool(_STATION_RE.search(title) or _PLATFORM_RE.search(places))


def _dash_route(title: str) -> bool:
    """Whether ``title`` is two places joined by a spaced dash ("Zürich HB – Bern"): a route
    when a station or a platform says so (a dash alone also joins a topic and a place)."""
    found = _DASH_ROUTE_RE.match(title)
    if found is None or _NOT_PLACE_RE.search(title):
        return False
    return all(len(found.group(side).split()) <= 4 for side in ("a", "b"))


def _conferencing(event: Event, zones: Zones) -> bool:
    if event.conference_links or any(LINK_RE.search(url) for _zone, url in zones.links):
        return True
    return any("ONLINEMEETING" in key.upper() or "CONFERENCE" in key.upper() for key, _v in
               event.hints)  # fmt: skip


def _strong(event: Event, zones: Zones, title: str) -> str | None:
    if _IS_IN_RE.search(event.description) or _TAG_RE.search(event.description):
        return _("a trip in the travel plan ('{title}')", title=title)
    if _TRAIN_RE.search(title):
        return _("train '{title}'", title=title)
    flight = _FLIGHT_RE.search(title)
    if _PAIR_RE.search(title) or (flight and (_FLIGHT_WORD_RE.search(title) or _booked(zones))):
        return _("flight '{title}'", title=title)
    arrow = _ARROW_RE.search(title)
    route = arrow is not None and _LETTER_RE.search(title, 0, arrow.start()) is not None
    places = " ".join(p.text for p in zones.parts(PLACE))
    if route and (
        _STATION_RE.search(title)
        or _booked(zones)
        or _VENDOR_RE.search(title)
        or _TRAIN_KIND_RE.match(title)  # "IC Antwerpen → Gent", "AVE Sevilla → Madrid"
    ):
        return _("journey '{title}'", title=title)
    if _RIDE_START_RE.match(title):
        return _("ride '{title}'", title=title)
    rental = _RENTAL_VENDOR_RE.search(title) or _RENTAL_VENDOR_RE.search(places)
    if rental and (_RENTAL_RE.search(title) or _booked(zones) or _RENTAL_VENDOR_RE.match(title)):
        return _("car rental '{title}'", title=title)
    if _stay(event, zones, title, places):
        return _("stay '{title}'", title=title)
    if _booked(zones) and (_VENDOR_RE.search(title) or _VENDOR_RE.search(zones.block_text)):
        return _("travel booking '{title}'", title=title)
    return None


def _stay(event: Event, zones: Zones, title: str, places: str) -> bool:
    lodging = bool(_LODGING_RE.search(title) or _hotel_hint(event))
    lodging = lodging or bool(_LODGING_RE.match(places.strip()))
    booked = _booked(zones)
    if not lodging and not booked:
        return False  # what each way below answers then (its length not worked out)
    if event.all_day or _overnight(event, event.duration):
        return lodging or (booked and bool(_VENDOR_RE.search(zones.block_text)))
    if _CHECK_RE.search(title):
        return lodging or booked
    return False


#: A lodging item this long that ends on a later day is the night itself (check-in to
#: check-out), though shorter than a day: "First Hotel Grand" from 16:00 to 08:30.
OVERNIGHT_HOURS = 12


def _overnight(event: Event, duration: timedelta) -> bool:
    """A day or more, or a night (``duration``: the event's, worked out once)."""
    if duration.days >= 1:
        return True
    return duration.total_seconds() >= OVERNIGHT_HOURS * 3600 and (
        event.end.date() > event.start.date()
    )


def _hotel_hint(event: Event) -> bool:
    return any(key.lower().endswith("locationtype") and value.lower() in ("hotel", "lodging")
               for key, value in event.hints)  # fmt: skip


def _booked(zones: Zones) -> bool:
    return any(_BOOKING_RE.search(block) for block in zones.blocks)


def _weak(event: Event, zones: Zones, title: str) -> str | None:
    if _START_RE.match(title):
        return _("travel booking '{title}'", title=title)
    if dashed_journey(title, " ".join(p.text for p in zones.parts(PLACE))):
        return _("journey '{title}'", title=title)
    if _CHECK_RE.match(title) and _LODGING_RE.search(title + " " + event.location):
        return _("travel booking '{title}'", title=title)
    return None


def trip_city(event: Event) -> str:
    """The city of a TripIt "whole trip" item, ``""`` for any other event."""
    if found := _IS_IN_RE.search(event.description):
        return (found.group("city") or found.group("stadt") or "").strip()
    return ""
