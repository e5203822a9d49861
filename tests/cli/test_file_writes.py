"""Every file-writing command writes only where it should (issue 26).

For each command that writes a file (``week -o``, ``classify -o``, ``contacts -o``, ``sync
-o``, ``feed --out``, ``invite --out``, ``venues import``, ``init``), pointed at a symlink, a
FIFO, a device node and a folder: one clear line, exit status 2, nothing written, and the
thing pointed at is still what it was (a link still a link to an unchanged file; a FIFO never
blocks the command). A new file is 0644 under umask 000 and 0600 under umask 077, complete or
absent. No output is written over what planner reads: the config, a configured calendar, the
state database. ``feed --out FOLDER`` removes only the files the feed wrote.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.cli.test_cli_providers import google_entry, write_config, write_ics
from tests.providers.test_hold_ownership import MEETING

WEEK = "2026-W50"
OVERPASS = {"elements": [{"type": "node", "id": 1, "lat": 48.14, "lon": 11.57,
                          "tags": {"amenity": "cafe", "name": "Café Eins"}}]}  # fmt: skip


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


class Setup:
    """The inputs the commands need, in one temporary folder."""

    def __init__(self, tmp_path: Path, request: pytest.FixtureRequest) -> None:
        self.tmp_path = tmp_path
        self.request = request
        self.calendar = write_ics(tmp_path / "work.ics", [MEETING])
        self.config = write_config(tmp_path, {"name": "work", "provider": "ics",
                                              "path": str(self.calendar)})  # fmt: skip
        self.overpass = tmp_path / "cafes.json"
        self.overpass.write_text(json.dumps(OVERPASS), encoding="utf-8")

    def sync_config(self) -> Path:
        google = self.request.getfixturevalue("google")
        google.write_token_for("google", write=True)
        path = write_config(
            self.tmp_path,
            {"name": "work", "provider": "ics", "path": str(self.calendar)},
            google_entry(google, write=True),
        )
        with path.open("a", encoding="utf-8") as handle:
            handle.write('\n[[sync]]\nfrom = ["work"]\nto = "google"\n')
        return path


def _week(s: Setup, out: Path) -> list[str]:
    return ["week", "--demo", "--week", WEEK, "-o", str(out)]


def _classify(s: Setup, out: Path) -> list[str]:
    return ["classify", str(s.calendar), "-o", str(out)]


def _contacts(s: Setup, out: Path) -> list[str]:
    return ["contacts", "--demo", "-o", str(out)]


def _sync(s: Setup, out: Path) -> list[str]:
    return ["sync", "--config", str(s.sync_config()), "-o", str(out)]


def _feed(s: Setup, out: Path) -> list[str]:
    return ["feed", "--demo", "--week", WEEK, "--out", str(out)]


def _invite(s: Setup, out: Path) -> list[str]:
    return ["invite", "--config", str(s.config), "--to", "cfo@acme.example", "--title",
            "Lunch", "--start", "2026-12-08T12:30", "--out", str(out)]  # fmt: skip


def _venues(s: Setup, out: Path) -> list[str]:
    return ["venues", "import", str(s.overpass), str(out)]


def _init(s: Setup, out: Path) -> list[str]:
    return ["init", "--config", str(out), "--no-input", "--force", "--name", "Uta",
            "--email", "uta@example.com", "--timezone", "Europe/Berlin"]  # fmt: skip


COMMANDS: dict[str, tuple[Callable[[Setup, Path], list[str]], str]] = {
    "week": (_week, "plan.md"),
    "classify": (_classify, "events.txt"),
    "contacts": (_contacts, "contacts.txt"),
    "sync": (_sync, "sync.txt"),
    "feed": (_feed, "feed.ics"),
    "invite": (_invite, "lunch.ics"),
    "venues import": (_venues, "cafes.csv"),
    "init": (_init, "config.toml"),
}


def _device(path: Path) -> None:
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")


@pytest.fixture
def setup(tmp_path, request) -> Setup:
    return Setup(tmp_path, request)


class TestNoCommandWritesThroughOrOverWhatIsNotAFile:
    @pytest.mark.parametrize("kind", ["symlink", "fifo", "device", "folder"])
    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_refused_with_one_line_and_left_as_it_was(self, setup, command, kind):
        build, name = COMMANDS[command]
        out = setup.tmp_path / "out" / name
        out.parent.mkdir()
        victim = setup.tmp_path / "elsewhere.txt"
        victim.write_text("the user's own file\n", encoding="utf-8")
        if kind == "symlink":
            out.symlink_to(victim)
        elif kind == "fifo":
            os.mkfifo(out)
        elif kind == "device":
            _device(out)
        else:
            out.mkdir()
        if command == "feed" and kind == "folder":
            pytest.skip("a folder is where feed --out writes one file per proposal")
        result = _run(*build(setup, out))
        assert result.exit_code == 2, result.output
        errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
        assert len(errors) == 1 and str(out) in errors[0], result.stderr
        assert "Traceback" not in result.output
        mode = os.lstat(out).st_mode
        expected = {"symlink": stat.S_ISLNK, "fifo": stat.S_ISFIFO, "device": stat.S_ISCHR,
                    "folder": stat.S_ISDIR}[kind]  # fmt: skip
        assert expected(mode)
        assert victim.read_text(encoding="utf-8") == "the user's own file\n"
        assert [p.name for p in out.parent.iterdir()] == [name]  # no temporary file left


class TestNewFilesHaveSaneModes:
    @pytest.mark.parametrize(("umask", "mode"), [(0o000, 0o644), (0o022, 0o644), (0o077, 0o600)])
    @pytest.mark.parametrize("command", list(COMMANDS))
    def test_mode_under_any_umask(self, setup, command, umask, mode):
        build, name = COMMANDS[command]
        out = setup.tmp_path / name
        before = os.umask(umask)
        try:
            result = _run(*build(setup, out))
        finally:
            os.umask(before)
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(out.stat().st_mode) == mode
        if command == "init":
            return
        out.chmod(0o640)  # a file replaced keeps the mode the user gave it
        assert _run(*build(setup, out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640


class TestNothingPlannerReadsIsWrittenOver:
    @pytest.mark.parametrize("command", ["feed", "week"])
    def test_the_configured_calendar_and_the_config_stay(self, setup, command):
        for target in (setup.calendar, setup.config):
            before = target.read_bytes()
            flag = "--out" if command == "feed" else "-o"
            result = _run(command, "--config", str(setup.config), "--week", WEEK, flag, str(target))
            assert result.exit_code == 2, result.output
            assert "which planner reads; it is not written over" in result.stderr
            assert target.read_bytes() == before

    def test_a_folder_calendar_is_not_a_feed_folder(self, tmp_path):
        folder = tmp_path / "cals"
        folder.mkdir()
        write_ics(folder / "work.ics", [MEETING])
        config = write_config(tmp_path, {"name": "work", "provider": "ics", "path": str(folder)})
        result = _run("feed", "--config", str(config), "--week", WEEK, "--out", str(folder))
        assert result.exit_code == 2 and "calendar 'work'" in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["work.ics"]

    def test_classify_does_not_write_over_its_own_input(self, setup):
        before = setup.calendar.read_bytes()
        result = _run("classify", str(setup.calendar), "-o", str(setup.calendar))
        assert result.exit_code == 2 and "an input of this command" in result.stderr
        assert setup.calendar.read_bytes() == before


class TestTheFeedFolderRemovesOnlyItsOwnFiles:
    def test_a_users_file_that_mentions_the_marker_stays(self, tmp_path):
        folder = tmp_path / "feed"
        folder.mkdir()
        mine = folder / "notes.ics"
        text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nBEGIN:VEVENT\r\n"
                "UID:mine@example.com\r\nDTSTART:20261208T100000Z\r\n"
                "SUMMARY:About X-PLANNER-FEED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")  # fmt: skip
        mine.write_bytes(text.encode())
        assert _run("feed", "--demo", "--week", WEEK, "--out", str(folder)).exit_code == 0
        written = sorted(p.name for p in folder.iterdir() if p != mine)
        assert written and mine.read_bytes() == text.encode()
        assert _run("feed", "--demo", "--week", "2026-W51", "--out", str(folder)).exit_code == 0
        assert mine.read_bytes() == text.encode()  # the stale ones went, not this one
        assert not set(written) & {p.name for p in folder.iterdir()}

    def test_a_symlink_under_a_feed_file_name_stops_the_feed(self, tmp_path):
        folder = tmp_path / "feed"
        folder.mkdir()
        assert _run("feed", "--demo", "--week", WEEK, "--out", str(folder)).exit_code == 0
        first = sorted(folder.iterdir())[0]
        victim = tmp_path / "victim.txt"
        victim.write_text("keep", encoding="utf-8")
        first.unlink()
        first.symlink_to(victim)
        result = _run("feed", "--demo", "--week", WEEK, "--out", str(folder))
        assert result.exit_code == 2 and "did not write" in result.stderr
        assert first.is_symlink() and victim.read_text(encoding="utf-8") == "keep"
