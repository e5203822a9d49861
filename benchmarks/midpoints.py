"""Meeting halfway on real city pairs: the rail model's error and the meeting points chosen.

The long-distance rail model (:data:`planner.meet.travel_time.RAIL`, the one model of every
journey) was tuned on the first table of timetable times (ICE, station to station, minutes) and
is checked on the second, held out while tuning; both errors are printed (mean relative error of
the time on the train), also for the 110 km/h model travel between meetings used before. Then, for
German and European city pairs, the meeting points :func:`planner.meet.faraway.fair_points`
chooses, with both travel times and the detour ratio (the way over the point against the
direct way).

    python benchmarks/midpoints.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.meet.faraway import fair_points
from planner.meet.geo import distance_km, lookup_city
from planner.meet.travel_time import RAIL, THEIRS, TravelMode

TUNING = {
    ("Hamburg", "Berlin"): 105,
    ("Köln", "Frankfurt am Main"): 65,
    ("Berlin", "München"): 240,
    ("Hamburg", "Frankfurt am Main"): 215,
    ("Frankfurt am Main", "München"): 190,
}
HELD_OUT = {
    ("Hamburg", "Hannover"): 75,
    ("Berlin", "Leipzig"): 75,
    ("München", "Nürnberg"): 65,
    ("Köln", "Berlin"): 260,
    ("Stuttgart", "Frankfurt am Main"): 80,
    ("Frankfurt am Main", "Berlin"): 240,
    ("Hamburg", "Köln"): 240,
    ("Hannover", "Berlin"): 100,
}
PAIRS = [
    ("Hamburg", "Berlin"),
    ("Köln", "Berlin"),
    ("Berlin", "Frankfurt am Main"),
    ("Hamburg", "Köln"),
    ("Hamburg", "Frankfurt am Main"),
    ("Düsseldorf", "Leipzig"),
    ("Stuttgart", "Köln"),
    ("Frankfurt am Main", "München"),
    ("Amsterdam", "Frankfurt am Main"),
    ("London", "Köln"),
    ("Hamburg", "München"),
    ("Wien", "München"),
    ("Zürich", "München"),
    ("Paris", "Berlin"),
]


def error(table: dict[tuple[str, str], int], mode: TravelMode) -> float:
    found = []
    for (a, b), minutes in table.items():
        km = distance_km(lookup_city(a).geo, lookup_city(b).geo)
        found.append(abs(mode.minutes(km) - mode.overhead_minutes - minutes) / minutes)
    return sum(found) / len(found)


def main() -> None:
    before = TravelMode("rail", 130.0, 1.25, 30)
    between_meetings = TravelMode("rail", 110.0, 1.2, 30)  # until the models became one
    for name, mode in (("before", before), ("between meetings", between_meetings), ("now", RAIL)):
        print(
            f"rail model {name}: tuning {error(TUNING, mode):.0%}, "
            f"held out {error(HELD_OUT, mode):.0%} mean relative error"
        )
    for a, b in PAIRS:
        home, theirs = lookup_city(a).geo, lookup_city(b).geo
        direct, how = THEIRS.way(home, theirs).minutes, THEIRS.way(home, theirs).how
        points = fair_points(home, theirs)
        found = "; ".join(
            f"{p.hub.name} {p.mine}/{p.theirs} min, detour {p.detour:.2f}" for p in points
        )
        print(f"{a}–{b} (direct {direct} min by {how}): {found or 'none: the trip'}")


if __name__ == "__main__":
    main()
