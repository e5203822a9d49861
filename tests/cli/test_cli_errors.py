"""Bad calendar input ends in one clear line and a non-zero status, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from planner.cli import main

GOOD = (
    "BEGIN:VEVENT\r\nUID:good-{n}@test\r\nDTSTAMP:20261201T000000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:2026120{n}T100000\r\nDTEND;TZID=Europe/Berlin:2026120{n}T110000\r\n"
    "SUMMARY:Good {n}\r\nEND:VEVENT\r\n"
)


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


def classify(*args: str) -> object:
    return CliRunner().invoke(
        main,
        [
            "classify",
            *args,
            "--from",
            "2026-12-01",
            "--to",
            "2026-12-31",
            "--timezone",
            "Europe/Berlin",
        ],
    )


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("planner: error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert "Traceback" not in result.output


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.ics"
    assert_one_line_error(classify(str(missing)), str(missing))


def test_file_that_is_not_a_calendar(tmp_path):
    bad = tmp_path / "photo.ics"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(classify(str(bad)), str(bad))


def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.ics"
    locked.write_text(calendar(GOOD.format(n=2)), encoding="utf-8")
    locked.chmod(0)
    try:
        with open(locked, "rb"):
            readable = True  # root can read anything; then this case cannot be shown
    except PermissionError:
        readable = False
    if not readable:
        assert_one_line_error(classify(str(locked)), str(locked))
    locked.chmod(0o600)


def test_one_broken_event_among_good_ones_loads_the_good_ones(tmp_path):
    path = tmp_path / "mixed.ics"
    broken = (
        "BEGIN:VEVENT\r\nUID:broken@test\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:2026-12-03 10:00\r\nSUMMARY:Broken\r\nEND:VEVENT\r\n"
    )
    path.write_text(calendar(GOOD.format(n=2), broken, GOOD.format(n=4)), encoding="utf-8")
    result = classify(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    titles = [e["title"] for e in json.loads(result.stdout)["events"]]
    assert titles == ["Good 2", "Good 4"]
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert f"{path}:11:" in warnings[0]  # file and line of the broken event's DTSTART


def test_unknown_tzid_is_read_in_the_users_zone_with_a_warning(tmp_path):
    path = tmp_path / "tz.ics"
    path.write_text(
        calendar(
            "BEGIN:VEVENT\r\nUID:tz@test\r\nDTSTAMP:20261201T000000Z\r\n"
            "DTSTART;TZID=Atlantis/Lost City:20261203T100000\r\n"
            "DTEND;TZID=Atlantis/Lost City:20261203T110000\r\nSUMMARY:Somewhere\r\nEND:VEVENT\r\n"
        ),
        encoding="utf-8",
    )
    result = classify(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert events[0]["start"] == "2026-12-03T10:00:00+01:00"
    assert "Atlantis/Lost City" in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    missing = tmp_path / "nope.ics"
    result = subprocess.run(
        [sys.executable, "-m", "planner", "classify", str(missing), "--debug"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        "try:\n    main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('googleapiclient', 'google.auth', 'msal', 'caldav', 'icalendar',"
        " 'recurring_ical_events', 'rich', 'babel', 'requests') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Commands" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "HEAVY="


def test_every_command_has_help():
    from planner.cli import COMMANDS

    for name in COMMANDS:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage: " in result.output


def test_a_cut_off_file_is_said_in_planners_words_and_the_parsers_only_with_debug(tmp_path):
    """QA session a, defect 2: the warning quoted icalendar ("Found no components where
    exactly one is required: BEGIN:VEVENT …"); that text is now for --debug only."""
    good = "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261207T090000Z\r\nSUMMARY:Vorher\r\nEND:VEVENT\r\n"
    path = tmp_path / "cut.ics"
    path.write_text(calendar(good)[: -len("END:VCALENDAR\r\n")] + "BEGIN:VEVENT\r\nUID:b\r\n")
    result = classify(str(path))
    assert result.exit_code == 0 and "Vorher" in result.output
    assert f"{path}:9: the file ends inside an event" in result.output
    assert "Found no components" not in result.output
    debug = CliRunner().invoke(main, ["--debug", "classify", str(path), "--from", "2026-12-01"])
    assert "Found no components" in debug.output
