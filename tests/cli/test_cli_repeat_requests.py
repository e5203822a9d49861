"""Issue 17: what a repeat run costs, counted in the fakes' request logs.

``planner contacts``, ``propose`` and ``week`` over unchanged Outlook and Google calendars: one
request per calendar (a sync-token ``events.list`` for Google, one ``calendarView/delta`` for
Outlook) plus at most one free/busy request per service, whatever command ran before. Free/busy
is asked once per service for all counterparts; unknown (external) addresses are one line.

The CLI reads the real clock, so the meetings lie in the week after next and the commands name
that week: the counts do not depend on the date.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.model import Attendee, Event
from tests.cli.test_cli_providers import ME, google_entry, write_config
from tests.fakes.graph_server import config_entry, sign_in

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
TEAM = "team@group.calendar.google.com"
COUNTERPARTS = [f"ceo{n}@firm{n}.example" for n in range(10)]


def target_monday() -> date:
    today = datetime.now(TZ).date()
    return today - timedelta(days=today.weekday()) + timedelta(days=14)


def iso_week(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def first_contact(n: int, day: date, hour: int, other: str) -> Event:
    """A video first contact with an external person: the planner proposes to meet instead."""
    start = datetime.combine(day, time(hour), TZ)
    return Event(
        uid=f"first-{n}@planner.test",
        title=f"Erstgespräch {n}",
        start=start,
        end=start + timedelta(minutes=30),
        description="Join with Google Meet: https://meet.google.com/abc-defg-hij",
        organizer=Attendee(ME, "Uta User"),
        attendees=(Attendee(ME, "Uta User"), Attendee(other)),
    )


def seed(google: Any, graph: Any, monday: date) -> None:
    google.add_calendar(TEAM, "Team")
    half = len(COUNTERPARTS) // 2
    for n, other in enumerate(COUNTERPARTS):
        event = first_contact(n, monday + timedelta(days=n % 5), 9 + n // 5 * 4, other)
        if n < half:
            google.seed("primary" if n % 2 else TEAM, [event])
        else:
            graph.seed([event])
    graph.add_calendar("Projects", "cal-projects")
    graph.seed([first_contact(99, monday + timedelta(days=1), 16, COUNTERPARTS[0])], "cal-projects")
    for other in COUNTERPARTS[:2]:  # two colleagues Graph and Google can tell about
        start = datetime.combine(monday + timedelta(days=2), time(10), TZ)
        google.busy[other] = [(start, start + timedelta(hours=2))]
    google.free_busy_errors.update({o: "notFound" for o in COUNTERPARTS[2:]})


def setup(google: Any, graph: Any, tmp_path: Path, **free_busy: int) -> Path:
    seed(google, graph, target_monday())
    google.write_token_for("google")
    sign_in(graph, "outlook")
    config = write_config(
        tmp_path,
        google_entry(google, calendars=["primary", TEAM]),
        config_entry(graph, "outlook", calendars=["Calendar", "Projects"]),
    )
    if free_busy:
        extra = "\n[free_busy]\n" + "".join(f"{k} = {v}\n" for k, v in free_busy.items())
        config.write_text(config.read_text() + extra)
    return config


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def week(config: Path, *more: str) -> Result:
    return run("week", "--config", str(config), "--week", iso_week(target_monday()), *more)


def contacts(config: Path) -> Result:
    return run("contacts", "--config", str(config))


def propose(config: Path) -> Result:
    monday = iso_week(target_monday())
    return run("propose", "--config", str(config), "--with", COUNTERPARTS[0], "--week", monday)


class Counts:
    """Requests the two fakes saw since the last :meth:`take`."""

    def __init__(self, google: Any, graph: Any) -> None:
        self.google, self.graph = google, graph
        self.g_seen, self.m_seen = 0, 0

    def take(self) -> dict[str, int]:
        g, m = self.google.requests[self.g_seen :], self.graph.log[self.m_seen :]
        self.g_seen, self.m_seen = len(self.google.requests), len(self.graph.log)
        return {
            "google events": sum(r.kind == "events.list" for r in g),
            "google sync-token": sum(r.kind == "events.list" and "syncToken" in r.query for r in g),
            "google freebusy": sum(r.kind == "freebusy" for r in g),
            "google other": sum(r.kind not in ("events.list", "freebusy") for r in g),
            "outlook delta": sum("calendarView/delta" in r.path for r in m),
            "outlook deltatoken": sum("$deltatoken" in r.query for r in m),
            "outlook getSchedule": sum(r.path.endswith("getSchedule") for r in m),
            "outlook other": sum(
                "calendarView/delta" not in r.path and not r.path.endswith("getSchedule") for r in m
            ),
        }


REPEAT = {  # two Google calendars and two Outlook calendars, nothing else
    "google events": 2,
    "google sync-token": 2,
    "google other": 0,
    "outlook delta": 2,
    "outlook deltatoken": 2,
    "outlook other": 0,  # no calendar look-up, no authority, no token request
}


def assert_repeat(counts: dict[str, int], free_busy_at_most: int = 1) -> None:
    assert {k: counts[k] for k in REPEAT} == REPEAT, counts
    assert counts["google freebusy"] <= free_busy_at_most, counts
    assert counts["outlook getSchedule"] <= free_busy_at_most, counts


@pytest.mark.parametrize(
    "order",
    [("week", "contacts", "propose"), ("contacts", "propose", "week"), ("propose", "week")],
)
def test_repeat_commands_cost_one_request_per_calendar(google, graph, tmp_path, order):
    config = setup(google, graph, tmp_path)
    counts = Counts(google, graph)
    commands = {"week": week, "contacts": contacts, "propose": propose}
    for name in order:  # the first round of each command: windows differ, rounds widen
        commands[name](config)
    print("first rounds", counts.take())
    for name in order * 2:
        commands[name](config)
        took = counts.take()
        print("repeat", name, took)
        assert_repeat(took, free_busy_at_most=0)  # free/busy from the state database


def test_a_run_asks_free_busy_once_per_service_for_all_counterparts(google, graph, tmp_path):
    config = setup(google, graph, tmp_path, cache_minutes=0)  # no cache: every run asks
    counts = Counts(google, graph)
    first = week(config, "--format", "json")
    plan = json.loads(first.stdout)
    proposed = [e for e in plan["events"] if e.get("proposals")]
    assert len(proposed) >= 8  # most first contacts got proposals: free/busy was needed
    took = counts.take()
    assert took["google freebusy"] == 1 and took["outlook getSchedule"] == 1
    asked = google.requests[-1] if google.requests[-1].kind == "freebusy" else None
    bodies = [r.body for r in google.requests if r.kind == "freebusy"]
    assert {i["id"] for i in bodies[0]["items"]} >= set(COUNTERPARTS) - {ME}
    assert asked is not None or bodies
    schedules = graph.requests_to("getSchedule")[0].body["schedules"]
    assert set(schedules) >= set(COUNTERPARTS)
    again = week(config, "--format", "json")
    assert_repeat(counts.take(), free_busy_at_most=1)
    assert json.loads(again.stdout)["events"] == plan["events"]


def test_unknown_addresses_are_one_line_and_verbose_names_them(google, graph, tmp_path):
    config = setup(google, graph, tmp_path)
    quiet = week(config)
    lines = [line for line in quiet.stderr.splitlines() if "free/busy" in line]
    assert len(lines) == 1, quiet.stderr
    assert "8 addresses" in lines[0] and "--verbose" in lines[0]
    assert not any(other in quiet.stderr for other in COUNTERPARTS)
    loud = week(config, "--verbose")
    named = [line for line in loud.stderr.splitlines() if "free/busy unknown:" in line]
    assert len(named) == 1 and all(o in named[0] for o in COUNTERPARTS[2:])
    assert COUNTERPARTS[0] not in named[0]


def test_week_runs_offline_from_the_sign_in_service_with_a_valid_token(google, graph, tmp_path):
    """msal is not even built while the cached token is valid: with the sign-in service out of
    reach (nothing listens on its port) ``planner week`` still reads Outlook."""
    seed(google, graph, target_monday())
    sign_in(graph, "outlook")
    entry = config_entry(graph, "outlook", authority="https://127.0.0.1:9")
    config = write_config(tmp_path, entry)
    before = len(graph.log)
    data = json.loads(week(config, "--format", "json").stdout)
    assert len([e for e in data["events"] if e["calendar"] == "outlook"]) == 5
    assert all(r.path.startswith("/v1.0/") for r in graph.log[before:])
