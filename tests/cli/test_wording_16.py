"""Wording of answers, cancellations and reasons (QA 16, D12), through the CLI:

- one person taken off a meeting "is" taken off (the count decides the form);
- after the user accepted a counter with an update, the row says their time was taken and
  only the answer to the update is pending (not "proposed another time before the change");
- reasons written as sentences are joined as sentences (". "), never "; You are in …";
- the next step names days as every other line does ("Thu 10 Dec 17:00–17:45"), no ISO date;
- ``planner replies`` with a path that does not exist is an error, as ``planner classify``
  with a missing file is: one line, a non-zero exit status, nothing recorded."""

from __future__ import annotations

import json
import shlex

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.render.labels import sentences
from tests.cli.test_invite_update_withdraws import BOB, CARL, MOVE, World
from tests.cli.test_invites_commands_whole import NOW, _config, _countered
from tests.invite.test_day_counters import store as store
from tests.invite.test_mail import run_server  # noqa: F401  (fixture)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_one_person_taken_off_is_said_in_the_singular(tmp_path, run_server, lang):  # noqa: F811
    world = World(tmp_path, run_server, lang)
    uid = world.invite()  # Bob, Carl and Dora
    world.run(
        "invite", "--update", uid, "--to", BOB, "--to", "dora@isar.example", *MOVE, "--send"
    )  # fmt: skip  (Carl alone is taken off)
    done = world.run("invite", "--update", uid, "--to", BOB, *MOVE, "--send").stderr
    if lang == "en":
        assert "who is taken off the meeting" in done, done
        assert "who are taken off" not in done
    assert "dora@isar.example" in done and CARL not in done


def test_an_accepted_counter_waits_for_the_answer_to_the_update(store, tmp_path):
    uid = _countered(store, tmp_path, "5F3C2B1A-9D8E-4F7A-B6C5-D4E3F2A1B0C9")
    config = _config(tmp_path, "en")

    def bob() -> dict:
        states = json.loads(CliRunner().invoke(
            main, ["invites", "--offline", "--now", NOW, "--format", "json", "--config",
                   str(config)]).stdout)["invitations"]  # fmt: skip
        return next(s for s in states if s["counterpart"] == "bob@acme.example")

    before = bob()
    assert "Thu 10 Dec 17:00–17:45" in before["next_step"]  # the day in words ...
    assert "2026-12-10" not in before["next_step"]  # ... not an ISO date beside them
    accept = shlex.split(before["command"])[1:]
    result = CliRunner().invoke(main, [*accept, "--config", str(config)])  # --send: no SMTP
    if result.exit_code != 0:  # no [smtp]: record it as sent by the user's mail program
        dry = [a for a in accept if a != "--send"]
        out = tmp_path / "update.ics"
        result = CliRunner().invoke(main, [*dry, "--out", str(out), "--config", str(config)])
        assert result.exit_code == 0, result.output
        result = CliRunner().invoke(
            main, ["invite", "--sent-elsewhere", uid, "--config", str(config)]
        )
        assert result.exit_code == 0, result.output
    after = bob()
    assert after["sequence"] == 1 and after["earlier"] == "taken"
    assert after["label"] == "their time was taken; waiting for their answer to the update"
    assert "before the change" not in after["label"]
    assert after["start"].startswith("2026-12-10T17:00")  # the time Bob proposed


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (("Coffee suits a first meeting", "You are in Hamburg that day anyway"),
         "Coffee suits a first meeting. You are in Hamburg that day anyway"),
        (("Kaffee passt zu einem ersten Treffen", "Die Brasserie ist dann geöffnet."),
         "Kaffee passt zu einem ersten Treffen. Die Brasserie ist dann geöffnet"),
        (("dean&david is open then",), "dean&david is open then"),  # a name keeps its case
    ],
)  # fmt: skip
def test_reasons_are_joined_as_sentences(parts, joined):
    assert sentences(parts) == joined


def test_the_propose_table_joins_its_reasons_as_sentences(tmp_path, monkeypatch):
    from tests.flows.test_invited_chance import ELISE, PEOPLE
    from tests.flows.test_invited_chance import NOW as MONDAY
    from tests.flows.test_trip_met_there import BEFORE, PRESENTATION, TRAIN
    from tests.flows.test_visit_planned import _config as visit_config
    from tests.own import fix_now

    fix_now(monkeypatch, MONDAY)
    calendars = {"apple": TRAIN, "google": BEFORE, "outlook": PRESENTATION["outlook"]}
    config = visit_config(tmp_path, calendars, PEOPLE)
    result = CliRunner().invoke(
        main, ["propose", "--with", ELISE, "--config", str(config), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    reasons = [p["reasons"] for p in json.loads(result.stdout)["proposals"]]
    assert any(len(r) > 1 for r in reasons)
    result = CliRunner().invoke(
        main, ["propose", "--with", ELISE, "--config", str(config)], env={"COLUMNS": "200"}
    )
    text = " ".join(result.stdout.replace("│", " ").split())
    assert "; " not in text.split("Why", 1)[1], text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_missing_path_is_an_error_as_for_classify(tmp_path, lang):
    config = _config(tmp_path, lang)
    missing = tmp_path / "missing.eml"
    replies = CliRunner().invoke(main, ["replies", str(missing), "--config", str(config)])
    classify = CliRunner().invoke(main, ["classify", str(tmp_path / "missing.ics"),
                                         "--lang", lang])  # fmt: skip
    assert classify.exit_code != 0
    assert replies.exit_code == classify.exit_code, replies.output
    (line,) = replies.stderr.strip().splitlines()
    assert str(missing) in line and "Traceback" not in replies.output
    assert line.split(": ", 1)[0] == classify.stderr.split(": ", 1)[0]  # "planner: error"
    assert line.endswith(classify.stderr.strip().split(": ", 3)[-1].split(" (", 1)[1])
    # a folder that exists with nothing in it is no error
    folder = tmp_path / "empty"
    folder.mkdir()
    ok = CliRunner().invoke(main, ["replies", str(folder), "--config", str(config)])
    assert ok.exit_code == 0, ok.output
