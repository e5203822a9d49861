"""``planner mark`` as a user meets it: a judgement ``planner classify`` is not sure of comes
with the command that settles it; the mark wins, is listed, undone, moved into the config.
``planner classify`` uses the config's language and zone when there is a config."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.flows import marks

ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//t//t//EN\r
BEGIN:VEVENT\r
UID:abstimmung@t\r
DTSTAMP:20270101T000000Z\r
DTSTART;TZID=Europe/Berlin:20270302T100000\r
DTEND;TZID=Europe/Berlin:20270302T110000\r
RRULE:FREQ=WEEKLY;COUNT=3\r
SUMMARY:Abstimmung Angebot\r
ORGANIZER:mailto:me@own.example\r
ATTENDEE:mailto:me@own.example\r
ATTENDEE;CN=Otto:mailto:otto@kunde.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:signal@t\r
DTSTAMP:20270101T000000Z\r
DTSTART;TZID=Europe/Berlin:20270303T090000\r
DTEND;TZID=Europe/Berlin:20270303T093000\r
SUMMARY:Call Karoline\r
LOCATION:Signal\r
ORGANIZER:mailto:me@own.example\r
ATTENDEE;CN=Karoline:mailto:k@steiner-recht.example\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture
def user(tmp_path, monkeypatch):
    ics = tmp_path / "work.ics"
    ics.write_text(ICS, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nemail = "me@own.example"\ntimezone = "America/New_York"\nlanguage = "de"\n\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    fixed = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 12, 31, tzinfo=UTC))
    monkeypatch.setattr(marks, "window", lambda now: fixed)
    return ics, config


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def classified(ics) -> dict[str, dict]:
    out = run(
        "classify", str(ics), "--from", "2027-03-01", "--to", "2027-03-31", "--format", "json"
    )
    return {f"{e['title']} {e['start'][:10]}": e for e in json.loads(out)["events"]}


def test_classify_speaks_the_configs_language_and_zone(user):
    ics, _config = user
    table = run("classify", str(ics), "--from", "2027-03-01", "--to", "2027-03-31")
    assert "Telefonat" in table and "Termine" in table  # [user] language = "de"
    found = classified(ics)["Call Karoline 2027-03-03"]
    assert found["start"].startswith("2027-03-03T03:00:00-05:00")  # [user] timezone
    assert (found["mode"], found["confidence"], found["settle"]) == ("phone", "high", None)


def test_a_judgement_that_is_not_sure_carries_the_command_that_settles_it(user):
    ics, _config = user
    found = classified(ics)["Abstimmung Angebot 2027-03-02"]
    assert (found["mode"], found["confidence"]) == ("unknown", "low")
    assert found["settle"] == f"planner mark {found['ref']} --mode MODE"
    table = run("classify", str(ics), "--from", "2027-03-01", "--to", "2027-03-03", "--lang", "en")
    assert "unknown ?" in table
    squeezed = "".join(c for c in table if not c.isspace() and c != "│")
    assert f"plannermark{found['ref']}--modeMODE" in squeezed


def test_mark_list_undo(user):
    ics, _config = user
    ref = classified(ics)["Abstimmung Angebot 2027-03-09"]["ref"]
    said = run("mark", ref, "--mode", "in_person", "--lang", "en")
    assert "Mark 1: 'Abstimmung Angebot', every occurrence → in person." in said
    assert "It now decides 3 events read." in said
    after = classified(ics)
    for day in ("02", "09", "16"):
        found = after[f"Abstimmung Angebot 2027-03-{day}"]
        assert (found["mode"], found["confidence"]) == ("in_person", "high")
        assert found["evidence"][0].startswith("so von Ihnen festgelegt am ")  # [user] language
    assert "Abstimmung Angebot" in run("mark", "--list", "--lang", "en")
    run("mark", "--undo", "1")
    assert classified(ics)["Abstimmung Angebot 2027-03-09"]["mode"] == "unknown"
    assert "No marks yet" in run("mark", "--list", "--lang", "en")


def test_only_this_occurrence(user):
    ics, _config = user
    ref = classified(ics)["Abstimmung Angebot 2027-03-09"]["ref"]
    run("mark", ref, "--this", "--mode", "phone")
    after = classified(ics)
    assert [after[f"Abstimmung Angebot 2027-03-{d}"]["mode"] for d in ("02", "09", "16")] == [
        "unknown", "phone", "unknown"
    ]  # fmt: skip


def test_a_title_mark_becomes_a_config_rule(user):
    ics, config = user
    run("mark", "--title", "Abstimmung*", "--mode", "virtual")
    dry = run("mark", "--to-config", "1", "--lang", "en")
    assert '[[rules]]\ntitle = "Abstimmung*"\nmode = "virtual"\n' in dry
    assert "[[rules]]" not in config.read_text()  # a dry run
    run("mark", "--to-config", "1", "--write")
    rules = tomllib.loads(config.read_text())["rules"]
    assert rules == [{"title": "Abstimmung*", "mode": "virtual"}]
    listing = run("mark", "--list", "--lang", "en")
    assert "No marks yet" in listing and "1 [[rules]] table in the config applies" in listing
    found = classified(ics)["Abstimmung Angebot 2027-03-02"]
    assert found["mode"] == "virtual"
    assert found["evidence"][0] == "Ihre Regel in der Konfiguration ([[rules]] #1)"


def test_an_organisation_mark_keeps_its_scope_as_a_config_rule(user):
    """A mark for everyone of an organisation became ``organizer_domain``, which holds only
    for meetings they organise: the user's own call with Karoline lost the correction."""
    ics, config = user
    run("mark", "--organisation", "steiner-recht.example", "--mode", "phone")
    assert classified(ics)["Call Karoline 2027-03-03"]["mode"] == "phone"
    dry = run("mark", "--to-config", "1", "--lang", "en")
    assert '[[rules]]\norganisation = "steiner-recht.example"\nmode = "phone"\n' in dry
    run("mark", "--to-config", "1", "--write")
    rules = tomllib.loads(config.read_text())["rules"]
    assert rules == [{"organisation": "steiner-recht.example", "mode": "phone"}]
    found = classified(ics)["Call Karoline 2027-03-03"]  # organised by the user
    assert found["mode"] == "phone" and "[[rules]] #1" in found["evidence"][0]


@pytest.mark.parametrize(
    "args",
    [
        ("--with", "karoline@steinerrecht.example"),
        ("--title", "Abstimung*"),
        ("--organisation", "steiner-rechts.example"),
    ],
)
def test_a_mark_that_matches_nothing_read_says_so(user, args):
    """A typo in an address, a pattern or a domain was stored without a word."""
    said = run("mark", *args, "--mode", "phone", "--lang", "en")
    assert f"No event read matches it yet: check the spelling of '{args[1]}'." in said
    assert "Undo with: planner mark --undo 1" in said
    right = run("mark", "--title", "Abstimmung*", "--mode", "virtual", "--lang", "en")
    assert "It now decides 3 events read." in right and "No event read" not in right


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "name one thing to mark"),
        (("--title", "x"), "say what is right"),
        (("--with", "otto", "--mode", "phone"), "--with 'otto' is not an e-mail address"),
        (("deadbeef", "--mode", "phone"), "no event with reference 'deadbeef'"),
        (("--undo", "7"), "there is no mark 7 in force"),
        (("--write",), "--write goes with --to-config N"),
    ],
)
def test_mistakes_get_one_clear_line(user, args, message):
    result = CliRunner().invoke(main, ["mark", *args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_series_mark_cannot_become_a_rule(user):
    ics, _config = user
    ref = classified(ics)["Call Karoline 2027-03-03"]["ref"]
    run("mark", ref, "--mode", "virtual")
    result = CliRunner().invoke(main, ["mark", "--to-config", "1", "--lang", "en"])
    assert result.exit_code == 2
    assert "only title, counterpart and organisation marks can become [[rules]]" in result.output


def test_an_unknown_reference_names_the_days_searched_in_the_users_zone():
    """Half past midnight in Berlin is still the day before in UTC (where servers often run):
    the days named are Berlin's, those the events were read over."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from planner.errors import UsageError
    from planner.flows import marks

    now = datetime(2027, 3, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    first, last = marks.window(now)
    with pytest.raises(UsageError) as raised:
        marks.find([], "deadbeef", now)
    assert f"between {first.date()} and {last.date()}" in str(raised.value)
    assert first.date() != first.astimezone(ZoneInfo("UTC")).date()  # the case that matters
