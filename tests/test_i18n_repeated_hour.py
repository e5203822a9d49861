"""Every time the texts show is unmistakable on the night the clocks go back (QA time pass,
finding 7): a span with a time the clocks show twice names the zone's abbreviation at each
end, in every language, where "02:30–03:30" read as one hour for two."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.i18n import day_span, day_time, local_span, speaking, twice
from planner.render.labels import time_span

BERLIN, NEW_YORK = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")


def at(zone: ZoneInfo, utc: str) -> datetime:
    return datetime.fromisoformat(utc).replace(tzinfo=UTC).astimezone(zone)


@pytest.mark.parametrize(("zone", "start", "hours", "want"), [
    # Berlin, 25 Oct 2026: 02:30 CEST (00:30 UTC), then 02:30 CET (01:30 UTC)
    (BERLIN, "2026-10-25T00:30", 1, "02:30 CEST–02:30 CET"),
    (BERLIN, "2026-10-25T00:30", 2, "02:30 CEST–03:30 CET"),
    (BERLIN, "2026-10-25T01:15", 1, "02:15 CET–03:15 CET"),
    # New York, 1 Nov 2026: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC)
    (NEW_YORK, "2026-11-01T05:30", 1, "01:30 EDT–01:30 EST"),
])  # fmt: skip
def test_a_span_in_the_repeated_hour_names_its_zone(zone, start, hours, want):
    begin = at(zone, start)
    end = (begin.astimezone(UTC) + timedelta(hours=hours)).astimezone(zone)
    assert want in day_span(begin, end)
    assert time_span(begin, end, False) == want
    for language in ("en", "de"):
        with speaking(language):
            assert want in day_span(begin, end)


def test_one_moment_in_the_repeated_hour_names_its_zone():
    first, second = at(BERLIN, "2026-10-25T00:30"), at(BERLIN, "2026-10-25T01:30")
    assert day_time(first).endswith("02:30 CEST") and day_time(second).endswith("02:30 CET")
    with speaking("de"):
        assert day_time(second).endswith("02:30 CET")


@pytest.mark.parametrize("utc", ["2026-10-24T10:00", "2026-10-25T09:00", "2026-03-29T01:30"])
def test_other_times_stay_bare(utc):
    begin = at(BERLIN, utc)
    end = (begin.astimezone(UTC) + timedelta(hours=1)).astimezone(BERLIN)
    assert not twice(begin, end)
    assert "CE" not in day_span(begin, end) and "CE" not in day_time(begin)


def test_the_local_time_of_a_place_is_unmistakable_too():
    """A Berlin user's meeting in New York at 01:30 on the night New York's clocks go back."""
    begin = at(NEW_YORK, "2026-11-01T05:30").astimezone(BERLIN)
    end = (begin.astimezone(UTC) + timedelta(minutes=45)).astimezone(BERLIN)
    assert "01:30 EDT–01:15 EST" in local_span(begin, end, "America/New_York", BERLIN)


def test_offers_counters_and_the_invitations_list_name_the_zone_in_the_repeated_hour():
    """The same rule where the counterpart picks a time (the offer's texts), where a counter
    is said (``planner invites``) and in the invitations' list beside the meeting's own zone."""
    from planner.config.loader import default_config
    from planner.flows.followup_steps import span_words
    from planner.flows.offers import Option
    from planner.render.invites import there
    from planner.render.offer_text import span

    begin = at(BERLIN, "2026-10-25T00:30")  # 02:30 CEST
    end = (begin.astimezone(UTC) + timedelta(hours=1)).astimezone(BERLIN)  # 02:30 CET
    option = Option(1, {"start": begin.isoformat(), "end": end.isoformat()}, {})
    assert "02:30 CEST–02:30 CET" in span(option, BERLIN)
    config = default_config(user={"timezone": "America/New_York"})
    assert "02:30 CEST–02:30 CET Europe/Berlin" in span_words(begin, end, config, "Europe/Berlin")
    assert there(begin, end, "Europe/Berlin") == " (02:30 CEST–02:30 CET Europe/Berlin)"
