"""An invitation made from a proposal for the user's own meeting carries planner's words and the
user's ``--agenda`` alone, none of the meeting's description, as README says: not a letter the
user wrote to one person, not notes, not a join block, not the HTML X-ALT-DESC, in whatever form
Outlook, Google or Apple wrote it, in English and German, by mail through a real SMTP server on
loopback and in the .ics the dry run shows.

Bug (QA 16, D5): ``invite --proposal`` for the user's Outlook meeting "Erstgespräch Nordlicht
Logistik" mailed "Hallo Herr Peters, wie besprochen ein erstes Kennenlernen." in the body and
the DESCRIPTION (an update of the user's own meeting kept the description's first part), while
the invitation for another organiser's meeting dropped its text."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language
from tests.assist.scenario import first_day
from tests.cli.meeting_texts import ME, MEETINGS, calendar, leaked
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)


def write_user(home: Path, smtp_port: int | None, language: str = "en") -> str:
    """The user's config and calendar; the ISO week of the meetings."""
    day = first_day()
    ics = home / "work.ics"
    ics.write_text(calendar(day), encoding="utf-8")
    hours = "\n".join(f'{d} = "07:00-21:00"' for d in (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))  # fmt: skip
    smtp = f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n'
    config = home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n'
        f'home = "München"\nlanguage = "{language}"\ndomains = ["berger-consulting.example"]\n'
        f"[working_hours]\n{hours}\n{smtp if smtp_port else ''}"
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{ics}"\n',
        encoding="utf-8",
    )
    week = day.isocalendar()  # first_day(): both days lie in one week
    return f"{week.year}-W{week.week:02d}"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    set_language("en")
    assert result.exit_code == 0, result.output
    return result.stdout


def proposals(week: str, lang: str) -> dict[str, str]:
    """uid → the id of the first proposal for each of the three meetings."""
    plan = json.loads(run("--lang", lang, "week", "--week", week, "--format", "json"))
    found = {e["uid"]: e["proposals"][0]["id"] for e in plan["events"] if e.get("proposals")}
    assert set(MEETINGS) <= set(found), [(e["title"], e.get("proposals")) for e in plan["events"]]
    return found


def _text(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = [p.get_content() for p in message.walk() if not p.is_multipart()]
    return "\n".join(p if isinstance(p, str) else p.decode() for p in parts)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_invitation_carries_the_meetings_description(isolated_home, run_server, lang):  # noqa: F811
    inbox = Inbox()
    week = write_user(isolated_home, run_server(inbox), lang)
    for uid, ident in proposals(week, lang).items():
        if uid not in MEETINGS:
            continue
        shown = run("--lang", lang, "invite", "--proposal", ident)
        assert not leaked(shown), (uid, leaked(shown), shown)
        run("--lang", lang, "invite", "--proposal", ident, "--send")
    assert len(inbox.messages) == len(MEETINGS)
    for recipients, raw, _tls in inbox.messages:
        text = _text(raw)
        assert not leaked(text), (recipients, leaked(text))
        assert "UID:" in text.replace("\r\n ", "")  # the .ics went with it


def test_the_agenda_the_user_gives_goes_and_nothing_else(isolated_home, run_server):  # noqa: F811
    inbox = Inbox()
    week = write_user(isolated_home, run_server(inbox))
    ident = proposals(week, "en")["outlook-1@test"]
    run("invite", "--proposal", ident, "--agenda", "Rahmenvertrag, Lieferzeiten", "--send")
    ((recipients, raw, _tls),) = inbox.messages
    text = _text(raw)
    assert "Rahmenvertrag, Lieferzeiten" in text.replace("\r\n ", "").replace("\\,", ",")
    assert not leaked(text), leaked(text)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    (ics,) = [p.get_content() for p in message.walk() if p.get_content_type() == "text/calendar"]
    ics = ics if isinstance(ics, str) else ics.decode()
    assert "X-ALT-DESC" not in ics and "UID:outlook-1@test" in ics  # an update of the meeting
