"""Issue 20, third acceptance point: ``planner feed`` writes RFC 5545 that icalendar and
vobject read, one VEVENT per proposal; written again with changed proposals, unchanged ones
keep their UID and stale ones are gone (in a file and in a folder of one file per event)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from click.testing import CliRunner

from planner import api
from planner.cli import main
from planner.cli.feed import _write_folder
from planner.render.ics_feed import MARKER, feed_bytes, feed_calendar, proposal_uid, proposals_of
from planner.store import Store

MONDAY = date(2026, 12, 7)


def uids(data: bytes) -> list[str]:
    return [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]


def test_feed_validates_with_icalendar_and_vobject_one_vevent_per_proposal(tmp_path):
    out = tmp_path / "planner.ics"
    result = CliRunner().invoke(main, ["feed", "--demo", "--week", "2026-W50", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    assert "METHOD" not in cal
    events = cal.walk("VEVENT")
    with api.demo_session(MONDAY) as (config, first_day):
        plan = api.plan_week(
            config, first_day, now=api.demo_now(config, first_day), store=Store(":memory:")
        )
    proposals = list(proposals_of(plan))
    assert len(proposals) >= 4 and len(events) == len(proposals)
    assert len(set(uids(data))) == len(events)
    for event, (item, proposal) in zip(events, proposals, strict=True):
        assert str(event["STATUS"]) == "TENTATIVE" and str(event["TRANSP"]) == "TRANSPARENT"
        assert event.decoded("DTSTART") == proposal.start
        assert proposal.venue.name in str(event["LOCATION"])
        assert proposal.venue.address in str(event["LOCATION"])
        assert event["GEO"].latitude == pytest.approx(proposal.venue.lat, abs=1e-6)
        description = str(event["DESCRIPTION"])
        assert all(reason in description for reason in proposal.reasons)
        domains = {p.email.lower().rpartition("@")[2] for p in item.event.people()}
        reason = item.recommendation.reason  # without the counterpart's domain (issue 26)
        for domain in domains:  # a name's domain goes, a domain on its own is a counterpart
            reason = reason.replace(f" ({domain})", "").replace(domain, "your counterpart")
        assert reason in description and not any(d in description for d in domains)
        alarm = event.walk("VALARM")[0]
        assert item.event.title in str(alarm["DESCRIPTION"])
        assert alarm.decoded("TRIGGER") == -timedelta(days=1)
    parsed = vobject.readOne(data.decode("utf-8"))
    assert len(parsed.vevent_list) == len(proposals)
    assert {v.uid.value for v in parsed.vevent_list} == set(uids(data))
    assert all(v.dtstart.value.tzinfo is not None for v in parsed.vevent_list)
    parsed.validate()


def changed(plan):
    """The same week with the first flagged meeting's first proposal gone and its second
    proposal moved by an hour."""
    items = list(plan.items)
    index = next(i for i, item in enumerate(items) if len(item.proposals) >= 2)
    first, second, *rest = items[index].proposals
    moved = replace(second, start=second.start + timedelta(hours=1),
                    end=second.end + timedelta(hours=1))  # fmt: skip
    items[index] = replace(items[index], proposals=(moved, *rest))
    gone = {proposal_uid(items[index].event.uid, p) for p in (first, second)}
    return replace(plan, items=tuple(items)), gone, proposal_uid(items[index].event.uid, moved)


def test_second_run_keeps_unchanged_uids_and_drops_stale_ones(plan):
    before = uids(feed_bytes(plan))
    plan2, gone, new = changed(plan)
    after = uids(feed_bytes(plan2))
    assert gone <= set(before) and not gone & set(after)
    assert set(after) - set(before) == {new}
    assert set(before) - gone == set(after) - {new}  # unchanged proposals keep their UID
    assert len(after) == len(set(after)) == len(before) - 1


def test_folder_feed_replaces_its_own_files_and_leaves_others(plan, tmp_path: Path):
    other = tmp_path / "someone-else.ics"
    other.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    written, removed = _write_folder(feed_calendar(plan), tmp_path)
    assert (written, removed) == (len(list(proposals_of(plan))), 0)
    first = {p.name for p in tmp_path.glob("*.ics")} - {other.name}
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.ics")}
    plan2, gone, new = changed(plan)
    later = datetime(2030, 1, 1, tzinfo=UTC)
    written, removed = _write_folder(feed_calendar(plan2, stamp=later), tmp_path)
    kept = {p.name for p in tmp_path.glob("*.ics")} & set(before)
    assert all(before[name] == (tmp_path / name).read_bytes() for name in kept)  # untouched
    assert (written, removed) == (1, 2)  # the moved proposal; the two old ones gone
    files = {p.name for p in tmp_path.glob("*.ics")}
    assert other.name in files  # not the feed's: left alone
    assert len(files - {other.name}) == len(first) - 1
    for path in tmp_path.glob("*.ics"):
        if path != other:
            one = icalendar.Calendar.from_ical(path.read_bytes())
            (event,) = one.walk("VEVENT")
            assert path.name.startswith(str(event["UID"]).split("@")[0])
            assert MARKER in event and one.walk("VTIMEZONE")
            vobject.readOne(path.read_text(encoding="utf-8"))


class TestTheFeedPublishesNothingPrivate:
    """Issue 26: a feed may be published. A private or confidential meeting's proposals are
    "Busy" without title, place or reasons (or absent with [feed] private = "hide"); no
    counterpart's address or domain and no meeting UID is in it."""

    @staticmethod
    def _private_first(plan):
        items = list(plan.items)
        index = next(i for i, item in enumerate(items) if item.proposals)
        secret = replace(
            items[index].event, hints=(*items[index].event.hints, ("CLASS", "PRIVATE"))
        )
        items[index] = replace(items[index], event=secret)
        return replace(plan, items=tuple(items)), items[index]

    def test_a_private_meeting_shows_as_busy(self, plan):
        private_plan, item = self._private_first(plan)
        cal = feed_calendar(private_plan)
        mine = {proposal_uid(item.event.uid, p) for p in item.proposals}
        events = [e for e in cal.walk("VEVENT") if str(e["UID"]) in mine]
        assert len(events) == len(item.proposals)
        for event in events:
            assert str(event["SUMMARY"]) == "Busy"
            assert "LOCATION" not in event and "GEO" not in event and "DESCRIPTION" not in event
            assert item.event.title not in str(event.walk("VALARM")[0]["DESCRIPTION"])
        assert item.event.title.encode() not in cal.to_ical()

    def test_hide_leaves_it_out(self, plan):
        private_plan, item = self._private_first(plan)
        uids = set(uids_of(feed_calendar(private_plan, private="hide")))
        assert not uids & {proposal_uid(item.event.uid, p) for p in item.proposals}
        assert uids  # the other meetings' proposals stay

    def test_no_meeting_uid_no_address_and_no_domain(self, plan):
        data = feed_bytes(plan)
        for item in plan.items:
            assert item.event.uid.encode() not in data
            for person in item.event.people():
                address = person.email.lower()
                assert address.encode() not in data.lower()
                assert address.rpartition("@")[2].encode() not in data.lower()


def uids_of(cal) -> list[str]:
    return [str(e["UID"]) for e in cal.walk("VEVENT")]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "UTC"])
def test_a_week_without_proposals_is_a_valid_calendar_with_the_users_zone(plan, zone):
    """QA report h #14: the empty feed was BEGIN:VCALENDAR … END:VCALENDAR with no component,
    which RFC 5545 (``1*component``) does not allow and some clients refuse. It holds the
    VTIMEZONE of the user's zone alone, no event, and parses with icalendar and, strictly,
    with the ``ical`` library."""
    from zoneinfo import ZoneInfo

    from ical.calendar_stream import IcsCalendarStream

    tz = ZoneInfo(zone)
    empty = replace(plan, items=(), start=plan.start.astimezone(tz))
    data = feed_bytes(empty, stamp=datetime(2026, 12, 7, 6, tzinfo=UTC))
    cal = icalendar.Calendar.from_ical(data)
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE"]
    assert str(cal.subcomponents[0]["TZID"]) == zone
    parsed = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert parsed.events == [] and [z.tz_id for z in parsed.timezones] == [zone]
    vobject.readOne(data.decode("utf-8")).validate()
