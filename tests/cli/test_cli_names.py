"""Names instead of addresses, through the real CLI: a Google calendar (displayName), an Outlook
calendar (Graph emailAddress.name) and an .ics file (CN), each on loopback through the real
client libraries. The week's table, its JSON, the proposals feed, ``propose`` and the
invitation written from a proposal (subject, To, CN) name the counterparts as their calendars
do; the address shows only where no name is known (Graph fills the address in as a name)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.model import Attendee, Event
from tests.cli.test_cli_providers import google_entry, ics_entry, run, write_config, write_ics
from tests.fakes.graph_server import config_entry, sign_in

pytestmark = pytest.mark.slow

TZ = ZoneInfo("Europe/Berlin")
ME = Attendee("user@planner.test", "Uta User")
MONDAY = date.today() - timedelta(days=date.today().weekday()) + timedelta(days=7)
WEEK = "{}-W{:02d}".format(*MONDAY.isocalendar()[:2])
NORA = Attendee("ceo@nordwind.example", "Nora Nordwind")
LARS = Attendee("lieferant@contoso.example", "Lars Lieferant")
GRAPH_QUIRK = Attendee("einkauf@contoso.example", "einkauf@contoso.example")
CLARA = Attendee("cfo@acme.example", "Clara Finanz")
ADDRESSES = ("ceo@nordwind.example", "lieferant@contoso.example", "cfo@acme.example")


def video(uid: str, title: str, day: int, hour: int, *people: Attendee) -> Event:
    start = datetime.combine(MONDAY + timedelta(days=day), datetime.min.time(), TZ)
    start = start.replace(hour=hour)
    return Event(
        uid=uid,
        title=title,
        start=start,
        end=start + timedelta(hours=1),
        description="Join: https://meet.google.com/abc-defg-hij",
        conference_links=("https://meet.google.com/abc-defg-hij",),
        organizer=ME,
        attendees=(ME, *people),
    )


@pytest.fixture
def config(google, graph, tmp_path: Path) -> Path:
    google.seed("primary", [video("g1@x", "Erstgespräch Nordwind", 1, 14, NORA)])
    google.write_token_for("google")
    graph.seed([video("o1@x", "Erstgespräch Lieferplan", 2, 11, LARS, GRAPH_QUIRK)])
    sign_in(graph, "outlook")
    paper = write_ics(
        tmp_path / "paper.ics", [video("i1@x", "Vertragsunterzeichnung", 3, 10, CLARA)]
    )
    return write_config(
        tmp_path, google_entry(google), config_entry(graph, "outlook"), ics_entry(paper)
    )


def test_names_from_google_graph_and_cn_in_json_table_feed_propose_and_invitation(
    config: Path, tmp_path: Path
):
    result = run("week", "--config", str(config), "--week", WEEK, "--format", "json")
    assert result.exit_code == 0, result.output
    events = {e["title"]: e for e in json.loads(result.stdout)["events"]}
    reasons = {t: e["recommendation"]["reason"] for t, e in events.items() if e["recommendation"]}
    assert "Nora Nordwind (nordwind.example)" in reasons["Erstgespräch Nordwind"]  # Google
    assert "Lars Lieferant (contoso.example)" in reasons["Erstgespräch Lieferplan"]  # Graph
    assert "Clara Finanz (acme.example)" in reasons["Vertragsunterzeichnung"]  # CN
    assert not any("@" in reason for reason in reasons.values())
    people = {p["email"]: p["name"] for e in events.values() for p in e["people"]}
    assert people["ceo@nordwind.example"] == "Nora Nordwind"
    assert people["lieferant@contoso.example"] == "Lars Lieferant"
    assert people["einkauf@contoso.example"] == ""  # Graph wrote the address as its name

    table = run("week", "--config", str(config), "--week", WEEK)
    assert table.exit_code == 0, table.output
    for name in ("Nora Nordwind", "Lars Lieferant", "Clara Finanz"):
        assert name in table.stdout
    assert not any(address in table.stdout for address in ADDRESSES)

    feed = tmp_path / "feed.ics"
    out = run("feed", "--config", str(config), "--week", WEEK, "--out", str(feed))
    assert out.exit_code == 0, out.output
    items = icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    assert items, "the flagged meetings get proposals"
    text = "\n".join(
        str(e["DESCRIPTION"]) + str(e["VALARM"] if "VALARM" in e else "") for e in items
    )
    assert "Nora Nordwind" in text or "Lars Lieferant" in text or "Clara Finanz" in text
    assert not any(address in feed.read_text(encoding="utf-8") for address in ADDRESSES)

    proposed = run("propose", "--config", str(config), "--with", NORA.email, "--week", WEEK)
    assert proposed.exit_code == 0, proposed.output
    assert "Proposals to meet Nora Nordwind" in proposed.stdout
    listed = run("propose", "--config", str(config), "--with", NORA.email, "--week", WEEK,
                 "--format", "json")  # fmt: skip
    ident = json.loads(listed.stdout)["proposals"][0]["id"]
    assert ident in proposed.stdout  # the same proposal, listed twice, keeps its identifier
    invited = run("invite", "--config", str(config), "--proposal", ident)
    assert invited.exit_code == 0, invited.output
    assert "To: Nora Nordwind <ceo@nordwind.example>" in invited.stdout
    assert "Nora Nordwind" in invited.stdout.split("Subject:", 1)[1].splitlines()[0]
    assert 'CN="Nora Nordwind"' in invited.stdout or "CN=Nora Nordwind" in invited.stdout
