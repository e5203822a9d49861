"""The reason a plan gives for a calendar it lacks (planner.calendar.sources.reason_of): one
short phrase, whatever the error; never a URL's token, never the hint meant for stderr."""

from __future__ import annotations

import pytest

from planner.calendar.sources import REASON_LENGTH, reason_of
from planner.errors import AuthError, CalendarReadError, ProviderError
from planner.i18n import speaking

TOKEN = "private-9f8e7d6c5b4a"


@pytest.mark.parametrize(
    "error",
    [
        ProviderError(f"calendar 'work': GET https://cal.example.com/{TOKEN}/basic.ics failed"),
        CalendarReadError(f"https://cal.example.com/x/{TOKEN}/a.ics?key={TOKEN}", "HTTP 500"),
        ProviderError(f"answer from webcal://u:{TOKEN}@cal.example.com/feed?t={TOKEN} broken"),
        RuntimeError(f"unexpected answer of https://cal.example.com/?token={TOKEN}"),
    ],
)
def test_no_token_of_a_url_reaches_the_reason(error: Exception) -> None:
    reason = reason_of(error, "work")
    assert TOKEN not in reason
    assert reason and len(reason) <= REASON_LENGTH


def test_the_reason_has_neither_hint_nor_the_calendars_name_in_front() -> None:
    error = ProviderError(
        "Google calendar 'work': HTTP 500 Backend Error", hint="run 'planner status'"
    )
    assert reason_of(error, "work") == "HTTP 500 Backend Error"
    read = CalendarReadError("/home/mia/cal.ics", "file not found", hint="check 'path'")
    assert reason_of(read, "files") == "file not found"


def test_a_sign_in_problem_is_one_phrase_without_the_token_file() -> None:
    error = AuthError("Google calendar 'g': not signed in (no token file /home/mia/.t/g.json)")
    reason = reason_of(error, "g")
    assert "token file" not in reason and "sign-in" in reason


@pytest.mark.parametrize(("lang", "words"), [("en", "connection refused"), ("de", "Verbindung")])
def test_a_network_error_is_said_as_for_every_online_service(lang: str, words: str) -> None:
    with speaking(lang):
        reason = reason_of(ConnectionRefusedError(111, "Connection refused"), "team")
    assert words in reason


def test_a_long_message_is_cut_to_one_short_line() -> None:
    reason = reason_of(ProviderError("x" * 500 + "\nsecond line"), "team")
    assert len(reason) == REASON_LENGTH and reason.endswith("…")
    assert "second line" not in reason
