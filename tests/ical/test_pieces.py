"""A calendar cut into pieces is read in pieces only when every piece is exactly the VEVENT the
line-by-line reading finds: on every known file and on mutations of them, the pieces that pass
their check are those blocks, at the same lines; odd shapes are refused."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from planner.ical import incremental, layout, pieces
from tests.ical.conftest import generated_calendar
from tests.ical.fuzzing import mutate, seeds
from tests.ical.test_layout import FILES

WINDOW = (datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 9, 1, tzinfo=UTC))


def _near(block: layout.Block) -> bool:
    """The blocks the parser reads: every one but a VEVENT that cannot touch the window."""
    from planner.ical.parsing import _Window

    return block.name != "VEVENT" or _Window(WINDOW).may_touch(block)


def agree(text: str) -> bool:
    """Whether a text that cuts into checked pieces has the layout the scan finds (the blocks
    and, where no line needs repair, the very lines); True when it does not cut (it is then
    read whole, scanned line by line)."""
    made = incremental._prepare(text)
    if made is None:
        return True
    header, blocks = layout.scan(text)
    events = [b for b in blocks if b.name == "VEVENT"]
    if any(b.name in ("VEVENT", "VCALENDAR") for b in blocks if b not in events):
        return False
    mine = pieces.blocks(made.cut)
    if [(b.line, len(b.lines)) for b in events] != [(b.line, len(b.lines)) for b in mine]:
        return False
    return made.layout(text, WINDOW) in (None, (header, [b for b in blocks if _near(b)]))


@pytest.mark.parametrize("name,data", FILES, ids=[name for name, _ in FILES])
def test_pieces_are_the_blocks_of_every_known_file(name, data):
    assert agree(data.decode("utf-8", errors="replace"))


def test_pieces_are_the_blocks_of_mutated_files():
    rng = random.Random(311)
    files = seeds()
    for _run in range(400):
        _name, data = rng.choice(files)
        assert agree(mutate(data, rng).decode("utf-8", errors="replace"))


def calendar(*events: str, head: str = "", tail: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + head + "".join(events) + tail + "END:VCALENDAR\r\n"
    )


EVENT = "BEGIN:VEVENT\r\nUID:a@t\r\nDTSTART:20261208T100000Z\r\nSUMMARY:A\r\nEND:VEVENT\r\n"
ALARM = EVENT.replace("END:VEVENT", "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\nEND:VEVENT")


def checked(text: str) -> bool:
    cut = pieces.cut(text)
    last = len(cut.pieces) - 1 if cut else 0
    return cut is not None and all(pieces.check(p, n == last) for n, p in enumerate(cut.pieces))


def test_a_plain_calendar_is_read_in_pieces_with_alarms_and_either_line_end():
    assert checked(calendar(EVENT, ALARM, EVENT.replace("a@t", "b@t")))
    assert checked(calendar(EVENT, ALARM).replace("\r\n", "\n"))


@pytest.mark.parametrize(
    "text",
    [
        calendar(EVENT, "BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\n", EVENT),  # between events
        calendar(EVENT, tail="X-WR-CALNAME:After\r\n"),  # calendar lines after the events
        calendar(EVENT, "  BEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\n"),  # indented marker
        calendar(EVENT, "begin:vevent\r\nUID:b\r\nend:vevent\r\n"),  # lower case
        calendar(EVENT.replace("END:VEVENT\r\n", ""), EVENT),  # an END lost
        calendar(ALARM.replace("END:VALARM\r\n", "")),  # an alarm never closed
        calendar(EVENT) + calendar(EVENT),  # two calendars
        calendar(EVENT).replace("SUMMARY:A\r\n", "SUMMARY:A\rB\r\n"),  # a lone CR
        calendar(EVENT, head="X-NOTE:see BEGIN:VEVENT\r\n"),  # the word in the context
        calendar(EVENT, head="BEGIN:VTIMEZONE\r\nBEGIN:STANDARD\r\nEND:STANDARD\r\n"),  # open
    ],
    ids=["todo-between", "lines-after", "indented", "lower-case", "end-lost", "alarm-open",
         "two-calendars", "lone-cr", "word-in-head", "zone-open"],
)  # fmt: skip
def test_other_shapes_are_read_whole(text):
    assert not checked(text) and agree(text)


def test_a_series_and_its_overrides_are_one_group_keyed_by_the_uid_as_parsed():
    master = EVENT.replace("UID:a@t", "UID:a\\,b@t")
    moved = master.replace("SUMMARY:A", "RECURRENCE-ID:20261215T100000Z\r\nSUMMARY:Moved")
    anonymous = EVENT.replace("UID:a@t\r\n", "")
    cut = pieces.cut(calendar(master, anonymous, moved))
    keys = [pieces.group_key(p) for p in cut.pieces]
    assert keys[0] == keys[2] == "a,b@t" and keys[1].startswith("\0")
    assert cut.lines == [3, 8, 12]


def test_a_large_export_is_laid_out_from_its_pieces_exactly_as_the_scan_would():
    text = generated_calendar(years=1, meetings=500).decode()
    made = incremental._prepare(text)
    header, blocks = layout.scan(text)
    assert made is not None and made.layout(text, WINDOW) == (header, list(filter(_near, blocks)))
    again = incremental._prepare(text)
    assert again is not None
    assert again.layout(text.replace("\r\nDTSTART", "\r\n  DTSTART", 1), WINDOW) is None


def test_digests_taken_from_the_bytes_are_those_of_the_text_and_runs_spare_the_known():
    """split_data digests the pieces of UTF-8 bytes as digest() digests those of the text
    (with or without a byte order mark); a run of pieces whose bytes an earlier text had is
    not digested again: its pieces get the digests handed in (here stand-ins, to see it)."""
    text = generated_calendar(years=1, meetings=500).decode()
    cut = pieces.cut(text)
    expected = [pieces.digest(piece) for piece in cut.pieces]
    for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        found, digests, runs = pieces.split_data(data)
        assert digests == expected and found.context == cut.context
        assert list(found.pieces) == list(cut.pieces)
    stand_ins = [f"known {n}" for n in range(len(expected))]
    assert pieces.split_data(text.encode(), runs, stand_ins)[1] == stand_ins
    number = len(cut.pieces) // 2  # an edit in place: only its run is digested
    edited = text.replace(cut.pieces[number], cut.pieces[number].replace("SUMMARY:", "SUMMARY:X"))
    digests = pieces.split_data(edited.encode(), runs, stand_ins)[1]
    fresh = {n for n, found in enumerate(digests) if found != stand_ins[n]}
    first = number - number % pieces.RUN
    assert number in fresh and fresh <= set(range(first, first + pieces.RUN))
    new = "BEGIN:VEVENT\r\nUID:new\r\nEND:VEVENT\r\n"
    added = edited.replace("BEGIN:VEVENT", new + "BEGIN:VEVENT", 1)
    assert pieces.split_data(added.encode(), runs, stand_ins)[1] == [
        pieces.digest(piece) for piece in pieces.cut(added).pieces
    ]  # every run moved: all digested
    assert pieces.split_data(text.encode("utf-16")) is None
