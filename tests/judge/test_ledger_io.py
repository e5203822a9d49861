"""The contact ledger as CSV and JSON: a round trip keeps every meeting, an import is checked
as a whole (bad rows named with file and line, nothing half-written), imported meetings
survive calendar updates, and importing twice changes nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import default_config
from planner.judge.ledger_io import (
    LedgerImportError,
    export_csv,
    export_json,
    import_rows,
    read_file,
)
from planner.judge.relations import IMPORTED, Ledger
from planner.model import Attendee, Event, Mode, Response
from planner.store import Store

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 8, tzinfo=TZ)
CONFIG = default_config(user={"email": "anna@berger.example", "domains": ["berger.example"]})


def meeting(uid: str, days_ago: int, *emails: str, name: str = "") -> Event:
    start = NOW - timedelta(days=days_ago)
    return Event(
        uid=uid,
        title=uid,
        start=start,
        end=start + timedelta(hours=1),
        attendees=(Attendee("anna@berger.example", "Anna", Response.ACCEPTED),)
        + tuple(Attendee(e, name, Response.ACCEPTED) for e in emails),
    )


def ledger_with(store: Store) -> Ledger:
    ledger = Ledger.open(store, CONFIG)
    events = [
        (meeting("a", 200, "lena@hafen.example", name="Lena Hansen"), Mode.IN_PERSON),
        (meeting("b", 40, "lena@hafen.example", "tom@hafen.example"), Mode.VIRTUAL),
        (meeting("c", 3, "jürgen@bücher.example", name='Jürgen "JJ" Müller, Dr.'), Mode.PHONE),
    ]
    ledger.update(events, now=NOW)
    return ledger


def summary_of(ledger: Ledger) -> list[tuple]:
    return [(m.start, m.end, m.mode, m.people) for m in ledger.all()]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_and_import_round_trip(tmp_path, fmt):
    source = ledger_with(Store(":memory:"))
    text = (export_csv if fmt == "csv" else export_json)(source.all(), TZ)
    path = tmp_path / f"ledger.{fmt}"
    path.write_text(text, encoding="utf-8")
    target = Ledger.open(Store(":memory:"), CONFIG)
    result = import_rows(target, read_file(path, TZ), apply=True)
    assert result.added == 3 and result.written
    assert summary_of(target) == summary_of(source)
    assert all(m.key[0].startswith(IMPORTED) for m in target.all())
    assert target.summary("jürgen@bücher.example").count(Mode.PHONE) == 1
    assert target.name_of("lena@hafen.example") == "Lena Hansen"
    # exported again, the file says the same
    again = (export_csv if fmt == "csv" else export_json)(target.all(), TZ)
    assert again.replace(IMPORTED, "") == text


def test_importing_twice_changes_nothing(tmp_path):
    path = tmp_path / "l.json"
    path.write_text(export_json(ledger_with(Store(":memory:")).all(), TZ))
    target = Ledger.open(Store(":memory:"), CONFIG)
    import_rows(target, read_file(path, TZ), apply=True)
    result = import_rows(target, read_file(path, TZ), apply=True)
    assert (result.added, result.replaced, result.unchanged) == (0, 0, 3)


def test_a_meeting_the_calendar_already_holds_is_skipped(tmp_path):
    store = Store(":memory:")
    ledger = ledger_with(store)
    path = tmp_path / "l.csv"
    path.write_text(export_csv(ledger.all(), TZ))
    result = import_rows(ledger, read_file(path, TZ), apply=True)
    assert result.skipped == 3 and result.added == 0 and len(ledger) == 3


def test_imported_meetings_survive_a_calendar_update(tmp_path):
    store = Store(":memory:")
    path = tmp_path / "seed.csv"
    path.write_text(
        "uid,start,end,mode,email,name\n"
        ",2026-09-01T12:00+02:00,,in person,ole@nord.example,Ole Brandt\n"
    )
    ledger = Ledger.open(store, CONFIG)
    import_rows(ledger, read_file(path, TZ), apply=True)
    ledger.update([], now=NOW)  # the calendars say nothing of that meeting
    reopened = Ledger.open(store, CONFIG)
    assert reopened.summary("ole@nord.example").last_in_person is not None


def test_a_dry_run_writes_nothing(tmp_path):
    store = Store(":memory:")
    path = tmp_path / "l.json"
    path.write_text(export_json(ledger_with(Store(":memory:")).all(), TZ))
    ledger = Ledger.open(store, CONFIG)
    result = import_rows(ledger, read_file(path, TZ), apply=False)
    assert result.added == 3 and not result.written
    assert len(Ledger.open(store, CONFIG)) == 0


def test_bad_csv_rows_are_named_by_line_and_nothing_is_written(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "uid,start,end,mode,email,name\n"
        "x1,2026-09-01T12:00+02:00,,in_person,ole@nord.example,Ole\n"
        "x2,gestern,,in_person,ole@nord.example,Ole\n"
        "x3,2026-09-02T12:00+02:00,,sometimes,ole@nord.example,Ole\n"
        "x4,2026-09-03T12:00+02:00,2026-09-03T11:00+02:00,video,ole@nord.example,Ole\n"
        "x5,2026-09-04T12:00+02:00,,Telefon,no address,Ole\n"
    )
    with pytest.raises(LedgerImportError) as caught:
        read_file(path, TZ)
    problems = caught.value.problems
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "no date and time" in problems[0] and "'mode' must be" in problems[1]
    assert "'end' must lie after 'start'" in problems[2]
    assert "not an e-mail address" in problems[3]
    assert "nothing was imported" in str(caught.value)


def test_bad_json_rows_are_named_by_line(tmp_path):
    path = tmp_path / "bad.json"
    good = {
        "uid": "g",
        "start": "2026-09-01T12:00+02:00",
        "mode": "in_person",
        "people": [{"email": "ole@nord.example"}],
    }
    bad = {"uid": "b", "start": "2026-09-01T12:00+02:00", "mode": "in_person", "people": []}
    path.write_text(json.dumps({"version": 1, "meetings": [good, bad]}, indent=2))
    with pytest.raises(LedgerImportError) as caught:
        read_file(path, TZ)
    (problem,) = caught.value.problems
    line = path.read_text().splitlines().index("    {", 10) + 1
    assert problem.startswith(f"{path}:{line}: ") and "at least one person" in problem
    path.write_text('{"meetings": [')
    with pytest.raises(LedgerImportError, match="not valid JSON"):
        read_file(path, TZ)


def test_a_meeting_with_only_colleagues_is_refused(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("uid,start,mode,email\nx,2026-09-01,in person,kai@berger.example\n")
    with pytest.raises(LedgerImportError, match="line 2: names nobody but you"):
        import_rows(Ledger.open(Store(":memory:"), CONFIG), read_file(path, TZ), apply=True)


def test_a_header_without_the_needed_columns_is_refused(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("date,who\n2026-09-01,ole@nord.example\n")
    with pytest.raises(LedgerImportError, match=r":1: the header lacks start, mode, email"):
        read_file(path, TZ)


MODES = st.sampled_from([Mode.IN_PERSON, Mode.VIRTUAL, Mode.HYBRID, Mode.PHONE, Mode.UNKNOWN])
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    lambda s: " ".join(s.split())
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 700),
            st.integers(5, 600),
            MODES,
            NAMES,
            st.sampled_from(["lena@hafen.example", "jürgen@bücher.example", "o'neil@nord.example"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_ledger_survives_both_formats(tmp_path_factory, meetings):
    source = Ledger.open(Store(":memory:"), CONFIG)
    events = []
    for index, (days, minutes, mode, name, email) in enumerate(meetings):
        start = NOW - timedelta(days=days, minutes=index)
        event = Event(
            f"m{index}",
            "t",
            start,
            start + timedelta(minutes=minutes),
            attendees=(Attendee(email, name, Response.ACCEPTED),),
        )
        events.append((event, mode))
    source.update(events, now=NOW, lookback_days=800)
    folder = tmp_path_factory.mktemp("ledger")
    for writer, name in ((export_csv, "l.csv"), (export_json, "l.json")):
        path = folder / name
        path.write_text(writer(source.all(), TZ), encoding="utf-8")
        target = Ledger.open(Store(":memory:"), CONFIG)
        import_rows(target, read_file(path, TZ), apply=True)
        assert summary_of(target) == summary_of(source)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_restored_export_and_the_calendars_count_each_meeting_once(tmp_path, fmt):
    """A backup restored into a new install, then the calendars read: every meeting was there
    twice ('<uid>' from the calendar beside 'import:<uid>' from the file), 20 video calls with
    someone met 10 times."""
    events = [
        (meeting("a", 200, "lena@hafen.example", name="Lena Hansen"), Mode.IN_PERSON),
        (meeting("b", 40, "lena@hafen.example", "tom@hafen.example"), Mode.VIRTUAL),
    ]
    source = Ledger.open(Store(":memory:"), CONFIG)
    source.update(events, now=NOW)
    path = tmp_path / f"backup.{fmt}"
    path.write_text((export_csv if fmt == "csv" else export_json)(source.all(), TZ))
    store = Store(":memory:")
    restored = Ledger.open(store, CONFIG)
    assert import_rows(restored, read_file(path, TZ), apply=True).added == 2
    restored.update(events, now=NOW)  # the same calendars, read in the new install
    assert len(restored) == 2
    lena = restored.summary("lena@hafen.example")
    assert (lena.meetings, lena.in_person) == (2, 1)
    assert len(Ledger.open(store, CONFIG)) == 2  # and so it stays written
    again = import_rows(restored, read_file(path, TZ), apply=True)  # restored twice
    assert (again.added, again.skipped) == (0, 2) and len(restored) == 2


def test_an_import_written_with_an_offset_in_its_key_is_the_same_meeting(tmp_path):
    """Imports of earlier versions kept the export's offset in the key ('…+01:00'): importing
    the file again updates those meetings instead of adding them a second time."""
    from planner.judge.history import Meeting

    store = Store(":memory:")
    ledger = Ledger.open(store, CONFIG)
    start = datetime(2026, 9, 1, 12, tzinfo=TZ)
    old = Meeting((IMPORTED + "x1", start.isoformat()), start, start + timedelta(hours=1),
                  Mode.VIRTUAL, (("ole@nord.example", "Ole Brandt"),))  # fmt: skip
    ledger.add_imported([old])
    path = tmp_path / "seed.csv"
    path.write_text(
        "uid,start,end,mode,email,name\n"
        "x1,2026-09-01T12:00+02:00,2026-09-01T13:00+02:00,in person,ole@nord.example,Ole Brandt\n"
    )
    result = import_rows(ledger, read_file(path, TZ), apply=True)
    assert (result.added, result.replaced) == (0, 1) and len(ledger) == 1
    assert ledger.summary("ole@nord.example").in_person == 1


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_spreadsheet_with_semicolons_or_tabs_is_read(tmp_path, separator):
    """A German spreadsheet saves CSV with ";": it was refused as "the header lacks start,
    mode, email", with no word of the separator."""
    path = tmp_path / "kontakte.csv"
    rows = [
        ["uid", "start", "end", "mode", "email", "name"],
        ["", "2026-09-01T12:00+02:00", "", "vor Ort", "ole@nord.example", "Ole Brandt"],
    ]
    path.write_text("\ufeff" + "\n".join(separator.join(r) for r in rows) + "\n", encoding="utf-8")
    ledger = Ledger.open(Store(":memory:"), CONFIG)
    assert import_rows(ledger, read_file(path, TZ), apply=True).added == 1
    assert ledger.summary("ole@nord.example").in_person == 1


def test_every_problem_of_a_row_is_named_and_a_short_row_says_so(tmp_path):
    """A row with a bad date, the mode 'teleport' and no address named only the date; a row of
    two fields was "'' is not an e-mail address"."""
    path = tmp_path / "broken.csv"
    path.write_text(
        "uid,start,end,mode,email,name\n"
        "x,2026-13-45T10:00,,teleport,not-an-address,Ole\n"
        "y,2026-09-01T12:00\n"
    )
    with pytest.raises(LedgerImportError) as caught:
        read_file(path, TZ)
    first, second = caught.value.problems
    assert first.startswith(f"{path}:2: ") and "teleport" in first and "not-an-address" in first
    assert "start" in first
    assert second == f"{path}:3: 2 of 6 fields (a line cut short, or another separator?)"
