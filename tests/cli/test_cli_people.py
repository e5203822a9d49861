"""``planner people``, ``planner people rhythm``, ``planner trips``, ``planner ledger`` and the
weekly plan's keep-in-touch section, as a new user runs them: a fresh home, the scenario of
:mod:`tests.flows.touch_scenario` placed around the real clock (the trip is next week)."""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime, timedelta

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.flows.touch_scenario import TZ, placed, write_home


@pytest.fixture
def now() -> datetime:
    return datetime.now(TZ)


@pytest.fixture
def scenario(tmp_path, monkeypatch, now):
    config = write_home(tmp_path / "files", now=now)
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    return config


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def months_after(day: date, months: int) -> date:
    """Calendar months, the last day of a shorter month where the day is not in it."""
    year, month = divmod(day.month - 1 + months, 12)
    last = calendar.monthrange(day.year + year, month + 1)[1]
    return date(day.year + year, month + 1, min(day.day, last))


def test_people_lists_the_overdue_first(scenario, now):
    result = run("people", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["people"]
    assert [r["name"] for r in rows][:3] == ["Lena Hansen", "Tom Weber", "Ole Brandt"]
    ole = rows[2]  # met only by video, every 2 months: due one rhythm after the first call
    assert ole["last_in_person"] is None and ole["last_contact"]
    first_call = placed(date(2026, 6, 2), now)  # placed around today, as the calendar is
    assert ole["due"] == months_after(first_call, 2).isoformat()  # first call + 2 months
    assert ole["city"] == "Hamburg" and ole["distance_km"] == 612
    assert "trip to Hamburg" in ole["next_chance"]
    table = run("people")
    assert "Ole Brandt" in table.stdout and "overdue" in table.stdout
    assert "address book file: 3 contacts" in table.stdout


def test_people_overdue_leaves_out_who_is_not(scenario):
    rows = json.loads(run("people", "--overdue", "--format", "json").stdout)["people"]
    assert rows and all(r["overdue_days"] > 0 for r in rows)
    assert "Kim Schäfer" not in {r["name"] for r in rows}  # met yesterday


def test_a_rhythm_set_with_the_command_wins(scenario, now):
    result = run("people", "rhythm", "ole@nordreederei.example", "alle 3 Wochen")
    assert result.exit_code == 0 and "every 3 weeks" in result.stdout
    rows = json.loads(run("people", "--format", "json").stdout)["people"]
    ole = next(r for r in rows if r["name"] == "Ole Brandt")
    assert ole["rhythm"] == "3w" and ole["rhythm_from"] == "planner people rhythm"
    first_call = placed(date(2026, 6, 2), now)
    assert ole["due"] == (first_call + timedelta(weeks=3)).isoformat()  # so did the due day
    assert run("people", "rhythm", "ole@nordreederei.example", "--clear").exit_code == 0
    rows = json.loads(run("people", "--format", "json").stdout)["people"]
    assert next(r for r in rows if r["name"] == "Ole Brandt")["rhythm"] == "2m"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Ole Brandt", "monthly"), "names no person, organisation or tag"),
        (("ole@nordreederei.example", "manchmal"), "is no rhythm"),
        (("ole@nordreederei.example",), "give a RHYTHM, or --clear"),
    ],
)
def test_a_bad_rhythm_command_is_one_line(scenario, args, message):
    result = run("people", "rhythm", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_trips_lists_next_weeks_trip_with_proposals(scenario):
    result = run("trips")
    assert result.exit_code == 0, result.output
    assert "Hamburg" in result.stdout and "base: An der Alster 72" in result.stdout
    assert result.stdout.index("Lena Hansen") < result.stdout.index("Ole Brandt")
    assert "planner invite --to ole@nordreederei.example" in result.stdout
    data = json.loads(run("trips", "--format", "json").stdout)
    (trip,) = data["trips"]
    assert trip["people"][1]["proposal"]["venue"]["name"]
    plain = run("trips", "--no-proposals", "--format", "markdown").stdout
    assert plain.startswith("## Hamburg") and "planner invite" not in plain


def test_the_week_of_the_trip_shows_the_section(scenario):
    result = run("week", "--week", "next")
    assert result.exit_code == 0, result.output
    assert "Keep in touch" in result.stdout and "Ole Brandt" in result.stdout
    again = run("week", "--week", "next")
    assert again.stdout == result.stdout  # the kept output, the same text


def test_a_broken_address_book_is_one_warning_and_the_command_goes_on(scenario):
    text = scenario.read_text().replace("contacts.vcf", "gone.vcf")
    scenario.write_text(text)
    result = run("people", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.count("address book 'file' cannot be read") == 1
    json.loads(result.stdout)  # the output is whole


def test_ledger_export_and_import(scenario, tmp_path):
    exported = tmp_path / "ledger.csv"
    assert run("ledger", "export", "-o", str(exported)).exit_code == 0
    lines = exported.read_text().splitlines()
    assert lines[0] == "uid,start,end,mode,email,name" and len(lines) >= 8
    dry = run("ledger", "import", str(exported))
    assert dry.exit_code == 0 and "already in the ledger from a calendar" in dry.stdout
    assert "dry run" in dry.stderr
    seed = tmp_path / "seed.csv"
    seed.write_text(
        "uid,start,end,mode,email,name\n,2026-01-15T12:00+01:00,,in person,nina@x.example,Nina\n"
    )
    assert "1 new" in run("ledger", "import", str(seed), "--apply").stdout
    assert "0 new" in run("ledger", "import", str(seed), "--apply").stdout
    data = json.loads(run("ledger", "export", "--format", "json").stdout)
    assert any(m["uid"].startswith("import:") for m in data["meetings"])


def test_a_bad_ledger_file_is_refused_with_its_line(scenario, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("uid,start,end,mode,email,name\nx,yesterday,,in_person,a@b.example,A\n")
    result = run("ledger", "import", str(bad), "--apply")
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.stderr and "nothing was imported" in result.stderr


@pytest.mark.slow
def test_auth_outlook_signs_an_address_book_in_and_people_sees_its_contacts(graph, tmp_path):
    """``planner auth outlook`` with an [[addressbooks]] entry (and no Outlook calendar): the
    device code flow asks for Contacts.Read only; then the contacts are people."""
    from tests.flows.touch_scenario import CONTACTS_BOOK

    for contact in CONTACTS_BOOK:
        graph.put_contact(contact)
    keys = ("client_id", "tenant", "graph_url", "authority")
    options = "\n".join(f'{k} = "{v}"' for k, v in graph.source_options().items() if k in keys)
    book = f'[[addressbooks]]\nname = "outlook-contacts"\nprovider = "outlook"\n{options}\n'
    config = write_home(tmp_path / "files", book=book, now=datetime.now(TZ))
    result = CliRunner().invoke(main, ["auth", "outlook", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("outlook-contacts: signed in as megan@contoso.example")
    scope = [r for r in graph.log if r.path.endswith("/devicecode")][-1].body["scope"]
    assert "Contacts.Read" in scope and "Calendars" not in scope
    rows = json.loads(run("people", "--config", str(config), "--format", "json").stdout)
    assert "Maja Kruse" in {r["name"] for r in rows["people"]}  # an investor, from Outlook
    books = {b["name"]: b for b in rows["address_books"]}
    assert books["outlook-contacts"]["contacts"] == 3 and not books["outlook-contacts"]["problem"]


def test_a_new_user_without_rhythms_is_told_how_to_set_one(tmp_path, monkeypatch):
    """No empty table: the first `planner people` says what to do, in the user's language."""
    config = tmp_path / "config.toml"
    config.write_text('[user]\nemail = "me@example.org"\ntimezone = "Europe/Berlin"\n')
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    result = run("people")
    assert result.exit_code == 0, result.output
    assert "planner people rhythm ADDRESS" in result.stdout and "┃" not in result.stdout
    assert "Nobody is known yet" in run("people", "--all").stdout
    assert "Nobody is overdue" in run("people", "--overdue").stdout
    german = run("people", "--lang", "de").stdout
    assert "Noch hat niemand einen Rhythmus" in german and "alle 6 Wochen" in german


def test_next_chances_name_their_day_as_the_tables_do(scenario):
    rows = json.loads(run("people", "--format", "json").stdout)["people"]
    chance = next(r["next_chance"] for r in rows if "trip to Hamburg" in r["next_chance"])
    assert re.search(r"from (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}", chance), chance


@pytest.mark.parametrize("lang", ["en", "de"])
def test_keep_in_touch_lines_name_days_as_the_tables_do(lang):
    """No ISO dates in the weekly plan's section: past days with their year, coming ones short."""
    result = CliRunner().invoke(main, ["week", "--demo", "--lang", lang], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    heading = "Keep in touch" if lang == "en" else "In Kontakt"
    section = result.stdout[result.stdout.index(heading) :]
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", section), section
    assert re.search(r"\b\d{1,2}\.? [A-ZÄÖÜ][a-zäöü]{2,4}\.? 20\d\d\b", section), section


def test_every_printed_invite_command_runs_as_printed(scenario):
    """The command under a proposal is one to copy: it ran into "a new invitation needs
    --title" and then "--venue … is not in the venue catalog" for a trip's hotel or a town
    with no venue known yet (the catalog's venues by --venue, other places by --location)."""
    import shlex

    data = json.loads(run("trips", "--format", "json").stdout)
    commands = [p["command"] for t in data["trips"] for p in t["people"] if p.get("command")]
    week = json.loads(run("week", "--week", "next", "--format", "json").stdout)
    section = week.get("keep_in_touch") or {}
    commands += [p["command"] for p in section.get("people", []) if p.get("command")]
    assert len(commands) >= 3, commands
    assert any("--venue" in c for c in commands) or any("--location" in c for c in commands)
    for command in commands:
        words = shlex.split(command)
        assert words[:2] == ["planner", "invite"] and "--title" in words and "--send" not in words
        result = run(*words[1:])
        assert result.exit_code == 0, (command, result.output)
        to = words[words.index("--to") + 1]
        assert to in result.output and "where:" in result.output
        title = words[words.index("--title") + 1]
        assert f"Invitation: {title}" in result.output


@pytest.mark.parametrize(
    ("who", "known"),
    [
        ("ole@nordreederei.example", True),  # [[people]] of the config
        ("OLE@Nordreederei.example", True),  # any spelling of the address
        ("#Kunden", True),  # a group of the address book
        ("#kunden", True),
        ("spree.example", True),  # an organisation of the address book
        ("ole@nordreedrei.example", False),  # a typo
        ("#Gibtsnicht", False),
        ("nowhere.example", False),
    ],
)
def test_a_rhythm_for_nobody_known_is_kept_and_said(scenario, who, known):
    """A typo in an address stores a rhythm nobody answers to: planner keeps it (they may
    appear later) and says so, in one line, without failing."""
    result = run("people", "rhythm", who, "alle 6 Wochen")
    assert result.exit_code == 0, result.output
    assert "every 6 weeks" in result.stdout
    assert ("nobody known answers to" in result.stderr) is not known, result.stderr


def test_a_rhythm_for_someone_met_only_in_the_calendars_needs_no_note(scenario):
    assert run("people").exit_code == 0  # the calendars read: the contact ledger knows them
    result = run("people", "rhythm", "kim@rhein.example", "monthly")
    assert result.exit_code == 0 and "nobody known" not in result.stderr, result.output


def test_forgetting_what_was_never_set_says_so_and_never_is_no_rhythm(scenario):
    result = run("people", "rhythm", "nobody@x.example", "--clear")
    assert "nothing to forget" in result.stdout and "is forgotten" not in result.stdout
    result = run("--lang", "de", "people", "rhythm", "ole@nordreederei.example", "nie")
    assert "nie fällig" in result.stdout and "persönlich treffen nie" not in result.stdout
    result = run("people", "rhythm", "ole@nordreederei.example", "--clear")
    assert "is forgotten" in result.stdout, result.output


@pytest.mark.parametrize(
    ("typed", "code"),
    [("bi-weekly", "2w"), ("half-yearly", "6m"), ("halb-jährlich", "6m"),
     ("zwei-wöchentlich", "2w"), ("semi-annually", "6m"), ("tous les 2 mois", "2m")],
)  # fmt: skip
def test_hyphenated_rhythms_are_read(typed, code):
    from planner.config.rhythm import parse_rhythm

    assert parse_rhythm(typed).code == code


def test_a_bad_rhythm_is_quoted_as_typed(scenario):
    result = run("people", "rhythm", "ole@nordreederei.example", "bi weekly-ish")
    assert result.exit_code == 2 and "'bi weekly-ish' is no rhythm" in result.stderr
