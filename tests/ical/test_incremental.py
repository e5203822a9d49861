"""A source that changed a little is read again only where it changed (issue 31): an edited
event is parsed again and the others are not, and the result is what reading the whole source
gives. A spy records the text handed to the real parser."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import planner.ical.reader
import planner.ical.reading
from planner.store import Store
from tests.ical.conftest import generated_calendar
from tests.ical.test_index import (
    END,
    START,
    TZ,
    WEEKLY,
    _Server,
    calendar,
    provider,
    vevent,
    write,
)

UIDS = re.compile(r"^UID:(.*?)\r?$", re.MULTILINE)


@pytest.fixture
def parsed(monkeypatch):
    """The UIDs of the VEVENTs in each text read, one list per call: handed to the real
    parser, or read without it (VEVENTs that are all plain, planner.ical.reading)."""
    calls: list[list[str]] = []
    real = planner.ical.reader.read
    real_plain = planner.ical.reading.read_if_plain

    def spy(data, source, *args, **kwargs):
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        calls.append(UIDS.findall(text))
        return real(data, source, *args, **kwargs)

    def plain_spy(data, source, *args, **kwargs):
        found = real_plain(data, source, *args, **kwargs)
        if found is not None:
            calls.append(UIDS.findall(data))
        return found

    monkeypatch.setattr(planner.ical.reader, "read", spy)
    monkeypatch.setattr(planner.ical.reading, "read_if_plain", plain_spy)
    return calls


def strict(events):
    """Events with what == on aware datetimes ignores: the zone and the wall time."""
    return [(e, e.start.isoformat(), e.end.isoformat(), str(e.start.tzinfo)) for e in events]


def whole(tmp_path: Path, path: Path, start=START, end=END, tz=TZ) -> tuple[list, list[str]]:
    """What a fresh index (the whole file parsed) gives, and its warnings."""
    fresh = Store(tmp_path / f"fresh-{random.random()}.sqlite3")
    warnings: list[str] = []
    try:
        events = provider(fresh, {"path": str(path)}, warnings, tz=tz).events(start, end)
        return events, warnings
    finally:
        fresh.close()


def override(uid: str, day: int, title: str, hour: int) -> str:
    return vevent(
        uid, day, title, hour, extra=f"RECURRENCE-ID;TZID=Europe/Berlin:202612{day:02}T140000\r\n"
    )


def test_an_edited_event_is_read_again_and_the_others_are_not(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    others = [vevent(f"e{i}@t", 7 + i % 5, f"Meeting {i}", 9 + i % 8) for i in range(20)]
    write(path, calendar(*others, WEEKLY))
    first = provider(store, {"path": str(path)}).events(START, END)
    assert len(parsed) == 1 and len(parsed[0]) == 21
    edited = [*others]
    edited[7] = vevent("e7@t", 9, "Meeting 7, moved", 16)
    write(path, calendar(*edited, WEEKLY), age=60)
    second = provider(store, {"path": str(path)}).events(START, END)
    assert parsed[1:] == [["e7@t"]]
    assert strict(second) == strict(whole(tmp_path, path)[0])
    assert {e.title for e in second} - {e.title for e in first} == {"Meeting 7, moved"}


def test_an_override_is_read_again_with_its_series(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off"), WEEKLY))
    provider(store, {"path": str(path)}).events(START, END)
    write(
        path,
        calendar(vevent("a@t", 8, "Kick-off"), WEEKLY, override("weekly@test", 8, "Moved", 17)),
        age=60,
    )
    events = provider(store, {"path": str(path)}).events(START, END)
    assert parsed[1:] == [["weekly@test", "weekly@test"]]
    assert [(e.title, e.start.hour) for e in events] == [("Kick-off", 10), ("Moved", 17)]
    assert strict(events) == strict(whole(tmp_path, path)[0])


def test_a_removed_event_costs_no_parsing_and_an_added_one_only_itself(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta"), WEEKLY))
    provider(store, {"path": str(path)}).events(START, END)
    write(path, calendar(vevent("b@t", 9, "Beta"), WEEKLY), age=60)
    assert [e.title for e in provider(store, {"path": str(path)}).events(START, END)] == [
        "Jour fixe",
        "Beta",
    ]
    write(path, calendar(vevent("c@t", 10, "Gamma"), vevent("b@t", 9, "Beta"), WEEKLY), age=30)
    events = provider(store, {"path": str(path)}).events(START, END)
    assert [e.title for e in events] == ["Jour fixe", "Beta", "Gamma"]
    assert parsed[1:] == [["c@t"]]  # the removal parsed nothing


def test_a_changed_time_zone_definition_reads_the_whole_file(tmp_path, store, parsed):
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Custom\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0{h}00\r\nTZOFFSETTO:+0{h}00\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    event = (
        "BEGIN:VEVENT\r\nUID:z@t\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Custom:20261208T100000\r\n"
        "DTEND;TZID=Custom:20261208T110000\r\nSUMMARY:Zoned\r\nEND:VEVENT\r\n"
    )
    path = tmp_path / "work.ics"
    write(path, calendar(zone.format(h=3), event, vevent("a@t", 9, "Alpha")))
    before = provider(store, {"path": str(path)}).events(START, END)
    write(path, calendar(zone.format(h=5), event, vevent("a@t", 9, "Alpha")), age=60)
    after = provider(store, {"path": str(path)}).events(START, END)
    assert [len(call) for call in parsed] == [2, 2]
    assert after[0].start - before[0].start == timedelta(hours=-2)
    assert strict(after) == strict(whole(tmp_path, path)[0])


def test_a_file_that_warns_is_read_whole_with_its_lines_right(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    good = [vevent(f"e{i}@t", 8, f"Meeting {i}") for i in range(3)]
    broken = "BEGIN:VEVENT\r\nUID:broken@t\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
    write(path, calendar(*good))
    provider(store, {"path": str(path)}).events(START, END)
    write(path, calendar(vevent("new@t", 9, "New", 11), *good, broken), age=60)
    warnings: list[str] = []
    events = provider(store, {"path": str(path)}, warnings).events(START, END)
    expected, expected_warnings = whole(tmp_path, path)
    assert warnings == expected_warnings == [f"{path}:32: skipped a broken event (no DTSTART)"]
    assert strict(events) == strict(expected)
    parsed.clear()
    write(path, calendar(vevent("new@t", 9, "New", 12), *good, broken), age=30)
    provider(store, {"path": str(path)}).events(START, END)
    assert [len(call) for call in parsed] == [5]  # a file that warns is read whole


@pytest.mark.parametrize(
    "change",
    [
        lambda text: text.replace("SUMMARY:Beta", "SUMMARY:Be\rta"),  # a lone CR
        lambda text: text.replace("SUMMARY:Beta", "SUMMARY:Be\u2028ta"),  # an odd line break
        lambda text: text.replace("SUMMARY:Beta", "SUMMARY:Beta\r\n  END:VALARM"),  # indented
        lambda text: text.replace("SUMMARY:Beta", "SUMMARY:Beta\r\nend:valarm"),  # lower case
        lambda text: text[: text.index("\r\nBEGIN:VEVENT\r\nUID:weekly") + 1],  # cut short
    ],
    ids=["lone-cr", "odd-break", "indented", "lower-case", "ends-after-a-known-one"],
)
def test_an_odd_change_reads_the_whole_file(tmp_path, store, parsed, change):
    """The text read again after a change is looked at only in its new pieces and its last:
    what would keep the whole text from being cut there is found all the same."""
    path = tmp_path / "work.ics"
    text = calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta"), WEEKLY).decode()
    write(path, text.encode())
    provider(store, {"path": str(path)}).events(START, END)
    write(path, change(text).encode(), age=60)
    warnings: list[str] = []
    events = provider(store, {"path": str(path)}, warnings).events(START, END)
    assert len(parsed) == 2 and len(parsed[1]) > 1  # read whole
    expected, expected_warnings = whole(tmp_path, path)
    assert strict(events) == strict(expected) and warnings == expected_warnings


def test_a_changed_url_calendar_is_read_again_only_where_it_changed(store, parsed):
    server = _Server()
    try:
        server.body, server.etag = calendar(vevent("a@t", 8, "Kick-off"), WEEKLY), '"v1"'
        provider(store, {"url": server.url}).events(START, END)
        provider(store, {"url": server.url}).events(START, END)  # 304: nothing parsed
        server.body, server.etag = (
            calendar(vevent("a@t", 8, "Kick-off at noon", 12), WEEKLY),
            '"v2"',
        )
        events = provider(store, {"url": server.url}).events(START, END)
    finally:
        server.close()
    assert [e.title for e in events] == ["Kick-off at noon", "Jour fixe"]
    assert parsed == [["a@t", "weekly@test"], ["a@t"]]


@pytest.fixture(scope="module")
def generated() -> bytes:
    return generated_calendar(years=1, meetings=600)


def _edit(text: str, rng: random.Random) -> str:
    """One random edit of a VEVENT: a title, a time, a removal, a copy under a new UID, a new
    EXDATE or override of a series."""
    blocks = [m.span() for m in re.finditer(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, re.S)]
    lo, hi = rng.choice(blocks)
    block = text[lo:hi]
    kind = rng.choice(["title", "time", "remove", "copy", "rule"])
    if kind == "title":
        block = re.sub(r"SUMMARY:[^\r]*", f"SUMMARY:Edited {rng.random():.6f}", block, count=1)
    elif kind == "time":
        block = re.sub(
            r"(DTSTART;TZID=[^:]+:\d{8}T)\d\d",
            lambda m: m.group(1) + f"{rng.randint(7, 19):02}",
            block,
        )
    elif kind == "remove":
        block = ""
    elif kind == "copy":
        block += re.sub(r"UID:[^\r]*", f"UID:copy-{rng.random():.8f}@gen", block, count=1)
    elif "RRULE" in block:
        block = block.replace(
            "END:VEVENT", "EXDATE;TZID=Europe/Berlin:20261215T100000\r\nEND:VEVENT"
        )
    return text[:lo] + block + text[hi:]


def test_many_random_edits_give_what_reading_the_whole_file_gives(tmp_path, store, generated):
    def edits(text: str, rng: random.Random) -> str:
        for _edits in range(rng.randint(1, 4)):
            text = _edit(text, rng)
        return text

    _rounds_agree(tmp_path, store, generated.decode(), edits, random.Random(31))


def _rounds_agree(
    tmp_path, store, text: str, change: Callable[[str, random.Random], str], rng: random.Random
) -> None:
    """Twelve rounds of ``change`` to a calendar file, each read in part as a whole read."""
    path = tmp_path / "gen.ics"
    window = (datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 9, 1, tzinfo=UTC))
    write(path, text.encode())
    provider(store, {"path": str(path)}).events(*window)
    for run in range(12):
        text = change(text, rng)
        write(path, text.encode(), age=600 - run)
        events = provider(store, {"path": str(path)}).events(*window)
        assert strict(events) == strict(whole(tmp_path, path, *window)[0]), f"round {run}"


def test_the_same_events_in_another_zone_are_not_mixed_up(tmp_path, store, parsed):
    """The user's zone is part of the entry's key: another zone reads whole, never in part."""
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Kick-off")))
    provider(store, {"path": str(path)}).events(START, END)
    tokyo = ZoneInfo("Asia/Tokyo")
    write(path, calendar(vevent("a@t", 8, "Kick-off!")), age=60)
    events = provider(store, {"path": str(path)}, tz=tokyo).events(START, END)
    assert strict(events) == strict(whole(tmp_path, path, tz=tokyo)[0])


@pytest.mark.parametrize("parts", ["'nonsense'", "'{\"context\": 1}'", "NULL", "42"])
def test_damaged_parts_mean_the_whole_file_is_read(tmp_path, store, parsed, parts):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta")))
    provider(store, {"path": str(path)}).events(START, END)
    store.conn.execute(f"UPDATE event_index SET parts = {parts}")
    store.conn.commit()
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta!")), age=60)
    events = provider(store, {"path": str(path)}).events(START, END)
    assert [e.title for e in events] == ["Alpha", "Beta!"]
    assert parsed[1:] == [["a@t", "b@t"]]


def test_a_payload_edited_again_and_again_stays_small_and_right():
    from planner.ical.payload import decode_events, encode_events, replace_events
    from tests.ical.test_index import sample_events

    events = sample_events()
    payload = encode_events(events)
    for round_ in range(40):
        moved = replace(events[0], title=f"Version {round_}")
        payload, count = replace_events(payload, {moved.uid}, [moved])
        events = [moved, *events[1:]]
        assert count == len(events)
    assert sorted(decode_events(payload), key=lambda e: e.uid) == sorted(
        events, key=lambda e: e.uid
    )
    assert len(payload) < 3 * len(encode_events(events))  # empty places are written away


def test_the_replaced_payload_comes_back_parsed_as_its_text_says():
    """The events of a payload read in part are decoded from the JSON just built, not from
    its text parsed again: both must be the same payload, whether places were left empty or
    the payload was written afresh."""
    import json

    from planner.ical.payload import decode_data, decode_events, encode_events, replaced
    from tests.ical.test_index import sample_events

    events = sample_events()
    payload = encode_events(events)
    for round_ in range(6):
        moved = replace(events[round_ % len(events)], title=f"Version {round_}")
        payload, data = replaced(payload, {moved.uid}, [moved])
        assert data == json.loads(payload)
        assert strict(decode_data(data, START, END)) == strict(decode_events(payload, START, END))
    gone = {e.uid for e in events}
    payload, data = replaced(payload, gone, events[:1])  # most dropped: written afresh
    assert data == json.loads(payload) and len(decode_data(data)) == 1


def test_a_moved_event_is_not_read_again(tmp_path, store, parsed):
    """A VEVENT moved to another place in the file is known by its digest: nothing is parsed,
    though everything between its old and its new place is looked at."""
    path = tmp_path / "work.ics"
    events = [vevent(f"e{i}@t", 7 + i % 5, f"Meeting {i}", 9 + i % 8) for i in range(12)]
    write(path, calendar(*events, WEEKLY))
    provider(store, {"path": str(path)}).events(START, END)
    moved = [*events[:2], *events[3:9], events[2], *events[9:]]
    write(path, calendar(*moved, WEEKLY), age=60)
    found = provider(store, {"path": str(path)}).events(START, END)
    assert parsed[1:] == []
    assert strict(found) == strict(whole(tmp_path, path)[0])


def test_changes_at_the_beginning_the_end_and_between_are_all_read(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    events = [vevent(f"e{i}@t", 7 + i % 5, f"Meeting {i}", 9 + i % 8) for i in range(12)]
    write(path, calendar(*events, WEEKLY))
    provider(store, {"path": str(path)}).events(START, END)
    first, edited = vevent("new@t", 8, "New"), vevent("e5@t", 10, "Moved", 15)
    changed = [first, *events[:5], edited, *events[6:], events[0]]  # e0 twice; WEEKLY gone
    write(path, calendar(*changed), age=60)
    found = provider(store, {"path": str(path)}).events(START, END)
    assert sorted(map(sorted, parsed[1:])) == [["e0@t", "e0@t", "e5@t", "new@t"]]
    assert strict(found) == strict(whole(tmp_path, path)[0])
    assert "Jour fixe" not in {e.title for e in found}


def test_parts_of_another_layout_are_read_whole_not_misread(tmp_path, store, parsed):
    """Parts are stored with the code that wrote them (a new code reads every source whole);
    parts of another layout, should one be found all the same, mean a whole read."""
    import json

    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta")))
    provider(store, {"path": str(path)}).events(START, END)
    (text,) = store.conn.execute("SELECT parts FROM event_index").fetchone()
    new = json.loads(text)
    old = {  # the layout before digests and groups were kept in file order
        "context": new["context"],
        "steps": new["steps"],
        "pieces": dict(zip(new["digests"], new["keys"], strict=True)),
        "groups": {
            key: [[found], new["uids"].get(key, [])]
            for found, key in zip(new["digests"], new["keys"], strict=True)
        },
    }
    store.conn.execute("UPDATE event_index SET parts = ?", (json.dumps(old),))
    store.conn.commit()
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta!")), age=60)
    events = provider(store, {"path": str(path)}).events(START, END)
    assert [e.title for e in events] == ["Alpha", "Beta!"]
    assert parsed[1:] == [["a@t", "b@t"]]


def test_a_new_event_not_in_utf8_means_a_whole_read_with_its_warning(tmp_path, store, parsed):
    path = tmp_path / "work.ics"
    write(path, calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta"), WEEKLY))
    provider(store, {"path": str(path)}).events(START, END)
    data = calendar(vevent("a@t", 8, "Alpha"), vevent("b@t", 9, "Beta Köln"), WEEKLY)
    write(path, data.replace("ö".encode(), b"\xf6"), age=60)
    warnings: list[str] = []
    events = provider(store, {"path": str(path)}, warnings).events(START, END)
    assert len(parsed) == 2 and len(parsed[1]) == 3  # read whole
    expected, expected_warnings = whole(tmp_path, path)
    assert warnings == expected_warnings and "Windows-1252" in warnings[0]
    assert strict(events) == strict(expected) and "Beta Köln" in {e.title for e in events}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_file_with_a_byte_order_mark_is_read_again_in_part(tmp_path, store, parsed, encoding):
    path = tmp_path / "work.ics"
    events = [vevent("a@t", 8, "Alpha – München"), vevent("b@t", 9, "Beta"), WEEKLY]
    write(path, calendar(*events).decode().encode(encoding))
    provider(store, {"path": str(path)}).events(START, END)
    events[1] = vevent("b@t", 9, "Beta – Köln")
    write(path, calendar(*events).decode().encode(encoding), age=60)
    found = provider(store, {"path": str(path)}).events(START, END)
    assert parsed[1:] == [["b@t"]]
    assert strict(found) == strict(whole(tmp_path, path)[0])


def _shuffle(text: str, rng: random.Random) -> str:
    """VEVENTs moved, copied as they are, added at the beginning or the end, or edited."""
    blocks = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, re.S)
    head, tail = text[: text.index("BEGIN:VEVENT")], "END:VCALENDAR\r\n"
    for _change in range(rng.randint(1, 3)):
        kind = rng.choice(["move", "copy", "first", "last", "title"])
        number = rng.randrange(len(blocks))
        if kind == "move":
            blocks.insert(rng.randrange(len(blocks)), blocks.pop(number))
        elif kind == "copy":
            blocks.insert(rng.randrange(len(blocks)), blocks[number])
        elif kind in ("first", "last"):
            added = re.sub(r"UID:[^\r]*", f"UID:{kind}-{rng.random():.8f}@gen", blocks[number])
            blocks.insert(0 if kind == "first" else len(blocks), added)
        else:
            edited = f"SUMMARY:Edited {rng.random():.6f}"
            blocks[number] = re.sub(r"SUMMARY:[^\r]*", edited, blocks[number], count=1)
    return head + "".join(blocks) + tail


def test_events_moved_copied_and_added_anywhere_give_what_a_whole_read_gives(
    tmp_path, store, generated
):
    _rounds_agree(tmp_path, store, generated.decode(), _shuffle, random.Random(3131))
