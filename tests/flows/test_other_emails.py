"""``[user] other_emails``: the user's other addresses (a private gmail a meeting was organised
from, an old domain) are the user's, never a counterpart.

Bug (found by trying the product): a Google export organised from the user's private address
made that address a counterpart of every meeting: an intro call with Felix was "kept" because
"you meet in person at 'Kaffee mit Katharina'" (the one person the two shared was the user)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.own import calendar_config, fix_now

WORK = "anna@berger-consulting.example"
PRIVATE = "anna.berger@gmail.com"
NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday


def event(uid: str, title: str, day: str, where: str, guest: str, me: str = "ACCEPTED") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:{title}\r\n"
        f"DTSTART:{day}T100000Z\r\nDTEND:{day}T110000Z\r\nLOCATION:{where}\r\n"
        f"ORGANIZER;CN=Anna Berger:mailto:{PRIVATE}\r\n"
        f"ATTENDEE;CN=Anna Berger;PARTSTAT={me}:mailto:{PRIVATE}\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{guest}\r\nEND:VEVENT\r\n"
    )


CALL = event("call@google.com", "Abstimmung Rheinmedia", "20261208",
             "https://meet.google.com/abc-defg-hij", "felix.wagner@rheinmedia.example")  # fmt: skip
COFFEE = event("coffee@google.com", "Kaffee mit Katharina", "20261210",
               "Café Luitpold\\, Brienner Str. 11\\, 80333 München",
               "katharina.huber@isar.example")  # fmt: skip


def week(tmp_path, monkeypatch, events: str, other: list[str]) -> dict[str, dict]:
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, events, email=WORK, home="München",
                             domains=["berger-consulting.example"])  # fmt: skip
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[user]\n", f"[user]\nother_emails = {json.dumps(other)}\n"))
    result = CliRunner().invoke(main, ["week", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {e["uid"]: e for e in json.loads(result.stdout)["events"]}


def test_a_private_address_is_the_users_and_no_counterpart(tmp_path, monkeypatch):
    before = week(tmp_path, monkeypatch, CALL + COFFEE, [])
    assert "Anna Berger" in before["call@google.com"]["purpose_evidence"][0]  # the defect
    assert before["call@google.com"]["recommendation"]["action"] == "keep"
    events = week(tmp_path, monkeypatch, CALL + COFFEE, [PRIVATE])
    call = events["call@google.com"]
    assert call["purpose"] == "first_contact"
    assert call["purpose_evidence"] == ["no earlier meeting with rheinmedia.example"]
    assert call["recommendation"]["action"] == "meet_in_person"
    assert "Kaffee" not in call["recommendation"]["reason"]


def test_an_answer_given_from_the_private_address_is_the_users(tmp_path, monkeypatch):
    declined = event("d@google.com", "Intro call", "20261208", "https://meet.google.com/x",
                     "felix.wagner@rheinmedia.example", me="DECLINED")  # fmt: skip
    (item,) = week(tmp_path, monkeypatch, declined, [PRIVATE]).values()
    assert item["kind"] == "declined" and item["recommendation"] is None


@pytest.mark.parametrize("bad", ["anna", "a@b.example, c@d.example", "Anna <a@b.example>"])
def test_other_emails_are_addresses(tmp_path, monkeypatch, bad):
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, CALL, email=WORK)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[user]\n", f"[user]\nother_emails = {json.dumps([bad])}\n"))
    result = CliRunner().invoke(main, ["week", "--config", str(config)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "key 'other_emails' must list e-mail addresses, one per item" in result.output


@pytest.mark.parametrize("who", [PRIVATE, WORK, f"Anna <{PRIVATE.upper()}>"])
def test_proposing_to_meet_oneself_is_refused(tmp_path, monkeypatch, who):
    """`propose --with` the user's own address proposed to meet "Anna Berger" where she lives
    and credited her with a counterpart's dinner; `offer` refused it already."""
    fix_now(monkeypatch, NOW)
    config = calendar_config(tmp_path, CALL + COFFEE, email=WORK, home="München")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[user]\n", f'[user]\nother_emails = ["{PRIVATE}"]\n'))
    for extra in ((), ("--with", "tom@brandt-partner.example")):
        args = ["propose", "--config", str(config), "--with", who, *extra]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "that is your own address; give the people to meet" in result.output
    rhythm = CliRunner().invoke(main, ["people", "rhythm", "--config", str(config),
                                       PRIVATE, "monthly"])  # fmt: skip
    assert rhythm.exit_code == 2 and "is your own address" in rhythm.output
    german = CliRunner().invoke(main, ["propose", "--config", str(config), "--with", who,
                                       "--lang", "de"])  # fmt: skip
    assert "das ist Ihre eigene Adresse" in german.output
