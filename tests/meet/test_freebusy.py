"""Issue 17: free/busy asked once per service for all counterparts, kept for a while, and the
addresses nobody can tell about summed up in one line."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.config.schema import SourceConfig
from planner.errors import NotSupportedError
from planner.meet.freebusy import FreeBusyLookup
from planner.model import Interval
from planner.store import Store
from providers.base import ProviderContext
from providers.free_busy import EXTERNAL, FreeBusyAnswer
from providers.memory import MemoryProvider

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 12, 7, tzinfo=TZ)
END = START + timedelta(days=14)
ANNA, BEN, GHOST = "anna@acme.example", "ben@acme.example", "ghost@elsewhere.example"


def busy(day: int, hour: int) -> Interval:
    start = datetime(2026, 12, day, hour, tzinfo=TZ)
    return Interval(start, start + timedelta(hours=1))


class Counting(MemoryProvider):
    """The memory provider, counting its free/busy requests and naming unknown addresses."""

    def __init__(self, name: str, table: dict[str, list[Interval]], supported: bool = True):
        super().__init__(SourceConfig(name, "memory", {"free_busy": table}), ProviderContext(TZ))
        self.asked: list[list[str]] = []
        self.supported = supported

    def free_busy(self, emails, start, end):
        self.asked.append(list(emails))
        if not self.supported:
            raise NotSupportedError("personal account", hint="")
        answer = FreeBusyAnswer(super().free_busy(emails, start, end))
        for email in emails:
            if email.lower() not in self.source.options["free_busy"]:
                del answer[email]
                answer.unknown[email] = EXTERNAL
        return answer


def test_one_request_per_service_for_everyone_of_a_run(tmp_path):
    google = Counting("google", {ANNA: [busy(8, 9)]})
    outlook = Counting("outlook", {BEN: [busy(9, 14)], ANNA: [busy(8, 15)]})
    lookup = FreeBusyLookup([google, outlook], tz=TZ, store=Store(tmp_path / "s.db"))
    lookup.prefetch([ANNA, BEN, GHOST, ANNA.upper()], START, END)
    assert lookup([ANNA], START, END) == [busy(8, 9), busy(8, 15)]  # merged across services
    assert lookup(BEN, START, END) == [busy(9, 14)]
    assert lookup([ANNA, BEN], START + timedelta(days=1), END) == [
        busy(8, 9),
        busy(8, 15),
        busy(9, 14),
    ]
    assert lookup([GHOST], START, END) is None  # nobody could tell
    assert google.asked == [[ANNA, BEN, GHOST]] and outlook.asked == [[ANNA, BEN, GHOST]]
    assert lookup.unknown() == {GHOST: EXTERNAL}


def test_answers_are_kept_in_the_state_database_for_the_configured_time(tmp_path):
    store = Store(tmp_path / "s.db")
    clock = [1000.0]

    def run() -> tuple[Counting, list[Interval] | None]:
        provider = Counting("google", {ANNA: [busy(8, 9)]})
        lookup = FreeBusyLookup(
            [provider], tz=TZ, store=store, cache_minutes=30, clock=lambda: clock[0]
        )
        return provider, lookup([ANNA, GHOST], START, END)

    first, found = run()
    assert first.asked == [[ANNA, GHOST]] and found == [busy(8, 9)]
    clock[0] += 29 * 60
    again, found = run()
    assert again.asked == [] and found == [busy(8, 9)]  # a repeat run asks nothing
    clock[0] += 2 * 60
    late, _found = run()
    assert late.asked == [[ANNA, GHOST]]  # older than 30 minutes: asked again
    wider = FreeBusyLookup([late], tz=TZ, store=store, clock=lambda: clock[0])
    wider([ANNA], START, END + timedelta(days=1))  # a window the cache does not cover
    assert late.asked[-1] == [ANNA]


def test_no_cache_when_switched_off(tmp_path):
    store = Store(tmp_path / "s.db")
    for _ in range(2):
        provider = Counting("google", {ANNA: []})
        FreeBusyLookup([provider], tz=TZ, store=store, cache_minutes=0)([ANNA], START, END)
        assert provider.asked == [[ANNA]]


def test_a_service_that_cannot_tell_is_asked_once(caplog):
    personal = Counting("outlook", {}, supported=False)
    lookup = FreeBusyLookup([personal], tz=TZ)
    with caplog.at_level(logging.INFO, logger="planner"):
        assert lookup([ANNA], START, END) is None
        assert lookup([BEN], START, END) is None
    assert personal.asked == [[ANNA]]
    assert [r.levelno for r in caplog.records] == [logging.INFO]  # not actionable: no warning


def test_unknown_addresses_are_one_warning_and_an_info_line_names_them(caplog):
    lookup = FreeBusyLookup([Counting("google", {ANNA: []})], tz=TZ)
    lookup.prefetch([ANNA, GHOST, "pm@nordwind.example"], START, END)
    with caplog.at_level(logging.INFO, logger="planner"):
        lookup.report()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(warnings) == 1 and "2 addresses" in warnings[0] and GHOST not in warnings[0]
    assert len(infos) == 1 and GHOST in infos[0] and "pm@nordwind.example" in infos[0]
