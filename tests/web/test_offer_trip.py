"""An offer made for the days of a trip, end to end with real parts: the offer mailed to a
loopback SMTP server (aiosmtpd), picked in headless Chromium on ``planner serve``'s app, booked
into a real Radicale.

Bugs (found by trying the product): Anna from Munich, in a Hamburg hotel until Thursday and on
the train home at 15:00, was offered breakfast in Hamburg on Thursday at 07:45 with "about 431
min" of travel for her, counted from Munich, though she wakes up in Hamburg (the week's
proposals start from the trip's base; the morning the stay ends is part of the trip). And the
offer was called "Coffee: Anna Berger & Bob Ray" to her, "A meeting with Anna Berger" in the
mail's subject and "Business lunch: …" in the calendar when the lunch option was picked: an
offer has one title, said the same on its page, in its mail and in the calendar entry."""

from __future__ import annotations

import contextlib
import email
import re
from datetime import date, datetime, timedelta
from email import policy

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.flows.offers import Offers
from tests.assist import scenario
from tests.flows.offer_world import BOB, state
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)
from tests.providers.radicale_server import free_port
from tests.render.test_html_browser import browser  # noqa: F401  (fixture)
from tests.web.server import running
from tests.web.test_offer_browser import _target

pytestmark = pytest.mark.slow


def _trip(monday: date) -> str:
    """Train to Hamburg on Tuesday, a hotel for two nights, the train home on Thursday."""
    tue, thu = monday + timedelta(days=1), monday + timedelta(days=3)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN",
        "BEGIN:VEVENT", "UID:train-out@db", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Zug ICE 1006 München Hbf - Hamburg Hbf",
        f"DTSTART;TZID=Europe/Berlin:{tue:%Y%m%d}T080000",
        f"DTEND;TZID=Europe/Berlin:{tue:%Y%m%d}T140000", "LOCATION:München Hbf", "END:VEVENT",
        "BEGIN:VEVENT", "UID:hotel@booking", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Hotel: Motel One Hamburg am Michel", f"DTSTART;VALUE=DATE:{tue:%Y%m%d}",
        f"DTEND;VALUE=DATE:{thu:%Y%m%d}", "LOCATION:Ludwig-Erhard-Straße 26\\, 20459 Hamburg",
        "TRANSP:TRANSPARENT", "END:VEVENT",
        "BEGIN:VEVENT", "UID:train-home@db", "DTSTAMP:20260101T000000Z",
        "SUMMARY:Zug ICE 1005 Hamburg Hbf - München Hbf",
        f"DTSTART;TZID=Europe/Berlin:{thu:%Y%m%d}T150000",
        f"DTEND;TZID=Europe/Berlin:{thu:%Y%m%d}T211000", "LOCATION:Hamburg Hbf", "END:VEVENT",
        "END:VCALENDAR", "",
    ]  # fmt: skip
    return "\r\n".join(lines)


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_an_offer_on_a_trip_counts_from_the_hotel_and_has_one_title(
    browser,  # noqa: F811
    isolated_home,
    tmp_path,
    run_server,  # noqa: F811
):
    today = datetime.now(scenario.TZ).date()
    monday = today + timedelta(days=14 - today.weekday())  # the week after next
    trip = tmp_path / "trip.ics"
    trip.write_text(_trip(monday), encoding="utf-8")
    inbox = Inbox()
    smtp = run_server(inbox)
    port = free_port()
    with contextlib.ExitStack() as stack:
        entry, name, written = _target("caldav", isolated_home, tmp_path, None, stack)
        extra = (f'[[calendars]]\nname = "trip"\nprovider = "ics"\npath = "{trip}"\n{entry}'
                 f'[offer]\ncalendar = "{name}"\n'
                 f'[serve]\nbase_url = "http://127.0.0.1:{port}/meet/"\n')  # fmt: skip
        path = scenario.write_config(isolated_home, extra=extra, smtp_port=smtp)
        week = f"{monday:%G-W%V}"
        cli("offer", "--config", str(path), "--with", f"Bob Ray <{BOB}>", "--zone",
            "Europe/London", "--near", "Hamburg", "--week", week, "--count", "5", "--purpose",
            "deal_closing", "--send")  # fmt: skip
        store = state()
        (offer,) = Offers(store).all()
        store.close()
        mail = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
        text = mail.get_body(("plain",)).get_content()
        # every option in Hamburg counts from where Anna is that day, never from Munich
        minutes = [int(m) for m in re.findall(r"Anna Berger: about (\d+) min", text)]
        assert len(minutes) == len(offer.options) >= 3, text
        assert max(minutes) <= 60, text
        assert {o.start.date() for o in offer.options} >= {monday + timedelta(days=3)}, text
        # one title: the offer's, the mail's subject, the page's heading, every option's entry
        kinds = {o.proposal["kind"] for o in offer.options}
        assert len(kinds) > 1  # a breakfast, a lunch, a dinner: still one title
        assert mail["Subject"].startswith(offer.title + " ("), mail["Subject"]
        assert mail["Subject"].count(":") == offer.title.count(":"), mail["Subject"]
        assert {o.meeting().title for o in offer.options} == {offer.title}
        link = re.search(r"Choose online: (\S+)", text).group(1)

        from planner.config import load

        with running(load(path)):
            page = browser.new_page()
            page.goto(link)
            assert page.locator("h1").inner_text() == offer.title
            assert page.title() == offer.title
            last = page.locator("li.option").count() - 1
            picked = offer.options[last]
            page.locator("li.option").nth(last).get_by_role("button").click()
            page.wait_for_load_state("load")
            assert "Thank you" in page.locator(".notice").inner_text()
            page.close()
        events = written()
    (event,) = [e for e in events if picked.uid in e]
    assert f"SUMMARY:{offer.title}" in event.replace("\r\n ", "")
    invitation = email.message_from_bytes(inbox.messages[1][1], policy=policy.default)
    assert offer.title in invitation["Subject"], invitation["Subject"]
