"""The week's recommendation says why to meet in person and one next step that agrees with it.

Found on the demo: for Priya in London the reason said "planned as a phone call: a first meeting
in person builds trust" and the note after it "… keep it a call": two contradictory
instructions. When no place to meet lies within the journey limit, the next step is to meet in
person when one of you is in the other's city (``planner trips`` shows the trips)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import main

WEEK = "2026-W50"  # Monday 2026-12-07
# why (the recommendation) + the next step (the note), per language; and what must not follow
EXPECTED = {
    "en": (
        "is planned as a phone call: a first meeting in person builds trust. ",
        "meet in person when one of you is in the other's city (planner trips shows your trips)",
        ("keep it a call", "video is fine", "a call is fine"),
    ),
    "de": (
        "ist als Telefonat geplant: ein erstes Treffen vor Ort schafft Vertrauen. ",
        "treffen Sie sich persönlich, wenn einer von Ihnen in der Stadt des anderen ist "
        "(planner trips zeigt Ihre Reisen)",
        ("Anruf", "Video ist in Ordnung"),
    ),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_priya_in_london_gets_one_consistent_next_step(language):
    result = CliRunner().invoke(
        main,
        ["week", "--demo", "--week", WEEK, "--format", "json", "--lang", language],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    (priya,) = [e for e in json.loads(result.stdout)["events"] if "Priya" in e["title"]]
    why, step, never = EXPECTED[language]
    reason = priya["recommendation"]["reason"]
    assert priya["recommendation"]["action"] == "meet_in_person" and priya["proposals"] == []
    assert why in reason and step in reason, reason
    assert reason.index(why) < reason.index(step)  # why first, then what to do
    assert not any(word in reason for word in never), reason
    assert "London" in reason and "[travel] longest_journey_minutes" in reason
