"""Issue 17: Windows zone names in ``Prefer``, getSchedule errors as causes, and the selected
Outlook calendars remembered so a run asks Graph only for changes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.errors import NotSupportedError, ProviderError
from providers.graph_sync import windows_zone
from tests.providers.contract import TZ
from tests.providers.test_provider_outlook import server, signed_in  # noqa: F401 (fixture)

START = datetime(2026, 12, 7, tzinfo=TZ)
END = START + timedelta(days=7)


@pytest.mark.parametrize(
    ("iana", "windows"),
    [
        ("Europe/Berlin", "W. Europe Standard Time"),
        ("America/New_York", "Eastern Standard Time"),
        ("Asia/Tokyo", "Tokyo Standard Time"),
        ("UTC", "UTC"),
        ("Etc/UTC", "UTC"),
    ],
)
def test_iana_zones_become_windows_names(iana, windows):
    assert windows_zone(iana) == windows


def test_every_request_prefers_utc_and_the_answers_are_read(server):  # noqa: F811
    """UTC, a name every endpoint takes: a wall time in the user's zone would not say which of
    the two a time in the hour the clocks repeat is (tests/providers/test_outlook_dst.py)."""
    server.zone_style = "windows"
    server.iana_prefer = False  # as on the endpoints that refuse IANA names
    server.schedules["anna@contoso.example"] = []
    provider = signed_in(server)
    provider.events(START, END)
    assert provider.free_busy(["anna@contoso.example"], START, END) == {"anna@contoso.example": []}
    graph = [r for r in server.log if r.path.startswith("/v1.0/")]
    assert graph and all(r.headers["prefer"] == 'outlook.timezone="UTC"' for r in graph)


@pytest.mark.parametrize(
    ("status", "code", "cause", "hint"),
    [
        (403, "ErrorAccessDenied", "may not read other people's free/busy", "Calendars.Read"),
        (404, "ErrorMailboxNotFound", "no Exchange Online mailbox", ""),
        (400, "ErrorInvalidParameter", "refused the free/busy request", ""),
    ],
)
def test_get_schedule_errors_name_their_cause(server, status, code, cause, hint):  # noqa: F811
    server.fail("getSchedule", status, code=code)
    provider = signed_in(server)
    with pytest.raises(NotSupportedError, match=cause) as caught:
        provider.free_busy(["anna@contoso.example"], START, END)
    assert hint in (caught.value.hint or "")
    assert len(server.requests_to("getSchedule")) == 1  # a refusal is not retried


def test_personal_accounts_say_why_without_asking(server):  # noqa: F811
    server.personal = True
    provider = signed_in(server)
    with pytest.raises(NotSupportedError, match="personal Microsoft accounts"):
        provider.free_busy(["anna@contoso.example"], START, END)


def test_the_selected_calendar_is_remembered_between_runs(server):  # noqa: F811
    def lookups() -> int:
        return sum(r.path == "/v1.0/me/calendar" for r in server.log)

    first = signed_in(server)
    first.events(START, END)
    assert lookups() == 1
    later = signed_in(server)  # a new run: a new provider over the same state database
    later.events(START, END)
    assert lookups() == 1
    server.calendars.pop("cal-default")  # the remembered calendar is gone: one clear error,
    server.add_calendar("Kalender", "cal-new", default=True)  # and the next run looks again
    with pytest.raises(ProviderError):
        signed_in(server).events(START, END)
    assert [e.uid for e in signed_in(server).events(START, END)] == []
    assert lookups() == 2
