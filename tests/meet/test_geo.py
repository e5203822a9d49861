"""Places: offline look-ups and Nominatim against a local server (travel: test_travel_time)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from planner.config import default_config
from planner.meet.geo import (
    ATTRIBUTION,
    GeocodeError,
    Geocoder,
    Nominatim,
    distance_km,
    locate_offline,
    lookup_city,
)
from planner.meet.venues import Catalog, Venue, VenueKind
from planner.model import Geo
from planner.store import Store
from tests.locations import ROOT

MARIENPLATZ = Geo(48.1374, 11.5755)
MESSE = Geo(48.1360, 11.6980)


def test_distance_munich_berlin():
    berlin = lookup_city("Berlin")
    munich = lookup_city("München")
    assert berlin and munich
    assert 500 < distance_km(berlin.geo, munich.geo) < 510


@pytest.mark.parametrize("name", ["München", "Munich", "Muenchen", "MÜNCHEN"])
def test_city_names_in_any_spelling(name):
    place = lookup_city(name)
    assert place is not None and place.name == "Munich"
    assert abs(place.lat - 48.137) < 0.05


def test_postal_code_gives_its_city():
    place = locate_offline("Leopoldstraße 10, 80802")
    # the town as the postal code's own table names it, not the gazetteer's English exonym
    assert place is not None and place.source == "postal_code" and place.city == "München"
    hamburg = locate_offline("Am Sandtorkai 1, 20457")
    assert hamburg is not None and hamburg.city == "Hamburg"


def test_city_in_free_text():
    place = locate_offline("Büro Nürnberg, 3. Stock")
    assert place is not None and place.city == "Nürnberg"
    assert locate_offline("Microsoft Teams-Besprechung") is None


def test_geocoder_order_event_venue_offline():
    catalog = Catalog([Venue("Café Luitpold", VenueKind.CAFE, 48.1446, 11.5740)])
    geocoder = Geocoder(default_config(), catalog)
    assert geocoder.locate("anything", Geo(1.0, 2.0)).source == "event"
    assert geocoder.locate("Café Luitpold, Brienner Str. 11").source == "venue"
    assert geocoder.locate("Treffen in Augsburg").source == "city"
    assert geocoder.locate("https://zoom.us/j/1") is None
    assert geocoder.locate("Raum 4.12") is None


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search like Nominatim's jsonv2 format and records what it was asked."""

    seen: list[tuple[float, str, str]] = []

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        FakeNominatim.seen.append(
            (time.monotonic(), query.get("q", [""])[0], self.headers.get("User-Agent", ""))
        )
        if url.path != "/search" or query.get("format") not in (["json"], ["jsonv2"]):
            self.send_error(400)
            return
        if "nowhere" in query["q"][0]:
            body = []
        else:
            body = [
                {
                    "place_id": 1,
                    "lat": "52.5163",
                    "lon": "13.3777",
                    "display_name": "Brandenburger Tor, Pariser Platz, Berlin",
                    "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
                }
            ]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim_url():
    FakeNominatim.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_nominatim_caches_rate_limits_and_sends_user_agent(nominatim_url, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    client = Nominatim(
        nominatim_url, "planner-tests/0.1 (dev@example.org)", store, min_interval=0.3
    )
    first = client.search("Pariser Platz, Berlin")
    again = client.search("pariser  platz, berlin")
    other = client.search("Unter den Linden 1")
    missing = client.search("nowhere at all")
    assert first == again and first.source == "nominatim"
    assert abs(first.lat - 52.5163) < 1e-6
    assert other is not None and missing is None
    assert client.requests == 3 and len(FakeNominatim.seen) == 3
    # geopy's RateLimiter lets requests go at least min_interval apart; where they arrive,
    # the first one is later by the connection's set-up (~50 ms)
    sent = [b - a for a, b in zip(client.sent, client.sent[1:], strict=False)]
    assert len(client.sent) == 3 and all(g >= 0.299 for g in sent), sent
    stamps = [s[0] for s in FakeNominatim.seen]
    gaps = [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
    assert all(g >= 0.2 for g in gaps), gaps
    assert {s[2] for s in FakeNominatim.seen} == {"planner-tests/0.1 (dev@example.org)"}
    fresh = Nominatim(nominatim_url, "planner-tests/0.1", store, min_interval=0.3)
    assert fresh.search("Pariser Platz, Berlin") == first and fresh.requests == 0
    assert "OpenStreetMap" in ATTRIBUTION


def test_online_geocoding_only_when_enabled(nominatim_url, tmp_path):
    offline = Geocoder(default_config())
    assert offline.locate("Pariser Platz 1") is None
    assert FakeNominatim.seen == []
    config = default_config(
        geo={"online": True, "user_agent": "planner-tests/0.1", "nominatim_url": nominatim_url}
    )
    online = Geocoder(config, store_factory=lambda: Store(tmp_path / "s.sqlite3"))
    place = online.locate("Pariser Platz 1")
    assert place is not None and place.source == "nominatim"
    assert online.locate("Pariser Platz 1") == place and len(FakeNominatim.seen) == 1


def test_online_needs_a_user_agent():
    with pytest.raises(GeocodeError, match="user_agent"):
        Nominatim("http://127.0.0.1:9", " ", None)


def test_online_without_a_configured_user_agent_identifies_planner(nominatim_url):
    # `planner init --online` writes no user_agent: the default names the program
    config = default_config(geo={"online": True, "nominatim_url": nominatim_url})
    Geocoder(config, store_factory=lambda: Store(":memory:")).locate("Pariser Platz 1")
    assert FakeNominatim.seen[0][2].startswith("planner/")


def test_unreachable_server_names_the_next_step(tmp_path):
    client = Nominatim("http://127.0.0.1:9", "planner-tests/0.1", None, min_interval=0, timeout=2)
    with pytest.raises(GeocodeError, match="nominatim_url"):
        client.search("Pariser Platz")


REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"


def _locations(name: str) -> list[str]:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real-world fixture {path} not found")
    import icalendar

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return sorted({str(e["location"]) for e in calendar.walk("VEVENT") if e.get("location")})


def test_real_makerspace_locations_land_in_potsdam_or_berlin():
    """Google export of a Potsdam makerspace: addresses with postal codes, room names."""
    potsdam = lookup_city("Potsdam")
    located = {
        text: locate_offline(text)
        for text in _locations("python-recurring-ical-events__daylight_saving_time.ics")
    }
    found = {t: p for t, p in located.items() if p is not None}
    assert len(found) >= 10
    for text, place in found.items():
        assert place.city in ("Potsdam", "Berlin"), text
        assert distance_km(place.geo, potsdam.geo) < 40, text
    assert located["Seminarraum"] is None and located["machBar"] is None


def test_real_us_addresses_are_not_taken_for_german_postal_codes():
    """TripIt itinerary: US street addresses whose ZIP codes look like German ones."""
    located = [locate_offline(t) for t in _locations("node-ical__tripit-location-escaping.ics")]
    found = [p for p in located if p is not None]
    assert len(found) >= 5
    assert all(p.lon < -100 for p in found), [p.name for p in found if p.lon > -100]


@pytest.mark.parametrize(
    "text, city",
    [
        ("6544 Battleford Drive, 27613-3502 Raleigh, NC, U.S.A.", "Raleigh"),  # ZIP+4
        ("123 Main St, 12345 Austin, TX, United States of America", "Austin"),
        ("Street 4, 12345 New York, USA", "New York"),  # "USA" names a town too
        ("2875 Laurier, G1V 2M2 Quebec, QC, Canada", "Québec"),
        ("10 Downing Street, London SW1A 2AA, UK", "London"),
        ("Damrak 1, 1012 LG Amsterdam, Niederlande", "Amsterdam"),
        ("Stephansplatz 1, 1010 WIEN, Österreich", "Wien"),
        ("Drottninggatan 1, 111 51 Stockholm, Schweden", "Stockholm"),
        ("ul. Marszałkowska 1, 00-950 Warszawa, Polen", "Warszawa"),
        ("Hauptstrasse 5, CH-8001 Zürich, Schweiz", "Zürich"),
        ("12 rue de Rivoli, 75001 Paris, France", "Paris"),
        ("3 place Bellecour, 69002 Lyon, France", "Lyon"),
        ("Rosenstraße 4, 20095 Hamburg, Deutschland", "Hamburg"),
        ("1 Raffles Place, Singapore 048616", "Singapore"),
        ("Singapore", "Singapore"),  # a city-state by its own name
        # the country in its own language: "Nederland" was Nederland, Texas
        ("Dam 1, 1012 JS Amsterdam, Nederland", "Amsterdam"),
        ("Coolsingel 40, 3011 AD Rotterdam, Nederland", "Rotterdam"),
        ("ul. Marszałkowska 1, 00-950 Warszawa, Polska", "Warszawa"),
        ("Calle Mayor 1, 28013 Madrid, España", "Madrid"),
        ("Via Roma 1, 20121 Milano, Italia", "Milano"),
        ("Strøget 1, 1160 København, Danmark", "København"),
        ("Václavské náměstí 1, 110 00 Praha, Česko", "Praha"),
        ("Luxembourg", "Luxembourg"),
    ],
)
def test_a_town_beside_its_postal_code_in_every_countrys_form(text, city):
    """Address books abroad write the code before or after the town, and end with the
    country in any language: the country is never taken for a town."""
    assert locate_offline(text).city == city


@pytest.mark.parametrize("text", ["USA", "United States", "Vereinigte Staaten", "États-Unis"])
def test_a_country_alone_is_no_town(text):
    assert locate_offline(text) is None


@pytest.mark.parametrize(
    ("written", "city"),
    [
        ("Büro, 80539 München", "München"),  # the postal table's name, as written
        ("Café Central, Herrengasse 14, 1010 Wien", "Wien"),
        ("Besprechung in Köln", "Köln"),
        ("Meeting in Munich", "Munich"),  # an English calendar keeps its English name
        ("Hotel, 1010 WIEN", "Wien"),  # capitals only: with a name's capitals
        ("nord kg, schwabing, münchen", "München"),
        ("Messe, 60327 FRANKFURT AM MAIN", "Frankfurt am Main"),
        ("Kurhaus, baden-baden", "Baden-Baden"),
        ("Flight to PHX", "Phoenix"),  # a code: the gazetteer's name
        ("Hauptstrasse 5, 8001 zurich", "Zürich"),  # the same name but for accents and case
        ("Rue du Rhône 8, 1204 Genève", "Genève"),
        ("Warszawa", "Warszawa"),
    ],
)
def test_a_city_is_named_as_the_users_own_text_names_it(written, city):
    """A German plan said "lives or works in Munich (… 80539 München)" and a trip "Vienna" for
    a calendar that says Wien: the gazetteer's names are English exonyms. A town is named as
    written (in capitals or small letters only, with a name's capitals: "80802 MÜNCHEN" and
    "münchen" are both "München", one name in one table); the gazetteer's name where the text
    only folds it."""
    place = locate_offline(written)
    assert place is not None and place.city == city
    assert place.lat == lookup_city(city).lat  # the same town, whatever its name


def test_the_country_names_are_those_the_script_writes():
    """``planner/data/countries.txt`` is what ``scripts/build_countries.py`` writes from the
    installed Babel, names a newer CLDR adds aside: every name of the file is still among them
    but a handful, and the names addresses end with in their own languages are in it."""
    import importlib.util

    from planner.people.postal import _country_codes

    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_countries.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    codes, made = _country_codes(), build.names()
    written, now = set(codes), set(made)
    assert len(written - now) <= 10, sorted(written - now)[:20]
    assert all(codes[n] == made[n] for n in written & now)  # each with its code
    assert (codes["osterreich"], codes["schweiz"], codes["uk"]) == ("AT", "CH", "GB")
    for name in (
        "nederland",
        "osterreich",
        "polska",
        "espana",
        "cesko",
        "schweiz",
        "suisse",
        "svizzera",
        "deutschland",
        "vereinigte staaten",
        "etats-unis",
        "usa",
        "uk",
    ):
        assert name in written, name


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("Freiburg, Schweiz", 46.8, 7.15),  # Fribourg, not Freiburg im Breisgau
        ("Rue de Lausanne 1, 1700 Fribourg, Suisse", 46.8, 7.15),
        ("Baden, Schweiz", 47.47, 8.31),  # Baden AG, not Baden-Baden
        ("Baden, Österreich", 48.01, 16.23),  # Baden bei Wien
        ("Bahnhofstrasse 45, 8001 Zürich, Schweiz", 47.37, 8.55),
        ("Dam 1, 1012 JS Amsterdam, Nederland", 52.37, 4.89),
        ("Marienplatz 1, 80331 München, Deutschland", 48.14, 11.58),
        ("Newport, Wales, United Kingdom", 51.59, -3.0),  # not Newport, Rhode Island
    ],
)
def test_an_address_that_names_its_country_has_its_town_there(text, lat, lon):
    from planner.meet.geo import locate_offline

    place = locate_offline(text)
    assert place is not None, text
    assert (round(place.lat, 1), round(place.lon, 1)) == (round(lat, 1), round(lon, 1)), place


@pytest.mark.parametrize(
    "text",
    ["Hauptplatz 1, 3580 Horn, Österreich",  # a town of 6,000: not the Hamburg district
     "Seestrasse 100, 8700 Küsnacht, Schweiz"],
)  # fmt: skip
def test_a_town_not_found_in_the_country_named_is_not_found_elsewhere(text):
    from planner.meet.geo import locate_offline

    assert locate_offline(text) is None
