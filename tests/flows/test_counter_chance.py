"""A time or days someone proposed instead of an invitation are said in the same words in every
view: ``planner invites``, ``planner people`` (next chance), ``planner trips`` and the weekly
plan's keep-in-touch section; whole days as days, with what the user's calendars have then
(the one check ``planner invites`` makes).

Bug (QA 16, D3): an Outlook COUNTER with ``DTSTART;VALUE=DATE:20261216`` was "countered: Wed
16 Dec, all day" in ``planner invites`` but "proposed Wed 16 Dec 00:00 instead of your
invitation" in ``planner week`` and ``planner people``, and none of them said the user was
away that day."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.flows.test_invited_chance import ELISE, NOW, PEOPLE, _invite, _keep, _paris, _people
from tests.flows.test_trip_met_there import BEFORE, PRESENTATION, TRAIN
from tests.flows.test_visit_planned import _config as visit_config
from tests.invite.test_client_answers import calendar, write_mail
from tests.own import fix_now

#: Élise proposes Thursday 17 December (the day of the TGV to Paris) as each client writes it
DAYS = {
    "outlook": "DTSTART;VALUE=DATE:20261217\nDTEND;VALUE=DATE:20261218\n"
    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
    "apple": "DTSTART;VALUE=DATE:20261217",
    "thunderbird": "DTSTART;VALUE=DATE:20261217\nDTEND;VALUE=DATE:20261218\n"
    "X-MOZ-LASTACK:20261201T120000Z",
}
TIMED = "DTSTART;TZID=Europe/Paris:20261217T150000\nDTEND;TZID=Europe/Paris:20261217T154500"


@pytest.fixture
def config(tmp_path, monkeypatch):
    fix_now(monkeypatch, NOW)
    calendars = {"apple": TRAIN, "google": BEFORE, "outlook": PRESENTATION["outlook"]}
    return visit_config(tmp_path, calendars, PEOPLE)


def _run(config, *args: str) -> str:
    result = CliRunner().invoke(main, [args[0], "--config", str(config), *args[1:]])
    assert result.exit_code == 0, result.output
    return result.stdout


def _countered(config, tmp_path, lines: str) -> str:
    """Élise is invited for Fri 18 Dec 14:00 and answers with ``lines``: the UID."""
    uid = _invite(config, tmp_path, ELISE)
    who = f"ATTENDEE;PARTSTAT=TENTATIVE;CN=Élise Dubois:mailto:{ELISE}"
    ics = calendar("COUNTER", f"UID:{uid}\nSEQUENCE:0\nDTSTAMP:20261207T120000Z\n{who}\n{lines}")
    mail = write_mail(tmp_path, "counter", f"Élise Dubois <{ELISE}>", ics, method="COUNTER")
    _run(config, "replies", mail)
    return uid


def _views(config) -> dict[str, str]:
    """The counter as each view says it (the one person's next chance or note)."""
    invites = json.loads(_run(config, "invites", "--format", "json"))["invitations"]
    (state,) = [s for s in invites if s["counterpart"] == ELISE]
    return {
        "invites": state["label"] + " " + state["next_step"],
        "people": _people(config)[ELISE]["next_chance"],
        "trips": _paris(config)[ELISE]["note"],
        "week": _keep(config)[ELISE]["note"],
    }


@pytest.mark.parametrize("client", list(DAYS))
def test_a_day_proposed_is_a_day_in_every_view_with_what_the_calendar_has(
    config, tmp_path, client, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "240")  # the table's cells whole, whatever the terminal
    _countered(config, tmp_path, DAYS[client])
    views = _views(config)
    for view, text in views.items():
        assert "Thu 17 Dec, all day" in text, (view, text)
        assert "00:00" not in text and "01:00" not in text, (view, text)
        # the TGV that day, found by the check 'planner invites' makes, in every view
        assert "busy with 'TGV 9554 Frankfurt → Paris Est' at 14:00" in text, (view, text)
    assert views["people"].startswith("proposed Thu 17 Dec, all day instead of your invitation")
    table = _run(config, "people")  # the Next chance column
    assert "00:00" not in table and "TGV" in table


def test_a_time_proposed_is_said_alike_everywhere(config, tmp_path):
    """A time, not days: the same day words in every view (no ISO date in the next step)."""
    _countered(config, tmp_path, TIMED)
    views = _views(config)
    for view, text in views.items():
        assert "Thu 17 Dec 15:00–15:45" in text, (view, text)
        assert "2026-12-17" not in text, (view, text)
        assert "TGV 9554" in text, (view, text)  # 14:00 to 17:50 in Berlin: busy then


def test_the_day_is_said_in_german(config, tmp_path):
    _countered(config, tmp_path, DAYS["apple"])
    data = json.loads(_run(config, "people", "--format", "json", "--lang", "de"))
    (elise,) = [p for p in data["people"] if p["email"] == ELISE]
    assert "Do. 17. Dez." in elise["next_chance"], elise["next_chance"]
    assert "00:00" not in elise["next_chance"]
    week = json.loads(_run(config, "week", "--week", "next", "--format", "json", "--lang", "de"))
    (keep,) = [p for p in week["keep_in_touch"]["people"] if p["email"] == ELISE]
    assert "Do. 17. Dez." in keep["note"] and "00:00" not in keep["note"]
