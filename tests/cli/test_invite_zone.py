"""An invitation to someone in another time zone gives their time: ``planner invite --zone``
as ``planner offer --zone`` does (the subject in their time, the body theirs first and the
organizer's beside it, the dry run both), and the lists give a meeting's own time beside the
user's.

Gap (found by using the product): an invitation to a counterpart in New York said only
"15:00–16:00 (Europe/Berlin)" in subject and body; `invite` had no --zone; `invite --list`
showed a New York breakfast as "2026-12-15 14:00" with no zone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

ME = "anna@firm.example"


@pytest.fixture
def config(tmp_path: Path, isolated_home) -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nname = "Anna Berger"\nemail = "{ME}"\ntimezone = "Europe/Berlin"\n',
        encoding="utf-8",
    )
    return str(path)


def invite(config: str, *args: str, lang: str = "en"):
    result = CliRunner().invoke(main, ["--lang", lang, "invite", "--config", config, *args])
    set_language("en")
    return result


@pytest.mark.parametrize(
    ("zone", "theirs", "subject_day"),
    [
        ("America/New_York", "09:00–10:00 (America/New_York)", "Tuesday, December 15"),
        ("asia/tokyo", "23:00–Dec 16, 2026 00:00 (Asia/Tokyo)", "Tuesday, December 15"),
        ("Europe/London", "14:00–15:00 (Europe/London)", "Tuesday, December 15"),
    ],
)
def test_the_counterparts_zone_comes_first(config: str, zone: str, theirs: str, subject_day):
    result = invite(config, "--to", "john@acme.example", "--title", "Call Acme",
                    "--start", "2026-12-15 15:00", "--zone", zone)  # fmt: skip
    assert result.exit_code == 0, result.output
    subject = next(line for line in result.output.splitlines() if line.startswith("Subject:"))
    assert subject_day in subject and theirs in subject and "Europe/Berlin" not in subject
    assert f"{theirs}; for Anna Berger: Tuesday, December 15, 2026, 15:00–16:00" in result.output
    assert "15:00–16:00 (Europe/Berlin); their time: " in result.output
    assert "DTSTART;TZID=Europe/Berlin:20261215T150000" in result.output


def test_without_zone_the_invitation_is_in_the_users_time_alone(config: str):
    result = invite(config, "--to", "bob@acme.example", "--title", "Lunch",
                    "--start", "2026-12-15 12:30")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "their time" not in result.output and "for Anna Berger" not in result.output


def test_a_zone_that_does_not_exist_is_one_line(config: str):
    result = invite(config, "--to", "bob@acme.example", "--title", "Lunch",
                    "--start", "2026-12-15 12:30", "--zone", "Mars/Olympus")  # fmt: skip
    assert result.exit_code == 2
    assert "--zone Mars/Olympus: not a known time zone" in result.output
    assert "Traceback" not in result.output


def test_german(config: str):
    result = invite(config, "--to", "john@acme.example", "--title", "Call Acme",
                    "--start", "2026-12-15 15:00", "--zone", "America/New_York",
                    lang="de")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "15:00–16:00 (Europe/Berlin); Zeit dort: " in result.output


def test_the_list_gives_a_meetings_own_time_beside_the_users(config: str, tmp_path: Path):
    out = tmp_path / "breakfast.ics"
    result = invite(config, "--to", "john@acme.example", "--title", "Breakfast Acme",
                    "--start", "2026-12-15 08:00 America/New_York", "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    listed = invite(config, "--list")
    assert listed.exit_code == 0, listed.output
    assert "2026-12-15 14:00 (08:00 America/New_York)  Breakfast Acme" in listed.output


OWN_TIME = {
    "en": ("When: ", "; for Anna Berger: ", "Friday, December 18, 2026"),
    "de": ("Wann: ", "; für Anna Berger: ", "Freitag, 18. Dezember 2026"),
}


def _parts(raw: bytes) -> tuple[str, str, str]:
    """The text part, the HTML part (its line breaks undone) and the .ics of a mail."""
    import email
    import email.policy

    message = email.message_from_bytes(raw, policy=email.policy.default)
    found = {p.get_content_type(): p.get_content() for p in message.walk()
             if not p.is_multipart()}  # fmt: skip
    ics = found["text/calendar"]
    ics = ics if isinstance(ics, str) else ics.decode()
    return found["text/plain"], found["text/html"].replace("<br>\n", "\n"), ics


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_meeting_in_their_zone_gives_the_users_own_time_in_every_mail(
    config: str,
    isolated_home,
    run_server,  # noqa: F811
    lang: str,
):
    """QA 16 D8: a call typed in New York's time with --zone New York: the mail said only
    "10:00–11:00 (America/New_York)", though the dry run gave the user's 16:00 beside it; the
    organizer's time was the zone the meeting is written in, not the user's. The request,
    the update and the cancellation, text and HTML parts, give both."""
    inbox = Inbox()
    port = run_server(inbox)
    with open(config, "a", encoding="utf-8") as file:
        file.write(f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n')
    heading, beside, day = OWN_TIME[lang]
    sent = invite(config, "--to", "Emily Clark <emily@hudson.example>", "--title",
                  "Follow-up Hudson", "--start", "2026-12-18 10:00 America/New_York",
                  "--zone", "America/New_York", "--location", "Phone", "--send",
                  lang=lang)  # fmt: skip
    assert sent.exit_code == 0, sent.output
    uid = next(line for line in _parts(inbox.messages[0][1])[2].splitlines()
               if line.startswith("UID:"))[4:]  # fmt: skip
    moved = invite(config, "--update", uid, "--start", "2026-12-18 11:00", "--send", lang=lang)
    assert moved.exit_code == 0, moved.output
    cancelled = invite(config, "--cancel", uid, "--send", lang=lang)
    assert cancelled.exit_code == 0, cancelled.output
    assert len(inbox.messages) == 3
    times = [("10:00–11:00", "16:00–17:00"), ("11:00–12:00", "17:00–18:00"),
             ("11:00–12:00", "17:00–18:00")]  # fmt: skip
    for (_to, raw, _tls), (theirs, ours) in zip(inbox.messages, times, strict=True):
        expected = (f"{heading}{day}, {theirs} (America/New_York){beside}{day}, {ours} "
                    "(Europe/Berlin)")  # fmt: skip
        text, html, ics = _parts(raw)
        assert expected in text, text
        assert expected in html, html
        assert "TZID=America/New_York" in ics  # the meeting stays written in its zone
