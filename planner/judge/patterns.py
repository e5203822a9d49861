"""Everything the meeting-mode classifier looks for, as data: hosts, words, regexes and weights.

:mod:`planner.judge.mode` compiles these once at import. To teach the classifier a new video
service, venue word or phrase, add it here; no code change is needed. Patterns are matched
case-insensitively unless a name says ``_CS`` (case-sensitive). Word lists are matched as whole
words; ``*_SUFFIXES`` also match as the tail of a German compound ("Besprechungsraum").
"""

from __future__ import annotations

# --- Video conferencing ---------------------------------------------------------------------

# The video, messaging and telephony tools (names and link hosts) live in
# planner.judge.tools: tools are not places.

#: Links to a map: they point at a physical place.
MAP_HOSTS: str = (
    r"maps\.google\.[a-z.]+|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|"
    r"maps\.apple\.com|openstreetmap\.org|osm\.org|bing\.com/maps|here\.com|what3words\.com"
)

#: A link whose path or host looks like a meeting room of an unknown service (weaker signal).
MEETING_PATH: str = (
    r"/(?:j|w|join|meet|meeting|meetings|webinar|webinars|call|conference|conf|room|rooms|"
    r"visio|video|live|session|huddle|s)(?:[/?#=]|$)|^(?:meet|video|visio|conf|webconf|vc|call|"
    r"live|webinar)[.-]"
)

# --- Phrases --------------------------------------------------------------------------------

#: Wording that says a meeting happens on video.
VIRTUAL_PHRASES: tuple[str, ...] = (
    "videokonferenz", "video-konferenz", "videocall", "video-call", "video call", "videochat",
    "video chat", "videotelefonat", "video-telefonat", "videomeeting", "video-meeting",
    "video meeting", "video conference", "videoconference", "web conference", "webkonferenz",
    "web meeting", "webmeeting", "online", "online-meeting", "onlinemeeting", "online-termin",
    "online meeting", "virtuell", "virtuelles", "virtueller", "virtuelle", "virtual", "virtually",
    "remote", "webinar", "livestream", "live stream", "visio", "visioconférence", "screen share",
    "screenshare", "bildschirmfreigabe", "join the meeting", "join meeting", "join zoom meeting",
    "an besprechung teilnehmen", "click here to join",
    "hier klicken, um an der besprechung teilzunehmen", "home office", "homeoffice", "wfh",
    "per video", "via video", "by video", "over video", "video", "par vidéo", "en vidéo",
    "vidéo", "visio", "en visio", "en ligne", "à distance", "distanciel", "webinaire",
    "réunion virtuelle", "conférence virtuelle",
    # Italian, Spanish, Dutch
    "videochiamata", "videoconferenza", "da remoto", "in remoto", "videollamada",
    "videoconferencia", "en remoto", "videobellen", "videogesprek", "videovergadering",
    "op afstand",
    # rooms that are not rooms
    "zoom room", "zoom raum", "teams room", "teams raum", "breakout room", "breakout raum",
    "bbb raum", "jitsi raum", "webex raum", "online raum", "virtual room", "virtueller raum",
    "video raum", "meeting raum online",
)  # fmt: skip

#: Wording that says a meeting is a phone call.
PHONE_PHRASES: tuple[str, ...] = (
    "telefonat", "telefon", "telefonisch", "telefontermin", "telefonkonferenz",
    "telefon-konferenz", "telko", "tk", "anruf", "anrufen", "ruft an", "rufe an", "rückruf",
    "phone call", "phone", "phone conference", "call me", "call you", "i'll call", "i will call",
    "give me a call", "conference call", "audio call", "audio only", "nur audio", "handy", "mobil",
    "dial-in", "dial in", "einwahl", "einwahlnummer", "einwahldaten", "appel", "appel téléphonique",
    "téléphone", "téléphonique", "conférence téléphonique", "tél", "par téléphone", "au téléphone",
    "per telefon", "by phone", "on the phone", "phone screen", "conf call",
    # a call as a verb or a noun: "Appeler la banque", "Zurückrufen", "Chiamare Marco"
    "appeler", "rappeler", "téléphoner", "telefonieren", "zurückrufen", "call back", "callback",
    "chiamare", "richiamare", "telefonare", "chiamata", "telefonata", "llamar", "llamada",
    "telefonear", "bellen", "opbellen", "terugbellen", "telefoontje", "belafspraak",
    "nabellen", "nachtelefonieren", "coup de fil", "coup de téléphone", "llamada telefónica",
    "per telefono", "al telefono", "por teléfono", "riunione telefonica", "reunión telefónica",
    "telefonisch overleg", "telefoongesprek",
    # Polish, Czech, Danish, Norwegian, Swedish: words that only say a call
    "zadzwonić", "zadzwonic", "zadzwoń", "oddzwonić", "rozmowa telefoniczna", "zavolat",
    "zavolej", "telefonát", "telefonický hovor", "ring til", "ringe til", "ring till",
    "ringa till", "opkald", "telefonmøde", "telefonmøte", "telefonsamtale", "telefonsamtal",
)  # fmt: skip

# Call verbs at a title's start and calls promised in a sentence: planner.judge.calls.

#: "Call" alone: in English often a video call. Counts weakly towards phone.
AMBIGUOUS_CALL: tuple[str, ...] = ("call", "calls", "catch-up call", "intro call", "sync call")

#: Wording that says people meet in the same place.
PRESENCE_PHRASES: tuple[str, ...] = (
    "vor ort", "persönlich", "persönliche", "persönlicher", "persönliches", "persönlichen",
    "persönliches treffen", "persoenlich", "beim kunden", "bei kunde", "kundenbesuch",
    "kundentermin vor ort", "besuch", "besuch bei", "treffen in", "treffen im", "präsenz",
    "präsenztermin", "präsenzmeeting", "in person", "in-person", "onsite", "on-site", "on site",
    "offsite", "off-site", "face to face", "face-to-face", "f2f", "visit", "site visit",
    "office visit", "meet at", "meet in person", "see you at", "see you in the", "meet you at",
    "wir treffen uns", "treffen uns", "treffpunkt", "walk and talk", "walk & talk", "begehung",
    "werksbesichtigung", "besichtigung", "messestand", "en présentiel", "présentiel",
    "sur place", "en personne", "visite", "rencontre sur place",
)  # fmt: skip

#: Meals, several languages, short forms too ("Déj", "Petit-déj", "Mittag"): eaten together
#: at a table. With a name right after them, a meal with that person ("Déj Tom", "Lunch Dr.
#: Vogt", "Cena Marco": :func:`planner.judge.people.names_a_person`).
MEALS: tuple[str, ...] = (
    "mittagessen", "mittag", "geschäftsessen", "arbeitsessen", "abendessen", "frühstück",
    "business lunch", "lunch", "dinner", "breakfast", "brunch", "coffee", "kaffee",
    "déjeuner", "dejeuner", "déj", "dej", "petit-déjeuner", "petit déjeuner", "petit-déj",
    "petit déj", "dîner", "diner", "pranzo", "cena", "colazione", "almuerzo", "comida",
    "desayuno", "ontbijt", "koffie", "almoço", "almoco", "jantar", "pequeno-almoço",
    "pequeno almoço", "lanche", "merienda", "avondeten", "diner", "lunch", "etentje", "tapas",
    "tapeo", "weihnachtsessen", "teamessen", "firmenessen", "kundenessen", "familienessen",
    "geburtstagsessen", "abschiedsessen", "jahresabschlussessen",
    # Polish, Czech, Swedish, Danish, Norwegian
    "obiad", "kolacja", "śniadanie", "oběd", "večeře", "snídaně", "fika", "middag",
    "frokost", "frukost", "lunsj", "morgenmad", "aftensmad", "kawa", "káva", "kaffe",
    # Turkish, Hungarian, Romanian, Greek (Japanese has no spaces: planner.judge.people)
    "öğle yemeği", "akşam yemeği", "iş yemeği", "kahvaltı", "kahve", "ebéd", "munkaebéd",
    "vacsora", "reggeli", "kávé", "prânz", "pranz", "cină", "mic dejun", "cafea", "καφές",
    "καφέ", "γεύμα", "μεσημεριανό", "δείπνο", "πρωινό",
)  # fmt: skip
#: Meals and drinks: usually together at a table, but "lunch & learn" webinars exist.
MEAL_PHRASES: tuple[str, ...] = (
    *MEALS, "drinks", "drink", "beer", "bier", "afterwork", "after-work", "apéro", "apero",
    "aperitivo", "borrel", "stammtisch", "vernissage",
    # a coffee or a glass together, several languages ("Café c/ Joana", "Heuriger mit …")
    "café", "cafe", "caffè", "caffe", "un café", "um café", "cafezinho", "bica", "cerveja",
    "cañas", "copas", "vermut", "vermouth", "vinho", "heuriger", "pint", "pints",
    "piwo", "pivo", "øl", "öl", "drinkar", "drinks", "glühwein", "vin chaud", "vin brulé",
)  # fmt: skip

#: Wording that says some people are in a room and others join online.
HYBRID_PHRASES: tuple[str, ...] = (
    "hybrid", "hybrides", "hybride", "hybrider", "vor ort und online", "vor ort oder online",
    "in person and online", "in person or online", "onsite and remote",
    "en présentiel et à distance",
)  # fmt: skip

#: Mode words that are also subjects ("Hybrid Work", "Online-Marketing", "Remote-Führung",
#: "Travail hybride"): in a title they say the mode only as a marker (see MEETING_NOUNS).
MODE_ADJECTIVES: tuple[str, ...] = (
    "hybrid", "hybride", "hybrider", "hybrides", "online", "remote", "virtual", "virtuell",
    "virtuelle", "virtueller", "virtuelles", "video", "vidéo", "en ligne", "à distance",
    "digital",
)  # fmt: skip

#: Nouns of a meeting: a mode adjective next to one of these is the meeting's mode
#: ("Online-Meeting", "hybrides Treffen", "réunion hybride"), next to any other noun a topic.
MEETING_NOUNS: tuple[str, ...] = (
    "meeting", "meetings", "besprechung", "termin", "call", "calls", "telefonat", "konferenz",
    "sitzung", "treffen", "workshop", "seminar", "schulung", "training", "session", "interview",
    "gespräch", "kennenlernen", "kickoff", "kick", "onboarding", "review", "standup", "sync",
    "event", "veranstaltung", "sprechstunde", "beratung", "coaching", "meetup", "stammtisch",
    "runde", "jour", "tagung", "kongress", "präsentation", "presentation", "pitch", "demo",
    "party", "feier", "conference", "chat", "réunion", "rendez", "rdv", "entretien", "atelier",
    "formation", "conférence", "rencontre", "point", "échange", "séance", "webinar",
    "webinaire", "summit", "panel", "visite", "apéro", "vidéo", "video", "teilnahme",
    "format", "edition", "edition", "mitgliederversammlung", "versammlung", "all", "hands",
)  # fmt: skip

#: Words between a tool or mode word and a name: "Zoom mit Peter", "Appel avec Lucas".
CONNECTORS: tuple[str, ...] = (
    "mit", "with", "w", "avec", "und", "and", "et", "&", "zu", "zum", "zur", "für", "for",
    "pour", "per", "via", "am", "um", "at", "à", "au", "bei", "chez", "de", "du", "des", "von",
    "re", "about", "über", "sur", "to", "nach", "vers", "x",
)  # fmt: skip

#: Titles of personal blockers: no meeting, whatever the words say. Matched at title start.
#: Absences and one's own time that stay so whoever the entry is sent to: a blocker for the
#: mode, personal for the purpose (:data:`planner.judge.purpose.PERSONAL_WORDS`).
ABSENCE_TITLES: tuple[str, ...] = (
    "krank", "sick", "sick leave", "malade", "arrêt maladie", "férié", "conges", "fokuszeit",
    "focus time",
)  # fmt: skip
BLOCKER_TITLES: tuple[str, ...] = (
    *ABSENCE_TITLES,
    "focus", "fokus", "blocker", "blocked", "block", "geblockt",
    "do not book", "don't book", "nicht buchen", "no meetings", "keine termine", "out of office",
    "ooo", "abwesend", "abwesenheit", "urlaub", "vacation", "holiday", "feiertag",
    "mittagspause", "lunch break", "pause", "reisezeit", "travel time", "commute", "fahrtzeit",
    "anreise", "abreise", "hold", "placeholder", "platzhalter", "privat", "private", "busy", "gym",
    "sport", "deep work", "congés", "vacances", "bloqué", "bloquer", "blocage",
    "pause déjeuner", "télétravail", "absent", "absence", "rendez-vous médecin",
    "pausa pranzo", "pausa comida", "pausa almuerzo", "pausa para comer", "lunchpauze",
    "pause midi", "pause repas",
)  # fmt: skip

#: Blocker titles that hold time for something: with other people invited, the meeting held
#: ("Hold: Vertragsunterzeichnung", "Placeholder – intro with Greenway"), not a blocker. An
#: absence sent to the team ("Urlaub", "Out of office") stays one.
PLACEHOLDER_TITLES: tuple[str, ...] = (
    "hold", "placeholder", "platzhalter", "blocker", "blocked", "block", "geblockt", "bloqué",
    "bloquer", "blocage",
)  # fmt: skip

#: Whole titles that are a meal and nothing else: without a place, a personal blocker.
BARE_MEAL_TITLES: tuple[str, ...] = (
    "lunch", "mittag", "mittagessen", "essen", "dinner", "abendessen", "frühstück", "breakfast",
    "déj", "dej", "déjeuner", "dejeuner", "pranzo", "almuerzo", "comida", "ontbijt",
    "almoço", "almoco", "jantar", "cena", "avondeten", "obiad", "oběd", "frokost", "lunsj",
    "middag", "fika",
)  # fmt: skip

#: Locations that say nothing yet.
PLACEHOLDER_LOCATIONS: tuple[str, ...] = (
    "tbd", "tba", "tbc", "t.b.d.", "t.b.a.", "n/a", "na", "none", "-", "--", "?", "??", "offen",
    "noch offen", "folgt", "wird noch bekannt gegeben", "to be defined", "to be confirmed",
    "to be announced", "siehe beschreibung", "see description", "see below", "siehe unten",
    "siehe einladung",
)  # fmt: skip

# --- Places ---------------------------------------------------------------------------------

#: Venue and room words, matched as whole words.
VENUE_WORDS: tuple[str, ...] = (
    "büro", "buero", "office", "offices", "raum", "room", "conf room", "meeting room", "boardroom",
    "besprechungsraum", "konferenzraum", "sitzungszimmer", "sitzungssaal", "restaurant",
    "ristorante", "trattoria", "osteria", "pizzeria", "bistro", "brasserie", "café", "cafe",
    "caffè", "kaffeehaus", "coffee shop", "coffeeshop", "starbucks", "bäckerei", "konditorei",
    "hotel", "lobby", "bar", "weinbar", "pub", "biergarten", "wirtshaus", "gasthaus", "gasthof",
    "brauhaus", "lounge", "rooftop", "terrasse", "coworking", "co-working", "wework", "regus",
    "kantine", "mensa", "canteen", "cafeteria", "flughafen", "airport", "hauptbahnhof",
    "hbf", "bahnhof", "train station", "empfang", "rezeption", "reception", "foyer",
    "atrium", "campus", "headquarters", "hq", "zentrale", "niederlassung", "filiale", "showroom",
    "fabrik", "kanzlei", "praxis", "klinik", "messegelände", "messe", "halle",
    "saal", "gebäude", "building", "etage", "club", "museum", "clubhouse", "salle", "bureau",
    "bureaux", "hôtel", "gare", "aéroport", "galerie", "brasserie", "atelier", "musée",
    # Italian, Spanish, Dutch
    "ufficio", "uffici", "oficina", "oficinas", "despacho", "kantoor", "vergaderzaal",
    "vergaderruimte", "zaal", "sala riunioni", "sala de reuniones", "sala de juntas",
    "restaurante", "taberna", "cervecería", "birreria", "eetcafé", "brouwerij", "kroeg",
    "notaría", "notaris", "stabilimento", "fábrica", "fabriek", "magazzino", "magazijn",
)  # fmt: skip

#: Venue words that are too common elsewhere ("docking station", "floor plan") to count
#: outside the location field.
LOCATION_VENUE_WORDS: tuple[str, ...] = (
    "station", "terminal", "gate", "park", "floor", "werk", "lager", "stand", "og", "eg", "ug",
    "stock", "haus", "gebäude", "level", "suite", "wing",
)  # fmt: skip

#: Tails of German compounds that name a room or venue ("Seminarraum", "Hotelbar").
VENUE_SUFFIXES: tuple[str, ...] = (
    "raum", "räume", "zimmer", "saal", "büro", "halle", "kantine", "bahnhof", "flughafen",
    "restaurant", "hotel", "lounge", "weinbar", "hotelbar", "cocktailbar", "café", "cafe",
    "werkstatt", "stube", "keller", "garten", "zaal", "kantoor",
)  # fmt: skip

#: Street names with a house number: German/Austrian/Swiss forms ("Leopoldstraße 10",
#: "Brienner Str. 11", "Mariahilfer Gasse 3a"). Matched from the street-type word on: straße,
#: strasse, str., gasse, weg, platz, allee, damm, ufer, kai, chaussee, steig, graben, zeile,
#: promenade, anger, lände, factored by their first letters (no word begins another, so at
#: most one can match at a place: the order is free, and ``re`` tries a letter, not 17 words).
STREET_DE: str = (
    r"(?:a(?:llee|nger)|chaussee|damm|g(?:asse|raben)|kai|lände|p(?:latz|romenade)|"
    r"st(?:eig|r(?:\.|a(?:sse|ße)))|ufer|weg|zeile)"
    r"(?:\s+|\s*,\s*)?\d{1,4}(?:\s?[a-z])?(?:\s?[-–]\s?\d{1,4})?(?![\w])"
)

#: "Am Kanal 47", "Unter den Linden 77": a capitalised preposition, a name, a number.
#: Case-sensitive.
STREET_DE_PREPOSITION_CS: str = (
    r"\b(?:Am|An der|Auf der|Im|In der|Unter den|Zum|Zur)\s+[A-ZÄÖÜ][a-zäöüß-]+\s+\d{1,4}[a-z]?\b"
)

#: Streets in English-speaking countries: "350 Fifth Avenue", "250 GATEWAY BLVD".
STREET_EN: str = (
    r"\b\d{1,5}\s+(?:[a-z0-9][\w.'-]*\s+){1,4}(?:avenue|ave|street|st|road|rd|boulevard|blvd|"
    r"drive|dr|lane|ln|way|place|pl|square|sq|parkway|pkwy|court|ct|terrace|highway|hwy|"
    r"circle|row|broadway|plaza)\b\.?"
)

#: Streets in French-speaking countries: "12 Rue Oberkampf", "1 Place de la Comédie",
#: "86 Quai Perrache", "28 bis Boulevard Voltaire".
STREET_FR: str = (
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|place|quai|avenue|av\.|boulevard|bd|route|"
    r"chemin|allée|allee|impasse|cours|passage|square|esplanade|parvis)\b"
)

#: A named room: "Raum 2.07", "Meeting Room 4", "Salle Fourvière", "Boardroom 7",
#: "Seminarraum", "MUC-3.01 Isar", "HH-4.12 Elbe (10)".
ROOM_NAME: str = (
    r"\b(?:raum|room|salle|saal|zimmer|boardroom|hörsaal|meeting room|conf(?:erence)? room|"
    r"sitzungssaal|besprechungsecke|sala|salonu|toplantı odası|tárgyaló|αίθουσα)\b|"
    r"\w(?:raum|räume|zimmer|saal|terem)\b|会議室|"
    r"\b[A-Z]{2,4}[- ]\d{1,2}(?:\.\d{1,3})+\b"
)

#: Postal code and town: "80802 München", "D-80331 München", "1010 Wien" (after a comma or line
#: start), "CH-8001 Zürich". Case-sensitive (the town is capitalised).
POSTCODE_CITY_CS: str = (
    r"(?<![\w+-])(?:D-|DE-)?\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜa-zäöüß.]+)?"
    r"|(?:^|[,\n]\s*|\b(?:A|AT|CH)-)\d{4}\s+[A-ZÄÖÜ][a-zäöüß]+"
)

#: UK postcodes ("EC2V 7HH", "SW1A 1AA"). Case-sensitive.
POSTCODE_UK_CS: str = r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b"

#: US state and ZIP code ("NY 10118", "CA 94080"). Case-sensitive.
POSTCODE_US_CS: str = (
    r"\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[TA]|W[AVIY])\s+\d{5}(?:-\d{4})?\b"
)

#: Cities that stand for a place when named alone ("dijon", "München").
CITIES: tuple[str, ...] = (
    # Germany
    "berlin", "hamburg", "münchen", "muenchen", "munich", "köln", "koeln", "cologne",
    "frankfurt", "stuttgart", "düsseldorf", "duesseldorf", "leipzig", "dortmund", "essen",
    "bremen", "dresden", "hannover", "hanover", "nürnberg", "nuremberg", "duisburg", "bochum",
    "wuppertal", "bielefeld", "bonn", "münster", "mannheim", "karlsruhe", "augsburg",
    "wiesbaden", "mainz", "freiburg", "heidelberg", "regensburg", "ingolstadt", "würzburg",
    "ulm", "potsdam", "kiel", "lübeck", "rostock", "erfurt", "jena", "magdeburg", "kassel",
    "aachen", "darmstadt", "saarbrücken", "braunschweig", "osnabrück", "oldenburg", "rosenheim",
    "garching", "unterföhring", "walldorf", "wolfsburg", "erlangen", "fürth", "passau",
    # Austria, Switzerland, Liechtenstein
    "wien", "vienna", "graz", "linz", "salzburg", "innsbruck", "klagenfurt", "bregenz",
    "zürich", "zurich", "bern", "basel", "genf", "geneva", "genève", "lausanne", "luzern",
    "lucerne", "lugano", "st. gallen", "winterthur", "zug", "vaduz",
    # Europe
    "paris", "london", "amsterdam", "brüssel", "brussels", "bruxelles", "luxembourg",
    "luxemburg", "kopenhagen", "copenhagen", "stockholm", "oslo", "helsinki", "warschau",
    "warsaw", "prag", "prague", "praha", "budapest", "mailand", "milan", "milano", "rom",
    "rome", "roma", "madrid", "barcelona", "lissabon", "lisbon", "dublin", "edinburgh",
    "manchester", "birmingham", "lyon", "marseille", "dijon", "toulouse", "bordeaux",
    "strasbourg", "straßburg", "utrecht", "rotterdam", "den haag", "antwerpen", "antwerp",
    "gent", "ghent", "krakau", "kraków", "athen", "athens", "bratislava", "ljubljana",
    "zagreb", "bukarest", "bucharest", "sofia", "riga", "tallinn", "vilnius", "porto",
    "valencia", "sevilla", "turin", "torino", "florenz", "florence", "venedig", "venice",
    "bologna", "neapel", "naples",
    # Elsewhere
    "new york", "nyc", "san francisco", "los angeles", "chicago", "boston", "seattle",
    "austin", "washington", "miami", "denver", "atlanta", "dallas", "houston",
    "toronto", "vancouver", "montreal", "tokyo", "tokio", "singapore", "singapur",
    "hong kong", "hongkong", "shanghai", "beijing", "peking", "seoul", "dubai", "abu dhabi",
    "doha", "sydney", "melbourne", "tel aviv", "istanbul", "mumbai", "bangalore",
    "bengaluru", "delhi", "são paulo", "sao paulo", "mexico city", "johannesburg",
    "kapstadt", "cape town", "nairobi", "kairo", "cairo",
)  # fmt: skip

# --- Phone numbers --------------------------------------------------------------------------

#: Phone numbers: international (+49 …, 0049 …), German national (089 …, (089) …), US.
PHONE_NUMBER: str = (
    r"(?<![\w+/=.-])(?:\+|00)[1-9]\d{0,2}[\s./-]*(?:\(0\)[\s./-]*)?\(?\d{1,5}\)?"
    r"(?:[\s./-]?\d){4,12}(?!\d)"
    r"|(?<![\w+/=.-])\(?0\d{1,5}\)?(?:\s*[/-]\s*|\s+)?\d(?:[\s-]?\d){4,10}(?!\d)"
    r"|(?<![\w+/=.-])\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\d)"
    r"|(?<![\w+/=.-])\d{3}-\d{3}-\d{4}(?!\d)"
)

#: ``tel:`` URIs ("tel:+12134363272,,771965173#").
TEL_URI: str = r"\btel:\s*\+?[\d(][\d\s().,;#*+-]{4,}"

#: Fewest digits a phone number has.
PHONE_MIN_DIGITS = 7

# --- Provider hints -------------------------------------------------------------------------
# Hint names are compared in upper case by their ending, so "graph.isOnlineMeeting",
# "isOnlineMeeting" and "X-GRAPH-ISONLINEMEETING" all match "ISONLINEMEETING".

#: Hints that repeat another field (the location) and are skipped.
IGNORED_HINTS: tuple[str, ...] = ("LOCATIONDISPLAYNAME",)

#: Hints whose mere (non-empty) presence says: this is a video meeting of that vendor.
CONFERENCE_HINTS: tuple[tuple[str, str], ...] = (
    ("SKYPETEAMSMEETINGURL", "Teams"),
    ("SKYPETEAMSPROPERTIES", "Teams"),
    ("ONLINEMEETINGCONFLINK", "online"),
    ("ONLINEMEETINGEXTERNALLINK", "online"),
    ("ONLINEMEETINGURL", "online"),
    ("ONLINEMEETING.JOINURL", "online"),
    ("JOINURL", "online"),
    ("X-GOOGLE-CONFERENCE", "Google Meet"),
    ("HANGOUTLINK", "Google Meet"),
    ("CONFERENCESOLUTION", "online"),
    ("CONFERENCESOLUTION.NAME", "online"),
    ("CONFERENCEDATA", "online"),
    ("CONFERENCEID", "online"),
)

#: Hints holding a boolean "this is an online meeting".
ONLINE_FLAG_HINTS: tuple[str, ...] = ("ISONLINEMEETING",)

#: Hints naming the online-meeting provider (a Graph enum name or the Exchange number).
PROVIDER_HINTS: tuple[str, ...] = ("ONLINEMEETINGPROVIDER", "ONLINEMEETINGINFORMATION")

#: Values of those that mean "no online meeting".
NO_PROVIDER_VALUES: tuple[str, ...] = ("", "0", "unknown", "none", "null", "false")

#: Exchange's OnlineMeetingProvider numbers (X-MICROSOFT-ONLINEMEETINGINFORMATION).
EXCHANGE_PROVIDERS: dict[str, str] = {
    "1": "Skype for Business",
    "2": "Skype",
    "3": "Teams",
    "teamsforbusiness": "Teams",
    "skypeforbusiness": "Skype for Business",
    "skypeforconsumer": "Skype",
}

#: Hints holding the Graph location type; every value but these names a physical place.
LOCATION_TYPE_HINTS: tuple[str, ...] = ("LOCATIONTYPE",)
VIRTUAL_LOCATION_TYPES: tuple[str, ...] = ("", "default", "unknown", "none")

#: Hints holding a structured physical location (Apple, Exchange).
STRUCTURED_LOCATION_HINTS: tuple[str, ...] = ("X-APPLE-STRUCTURED-LOCATION",)
MS_LOCATIONS_HINTS: tuple[str, ...] = ("X-MICROSOFT-LOCATIONS", "LOCATIONS")
#: Fields of X-MICROSOFT-LOCATIONS (JSON) that only a physical place fills.
MS_ADDRESS_FIELDS: str = (
    r'"(?:LocationStreet|LocationCity|LocationPostalCode|LocationFullAddress|street|city|'
    r'postalCode)"\s*:\s*"([^"\\]{2,})"'
)
#: Latitude/longitude hints (X-MICROSOFT-LATITUDE / -LONGITUDE).
LATITUDE_HINTS: tuple[str, ...] = ("LATITUDE",)
LONGITUDE_HINTS: tuple[str, ...] = ("LONGITUDE",)

#: RFC 7986 CONFERENCE property (hint name ends like this; value is a URI).
CONFERENCE_PROPERTY_HINTS: tuple[str, ...] = ("CONFERENCE",)

#: Hints naming a Google event type that is no meeting.
EVENT_TYPE_HINTS: tuple[str, ...] = ("EVENTTYPE",)
BLOCKER_EVENT_TYPES: tuple[str, ...] = ("focustime", "outofoffice", "workinglocation", "task")

# --- Weights --------------------------------------------------------------------------------
# Each signal adds its weight to one side: virtual, phone or in person ("place" for concrete
# places, "presence" for wording). A mode wins with at least DECIDE points; a video link plus
# HYBRID_PLACE points of concrete place is hybrid.

#: Signal family → field → weight. Fields: title, location, description, url, conference, hint.
WEIGHTS: dict[str, dict[str, float]] = {
    "vendor_link": {"title": 3, "location": 3, "description": 3, "url": 3, "conference": 3,
                    "hint": 3},
    "meeting_link": {"title": 2, "location": 2.5, "description": 1.5, "url": 2, "conference": 3,
                     "hint": 2},
    "other_link": {"location": 2, "conference": 3},
    "map_link": {"location": 2.5, "description": 1.5, "url": 2},
    "platform": {"title": 3.5, "location": 3, "description": 1},
    "messenger": {"title": 3.5, "location": 3, "description": 1},
    "virtual_phrase": {"title": 2, "location": 2.5, "description": 1},
    "phone_phrase": {"title": 3, "location": 3, "description": 1},
    "call_verb": {"title": 3},
    "call_promise": {"title": 3, "description": 2.5},
    "call": {"title": 1.5, "location": 1.5},
    "phone_number": {"title": 2.5, "location": 3, "description": 1, "conference": 2.5,
                     "hint": 1},
    "tel_link": {"title": 2.5, "location": 3, "description": 2.5, "url": 2.5,
                 "conference": 2.5},
    "dial_in": {"description": 2.5},
    "block_link": {"description": 3},
    "presence": {"title": 2.5, "location": 2.5, "description": 1},
    "meal": {"title": 2, "location": 2, "description": 0.5},
    "hybrid_phrase": {"title": 3, "location": 3, "description": 1.5},
    "address": {"title": 2.5, "location": 3, "description": 2},
    "venue": {"title": 2, "location": 2.5, "description": 0.5},
    "location_venue": {"location": 2.5},
    "city": {"title": 1, "location": 2},
    "bare_place": {"location": 1.5},
    "room": {"location": 3},
    "gathering": {"title": 2},  # a trade fair, conference or meetup (planner.judge.people)
}  # fmt: skip

#: Weights of signals that do not come from text.
CONFERENCE_HINT_WEIGHT = 3.0
ONLINE_FLAG_WEIGHT = 3.0
ROOM_RESOURCE_WEIGHT = 3.0
GEO_WEIGHT = 2.5
STRUCTURED_LOCATION_WEIGHT = 2.5
LOCATION_TYPE_WEIGHT = 2.5
MS_ADDRESS_WEIGHT = 3.0

#: Fewest points for any mode; below, the mode is unknown.
DECIDE = 1.5
#: A video signal at least this strong outweighs phone wording (a dial-in in a video invite).
STRONG_VIRTUAL = 3.0
#: Concrete place points that, with STRONG_VIRTUAL (or a virtual phrase), make a meeting hybrid.
HYBRID_PLACE = 2.0
#: Virtual points that, with HYBRID_PLACE, make a meeting hybrid.
HYBRID_VIRTUAL = 2.0
#: In-person wording ("vor Ort", "Kundenbesuch") that, with HYBRID_VIRTUAL, makes it hybrid.
HYBRID_PRESENCE = 2.5
#: Longest excerpt an evidence string quotes.
QUOTE_MAX = 60
#: Only this much of a description is read (invites append pages of legal text), and only
#: this much of a title, location, hint or single link (guards the regexes against huge input).
DESCRIPTION_MAX = 20_000
FIELD_MAX = 2_000
