"""``planner week``, ``calendars`` and ``invite --hold`` through the real CLI with mixed sources.

Google and Outlook are local fake servers that speak the documented wire formats and are reached
through the real client libraries (google-api-python-client, msal + requests); CalDAV is a real
Radicale; .ics files are files. This proves the acceptance points of issues 6, 7 and 8 at the
level a user sees: the JSON of ``planner week --week 2026-W50``, the exit status and stderr.
Sign-in and expired grants are in tests/cli/test_cli_auth.py.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.model import Attendee, Event
from tests.fakes.google_server import OWNER, FakeGoogle
from tests.fakes.graph_server import (
    config_entry,
    sign_in,
)
from tests.providers.radicale_server import RadicaleServer, radicale_server

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
WEEK = "2026-W50"  # Monday 2026-12-07
ME = "user@planner.test"
CLIENT = "kunde@acme.example"
_ids = itertools.count()


# -- events, files and configs -------------------------------------------------------------------
def meeting(
    uid: str,
    title: str,
    day: int,
    hour: int,
    *,
    minutes: int = 60,
    location: str = "",
    description: str = "",
    links: tuple[str, ...] = (),
    other: str = CLIENT,
) -> Event:
    """A meeting of the user with ``other`` on December ``day``, 2026 (week 2026-W50)."""
    start = datetime(2026, 12, day, hour, tzinfo=TZ)
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        location=location,
        description=description,
        conference_links=links,
        organizer=Attendee(ME, "Uta User"),
        attendees=(Attendee(ME, "Uta User"), Attendee(other)),
    )


VISIT = meeting(
    "visit@acme.example",
    "Kundenbesuch Acme",
    8,
    10,
    location="Acme GmbH, Leopoldstraße 10, 80802 München",
)
VIDEO = meeting(
    "video@acme.example",
    "Erstgespräch Nordwind",
    9,
    14,
    description="Join with Google Meet: https://meet.google.com/abc-defg-hij",
    other="ceo@nordwind.example",
)
CALL = meeting(
    "call@acme.example",
    "Telefonat Steuerberater",
    10,
    9,
    minutes=30,
    description="Ich rufe an: tel:+49-89-1234567",
    other="huber@stb.example",
)
TEAMS = meeting(
    "teams@contoso.example",
    "Abstimmung Lieferplan",
    11,
    11,
    links=("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc",),
    other="lieferant@contoso.example",
)
REVIEW = meeting(  # in Outlook and in Google: one meeting, two calendars
    "040000008200E00074C5B7101A82E0080000000000000000000000000000000000000000000000000000",
    "Quartalsgespräch Acme",
    7,
    15,
    location="Acme GmbH, Leopoldstraße 10, 80802 München",
    other="cfo@acme.example",
)


def write_ics(path: Path, events: list[Event]) -> Path:
    """One .ics file holding ``events``, as a calendar app would export it."""
    import icalendar

    from planner.ical.writing import event_to_vevent

    cal = icalendar.Calendar()
    cal.add("PRODID", "-//planner tests//EN")
    cal.add("VERSION", "2.0")
    for event in events:
        cal.add_component(event_to_vevent(event))
    cal.add_missing_timezones()
    path.write_bytes(cal.to_ical())
    return path


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value))  # a JSON string is a valid TOML basic string


def write_config(directory: Path, *entries: dict[str, Any]) -> Path:
    """A config.toml with the user's identity, working hours and ``entries`` as calendars."""
    lines = [
        "[user]",
        'name = "Uta User"',
        f'email = "{ME}"',
        'timezone = "Europe/Berlin"',
        'domains = ["planner.test"]',
        'home = "München"',  # as planner init writes it: proposals are made near it
        "[working_hours]",
        *(f'{day} = "09:00-18:00"' for day in ("monday", "tuesday", "wednesday", "thursday")),
        'friday = "09:00-16:00"',
    ]
    for entry in entries:
        lines += ["", "[[calendars]]", *(f"{k} = {_toml(v)}" for k, v in entry.items())]
    path = directory / f"config-{next(_ids)}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ics_entry(path: Path, name: str = "paper") -> dict[str, Any]:
    return {"name": name, "provider": "ics", "path": str(path)}


def google_entry(fake: FakeGoogle, name: str = "google", **options: Any) -> dict[str, Any]:
    return {
        "name": name,
        "provider": "google",
        "api_url": fake.url,
        "token_uri": fake.token_uri,
        **options,
    }


def caldav_entry(server: RadicaleServer, name: str, calendar: str, **options: Any) -> dict:
    options = server.provider_options(calendars=[calendar], **options)
    return {"name": name, "provider": "caldav", **options}


# -- running the CLI ----------------------------------------------------------------------------
def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def week_json(config: Path) -> dict[str, Any]:
    result = run("week", "--config", str(config), "--week", WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rows(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Title → (mode, calendar) of every event of the plan; a title twice would fail."""
    titles = [e["title"] for e in data["events"]]
    assert len(titles) == len(set(titles)), titles
    return {e["title"]: (e["mode"], e["calendar"]) for e in data["events"]}


def assert_stats_add_up(data: dict[str, Any], meetings: int) -> None:
    stats = data["stats"]
    assert stats["meetings"] == meetings
    assert sum(m["meetings"] for m in stats["by_mode"].values()) == meetings
    hours = sum(m["hours"] for m in stats["by_mode"].values())
    assert abs(hours - stats["hours"]) < 0.02


def event_requests(fake: FakeGoogle) -> list[Any]:
    return [r for r in fake.requests if r.kind == "events.list"]


# -- servers ------------------------------------------------------------------------------------
# `google` (a FakeGoogle) and `graph` (a fake Graph with msal on loopback): tests/conftest.py


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture
def dav(radicale: RadicaleServer, monkeypatch: pytest.MonkeyPatch) -> RadicaleServer:
    monkeypatch.setenv(radicale.password_env, radicale.password)
    return radicale


def dav_calendar(server: RadicaleServer, events: list[Event]) -> tuple[str, Any]:
    """A fresh calendar on the shared Radicale (unique name) holding ``events``."""
    from planner.ical.writing import event_to_ics

    name = f"Work {next(_ids)}"
    calendar = server.make_calendar(name, cal_id=f"work{next(_ids)}")
    for event in events:
        server.put(calendar, f"{event.uid}.ics", event_to_ics(event))
    return name, calendar


# -- issue 6: Google next to an .ics file -------------------------------------------------------
def test_week_mixes_a_google_calendar_and_an_ics_file(google, tmp_path):
    google.seed("primary", [VISIT, VIDEO])
    google.write_token_for("google")
    paper = write_ics(tmp_path / "paper.ics", [CALL])
    config = write_config(tmp_path, google_entry(google), ics_entry(paper))
    data = week_json(config)
    assert rows(data) == {
        "Kundenbesuch Acme": ("in_person", "google"),
        "Erstgespräch Nordwind": ("virtual", "google"),
        "Telefonat Steuerberater": ("phone", "paper"),
    }
    assert_stats_add_up(data, 3)
    assert data["stats"]["by_mode"]["in_person"]["meetings"] == 1
    assert data["stats"]["by_mode"]["phone"]["hours"] == 0.5
    assert event_requests(google)  # really read from the server, not from somewhere else


@pytest.mark.parametrize("layout", ["one entry with three calendars", "three entries"])
def test_second_week_over_three_unchanged_google_calendars_costs_three_requests(
    google, tmp_path, layout
):
    ids = [OWNER, "team@group.calendar.google.com", "family@group.calendar.google.com"]
    for n, calendar_id in enumerate(ids):
        pair = [
            meeting(f"{x}{n}@t", f"Termin {x}{n}", 7 + n, h, other=f"{x}{n}@x.de")
            for x, h in (("a", 9), ("b", 13))
        ]
        google.seed(calendar_id, pair)
    google.page_sizes = [1]  # the first run pages: two requests per calendar
    if layout == "three entries":
        entries = [google_entry(google, f"g{n}", calendars=[c]) for n, c in enumerate(ids)]
    else:
        entries = [google_entry(google, "g0", calendars=ids)]
    for entry in entries:
        google.write_token_for(entry["name"])
    config = write_config(tmp_path, *entries)

    first = week_json(config)
    after_first = len(event_requests(google))
    assert after_first == 6
    second = week_json(config)
    again = event_requests(google)[after_first:]
    assert len(again) == 3
    assert all("syncToken" in r.query and "timeMin" not in r.query for r in again)
    assert len({r.path for r in again}) == 3  # one per calendar
    assert {r.path for r in again} == {r.path for r in event_requests(google)[:after_first]}
    assert rows(second) == rows(first)
    assert len(rows(second)) == 6
    assert_stats_add_up(second, 6)


def test_a_change_reaches_the_second_week_through_the_sync_token(google, tmp_path):
    google.seed("primary", [VISIT])
    google.write_token_for("google")
    config = write_config(tmp_path, google_entry(google))
    assert set(rows(week_json(config))) == {"Kundenbesuch Acme"}
    google.seed("primary", [VIDEO])
    data = week_json(config)
    assert set(rows(data)) == {"Kundenbesuch Acme", "Erstgespräch Nordwind"}
    assert "syncToken" in event_requests(google)[-1].query


# -- issue 7: Outlook, Google and an .ics file; one meeting in two of them ----------------------
@pytest.mark.parametrize("first", ["outlook", "google"])
def test_week_mixes_outlook_google_and_ics_and_counts_a_shared_meeting_once(
    google, graph, tmp_path, first
):
    graph.seed([REVIEW, TEAMS])
    sign_in(graph, "outlook")
    google.seed("primary", [REVIEW, VIDEO])
    google.write_token_for("google")
    paper = write_ics(tmp_path / "paper.ics", [CALL])
    remote = [config_entry(graph, "outlook"), google_entry(google)]
    if first == "google":
        remote.reverse()
    config = write_config(tmp_path, *remote, ics_entry(paper))

    data = week_json(config)
    assert rows(data) == {
        "Quartalsgespräch Acme": ("in_person", first),  # both had it; the first calendar wins
        "Abstimmung Lieferplan": ("virtual", "outlook"),
        "Erstgespräch Nordwind": ("virtual", "google"),
        "Telefonat Steuerberater": ("phone", "paper"),
    }
    assert [e["uid"] for e in data["events"]].count(REVIEW.uid) == 1
    assert_stats_add_up(data, 4)
    by_mode = data["stats"]["by_mode"]
    assert (by_mode["in_person"]["meetings"], by_mode["in_person"]["hours"]) == (1, 1.0)
    assert by_mode["virtual"]["meetings"] == 2 and by_mode["phone"]["meetings"] == 1
    assert graph.requests_to("calendarView/delta") and event_requests(google)


# -- issue 8: CalDAV next to an .ics file -------------------------------------------------------
def test_week_with_a_caldav_calendar_next_to_an_ics_file(dav, tmp_path):
    name, _calendar = dav_calendar(dav, [VISIT, TEAMS])
    paper = write_ics(tmp_path / "paper.ics", [CALL, VISIT])  # the visit also exported to a file
    config = write_config(tmp_path, caldav_entry(dav, "dav", name), ics_entry(paper))
    data = week_json(config)
    assert rows(data) == {  # every provider names the config entry
        "Kundenbesuch Acme": ("in_person", "dav"),
        "Abstimmung Lieferplan": ("virtual", "dav"),
        "Telefonat Steuerberater": ("phone", "paper"),
    }
    assert_stats_add_up(data, 3)


# -- planner calendars --------------------------------------------------------------------------
def test_calendars_lists_every_kind_of_source_and_one_failing_sources_error(
    google, graph, dav, tmp_path
):
    google.add_calendar("team@group.calendar.google.com", "Team", access_role="reader")
    google.write_token_for("google")
    sign_in(graph, "outlook")
    name, _calendar = dav_calendar(dav, [VISIT])
    paper = write_ics(tmp_path / "paper.ics", [CALL])
    config = write_config(
        tmp_path,
        ics_entry(paper),
        google_entry(google),
        google_entry(google, "unsigned"),  # no token: fails, the others are still listed
        config_entry(graph, "outlook"),
        caldav_entry(dav, "dav", name),
    )
    result = run("calendars", "--config", str(config))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    out = result.stdout.splitlines()
    heads = [line.split(":")[0] for line in out if not line.startswith(" ")]
    assert heads == ["paper", "google", "unsigned", "outlook", "dav"]
    block = {head: _block(out, head) for head in heads}
    assert block["paper"] == ["  paper  paper"]
    assert block["google"][0].startswith(f"  {OWNER}  Planner Test  (primary")
    assert block["google"][1] == "  team@group.calendar.google.com  Team"
    assert block["outlook"] == ["  cal-default  Calendar  (primary)"]
    assert any(name in line and "(writable)" in line for line in block["dav"])
    [error] = [line for line in out if line.startswith("unsigned:")]
    assert "not signed in" in error and "planner auth google" in error


def _block(lines: list[str], head: str) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.split(":")[0] == head) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start:end]


# -- planner invite --hold ----------------------------------------------------------------------
INVITE = ("--to", CLIENT, "--title", "Lunch mit Acme", "--start", "2026-12-08T12:30")


def hold_twice(config: Path, *hold: str) -> list[Result]:
    results = [run("invite", "--config", str(config), *INVITE, "--hold", *hold) for _ in "12"]
    for result in results:
        assert result.exit_code == 0, result.output
        assert "hold written to your calendar" in result.stderr
    return results


def test_hold_into_google_twice_leaves_one_event(google, tmp_path):
    google.write_token_for("google", write=True)
    paper = write_ics(tmp_path / "paper.ics", [CALL])
    config = write_config(tmp_path, ics_entry(paper), google_entry(google, write=True))
    hold_twice(config)  # no name: the first calendar that can be written, past the .ics file
    items = list(google.calendar("primary").items.values())
    assert [i["summary"] for i in items] == ["Lunch mit Acme"]
    assert google.inserts == [] and len(google.imports) == 1  # events.import, by iCalUID
    assert google.count("events.patch") == 1  # the second one changes the first
    assert all("id" not in body for body in google.imports)
    data = week_json(config)
    assert rows(data)["Lunch mit Acme"][1] == "google"


def test_hold_into_outlook_twice_leaves_one_event(graph, tmp_path):
    sign_in(graph, "outlook", write=True)
    config = write_config(tmp_path, config_entry(graph, "outlook", write=True))
    hold_twice(config, "outlook")
    assert [e["subject"] for e in graph.all_events()] == ["Lunch mit Acme"]
    assert len(graph.requests_to("/events", "POST")) == 1  # the second one changes the first
    assert len(graph.requests_to("/events/", "PATCH")) == 1
    assert rows(week_json(config))["Lunch mit Acme"][1] == "outlook"


def test_hold_into_caldav_twice_leaves_one_event(dav, tmp_path):
    name, calendar = dav_calendar(dav, [])
    config = write_config(tmp_path, caldav_entry(dav, "dav", name))
    hold_twice(config, "dav")
    assert [e.icalendar_component["SUMMARY"] for e in calendar.events()] == ["Lunch mit Acme"]
    assert rows(week_json(config))["Lunch mit Acme"][1] == "dav"


def test_hold_skips_a_read_only_outlook_calendar(google, graph, tmp_path):
    sign_in(graph, "outlook")  # Calendars.Read only
    google.write_token_for("google", write=True)
    config = write_config(
        tmp_path, config_entry(graph, "outlook", write=False), google_entry(google, write=True)
    )
    hold_twice(config)
    assert graph.requests_to("/events", "POST") == []
    assert [i["summary"] for i in google.calendar("primary").items.values()] == ["Lunch mit Acme"]


def test_hold_into_a_named_read_only_calendar_is_one_clear_line(google, tmp_path, monkeypatch):
    from planner.cli import common

    # the day before INVITE's lunch: a start in the past would add a note above the echo
    before = datetime(2026, 12, 7, 9, tzinfo=TZ)
    monkeypatch.setattr(common, "now_in", lambda tz: before.astimezone(tz))
    google.write_token_for("google")
    config = write_config(tmp_path, google_entry(google))
    result = run("invite", "--config", str(config), *INVITE, "--hold", "google")
    assert result.exit_code != 0
    *echo, line = result.stderr.strip().splitlines()  # who, when, where, what; the error
    assert len(echo) == 5 and line.startswith("planner: error: ")
    assert "'google' is read-only" in line
    assert "write = true" in line
    assert google.inserts == []
