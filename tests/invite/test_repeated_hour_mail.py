"""The time of an invitation in the hour the clocks repeat, and a time typed with an offset.

Bugs: a meeting wholly inside the repeated hour (01:30–01:50 on 1 Nov 2026 in New York, 02:15–
02:45 on 25 Oct 2026 in Berlin) was written "01:30–01:50 (America/New_York)" in subject and body,
the counterpart's mail too: which 01:30 of the two? And ``planner invite --start
"2026-12-10T14:00+05:30"`` said no "your time", as it compared zone names and an offset has
none; with ``--zone Asia/Kolkata`` it gave "their time" the same as the meeting's own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language, speaking
from planner.invite import text
from planner.invite.sentlog import prepare
from tests.invite.test_invite import lunch

NEW_YORK, BERLIN = ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin")

REPEATED = [  # (start, minutes, what each end says)
    (datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK), 20, ("01:30 EDT", "01:50 EDT")),
    (datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK), 20, ("01:30 EST", "01:50 EST")),
    (datetime(2026, 10, 25, 2, 15, tzinfo=BERLIN), 30, ("02:15 CEST", "02:45 CEST")),
    (datetime(2026, 10, 25, 2, 15, fold=1, tzinfo=BERLIN), 30, ("02:15 CET", "02:45 CET")),
    (datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN), 60, ("01:30 CEST", "02:30 CEST")),
]


def _meeting(start: datetime, minutes: int, language: str = "en"):
    end = (start.astimezone(ZoneInfo("UTC")) + timedelta(minutes=minutes)).astimezone(start.tzinfo)
    return lunch(start=start, end=end, language=language, reminder_minutes=None)


@pytest.mark.parametrize(("start", "minutes", "ends"), REPEATED)
@pytest.mark.parametrize("language", ["en", "de"])
def test_a_meeting_in_the_repeated_hour_says_which(start, minutes, ends, language):
    inv = _meeting(start, minutes, language)
    end = inv.end.astimezone(start.tzinfo)
    said = text.when(inv.start, end, language)
    first, last = ends
    assert f"{first}–{last} ({start.tzinfo.key})" in said
    prepared = prepare(inv)
    assert f"{first}–{last}" in prepared.subject
    assert f"{first}–{last}" in prepared.body_text and f"{first}–{last}" in prepared.body_html


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_counterparts_mail_says_which_too(language):
    """Organiser in Berlin, counterpart in New York: their time first, in their repeated hour."""
    start = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK).astimezone(BERLIN)
    inv = replace(_meeting(start, 20, language), zone="America/New_York")
    prepared = prepare(inv)
    assert "01:30 EST–01:50 EST (America/New_York)" in prepared.subject
    assert "01:30 EST–01:50 EST (America/New_York)" in prepared.body_text
    assert "07:30–07:50 (Europe/Berlin)" in prepared.body_text  # the organiser's: one 07:30


def test_other_times_stay_bare():
    inv = _meeting(datetime(2026, 11, 1, 3, 30, tzinfo=NEW_YORK), 30)
    assert "03:30–04:00 (America/New_York)" in text.when(inv.start, inv.end, "en")


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_offset_meeting_in_the_zone_of_the_counterpart_says_it_once(language):
    india = timezone(timedelta(hours=5, minutes=30))
    start = datetime(2026, 12, 10, 14, 0, tzinfo=india)
    inv = replace(_meeting(start, 60, language), zone="Asia/Kolkata")
    with speaking(language):
        body = prepare(inv).body_text
    assert "14:00–15:00 (UTC+05:30)" in body
    assert body.count("14:00–15:00") == 1  # not "…; for Lea Kranich: …" the same again


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "config.toml"
    path.write_text('[user]\nname = "Anna Berger"\nemail = "anna@firm.example"\n'
                    'timezone = "Europe/Berlin"\n', encoding="utf-8")  # fmt: skip
    return str(path)


def _invite(config: str, *args: str, lang: str = "en"):
    result = CliRunner().invoke(main, ["--lang", lang, "invite", "--config", config, *args])
    set_language("en")
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_start_typed_with_an_offset_gives_the_users_time(config: str, lang: str):
    result = _invite(config, "--to", "ravi@acme.example", "--title", "Call",
                     "--start", "2026-12-10T14:00+05:30", lang=lang)  # fmt: skip
    when = next(line for line in result.stderr.splitlines() if "14:00–15:00" in line)
    assert "(UTC+05:30)" in when
    assert "09:30–10:30 (Europe/Berlin)" in when  # your time / deine Zeit


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_offset_that_is_the_users_own_is_not_said_twice(config: str, lang: str):
    result = _invite(config, "--to", "ravi@acme.example", "--title", "Call",
                     "--start", "2026-12-10T14:00+01:00", "--zone", "Europe/Berlin",
                     lang=lang)  # fmt: skip
    when = next(line for line in result.stderr.splitlines() if "14:00–15:00" in line)
    assert when.count("14:00–15:00") == 1 and "Europe/Berlin" not in when


def test_a_start_in_the_past_is_said_as_other_times_are(config: str, monkeypatch):
    from planner.cli import common

    now = datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    monkeypatch.setattr(common, "now_in", lambda tz: now.astimezone(tz))
    result = _invite(config, "--to", "bob@acme.example", "--title", "Lunch",
                     "--start", "2026-11-26T05:00-05:00")  # fmt: skip
    assert "note: the meeting starts in the past (Thu 26 Nov 11:00)" in result.stderr
    result = _invite(config, "--to", "bob@acme.example", "--title", "Lunch",
                     "--start", "2025-11-26T12:00", lang="de")  # fmt: skip
    assert "(Mi. 26. Nov. 2025 12:00)" in result.stderr
    assert "+01:00" not in result.stderr and "2025-11-26 12:00:00" not in result.stderr


def test_the_list_says_which_time_of_the_repeated_hour(config: str, tmp_path: Path):
    _invite(config, "--to", "bob@acme.example", "--title", "Late", "--start",
            "2026-10-25T02:15", "--fold", "--out", str(tmp_path / "late.ics"))  # fmt: skip
    listed = _invite(config, "--list").stdout
    assert "2026-10-25 02:15 CET" in listed


def test_a_time_typed_with_an_offset_keeps_it_in_the_sent_log():
    """A meeting typed as ``14:00+05:30`` is said at +05:30 on every later update, not in UTC."""
    from planner.invite.stored import _time_from_json, _time_to_json

    typed = datetime(2026, 12, 10, 14, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    back = _time_from_json(_time_to_json(typed))
    assert back == typed and back.utcoffset() == timedelta(hours=5, minutes=30)
    named = datetime(2026, 12, 10, 14, tzinfo=ZoneInfo("Europe/Berlin"))
    assert _time_from_json(_time_to_json(named)).tzinfo == ZoneInfo("Europe/Berlin")
    old = ["2026-12-10T08:30:00+00:00", ""]  # written before: UTC, read as it was
    assert _time_from_json(old).utcoffset() == timedelta(0)
