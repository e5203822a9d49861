"""Travel items: flights, trains, hotel stays, car rentals and whole trips, and where they put
the user.

:func:`travel_evidence` (from :mod:`planner.judge.bookings`: travel by its shape) tells whether
an event is a travel item; such an event has the mode ``travel``, is never a meeting and does
not count in the balance. :func:`whereabouts` turns the travel items of a calendar into the
user's place per day: ``{day: (city, Geo or None, evidence)}``, for the proposals ("you are in
Hamburg that day anyway") and the counterpart-city logic. The words are data, German and
English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.judge.anchored import longest_first
from planner.judge.bookings import (
    _AIRPORT_RE,
    _FLIGHT_RE,
    _FLIGHT_WORD_RE,
    _IS_IN_RE,
    _LODGING_RE,
    _PAIR_RE,
    _TRAIN_RE,
    FLIGHT_NUMBER,
    TRAIN_NUMBER,
    dashed_journey,
    is_travel,
    travel_evidence,
    travel_judgement,
    trip_city,
)
from planner.judge.kept_regex import compiled
from planner.model import Event, Geo
from planner.people.postal import town_of

__all__ = [
    "Stay",
    "Whereabouts",
    "destination",
    "is_stay",
    "is_travel",
    "stays",
    "travel_evidence",
    "travel_judgement",
    "travel_kind",
    "whereabouts",
]

Whereabouts = Mapping[date, tuple[str, Geo | None, str]]

_DESTINATION_RE = compiled(
    r"(?:→|->|⇒|\bto\b|\bnach\b)\s*(?P<place>[^\n,;()→]+?)\s*(?:\(|$|,|;|\bHbf\b)", re.IGNORECASE
)
_PREFIX_RE = compiled(
    r"^\W*(?:check-in|check-out|check in|check out|hotel|übernachtung|reservierung|"
    r"reservation)\s*:?\s*(?:hotel\s*:?)?\s*",
    re.IGNORECASE,
)


def destination(event: Event) -> str:
    """The city a travel item takes the user to (or stays in), ``""`` when it cannot tell."""
    if city := trip_city(event):
        return city
    title = event.title.strip()
    lower = title.lower()
    if lower.startswith(("check-out", "check out", "checkout", "drop-off", "abreise")) or (
        _LEAVING_RE.match(lower)
    ):
        return ""  # leaving: the place of the day comes from the next item
    if lower.startswith("directions") and (town := town_of(event.location)):
        return town  # "Directions from SFO to Embassy Suites …": the address says the town
    if found := _DESTINATION_RE.search(title + "\n"):
        return found.group("place").strip()
    if travel_kind(event) in _JOURNEYS and (way := _ROUTE_RE.match(_NUMBERS_RE.sub(" ", title))):
        # "Flug LH 1186 Frankfurt (FRA) - Zürich (ZRH)": the arrival without its code
        if arrival := re.sub(r"\([^()]*\)", "", way.group("arrival")).strip(" :–-"):
            return arrival
    if travel_kind(event) in _JOURNEYS and (codes := _CODES_RE.search(title)):
        return codes.group("arrival")  # "Flug LH2059 MUC-HAM": the airport's code
    return town_of(event.location) or town_of(_PREFIX_RE.sub("", title))


_ROUTE_RE = compiled(r"^(?P<origin>.*?)\s*(?:→|->|⇒|–>|\s[-–—]\s)\s*(?P<arrival>.+)$")
#: two airport codes joined without spaces ("MUC-HAM", "LHR/JFK"): from one to the other
_CODES_RE = compiled(r"\b(?P<origin>[A-Z]{3})[-–/>](?P<arrival>[A-Z]{3})\b")
_NUMBERS_RE = compiled(f"{TRAIN_NUMBER}|{FLIGHT_NUMBER}")
_LEAD_RE = compiled(
    r"^\W*(?:flug|flight|zug|train|bahnfahrt|bahn|hinflug|rückflug|vuelo|volo|voo|vlucht|tren|"
    r"treno|comboio|trein)\b\W*",
    re.I,
)


def route(event: Event) -> tuple[str, str, str]:
    """Where a train or flight departs and arrives, as written, and how (``"rail"``, ``"air"``
    or ``""``): ("Hamburg Hbf", "Frankfurt(Main)Hbf", "rail") for "ICE 571 Hamburg Hbf →
    Frankfurt(Main)Hbf"; ``("", "", "")`` for anything that is no journey (a hotel stay, a
    whole trip, no travel at all). The departure falls back to the event's location."""
    if (
        event.all_day
        or not is_travel(event)
        or _checks_in(event)
        or is_stay(event)
        or _IS_IN_RE.search(event.description)
    ):
        return ("", "", "")
    title = event.title.strip()
    how = "air" if _PAIR_RE.search(title) or _FLIGHT_WORD_RE.search(title) else ""
    how = how or ("rail" if _TRAIN_RE.search(title) or _KIND_RES["train"].search(title) else "")
    found = _ROUTE_RE.match(_NUMBERS_RE.sub(" ", title))
    origin = _LEAD_RE.sub("", found.group("origin")).strip(" :–-") if found else ""
    arrival = re.sub(r"\(\s*\)", "", found.group("arrival")) if found else destination(event)
    arrival = arrival.strip(" :–-")
    if not origin and event.location.strip() and event.location.strip() != arrival:
        origin = event.location.strip()
    return (origin, arrival, how) if origin or arrival else ("", "", "")


@dataclass(frozen=True, slots=True)
class Stay:
    """The user in ``city`` from ``start`` to ``end`` (the hours there), and why we think so."""

    city: str
    geo: Geo | None
    start: datetime
    end: datetime
    evidence: str
    trip: bool = False  # a whole-day item: a trip or hotel stay of the travel plan


def stays(
    events: Iterable[Event], *, home: str = "", same: Callable[[str, str], bool] | None = None
) -> list[Stay]:
    """The user's stays away, in time order, from the travel items among ``events``.

    A trip or an all-day hotel item covers its days; a hotel check-in lasts until the next
    check-out (or a day); a flight or train puts the user at its destination from its arrival
    until the next travel item (at most three days). A destination that is ``home`` (the
    user's own city or address) is no stay. ``same`` compares two town names (see
    :func:`arrival`)."""
    items = sorted((e for e in events if is_travel(e)), key=lambda e: (e.start, e.end))
    found = []
    for index, event in enumerate(items):
        city = destination(event)
        if not city or (home and city.casefold() in home.casefold()):
            continue
        evidence = travel_evidence(event) or ""
        if event.all_day or (is_stay(event) and event.duration >= _OVERNIGHT):
            start, end = event.start, event.end  # its days, or check-in to check-out
            start = arrival(items, event, city, same) or start
        elif _checks_in(event):
            start, end = event.start, _next_start(items, index, _CHECK_OUT, event.start)
        else:
            start, end = event.end, _next_start(items, index, None, event.end)
        if end > start:
            # a train's or flight's place is where it leaves (every calendar app writes the
            # departure station or airport there): the stay is at the destination, by name
            geo = None if travel_kind(event) in _JOURNEYS else event.geo
            found.append(Stay(city, geo, start, end, evidence, trip=event.all_day))
    return found


_JOURNEYS = ("flight", "train")


def arrival(
    events: Iterable[Event],
    stay: Event,
    city: str,
    same: Callable[[str, str], bool] | None = None,
) -> datetime | None:
    """When the train or flight to ``city`` arrives on the first day of ``stay`` (an all-day
    hotel night begins at midnight; the user is there from the landing: a Vienna night
    made its morning, still in Hamburg, a morning in Vienna). ``same`` tells two names of one
    town apart from two towns (a gazetteer knows "München" is "Munich"; by default the names
    are compared as written)."""
    same = same or _same_city
    for journey in events:
        if journey.all_day or not is_travel(journey) or travel_kind(journey) not in _JOURNEYS:
            continue
        lands = stay.start <= journey.end < stay.start + timedelta(days=1)
        there = destination(journey)
        if lands and there and same(there, city) and journey.end < stay.end:
            return journey.end
    return None


def _same_city(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a.startswith(b) or b.startswith(a)


_CHECK_OUT = ("check-out", "check out", "checkout")
#: A lodging item at least this long is the stay itself (Gmail's hotel reservations run from
#: check-in to check-out over the nights), not a check-in that lasts until the next check-out.
_OVERNIGHT = timedelta(hours=12)
_LONGEST_STAY = timedelta(days=3)


def _next_start(
    items: list[Event], index: int, titles: tuple[str, ...] | None, since: datetime
) -> datetime:
    for later in items[index + 1 :]:
        if later.all_day or later.start < since:
            continue
        lower = later.title.strip().lower()
        if titles is None or lower.startswith(titles) or (titles and _LEAVING_RE.match(lower)):
            return min(later.start, since + _LONGEST_STAY)
    return since + (timedelta(days=1) if titles else timedelta(hours=12))


def whereabouts(
    events: Iterable[Event],
    tz: ZoneInfo,
    *,
    home: str = "",
    same: Callable[[str, str], bool] | None = None,
) -> dict[date, tuple[str, Geo | None, str]]:
    """Where the user is per local day, as far as travel items tell: ``day → (city, geo,
    evidence)``, from :func:`stays` (``same``: as there). On a day with several, the trip
    (all-day) item wins, else the stay with the most hours that day."""
    best: dict[date, tuple[tuple[bool, float], Stay]] = {}
    for stay in stays(events, home=home, same=same):
        day = stay.start.astimezone(tz).date()
        last = (stay.end - timedelta(microseconds=1)).astimezone(tz).date()
        while day <= last:
            midnight = datetime.combine(day, time(), tz)
            hours = _hours(stay, midnight, midnight + timedelta(days=1))
            rank = (stay.trip, hours)
            if day not in best or rank > best[day][0]:
                best[day] = (rank, stay)
            day += timedelta(days=1)
    return {d: (s.city, s.geo, s.evidence) for d, (_rank, s) in sorted(best.items())}


def _hours(stay: Stay, start: datetime, end: datetime) -> float:
    first, last = max(stay.start, start), min(stay.end, end)
    return max(0.0, (last - first).total_seconds() / 3600)


def _checks_in(event: Event) -> bool:
    return bool(
        re.match(r"^\W*(?:check-in|check in|checkin|hotel|übernachtung)", event.title, re.I)
    ) and not _LEAVING_RE.match(event.title.lower())


#: "Hotel check-out: …", "Hotel Atlantic – Abreise", "Übernachtung: Check out": leaving a hotel
_LEAVING_RE = compiled(
    r"^\W*(?:hotel|übernachtung|uebernachtung|reservierung|reservation|lodging)\b[^\n]{0,40}?"
    r"\b(?:check-?\s?out|abreise|auschecken|départ)\b"
)


# --- what kind of travel item ----------------------------------------------------------------

#: Words that tell the kind of a travel item, German and English, read in the title first and
#: then in the description and the booking link ("nsinternational.com/…/traintickets").
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "stay": (
        "check-in", "check in", "checkin", "check-out", "check out", "checkout", "hotel",
        "übernachtung", "uebernachtung", "overnight", "lodging", "unterkunft", "airbnb",
        "[lodging]", "hostel", "pension", "apartment",
    ),
    "car": (
        "rental car", "car rental", "mietwagen", "autovermietung", "[car rental]", "leihwagen",
    ),
    "train": (
        "train", "zug", "bahn", "bahnfahrt", "zugfahrt", "[rail]", "rail", "gleis", "bahnticket",
        "fahrkarte", "eurostar", "thalys", "sncf", "trenitalia", "railjet", "nightjet", "tren",
        "treno", "comboio", "trein", "renfe", "sbb", "öbb", "binario", "voie", "spoor",
    ),
    "flight": (
        "flight", "flug", "hinflug", "rückflug", "abflug", "[flight]", "boarding pass",
        "bordkarte", "flugticket", "airline", "airways", "lufthansa", "vuelo", "volo", "voo",
        "vlucht", "tarjeta de embarque", "carta d'imbarco", "cartão de embarque", "instapkaart",
    ),
}  # fmt: skip
_KIND_RES = {
    kind: compiled(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in longest_first(words)) + r")",
        re.IGNORECASE,
    )
    for kind, words in KIND_WORDS.items()
}
_TRAVEL_KINDS = ("stay", "car", "train", "flight")


def travel_kind(event: Event) -> str:
    """``flight``, ``train``, ``stay`` (hotel and other lodging), ``car`` (rental) or ``trip``
    (a whole trip, directions, anything else) for a travel item (see :func:`is_travel`)."""
    title = event.title.strip()
    if _TRAIN_RE.search(title):
        return "train"
    if _PAIR_RE.search(title) or (_FLIGHT_RE.search(title) and _FLIGHT_WORD_RE.search(title)):
        return "flight"
    if _towards_lodging(title):
        return "trip"  # "Directions from SFO to Sofitel": the way there, not the night
    if dashed_journey(title, event.location):  # "Zürich HB – Bern" at "Zürich HB, Gleis 33"
        return "flight" if _AIRPORT_RE.search(title) else "train"
    for text in (title, f"{event.description[:2000]}\n{event.url}"):
        if text is not title and _ROUTE_RE.match(title) and _TRAIN_RE.search(text):
            return "train"  # "Frankfurt(Main)Hbf → Wien Hbf" with "ICE 27, Wagen 12" below
        for kind in _TRAVEL_KINDS:
            if _KIND_RES[kind].search(text):
                return kind
        if text is title and _LODGING_RE.search(title):
            return "stay"  # the lodging words that made it travel: "Stay at Motel One …"
    return "trip"


#: What comes right before a journey's destination ("to the", "zum", "vers l'").
_TOWARDS_RE = compiled(
    r"(?:^|\W)(?:to|towards|nach|zum|zur|vers|jusqu['’]\s*à|jusqu['’]\s*au)\s+"
    r"(?:the\s+|das\s+|dem\s+|den\s+|die\s+|l['’]\s*|le\s+|la\s+|les\s+)?$",
    re.IGNORECASE,
)


def _towards_lodging(title: str) -> bool:
    """Whether the first lodging word of ``title`` is where a journey goes ("Transfer zum
    Hotel Adlon", "Shuttle to the Marriott"), not where the user stays ("Stay at …", "Séjour à
    l'Hôtel …": French "à" says both, so only "vers" and "jusqu'à" count)."""
    found = [m for m in (_KIND_RES["stay"].search(title), _LODGING_RE.search(title)) if m]
    if not found:
        return False
    first = min(found, key=lambda m: m.start())
    return _TOWARDS_RE.search(title[: first.start()]) is not None


def is_stay(event: Event) -> bool:
    """Whether ``event`` is a hotel or other lodging item of the travel plan (a check-in, a
    booked night, a stay from check-in to check-out), whatever its title's wording: the one
    notion for the kind shown, the user's whereabouts and a trip's base."""
    return is_travel(event) and travel_kind(event) == "stay"


def is_lodging(event: Event) -> bool:
    """Whether ``event`` is a night away (a hotel booked from check-in to check-out, or its
    days): it says where the user is, not that the user is busy (a check-in or check-out item
    of a few minutes is time taken, though)."""
    return is_stay(event) and (event.all_day or event.duration >= _OVERNIGHT)
