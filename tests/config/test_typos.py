"""A typo in the config names what was meant, and a config that cannot tell the user from the
others says so.

Gap (found by using the product): ``emial = "…"`` in [user] gave only "unknown key 'emial' is
ignored" while the plan silently changed (declined meetings counted as meetings, no
recommendations); ``[[calendar]]`` gave "'calendar' must be a table [calendar]", which the user
had written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language

CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n"


def week(tmp_path: Path, text: str, *args: str) -> tuple[int, str]:
    (tmp_path / "cal.ics").write_text(CALENDAR, encoding="utf-8", newline="")
    config = tmp_path / "config.toml"
    config.write_text(text.replace("CAL", str(tmp_path / "cal.ics")), encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "week", "--config", str(config), "--format", "json"])
    set_language("en")
    return result.exit_code, result.stderr


GOOD = '[user]\nemail = "me@firm.example"\ntimezone = "Europe/Berlin"\n'
CALENDARS = '[[calendars]]\nname = "main"\nprovider = "ics"\npath = "CAL"\n'


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (GOOD.replace("timezone", "timzone") + CALENDARS, "(did you mean 'timezone'?)"),
        (
            GOOD + "[relations]\nlookback_dayz = 200\n" + CALENDARS,
            "(did you mean 'lookback_days'?)",
        ),  # fmt: skip
        (
            GOOD + '[workinghours]\nmonday = "09:00-17:00"\n' + CALENDARS,
            "(did you mean [working_hours]?)",
        ),  # fmt: skip
        (GOOD + "[Recommend]\ntarget_share = 0.4\n" + CALENDARS, "(did you mean [recommend]?)"),
    ],
)
def test_a_typo_names_what_was_meant(isolated_home, tmp_path: Path, text: str, said: str):
    code, err = week(tmp_path, text)
    assert code == 0, err
    assert said in err, err


def test_a_mistyped_list_of_tables_is_an_error_that_names_the_right_one(isolated_home, tmp_path):
    code, err = week(tmp_path, GOOD + CALENDARS.replace("[[calendars]]", "[[calendar]]"))
    assert code == 2, err
    assert "unknown list of tables [[calendar]] (did you mean [[calendars]]?)" in err
    assert "must be a table" not in err


def test_a_far_fetched_key_gets_no_guess(isolated_home, tmp_path: Path):
    code, err = week(tmp_path, GOOD + 'colour = "blue"\n' + CALENDARS)
    assert code == 0 and "unknown key 'colour' is ignored" in err and "did you mean" not in err


def test_without_the_users_address_the_plan_says_what_it_cannot_tell(isolated_home, tmp_path):
    code, err = week(tmp_path, GOOD.replace("email", "emial") + CALENDARS)
    assert code == 0, err
    assert "unknown key 'emial' is ignored (did you mean 'email'?)" in err
    assert "[user] email is not set: without it your own answers" in err
    code, german = week(tmp_path, GOOD.replace("email", "emial") + CALENDARS, "--lang", "de")
    assert "(meinten Sie 'email'?)" in german and "[user] email ist nicht gesetzt" in german
    code, fine = week(tmp_path, GOOD + CALENDARS)
    assert code == 0 and "email is not set" not in fine
