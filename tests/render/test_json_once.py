"""What a large week's JSON and judgement compute once (issue 31: 50,000 meetings): each
person's city is looked up once per description, not per mention, and a worker that judged a
slice of the week sends equal conclusions back as one object each."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import timedelta

from planner.flows import weekly
from planner.ical import forking
from planner.judge.cache import classify_all
from planner.model import Purpose
from planner.render import json as rendered
from tests.judge.test_relations import COLLEAGUE, NOW, build, config_for, ev
from tests.render.test_json_sliced import sliced  # noqa: F401  (a fixture)


class Asked(Mapping[str, str]):
    """The plan's cities, with every look-up written down."""

    def __init__(self, found: Mapping[str, str]) -> None:
        self.found, self.asked = dict(found), []

    def __getitem__(self, key: str) -> str:
        self.asked.append(key)
        return self.found[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.found)

    def __len__(self) -> int:
        return len(self.found)


def test_a_persons_city_is_looked_up_once_per_description(plan):
    cities = Asked(plan.cities)
    events = rendered.events_to_list(replace(plan, cities=cities), plan.items)
    mentions = [person for data in events for person in data["people"]]
    described = {(p["email"], p["name"]) for p in mentions}
    assert len(mentions) > len(described)  # the week names people more than once
    assert len(cities.asked) == len(described)
    for person in mentions:  # and every mention says where they are
        assert person["city"] == cities.found.get(person["email"].lower(), person["city"])


def test_a_worker_sends_equal_conclusions_as_one_object(sliced):  # noqa: F811
    """Forty stand-ups with colleagues, judged on two cores: the worker's slice comes back
    with one purpose object for its twenty equal purposes (pickle sends an object once), and
    the plan is the one judged on one core."""
    config = config_for()
    week = [ev(f"st{n}", NOW + timedelta(hours=n), COLLEAGUE, title="Stand-up") for n in range(40)]
    modes = classify_all(week, None, config)
    ledger = build([])
    apart = weekly.judge_week(week, ledger, config, modes)
    here = round(len(week) * weekly.JUDGED_HERE)
    sent = [item.purpose for item in apart[here:]]
    assert sent[0].purpose is Purpose.INTERNAL and len(set(sent)) == 1
    assert len({id(p) for p in sent}) == 1
    forking.usable_cores = lambda: 1  # (undone by the fixture's monkeypatch)
    assert weekly.judge_week(week, ledger, config, modes) == apart
