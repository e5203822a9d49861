"""A bad value stored once never breaks a later command (issue 26).

A COUNTER proposing 9999-12-31T23:00Z, or one without DTSTART, was stored, and from then on
every ``planner week`` and ``planner invites`` exited 70 until the row was deleted by hand.
Here every field of a stored answer, and the fields of the sent invitation it belongs to, are
poisoned one at a time with each value a reply or a counter can carry (or a damaged file can
hold): ``planner week``, ``invites``, ``replies`` and ``feed`` each still exit 0, a row that
cannot be used is skipped with a warning, and nothing of it reaches the terminal raw.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.cli.test_cli_providers import write_config, write_ics
from tests.providers.test_hold_ownership import MEETING

BERLIN = ZoneInfo("Europe/Berlin")
ANNA = "anna@berger-consulting.example"
START = (datetime.now(BERLIN) + timedelta(days=3)).replace(hour=12, minute=30, second=0,
                                                             microsecond=0)  # fmt: skip
WEEK = f"{START.isocalendar().year}-W{START.isocalendar().week:02d}"
FAR = "9999-12-31T23:00:00+00:00"
GOOD = {
    "sequence": 0,
    "stamp": "2026-12-01T09:00:00+00:00",
    "method": "REPLY",
    "response": "accepted",
    "proposed": "null",
    "comment": "",
    "source": "reply.ics",
}
# (column, value): what a reply, a counter or a damaged file can leave in a stored answer
ANSWER_POISON: list[tuple[str, Any]] = [
    ("sequence", 10**18), ("sequence", -1), ("sequence", "1e30"), ("sequence", 2.5),
    ("stamp", "9999-12-31T23:59:59+00:00"), ("stamp", "0001-01-01T00:00:00+00:00"),
    ("stamp", "yesterday"), ("stamp", "2026-12-01T09:00:00"), ("stamp", 17),
    ("method", "PUBLISH"), ("method", ""), ("response", "maybe"), ("response", 1),
    ("proposed", json.dumps([FAR, FAR])), ("proposed", "null"), ("proposed", "[1, 2]"),
    ("proposed", json.dumps([FAR])), ("proposed", '{"a": 1}'), ("proposed", "not json"),
    ("proposed", json.dumps(["2026-12-10T14:00:00+00:00", "2026-12-10T13:00:00+00:00"])),
    ("comment", "\x1b]0;owned\x07" + "x" * 100_000), ("comment", b"\xff\x00"),
    ("source", "\x1b[2J\x1b[31mforged"), ("uid", ""), ("attendee", 42),
]  # fmt: skip
COUNTERS = {"proposed"}  # these are read as counters: the method says so


def _poison_ids() -> list[str]:
    return [f"{column}={str(value)[:24]!r}" for column, value in ANSWER_POISON]


class World:
    """A config with a calendar, and one invitation to Anna written with ``invite --out``."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        calendar = write_ics(tmp_path / "work.ics", [MEETING])
        self.config = write_config(tmp_path, {"name": "work", "provider": "ics",
                                              "path": str(calendar)})  # fmt: skip
        start = START.strftime("%Y-%m-%dT%H:%M")
        out = str(tmp_path / "lunch.ics")
        result = self.run(
            "invite", "--to", ANNA, "--title", "Lunch", "--start", start, "--out", out
        )
        assert result.exit_code == 0, result.output
        self.database = Path(os.environ["PLANNER_DATA_DIR"]) / "state.sqlite3"
        with sqlite3.connect(self.database) as conn:
            (self.uid,) = conn.execute("SELECT uid FROM sent_invitations").fetchone()

    def run(self, *args: str) -> Any:
        return CliRunner().invoke(main, [*args[:1], "--config", str(self.config), *args[1:]])

    def store_answer(self, column: str, value: Any) -> None:
        row = dict(GOOD, uid=self.uid, attendee=ANNA)
        if column in COUNTERS:
            row["method"] = "COUNTER"
        row[column] = value
        names = ("uid", "attendee", "sequence", "stamp", "method", "response", "proposed",
                 "comment", "source")  # fmt: skip
        from planner.invite.answers import all_answers
        from planner.store import Store

        store = Store(self.database)
        all_answers(store)  # creates the table
        store.close()
        with sqlite3.connect(self.database) as conn:
            conn.execute("DELETE FROM invitation_answers")
            conn.execute(
                f"INSERT INTO invitation_answers ({', '.join(names)}) VALUES (?,?,?,?,?,?,?,?,?)",
                [row[n] for n in names],
            )

    def poison_invitation(self, change: Any) -> None:
        with sqlite3.connect(self.database) as conn:
            (text,) = conn.execute("SELECT invitation FROM sent_invitations").fetchone()
            data = json.loads(text)
            change(data)
            conn.execute("UPDATE sent_invitations SET invitation = ?", (json.dumps(data),))

    def every_command(self) -> dict[str, Any]:
        reply = self.tmp_path / "reply.ics"
        who = f"ATTENDEE;PARTSTAT=TENTATIVE:mailto:{ANNA}"
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", "METHOD:REPLY",
                 "BEGIN:VEVENT", f"UID:{self.uid}", "SEQUENCE:0", "DTSTAMP:20261201T100000Z",
                 who, "END:VEVENT", "END:VCALENDAR"]  # fmt: skip
        reply.write_bytes(("\r\n".join(lines) + "\r\n").encode())
        return {
            "week": self.run("week", "--week", WEEK),
            "invites": self.run("invites", "--offline"),
            "invites json": self.run("invites", "--offline", "--format", "json"),
            "feed": self.run("feed", "--week", WEEK),
            "replies": self.run("replies", str(reply)),
        }


@pytest.fixture
def world(tmp_path) -> World:
    return World(tmp_path)


def _clean(results: dict[str, Any]) -> None:
    for name, result in results.items():
        assert result.exit_code == 0, (name, result.output[-600:])
        assert "unexpected" not in result.output and "Traceback" not in result.output, name
        assert "\x1b" not in result.output and "\x07" not in result.output, name


class TestEveryStoredAnswerFieldPoisoned:
    @pytest.mark.parametrize(("column", "value"), ANSWER_POISON, ids=_poison_ids())
    def test_every_later_command_still_runs(self, world, column, value):
        world.store_answer(column, value)
        results = world.every_command()
        _clean(results)
        if column not in ("comment", "source", "uid", "attendee"):  # cleaned on reading;
            # a row for no UID or no address answers no invitation: nothing reads it
            warned = "skipped 1 unreadable row of invitation_answers"
            assert warned in results["invites"].output, results["invites"].output
        assert "tentative" in world.run("invites", "--offline").output  # the good answer


class TestTheSentInvitationPoisoned:
    @pytest.mark.parametrize(
        "change",
        [
            lambda d: d.update(start=[FAR, "Europe/Berlin"], end=[FAR, "Europe/Berlin"]),
            lambda d: d.update(start=["garbage", ""]),
            lambda d: d.update(end=["2026-12-09T11:30:00+00:00", "Mars/Olympus_Mons"]),
            lambda d: d.update(attendees="anna"),
            lambda d: d.update(attendees=[{"email": None}]),
            lambda d: d.update(title=None),
            lambda d: d.update(geo=[1]),
            lambda d: d.clear(),
        ],
        ids=["year-9999", "garbage-start", "unknown-zone", "attendees-text",
             "attendee-without-address", "no-title", "geo-one-number", "empty"],
    )  # fmt: skip
    def test_every_later_command_still_runs(self, world, change):
        world.store_answer("sequence", 0)
        world.poison_invitation(change)
        results = world.every_command()
        _clean(results)
        assert "skipped 1 unreadable row of sent_invitations" in results["invites"].output


class TestAListedProposalPoisoned:
    """The proposals ``planner propose`` and ``week`` keep for ``invite --proposal`` (the
    shapes are tested in tests/flows/test_listed.py; here the whole command)."""

    def test_invite_by_its_identifier_is_one_line_and_every_command_runs(self, world):
        from planner.flows.listed import Listed
        from planner.store import Store

        store = Store(world.database)
        Listed(store)  # the table
        store.close()
        data = {"start": FAR, "end": FAR, "with": 5, "venue": "x", "kind": "lunch"}
        with sqlite3.connect(world.database) as conn:
            conn.execute(
                "INSERT INTO listed_proposals VALUES ('k7m2qa', ?, ?, ?, ?)",
                (FAR, FAR, START.isoformat(), json.dumps(data)),
            )
        result = world.run("invite", "--proposal", "k7m2qa", "--out", str(world.tmp_path / "x"))
        assert result.exit_code == 2, result.output
        assert "no current proposal has this identifier" in result.output
        assert "skipped 1 unreadable row of listed_proposals" in result.output
        _clean(world.every_command())
