"""The smaller items of issue 26: each gave exit status 70 (or hung); each is one clear line
now (exit status 2), or a warning, and the run goes on."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.render.ics_feed import feed_calendar, proposals_of
from tests.cli.test_cli_providers import write_config, write_ics
from tests.providers.test_hold_ownership import MEETING

BASE = '[user]\nemail = "anna@example.com"\ntimezone = "Europe/Berlin"\n'


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def one_clear_line(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    errors = [line for line in result.output.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, result.output
    assert "unexpected" not in result.output and "Traceback" not in result.output
    return errors[0]


@pytest.fixture
def config(tmp_path):
    calendar = write_ics(tmp_path / "work.ics", [MEETING])
    return write_config(tmp_path, {"name": "work", "provider": "ics", "path": str(calendar)})


class TestTheStateDatabaseAsItIsFound:
    def test_a_folder_where_the_database_should_be(self, config):
        folder = os.path.join(os.environ["PLANNER_DATA_DIR"], "state.sqlite3")
        os.makedirs(folder)
        line = one_clear_line(run("invites", "--config", str(config)))
        assert "not a file" in line and os.path.isdir(folder)
        assert not [n for n in os.listdir(os.path.dirname(folder)) if "broken" in n]

    def test_a_read_only_database_is_not_moved_aside(self, config, monkeypatch):
        """SQLite opens it read-only (as for a file without write permission; the tests run as
        root, who may write anyway, so the read-only open is asked for directly)."""
        data = os.environ["PLANNER_DATA_DIR"]
        assert run("invites", "--config", str(config)).exit_code == 0
        path = os.path.join(data, "state.sqlite3")
        before = open(path, "rb").read()
        real = sqlite3.connect

        def read_only(database, *args, **kwargs):
            return real(f"file:{database}?mode=ro", *args, uri=True, **kwargs)

        monkeypatch.setattr("planner.store.sqlite3.connect", read_only)
        os.remove(path + "-wal") if os.path.exists(path + "-wal") else None
        invite = ["invite", "--to", "b@example.com", "--title", "x", "--start",
                  "2026-12-20T10:00", "--out", str(config) + ".ics"]  # fmt: skip
        for args in (["week", "--week", "2026-W50"], invite):
            line = one_clear_line(run(*args[:1], "--config", str(config), *args[1:]))
            assert "read-only" in line and "PLANNER_DATA_DIR" in line
        assert open(path, "rb").read() == before
        assert not [n for n in os.listdir(data) if "broken" in n]

    @pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only files")
    def test_a_database_without_write_permission(self, config):
        assert run("invites", "--config", str(config)).exit_code == 0
        path = os.path.join(os.environ["PLANNER_DATA_DIR"], "state.sqlite3")
        os.chmod(path, stat.S_IRUSR)
        try:
            assert "read-only" in one_clear_line(run("invites", "--config", str(config)))
        finally:
            os.chmod(path, 0o600)


class TestConfigAndCommandLine:
    def test_a_section_given_as_a_value(self, tmp_path):
        path = tmp_path / "config.toml"
        path.write_text('user = "me"\n', encoding="utf-8")
        line = one_clear_line(run("week", "--config", str(path)))
        assert "'user' must be a table" in line

    @pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "2200-W10"])
    def test_an_extreme_week(self, config, week):
        line = one_clear_line(run("week", "--config", str(config), "--week", week))
        assert "out of range" in line

    def test_a_date_far_out_for_classify(self, config, tmp_path):
        line = one_clear_line(run("classify", str(tmp_path / "work.ics"), "--from", "0001-01-01"))
        assert "--from" in line and "out of range" in line

    def test_init_where_no_file_can_be(self, tmp_path):
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        line = one_clear_line(
            run("init", "--config", str(blocker / "config.toml"), "--no-input",
                "--name", "A", "--email", "a@example.com", "--timezone", "Europe/Berlin")
        )  # fmt: skip
        assert "cannot" in line and str(blocker) in line


class TestFilesOfOtherPrograms:
    @pytest.mark.parametrize("content", ["[]", '"text"', "[1, 2]", "null"])
    def test_a_google_token_file_that_is_no_object(self, tmp_path, content, google):
        entry = {"name": "google", "provider": "google", "api_url": google.url,
                 "token_uri": google.token_uri}  # fmt: skip
        config = write_config(tmp_path, entry)
        path = google.write_token_for("google")
        path.write_text(content, encoding="utf-8")
        result = run("calendars", "--config", str(config))
        assert result.exit_code != 70 and "unexpected" not in result.output
        assert "token file" in result.output and "planner auth google" in result.output

    def test_an_overpass_answer_with_odd_elements(self, tmp_path):
        data = {"elements": [{"type": "node", "lat": 48.1, "lon": 11.5,
                              "tags": {"amenity": "cafe", "name": "Ohne Id"}},
                             {"type": "way", "nodes": [1, 2], "tags": {"name": "x"}}, 7,
                             {"type": "node", "id": 3, "lat": "north", "lon": 11.5,
                              "tags": {"amenity": "cafe", "name": "Kaputt"}}]}  # fmt: skip
        source = tmp_path / "osm.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        result = run("venues", "import", str(source), str(tmp_path / "venues.csv"))
        assert result.exit_code == 0, result.output
        assert "Ohne Id" in (tmp_path / "venues.csv").read_text(encoding="utf-8")

    @pytest.mark.parametrize("kind", ["fifo", "device"])
    def test_a_calendar_or_config_that_is_no_file(self, tmp_path, kind):
        odd = tmp_path / "odd"
        if kind == "fifo":
            os.mkfifo(odd)
        else:
            try:
                os.mknod(odd, 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # what /dev/zero is
            except PermissionError:
                pytest.skip("creating a device node needs CAP_MKNOD")
        line = one_clear_line(run("week", "--config", str(odd)))
        assert "not a file" in line
        config = tmp_path / "config.toml"
        config.write_text(BASE + f'[[calendars]]\nname = "w"\nprovider = "ics"\npath = "{odd}"\n')
        result = run("week", "--config", str(config), "--week", "2026-W50")
        assert result.exit_code in (1, 3) and "not a file" in result.output
        assert "unexpected" not in result.output


class TestControlCharactersNeverReachTheTerminal:
    def test_a_warning_naming_a_file_with_escape_sequences(self, tmp_path):
        calendar = tmp_path / "work\x1b]0;owned\x07.ics"
        calendar.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
                            "END:VCALENDAR\r\n")  # fmt: skip
        config = tmp_path / "config.toml"
        path = json.dumps(str(calendar))  # TOML reads \u001b as JSON writes it
        config.write_text(BASE + f'[[calendars]]\nname = "w"\nprovider = "ics"\npath = {path}\n')
        result = run("week", "--config", str(config), "--week", "2026-W50")
        assert "warning" in result.output and "\x1b" not in result.output
        assert "\x07" not in result.output and "␛" in result.output

    def test_the_feed_on_standard_output(self):
        from dataclasses import replace
        from datetime import date

        from planner import api
        from planner.store import Store

        with api.demo_session(date(2026, 12, 7)) as (config, first_day):
            plan = api.plan_week(config, first_day, now=api.demo_now(config, first_day),
                                 store=Store(":memory:"))  # fmt: skip
        items = [replace(i, event=replace(i.event, title=i.event.title + "\x1b[2J\x07"))
                 for i in plan.items]  # fmt: skip
        text = feed_calendar(replace(plan, items=tuple(items))).to_ical()
        assert list(proposals_of(plan)) and b"\x1b" not in text and b"\x07" not in text
