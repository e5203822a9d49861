"""``planner venues fetch`` and the fetched-venue catalog, against a local fake Overpass and
Nominatim (tests/fakes/osm_server.py) through the real clients."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.config import default_config
from planner.meet.fetched import FetchedVenues, VenueSupply, catalog_with_fetched, fetch_venues
from planner.meet.geo import distance_km
from planner.meet.overpass import Overpass, OverpassError, build_query
from planner.meet.venues import Catalog
from planner.model import Geo
from planner.store import Store
from tests.fakes.osm_server import CITIES, FakeOsmServer

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
HAMBURG = Geo(*CITIES["hamburg"][:2])
AGENT = "planner-tests/0.1 (dev@example.org)"


@pytest.fixture
def osm():
    with FakeOsmServer() as fake:
        yield fake


def _config(osm: FakeOsmServer, online: bool = False, **venues):
    return default_config(
        geo={
            "online": online,
            "user_agent": AGENT,
            "overpass_url": osm.overpass_url,
            "nominatim_url": osm.nominatim_url,
            "timeout_seconds": 2,
        },
        venues=venues,
    )


def test_query_asks_for_every_catalog_kind_around_the_point():
    query = build_query(HAMBURG, 2.5)
    assert query.startswith("[out:json][timeout:60];")
    assert "around:2500,53.552600,10.006600" in query
    for word in ("cafe", "restaurant", "lounge", "coworking", "hotel", "business", "aeroway"):
        assert word in query


def test_fetch_stores_venues_with_date_and_second_run_makes_no_request(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    config = _config(osm)
    first = fetch_venues(config, store, HAMBURG, 3.0, now=NOW)
    assert not first.cached and first.count > 40
    assert osm.count("/api/interpreter") == 1
    assert {agent for _p, _q, agent in osm.requests} == {AGENT}
    venues = FetchedVenues(store).venues()
    assert len(venues) == first.count
    # unnamed places and shops/parking are no venues; every kind maps as osm.py documents
    assert not any("Bäckerei" in v.name or "Parkhaus" in v.name for v in venues)
    assert {v.kind.value for v in venues} >= {"cafe", "restaurant", "bar", "hotel_lounge"}
    assert any(v.kind.value == "station_lounge" for v in venues)
    assert all(v.source.endswith("fetched 2026-12-01") for v in venues)
    again = fetch_venues(config, store, HAMBURG, 2.0, now=NOW + timedelta(days=3))
    assert again.cached and 0 < again.count <= first.count
    assert osm.count("/api/interpreter") == 1
    # after [venues] max_age_days the area is fetched again
    later = fetch_venues(config, store, HAMBURG, 3.0, now=NOW + timedelta(days=91))
    assert not later.cached and osm.count("/api/interpreter") == 2


def test_busy_overpass_gives_a_clear_message_and_keeps_the_cache(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    config = _config(osm)
    before = fetch_venues(config, store, HAMBURG, 3.0, now=NOW).count
    osm.mode = "429"
    with pytest.raises(OverpassError, match="429") as caught:
        fetch_venues(config, store, HAMBURG, 3.0, now=NOW + timedelta(days=100))
    assert "kept" in caught.value.hint
    assert len(FetchedVenues(store).venues()) == before
    osm.mode = "slow"
    osm.delay = 2.0
    client = Overpass(osm.overpass_url, AGENT, timeout=0.5)
    with pytest.raises(OverpassError, match="did not answer"):
        fetch_venues(config, store, HAMBURG, 3.0, now=NOW + timedelta(days=100), client=client)
    assert len(FetchedVenues(store).venues()) == before
    osm.mode = "remark"
    with pytest.raises(OverpassError, match="Query timed out"):
        fetch_venues(config, store, HAMBURG, 3.0, now=NOW + timedelta(days=100))
    assert len(FetchedVenues(store).venues()) == before


def test_cli_fetch_timeout_is_one_clear_line(osm, tmp_path):
    config = _cli(osm, tmp_path)
    osm.mode = "slow"
    osm.delay = 2.5
    text = open(config, encoding="utf-8").read().replace("[geo]\n", "[geo]\ntimeout_seconds = 1\n")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(text)
    result = CliRunner().invoke(main, ["venues", "fetch", "--config", config, "--near", "Hamburg"])
    assert result.exit_code != 0
    assert "did not answer within 1 s" in result.output and "Traceback" not in result.output


def test_requests_are_at_least_a_second_apart(osm, monkeypatch):
    """Measured where the rule is kept, as each request is sent: the fake server's clock also
    counts how late its thread got to a request on a loaded machine."""
    import time
    import urllib.request

    sent: list[float] = []
    real = urllib.request.urlopen

    def urlopen(*args, **kwargs):
        sent.append(time.monotonic())
        return real(*args, **kwargs)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    client = Overpass(osm.overpass_url, AGENT)
    client.venues_around(HAMBURG, 0.5)
    client.venues_around(HAMBURG, 0.6)
    assert client.requests == 2 and len(osm.times) == 2
    assert sent[1] - sent[0] >= 0.95


def test_fetch_near_a_place_unknown_offline_asks_nominatim_even_when_offline(osm, tmp_path):
    config = _cli(osm, tmp_path)
    args = ["venues", "fetch", "--config", config, "--near", "Elbphilharmonie", "--radius", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert [p for p, _q, _a in osm.requests] == ["/search", "/api/interpreter"]
    assert {a for _p, _q, a in osm.requests} == {AGENT}
    assert "fetched" in result.output
    listed = CliRunner().invoke(main, ["venues", "--config", config, "--near", "Elbphilharmonie"])
    assert listed.exit_code == 0 and "Hamburg" in listed.output  # the remembered answer
    assert len(osm.requests) == 2


def test_supply_fetches_only_when_online_and_notes_the_gap_when_not(osm, tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    offline = VenueSupply(_config(osm), store, Catalog([]), NOW)
    assert offline(HAMBURG, 3.0) is False
    assert offline.missing == [HAMBURG] and osm.requests == []
    messages: list[str] = []
    online = VenueSupply(_config(osm, online=True), store, Catalog([]), NOW, messages.append)
    assert online(HAMBURG, 3.0) is True
    assert len(online.catalog) > 40 and messages and osm.count("/api/interpreter") == 1
    assert online(HAMBURG, 3.0) is True and osm.count("/api/interpreter") == 1
    catalog = catalog_with_fetched(_config(osm), store)
    assert len(catalog.near(HAMBURG, 3.0)) >= 40


def _cli(osm: FakeOsmServer, tmp_path, online: bool = False) -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nemail = "me@example.com"\nhome = "München"\n'
        f"[geo]\nonline = {str(online).lower()}\n"
        f'user_agent = "{AGENT}"\noverpass_url = "{osm.overpass_url}"\n'
        f'nominatim_url = "{osm.nominatim_url}"\n'
        "[working_hours]\n"
        + "".join(f'{d} = "09:00-18:00"\n' for d in ("monday", "tuesday", "wednesday", "thursday")),
        encoding="utf-8",
    )
    return str(path)


def test_cli_venues_near_hamburg_explains_how_to_get_venues(osm, tmp_path):
    config = _cli(osm, tmp_path)
    result = CliRunner().invoke(main, ["venues", "--config", config, "--near", "Hamburg"])
    assert result.exit_code == 0, result.output
    assert "0 venues" in result.output
    assert "planner venues fetch --near Hamburg" in result.output
    assert "[geo] online = false" in result.output
    assert osm.requests == []


def test_cli_fetch_then_list_with_attribution(osm, tmp_path):
    config = _cli(osm, tmp_path)
    run = CliRunner().invoke
    fetched = run(
        main, ["venues", "fetch", "--config", config, "--near", "Hamburg", "--radius", "2"]
    )
    assert fetched.exit_code == 0, fetched.output
    assert "fetched" in fetched.output and "OpenStreetMap contributors" in fetched.output
    listed = run(main, ["venues", "--config", config, "--near", "Hamburg", "--radius", "2"])
    assert listed.exit_code == 0 and "DB Lounge Hamburg Hbf" in listed.output
    assert "© OpenStreetMap contributors" in listed.output
    again = run(main, ["venues", "fetch", "--config", config, "--near", "Hamburg", "--radius", "2"])
    assert "already known" in again.output and osm.count("/api/interpreter") == 1
    assert os.path.exists(os.path.join(os.environ["PLANNER_DATA_DIR"], "state.sqlite3"))


def test_cli_fetch_busy_server_is_one_clear_line(osm, tmp_path):
    config = _cli(osm, tmp_path)
    osm.mode = "429"
    result = CliRunner().invoke(main, ["venues", "fetch", "--config", config, "--near", "Hamburg"])
    assert result.exit_code != 0
    assert "429" in result.output and "Traceback" not in result.output


def test_cli_propose_near_a_place_without_venues_says_why(osm, tmp_path):
    config = _cli(osm, tmp_path)
    result = CliRunner().invoke(
        main, ["propose", "--config", config, "--with", "a@b.example", "--near", "Hamburg"]
    )
    assert result.exit_code == 0, result.output
    assert "No free slot" not in result.output
    assert "No venue is known around Hamburg" in result.output
    assert "planner venues fetch --near Hamburg" in result.output


def test_propose_online_fetches_first_then_uses_the_cache(osm, tmp_path):
    from planner.config import load
    from planner.flows.propose import propose_for

    config = load(Path(_cli(osm, tmp_path, online=True)))
    store = Store(tmp_path / "state.sqlite3")
    first = propose_for(config, store, "a@b.example", now=NOW, near="Hamburg")
    assert first.proposals and osm.count("/api/interpreter") == 1
    assert all(distance_km(p.venue.geo, HAMBURG) < 10 for p in first.proposals)
    again = propose_for(config, store, "a@b.example", now=NOW, near="Hamburg")
    assert [p.venue for p in again.proposals] == [p.venue for p in first.proposals]
    assert osm.count("/api/interpreter") == 1


def test_init_online_flag_writes_the_consent(tmp_path):
    from planner.config import load

    target = tmp_path / "config.toml"
    result = CliRunner().invoke(main, ["init", "--config", str(target), "--online"])
    assert result.exit_code == 0, result.output
    assert load(target)["geo"]["online"] is True
    other = tmp_path / "default.toml"
    CliRunner().invoke(main, ["init", "--config", str(other)])
    assert load(other)["geo"]["online"] is False


def test_automatic_fetch_on_a_busy_server_says_so_and_proposes_the_area(osm, tmp_path):
    """Overpass answers 429: said once as busy (not offline), asked once, and the proposals
    name the time, the kind and the area, with the command that gets venues there."""
    from planner.config import load
    from planner.flows.propose import propose_for
    from planner.online import outages

    outages.reset()
    config = load(Path(_cli(osm, tmp_path, online=True)))
    store = Store(tmp_path / "state.sqlite3")
    osm.mode = "429"
    result = propose_for(config, store, "a@b.example", now=NOW, near="Hamburg")
    assert result.proposals and {p.venue.source for p in result.proposals} == {"area"}
    assert {p.venue.name for p in result.proposals} == {"Hamburg"}
    assert all(
        "planner venues fetch --near Hamburg" in " ".join(p.reasons) for p in result.proposals
    )
    [outage] = outages.outages()
    assert outage.failure.kind == "busy" and "429" in outage.failure.detail
    assert osm.count("/api/interpreter") == 1
    assert FetchedVenues(store).venues() == []
    outages.reset()
