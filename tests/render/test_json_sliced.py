"""A week's JSON made in slices on several cores (:func:`planner.render.json.week_json`) is
the same text as the whole view encoded at once, and a week judged in slices
(:func:`planner.flows.weekly.judge_week`) the same plan as one judged on one core."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner import api, i18n
from planner.flows import weekly
from planner.flows.followup_steps import InviteState
from planner.ical import forking
from planner.judge.relations import Ledger
from planner.render import json as rendered
from planner.render.invites import attach_states
from planner.store import Store

WEEK_START = date(2026, 12, 7)  # Monday of 2026-W50


@pytest.fixture
def sliced(monkeypatch):
    """Every week counts as large, on two cores."""
    monkeypatch.setattr(forking, "usable_cores", lambda: 2)
    monkeypatch.setattr(rendered, "SLICED", 1)
    monkeypatch.setattr(weekly, "JUDGED_APART", 1)


def whole(plan, invites=None) -> str:
    data = rendered.week_to_dict(plan)
    if invites:
        attach_states(data, invites)
    return rendered.dumps(data)


def states_for(plan) -> dict[str, list[InviteState]]:
    """An accepted and a countered invitation for the first two events, one with an umlaut."""
    found = {}
    for number, item in enumerate(plan.items[:2]):
        event = item.event
        found[event.uid] = [
            InviteState(
                uid=event.uid,
                title=event.title,
                start=event.start,
                end=event.end,
                place="Café Größenwahn, München",
                sequence=number,
                counterpart=f"jürgen{number}@kunde.example",
                name="Jürgen Müller",
                status=("accepted", "countered")[number],
                sent_at=event.start - timedelta(days=3),
                proposed=(event.start + timedelta(hours=1), event.end + timedelta(hours=1))
                if number
                else None,
            )
        ]
    return found


def test_one_core_and_several_give_the_same_text(plan, sliced):
    assert len(plan.items) > 2
    expected = whole(plan)
    assert rendered.week_json(plan) == expected
    json.loads(expected)  # and it is JSON


def test_invitations_are_attached_in_every_slice(plan, sliced):
    invites = states_for(plan)
    text = rendered.week_json(plan, lambda data: attach_states(data, invites))
    assert text == whole(plan, invites)
    events = json.loads(text)["events"]
    assert [e["invitations"][0]["status"] for e in events[:2]] == ["accepted", "countered"]
    assert "invitations" not in events[2]


def test_a_week_without_events_and_one_of_a_single_event(plan, sliced):
    for items in ((), plan.items[:1]):
        smaller = replace(plan, items=items)
        assert rendered.week_json(smaller) == whole(smaller)


@pytest.mark.parametrize("language", ["en", "de"])
def test_judged_in_slices_is_judged_as_on_one_core(plan, sliced, monkeypatch, language):
    """Also in the language of the thread that asks (the slices are judged in other
    processes): reasons and evidence read the same."""
    with api.demo_session(WEEK_START) as (config, first_day), i18n.speaking(language):
        now = api.demo_now(config, first_day)
        events = api.read_events(config, *weekly.read_window(config, first_day, now))
        ledger = Ledger.open(Store(":memory:"), config)
        modes = {e.key: c for e, c in api.classify_events(events, user=config)}
        weekly.update_ledger(ledger, events, modes, config, now)
        start, end = weekly.week_bounds(first_day, config)
        week = [e for e in events if e.start < end and e.end > start]
        apart = weekly.judge_week(week, ledger, config, modes)
        monkeypatch.setattr(forking, "usable_cores", lambda: 1)
        together = weekly.judge_week(week, ledger, config, modes)
    assert len(apart) == len(week) > 2
    assert apart == together
    reasons = [item.recommendation.reason for item in apart if item.recommendation]
    assert reasons  # judged, not only assessed
    german = any(word in " ".join(reasons) for word in (" Treffen", " persönlich", " und "))
    assert german == (language == "de"), reasons


def test_the_output_is_the_standard_librarys_text(plan):
    """orjson writes the JSON output; the text is json.dumps(indent=2, ensure_ascii=False)'s,
    and what orjson cannot take (an integer past 64 bits) is written by the standard library."""
    data = rendered.week_to_dict(plan)
    data["extra"] = {"Straße": ["Köln", "東京", 'a "quote"\nand a line', 0.1, 2.0, None, True, {}]}
    assert rendered.dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    huge = {"n": 2**70, "name": "Jürgen"}
    assert rendered.dumps(huge) == json.dumps(huge, ensure_ascii=False, indent=2) + "\n"
