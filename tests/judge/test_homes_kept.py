"""Where counterparts live, kept between runs (planner.judge.homes_kept): a run over the same
history answers without working anyone out again; whatever an answer reads changes it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.config import default_config
from planner.judge.homes import HomeFinder
from planner.judge.homes_kept import KeptHomes
from planner.meet.geo import Geocoder
from planner.store import Store
from tests.judge.test_homes import ME, NOW, _event

SIGNATURE = "Grüße\nJan Holm <jan@hafen.example>\nTel. +49 40 3099 1234"
LONDON = "Best,\nJan Holm <jan@hafen.example>\nPhone +44 20 7946 0958"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


class Run:
    """One run's finder over ``items`` with answers kept in ``store``; counts who is worked
    out."""

    def __init__(self, store, items, language_config=None, now=NOW):
        self.worked: list[str] = []
        config = default_config(user={"email": ME.email, "home": "München"})
        if language_config:
            config = default_config(user={"email": ME.email, "home": "München", **language_config})
        events = [e for e, _m in items]
        modes = {e.key: m for e, m in items}
        finder = HomeFinder(events, modes, config, Geocoder(config).locate, now=now)
        finder.kept = KeptHomes.of(store, config)
        worked = finder.infer

        def counted(email):
            self.worked.append(email)
            return worked(email)

        finder.infer = counted  # type: ignore[method-assign]
        self.finder = finder

    def home(self, email):
        """The answer, and what was worked out written as at the end of a run."""
        found = self.finder.home_of(email)
        self.finder.kept.flush()
        return found


def history(jan_description=SIGNATURE, org_place="Am Sandtorkai 50, 20457 Hamburg"):
    return [
        _event("own", 30, "https://zoom.us/j/1", ["jan@hafen.example"], jan_description),
        _event("org", 40, org_place, ["lena@hafen.example"]),
        _event("later", -3, "Elbchaussee 1, 22763 Hamburg", ["lena@hafen.example"]),
    ]


def test_a_second_run_over_the_same_history_works_no_one_out_again(store):
    first = Run(store, history())
    found = {e: first.home(e) for e in ("jan@hafen.example", "lena@hafen.example", "x@y.example")}
    assert first.worked == ["jan@hafen.example", "lena@hafen.example", "x@y.example"]
    assert found["jan@hafen.example"].city == "Hamburg"
    second = Run(store, history())
    assert {e: second.home(e) for e in found} == found
    assert second.worked == []


def test_what_an_answer_reads_changed_works_it_out_again(store):
    def own(description):
        return [_event("own", 30, "https://zoom.us/j/1", ["jan@hafen.example"], description)]

    assert Run(store, own(SIGNATURE)).home("jan@hafen.example").city == "Hamburg"
    again = Run(store, own(LONDON))  # their own meeting's signature: another number
    assert again.home("jan@hafen.example").city == "London"
    assert again.worked == ["jan@hafen.example"]


def test_their_organisations_meeting_over_counts_one_to_come_does_not(store):
    Run(store, history()).home("jan@hafen.example")
    # a meeting of the organisation yet to come is read for nothing: edited, nothing changes
    items = history()
    later, mode = items[2]
    items[2] = (replace(later, title="Renamed", location="Speicherstadt, Hamburg"), mode)
    unchanged = Run(store, items)
    unchanged.home("jan@hafen.example")
    assert unchanged.worked == []
    # one that took place: where it was is read
    moved = Run(store, history(org_place="Kaistraße 5, 40221 Düsseldorf"))
    moved.home("jan@hafen.example")
    assert moved.worked == ["jan@hafen.example"]
    # and once the later one is over, it is read too
    over = Run(store, history(), now=NOW.replace(year=NOW.year + 1))
    over.home("jan@hafen.example")
    assert over.worked == ["jan@hafen.example"]


def test_another_config_or_an_unreadable_answer_works_it_out_again(store):
    Run(store, history()).home("jan@hafen.example")
    elsewhere = Run(store, history(), language_config={"home": "Berlin"})
    elsewhere.home("jan@hafen.example")
    assert elsewhere.worked == ["jan@hafen.example"]
    with store.conn:
        store.conn.execute("UPDATE homes_kept SET home = 'not json'")
    damaged = Run(store, history())
    assert damaged.home("jan@hafen.example").city == "Hamburg"
    assert damaged.worked == ["jan@hafen.example"]


def test_the_weeks_plan_keeps_where_its_counterparts_live(tmp_path, monkeypatch):
    """The week's JSON asks where each counterpart lives: a second plan over the same calendar
    works no one out again and says the same."""
    import json

    from planner import api
    from planner.config import load
    from planner.render import render_week
    from planner.store import open_store
    from tests.flows.touch_scenario import NOW, TRIP_MONDAY, write_home

    config = load(write_home(tmp_path / "home"))
    first = json.loads(render_week(api.plan_week(config, TRIP_MONDAY, now=NOW), "json"))
    worked: list[str] = []
    infer = HomeFinder.infer
    monkeypatch.setattr(HomeFinder, "infer", lambda self, e: worked.append(e) or infer(self, e))
    second = json.loads(render_week(api.plan_week(config, TRIP_MONDAY, now=NOW), "json"))
    cities = [p.get("city") for item in second["events"] for p in item["people"]]
    assert second == first and any(cities)
    assert worked == []
    assert open_store().conn.execute("SELECT count(*) FROM homes_kept").fetchone()[0] > 0


def test_answers_are_written_in_batches_and_the_rest_at_the_end(store):
    """3,000 counterparts are not 3,000 transactions; what is left is written when the run
    ends (the finder is gone)."""
    import gc

    from planner.judge import homes_kept

    items = [_event(f"m{n}", 40, "Am Sandtorkai 50, 20457 Hamburg", [f"p{n}@h.example"])
             for n in range(homes_kept.BATCH + 5)]  # fmt: skip
    run = Run(store, items)
    for n in range(homes_kept.BATCH + 5):
        run.finder.home_of(f"p{n}@h.example")

    def kept() -> int:
        return store.conn.execute("SELECT count(*) FROM homes_kept").fetchone()[0]

    assert kept() == homes_kept.BATCH
    del run
    gc.collect()
    assert kept() == homes_kept.BATCH + 5


def test_the_key_reads_what_the_answer_reads_without_reading_it_one_by_one(store):
    """A big organisation (more meetings than ORG_EVENTS, some yet to come), people with
    meetings of their own before and inside the stretch of it that is read, meetings of two
    organisations, a freemail address: what each key says of the meetings is, part by part,
    what read_for lists, made once for the organisation's people and not event by event."""
    from planner.judge.homes import ORG_EVENTS

    people = [f"p{n}@big.example" for n in range(10)]
    items = []
    for n in range(ORG_EVENTS + 200):  # by start, the latest last; the last 20 yet to come
        who = [people[n % 10]] + (["eva@other.example"] if n % 50 == 0 else [])
        items.append(_event(f"m{n}", ORG_EVENTS + 180 - n, f"Raum {n % 7}, Hamburg", who))
    items.insert(3, _event("own-early", ORG_EVENTS + 300, "Hamburg", ["lone@big.example"]))
    items.append(_event("own-late", 1, "Kiel", ["lone@big.example", "max@gmail.com"]))
    run = Run(store, items)
    kept, finder = run.finder.kept, run.finder
    for email in [*people, "lone@big.example", "eva@other.example", "max@gmail.com"]:
        listed = [kept._part(finder, event, theirs) for event, theirs in finder.read_for(email)]
        assert kept._read(finder, email) == listed, email
    assert len(kept._orgs) == 1  # big.example, made once (the others: no one else there)
