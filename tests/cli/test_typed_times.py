"""Times as typed with a zone, and dates that are never guessed (issues 26 and 28).

A zone name, an offset or an unambiguous abbreviation after a time is kept, and the user is
told which zone an abbreviation was taken as; an ambiguous or unknown one is refused. An
impossible or ambiguous date or time is refused with one clear line, in English and German,
for every option that takes one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from planner.cli import dates, main
from planner.errors import UsageError

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 2, 9, 15, tzinfo=TZ)
NEW_YORK = ZoneInfo("America/New_York")


def placed(text: str, tz=TZ):
    return dates.parse_moment(text, NOW, "--start", tz)


@pytest.mark.parametrize(
    ("text", "instant", "zone"),
    [
        ("2027-03-10 09:00 America/New_York", datetime(2027, 3, 10, 14, tzinfo=UTC), NEW_YORK),
        ("2027-03-10 09:00 america/new_york", datetime(2027, 3, 10, 14, tzinfo=UTC), NEW_YORK),
        ("10.3.2027 9:00 Asia/Kolkata", datetime(2027, 3, 10, 3, 30, tzinfo=UTC), None),
        ("morgen 12:30 Europe/London", datetime(2026, 12, 3, 12, 30, tzinfo=UTC), None),
        ("tomorrow 9 PM Australia/Sydney", datetime(2026, 12, 3, 10, tzinfo=UTC), None),
    ],
)
def test_a_zone_name_is_kept(text, instant, zone):
    found = placed(text)
    assert found.moment.astimezone(UTC) == instant
    assert isinstance(found.moment.tzinfo, ZoneInfo) and found.note == ""
    if zone is not None:
        assert found.moment.tzinfo == zone


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2027-03-10 09:00 -05:00", -timedelta(hours=5)),
        ("2027-03-10 09:00 -0500", -timedelta(hours=5)),
        ("2027-03-10 09:00 +5:30", timedelta(hours=5, minutes=30)),
        ("2027-03-10 09:00 UTC+1", timedelta(hours=1)),
        ("2027-03-10 09:00 GMT−3", -timedelta(hours=3)),  # a typographic minus
        ("2027-03-10T09:00-05:00", -timedelta(hours=5)),
        ("2027-03-10 09:00 UTC", timedelta()),
        ("2027-03-10 09:00 Z", timedelta()),
    ],
)
def test_a_numeric_offset_is_kept(text, offset):
    found = placed(text)
    assert found.moment.utcoffset() == offset and found.exact
    assert found.moment.replace(tzinfo=None) == datetime(2027, 3, 10, 9)


@pytest.mark.parametrize(
    ("text", "zone", "offset"),
    [
        ("2027-03-10 09:00 EST", "America/New_York", -5),  # before the US change on 14 March
        ("2027-07-10 09:00 EDT", "America/New_York", -4),
        ("2027-07-10 09:00 PDT", "America/Los_Angeles", -7),
        ("2027-01-10 09:00 MEZ", "Europe/Berlin", 1),  # German names
        ("2027-07-10 09:00 MESZ", "Europe/Berlin", 2),
        ("2027-07-10 09:00 BST", "Europe/London", 1),
        ("2027-03-10 09:00 JST", "Asia/Tokyo", 9),
        ("2027-01-10 09:00 AEDT", "Australia/Sydney", 11),
    ],
)
def test_an_unambiguous_abbreviation_is_taken_and_named(text, zone, offset):
    found = placed(text)
    assert getattr(found.moment.tzinfo, "key", None) == zone
    assert found.moment.utcoffset() == timedelta(hours=offset)
    assert found.moment.hour == 9 and found.exact
    assert f"read as {zone}" in found.note


def test_the_users_own_zone_is_taken_for_its_abbreviation():
    found = placed("2027-01-10 09:00 CET", tz=ZoneInfo("Europe/Paris"))
    assert found.moment.tzinfo == ZoneInfo("Europe/Paris")


def test_an_abbreviation_picks_the_right_one_of_two_repeated_hours():
    """01:30 on 7 Nov 2027 happens twice in New York: EDT first, then EST."""
    assert placed("2027-11-07 01:30 EDT").moment.astimezone(UTC).hour == 5
    assert placed("2027-11-07 01:30 EST").moment.astimezone(UTC).hour == 6


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2027-03-10 09:00 PST", "ambiguous: UTC-08:00 (America/Los_Angeles) or UTC+08:00"),
        ("2027-03-10 09:00 CST", "ambiguous"),  # Chicago, Shanghai, Havana
        ("2027-03-10 09:00 IST", "ambiguous"),  # India, Ireland, Israel
        ("2027-07-10 09:00 EST", "America/New_York is on EDT (UTC-04:00) on 2027-07-10"),
        ("2027-01-10 09:00 BST", "Europe/London is on GMT"),
        ("2027-03-10 09:00 XYZ", "is not a time zone planner knows"),
        ("2027-03-10 09:00 Mars/Olympus", "is not a time zone planner knows"),
        ("2027-03-10 09:00 +15:00", "offsets run from -12:00 to +14:00"),
        ("2027-03-10T09:00+01:00 Europe/Berlin", "gives two time zones"),
    ],
)
def test_an_ambiguous_or_unknown_zone_is_refused(text, says):
    with pytest.raises(UsageError, match="--start") as caught:
        placed(text)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["morgen 9 Uhr", "next monday 10:00", "tomorrow 9 PM", "Freitag 14:00", "7.12.2026 12:30"],
)
def test_words_after_a_time_are_no_zone(text):
    assert placed(text).moment.tzinfo is TZ


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("morgen 25:61", "25:61 is not a time of day"),
        ("tomorrow 24:00", "24:00 is not a time of day"),
        ("2026-12-08 13 PM", "13 PM is not a time of day"),
        ("2026-13-01 10:00", "there is no month 13"),
        ("2026-02-30 10:00", "there is no day 30 in 2026-02"),
        ("31.4.2027 10:00", "there is no day 31 in 2027-04"),
        ("3/4/2027 10:00", "ambiguous: 2027-04-03 or 2027-03-04"),
        ("31. Februar 2027 10:00", "is not a date"),
        ("morgen 9:5", "is not a date"),
    ],
)
def test_an_impossible_or_ambiguous_moment_is_refused(text, says):
    with pytest.raises(UsageError) as caught:
        placed(text)
    assert says in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("25/12/2026", (2026, 12, 25)), ("12/25/2026", (2026, 12, 25)), ("2027/3/4", (2027, 3, 4)),
     ("13 Dezember", (2026, 12, 13)), ("12 December", (2026, 12, 12))],
)  # fmt: skip
def test_clear_dates_in_other_orders(text, expected):
    assert dates.parse_date(text, NOW, "--date").timetuple()[:3] == expected


CONFIG = '[user]\nemail = "lea@kranich.example"\ntimezone = "Europe/Berlin"\n'
BAD = [
    ("invite", "--to", "b@acme.example", "--title", "X", "--start", "morgen 25:61"),
    ("invite", "--to", "b@acme.example", "--title", "X", "--start", "2026-13-01 10:00"),
    ("invite", "--to", "b@acme.example", "--title", "X", "--date", "2026-02-30"),
    ("invite", "--to", "b@acme.example", "--title", "X", "--date", "3/4/2027"),
    ("week", "--week", "2026-13-01"),
    ("week", "--start", "2026-13-01"),
    ("propose", "--with", "b@acme.example", "--week", "W60"),
    ("feed", "--week", "32.13.2026"),
    ("classify", "{ics}", "--from", "2026-13-01"),
    ("classify", "{ics}", "--to", "30.2.2027"),
    ("venues", "--open-at", "morgen 25:61"),
    ("invites", "--now", "2026-12-08 25:00"),
    ("replies", "{ics}", "--now", "morgen 25:61"),
]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("args", BAD, ids=lambda a: " ".join(a[:1] + a[-2:]))
def test_every_date_option_refuses_with_one_line(tmp_path: Path, args, lang):
    ics = tmp_path / "work.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(CONFIG + f'[[calendars]]\nname = "w"\nprovider = "ics"\npath = "{ics}"\n')
    argv = [a.format(ics=ics) for a in args]
    argv += ["--lang", lang] + ([] if args[0] == "classify" else ["--config", str(config)])
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and args[-2] in lines[0], result.stderr
    error = "Fehler" if lang == "de" else "error"
    assert lines[0].startswith(f"planner: {error}: ")
    if lang == "de":
        assert not any(w in lines[0] for w in ("is not", "write it", "there is", "ambiguous"))


def run_invite(tmp_path: Path, *args: str):
    """``planner invite ARGS`` with a config that names the user and the zone."""
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    return CliRunner().invoke(main, ["invite", "--config", str(config), *args])


def invite(tmp_path: Path, start: str, *more: str):
    return run_invite(tmp_path, "--to", "b@acme.example", "--title", "X", "--start", start, *more)


def test_refused_zones_write_nothing(tmp_path: Path):
    out = tmp_path / "x.ics"
    result = invite(tmp_path, "2027-03-10 09:00 PST", "--out", str(out))
    assert result.exit_code == 2 and not out.exists()


def test_the_note_names_the_zone_taken(tmp_path: Path):
    result = invite(tmp_path, "2027-03-10 09:00 EST", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert "America/New_York (UTC-05:00)" in result.stderr
    assert "read as" not in result.stderr  # German
    assert "DTSTART;TZID=America/New_York:20270310T090000" in result.stdout


def test_an_offset_is_written_as_the_same_instant_in_utc(tmp_path: Path):
    result = invite(tmp_path, "2027-03-10 09:00 +05:30")
    assert result.exit_code == 0, result.output
    assert "DTSTART:20270310T033000Z" in result.stdout
