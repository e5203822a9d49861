"""``planner invite --cancel UID --hold --send`` through the real CLI, a real SMTP server
(aiosmtpd) and Google (the real client against tests/fakes/google_server.py) or Outlook (real
msal and HTTP against tests/fakes/graph_server.py), in English and German.

Before: the hold was taken out by writing it once more as cancelled. Google's hold write sends
no status and Graph has no cancelled state, so the cancellation went out, the hold stayed in
the user's calendar and the run ended with "calendar 'google' still shows the hold …: it could
not be taken out there". Now the provider deletes it (``remove_held``), only while it is still
planner's and as the run read it; the run says first what comes out of which calendar, then
that it came out. A hold the user changed in Google or Outlook stays, and the run says so.
The same for CalDAV on a real Radicale: tests/cli/test_invite_cancel_hold.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.invite.sentlog import recent
from planner.store import open_store
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

ME = "user@planner.test"
BOB, CARL = "bob@nordwind.example", "carl@isar.example"
#: what the run says, by language: the plan's line, the line after the removal, the refusal
#: of a hold the user changed (planner/locale/de)
SAID = {
    "en": ("hold: 'Abendessen' (Wed 9 Dec 19:00–20:00) comes out of {name}",
           "hold taken out of {name}", "it is yours now and stays"),
    "de": ("Platzhalter: 'Abendessen' (Mi. 9. Dez. 19:00–20:00) wird aus {name} entfernt",
           "Platzhalter aus {name} entfernt",
           "er gehört jetzt Ihnen und bleibt"),
}  # fmt: skip


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value))  # a JSON string is a valid TOML basic string


class World:
    """A user whose one calendar is Google's or Outlook's (writable, signed in), and an SMTP
    server on loopback."""

    def __init__(self, request: pytest.FixtureRequest, tmp_path: Path, kind: str, language: str):
        self.kind, self.language, self.request = kind, language, request
        self.inbox = Inbox()
        port = request.getfixturevalue("run_server")(self.inbox)
        if kind == "google":
            from tests.cli.test_cli_providers import google_entry

            self.google = request.getfixturevalue("google")
            self.google.write_token_for("google", write=True)
            entry = google_entry(self.google, write=True)
        else:
            from tests.fakes.graph_server import config_entry, sign_in

            self.graph = request.getfixturevalue("graph")
            sign_in(self.graph, "outlook", write=True)
            entry = config_entry(self.graph, "outlook", write=True)
        lines = [
            "[user]", 'name = "Uta User"', f'email = "{ME}"', 'timezone = "Europe/Berlin"',
            f'language = "{language}"', "", "[[calendars]]",
            *(f"{key} = {_toml(value)}" for key, value in entry.items()), "", "[smtp]",
            'host = "127.0.0.1"', f"port = {port}", 'security = "none"',
        ]  # fmt: skip
        self.config = tmp_path / "config.toml"
        self.config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run(self, *args: str, ok: bool = True) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", str(self.config)])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def said(self, which: int) -> str:
        return SAID[self.language][which].format(name=self.kind)

    def invite(self) -> str:
        """Bob and Carl invited to dinner, the hold written; the meeting's UID."""
        self.run("invite", "--to", f"Bob Stone <{BOB}>", "--to", CARL, "--title", "Abendessen",
                 "--start", "2026-12-09T19:00", "--location", "Spatenhaus", "--hold",
                 "--send")  # fmt: skip
        store = open_store()
        try:
            (record,) = recent(store)
        finally:
            store.close()
        return record.uid

    def holds(self) -> list[dict[str, Any]]:
        """The live events titled 'Abendessen' in the calendar (Google or Graph JSON)."""
        if self.kind == "google":
            items = self.google.calendar("primary").items.values()
            return [i for i in items if i.get("status") != "cancelled"
                    and i.get("summary") == "Abendessen"]  # fmt: skip
        return [i for i in self.graph.all_events() if i.get("subject") == "Abendessen"]

    def retitle(self, title: str) -> None:
        """What the user does in Google Calendar or Outlook: the hold gets another title."""
        (item,) = self.holds()
        if self.kind == "google":
            self.google.put_event("primary", {**item, "summary": title})
        else:
            self.graph.put_event({**item, "subject": title})

    def titles(self) -> list[str]:
        if self.kind == "google":
            items = self.google.calendar("primary").items.values()
            return [str(i.get("summary")) for i in items if i.get("status") != "cancelled"]
        return [str(i.get("subject")) for i in self.graph.all_events()]


@pytest.fixture(params=[(k, lang) for k in ("google", "outlook") for lang in ("en", "de")],
                ids=lambda p: "-".join(p))  # fmt: skip
def world(request: pytest.FixtureRequest, tmp_path: Path) -> World:
    kind, language = request.param
    return World(request, tmp_path, kind, language)


def test_the_cancellation_goes_out_and_the_hold_is_gone(world: World):
    uid = world.invite()
    assert len(world.holds()) == 1 and len(world.inbox.messages) == 1
    done = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert len(world.inbox.messages) == 2 and sorted(world.inbox.messages[1][0]) == [BOB, CARL]
    assert world.holds() == []  # was: still there, "still shows the hold"
    assert world.said(0) in done  # said before: what comes out of which calendar …
    assert world.said(1) in done  # … and after: that it came out
    assert done.index(world.said(0)) < done.index(world.said(1))
    assert "Abendessen" in done and world.kind in done
    again = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert len(world.inbox.messages) == 2, "nothing is sent twice"
    assert world.said(1) not in again  # nothing left to take out


def test_a_hold_the_user_changed_there_stays_and_the_run_says_so(world: World):
    uid = world.invite()
    world.retitle("Abendessen + Anna")
    said = world.run("invite", "--cancel", uid, "--hold", "--send").stderr
    assert len(world.inbox.messages) == 2  # the cancellation went
    assert "Abendessen + Anna" in world.titles()  # the user's hold stays
    assert "'Abendessen + Anna'" in said and world.said(2) in said
    assert world.said(1) not in said
