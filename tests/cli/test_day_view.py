"""Issue 28: ``planner agenda`` and ``planner today`` show the whole day: meetings, travel,
stays, blockers and all-day events, each with its kind; ``--meetings`` narrows to meetings.
On the test's own calendar (a train at 06:58, a hotel in Hamburg, a three-day fair, the
dentist, focus time, out of office, a cancelled meeting) and on the real exports in
../shared/fixtures/real (a TripIt trip, an NS train ticket, a two-day Maker Fair)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.cli import realistic
from tests.locations import ROOT

REAL = ROOT.parent / "shared" / "fixtures" / "real" / "ics"


def agenda(config: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(
        main, ["agenda", *args, "--config", str(config), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["agenda"]


def text(config: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--config", str(config)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return realistic.write(tmp_path_factory.mktemp("day"), language="de")


def test_a_day_with_a_train_a_hotel_and_a_fair_shows_all_of_it(config):
    day = agenda(config, "1", "--start", "2026-12-07")
    kinds = {item["title"]: item["kind"] for item in day}
    assert kinds["ICE 583 München Hbf → Hamburg-Altona"] == "train"
    assert kinds["Check-in: Hotel Atlantic Kempinski Hamburg"] == "stay"
    assert kinds["Zahnarzt Dr. Öztürk-Schöneberg"] == "blocker"
    assert kinds[realistic.SHORT_TITLE] == "meeting"
    fair = [item for item in day if item["title"].startswith("transport logistic")]
    assert [(f["kind"], f["all_day"], f["day_of"]) for f in fair] == [("all_day", True, [1, 3])]
    assert not [t for t in kinds if "abgesagt" in t]  # cancelled: not part of the day
    assert day[0]["title"].startswith("transport logistic")  # the all-day entry heads the day
    starts = [item["start"] for item in day if not item["all_day"]]
    assert starts == sorted(starts)


def test_each_entry_shows_its_kind_in_the_text(config):
    shown = text(config, "today", "--start", "2026-12-07")
    lines = shown.splitlines()
    assert lines[0].startswith("Montag, 7. Dezember 2026") or "7. Dezember 2026" in lines[0]
    expected = {
        "06:58–12:59  Zug": "ICE 583",
        "15:00–15:30  Hotel": "Check-in",
        "17:00–17:45  geblockt": "Zahnarzt",
        "09:30–09:45  Videocall": "⚑ Abstimmung",
        "19:00–21:00  vor Ort": "Geschäftsessen",
        "Tag 1 von 3  Ereignis": "transport logistic",
    }
    for head, title in expected.items():
        assert any(head in line and title in line for line in lines), (head, shown)


def test_an_entry_over_several_days_is_on_each(config):
    week = agenda(config, "5", "--start", "2026-12-07")
    fair = [(i["day"], i["day_of"]) for i in week if i["title"].startswith("transport logistic")]
    assert fair == [("2026-12-07", [1, 3]), ("2026-12-08", [2, 3]), ("2026-12-09", [3, 3])]
    kinds = {(i["day"], i["kind"]) for i in week}
    assert ("2026-12-11", "out_of_office") in kinds and ("2026-12-08", "blocker") in kinds
    assert ("2026-12-09", "train") in kinds and ("2026-12-09", "stay") in kinds


def test_meetings_narrows_to_meetings(config):
    everything = agenda(config, "5", "--start", "2026-12-07")
    meetings = agenda(config, "5", "--start", "2026-12-07", "--meetings")
    assert meetings and all(item["meeting"] for item in meetings)
    assert [i["title"] for i in meetings] == [i["title"] for i in everything if i["meeting"]]
    assert len(everything) > len(meetings) + 8
    shown = text(config, "today", "--start", "2026-12-07", "--meetings")
    assert "ICE 583" not in shown and "Abstimmung" in shown


def _real(tmp_path: Path, *names: str, zone: str) -> Path:
    if not REAL.is_dir():
        pytest.skip(f"the real exports are not here ({REAL}); see SOURCES.md there")
    lines = [f'[user]\nemail = "me@example.com"\ntimezone = "{zone}"\nhome = "Phoenix"\n']
    for name in names:
        lines.append(f'[[calendars]]\nname = "{name}"\nprovider = "ics"\npath = "{REAL / name}"\n')
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines), encoding="utf-8")
    return config


def test_real_tripit_trip_day(tmp_path):
    """TripIt: the flight, the rental car, the hotel check-in, the directions and the trip
    itself (an all-day item over three days), each with its kind."""
    config = _real(tmp_path, "node-ical__tripit-location-escaping.ics", zone="America/Los_Angeles")
    day = agenda(config, "1", "--start", "2011-10-11")
    kinds = {item["title"]: item["kind"] for item in day}
    assert kinds["US403 PHX to SFO"] == "flight"
    assert kinds["Pick-up Rental Car: Dollar Rent A Car"] == "car"
    assert [k for t, k in kinds.items() if t.startswith("Check-in: Embassy Suites")] == ["stay"]
    assert [i["day_of"] for i in day if i["all_day"]] == [[1, 3]]
    assert not [i for i in day if i["meeting"]]


def test_real_train_ticket_and_maker_fair(tmp_path):
    config = _real(
        tmp_path,
        "khal__non_dst_error.ics",
        "python-recurring-ical-events__daylight_saving_time.ics",
        zone="Europe/Berlin",
    )
    train = agenda(config, "1", "--start", "2023-02-03")
    assert [(i["title"], i["kind"]) for i in train if i["kind"] == "train"] == [
        ("Trip from Utrecht to Bruxelles Central/Brussel Centraal", "train")
    ]
    fair = agenda(config, "2", "--start", "2018-05-26")
    assert [(i["day"], i["kind"], i["day_of"]) for i in fair if "Maker Fair" in i["title"]] == [
        ("2018-05-26", "all_day", [1, 2]),
        ("2018-05-27", "all_day", [2, 2]),
    ]
