"""A meeting's title without its mode, for the meeting in person that replaces it (QA h #6:
an invitation to lunch was titled "Vertragsunterzeichnung Müller Bau (Teams)")."""

from __future__ import annotations

import pytest

from planner.judge.titles import without_mode


@pytest.mark.parametrize(
    ("title", "shorter"),
    [
        ("Vertragsunterzeichnung Müller Bau (Teams)", "Vertragsunterzeichnung Müller Bau"),
        ("Mittagessen (Teams-Besprechung)", "Mittagessen"),
        ("Jour fixe [Zoom / Telefon]", "Jour fixe"),
        ("Erstgespräch (Videocall)", "Erstgespräch"),
        ("Kick-off – Teams", "Kick-off"),
        ("Review via Zoom", "Review"),
        ("Weekly sync - online", "Weekly sync"),
        # a mode word that is the subject, or all there is, stays
        ("Online-Marketing Workshop", "Online-Marketing Workshop"),
        ("Hybrid Work Strategy", "Hybrid Work Strategy"),
        ("Meet the team", "Meet the team"),
        ("Teams", "Teams"),
        ("Check-in", "Check-in"),
    ],
)
def test_the_mode_marker_is_taken_off_the_title(title, shorter):
    assert without_mode(title) == shorter
