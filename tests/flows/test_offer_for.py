"""``planner offer --for UID``: an offer made for one meeting of the calendar, as ``planner
propose --for`` proposes for it: its counterpart, its purpose and week, its title; the week
shows the offer under that meeting alone and keeps proposing for the others.

Gap (found by using the product): the week flags Jonas's intro call and, separately, the
contract negotiation by Teams; ``planner offer --with JONAS`` made an offer tied to neither,
so it stood under both and held back the proposals of both."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from planner.store import open_store
from tests.flows.test_week_made_for import INTRO, JONAS, REVIEW, config, table, week

__all__ = ["config"]  # the fixture, shared with test_week_made_for

SIGNING = "040000008200E00074C5B7101A82E008686F666D616E6E2D7369676E696E67"  # two counterparts


def offer(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["offer", *args])
    return result.exit_code, result.stdout, result.stderr


def test_an_offer_for_a_meeting_stands_under_it_alone(config: str):
    page = Path(config).parent / "offer.html"
    code, _out, err = offer("--config", config, "--for", REVIEW[:12], "--out", str(page))
    assert code == 0, err
    assert f"to Jonas Peters <{JONAS}>: Vertragsverhandlung Lagerplanung Nordlicht" in err
    assert "Vertragsverhandlung Lagerplanung Nordlicht" in page.read_text(encoding="utf-8")
    after = week(config)
    (state,) = after[REVIEW]["invitations"]
    assert state["status"] == "open", state
    assert after[REVIEW]["proposals"] == []
    assert "invitations" not in after[INTRO] and after[INTRO]["proposals"]
    assert table(config).count("✉ offer") == 1


def test_a_dry_run_for_a_meeting_keeps_nothing(config: str):
    code, out, err = offer("--config", config, "--for", INTRO)
    assert code == 0, err
    assert "dry run: nothing was sent or kept" in err
    assert "Erstgespräch" in out  # the meeting's own title, not "Meeting: A & B"
    after = week(config)
    assert "invitations" not in after[INTRO] and after[INTRO]["proposals"]


def test_a_meeting_with_two_counterparts_is_no_one_persons_choice(config: str):
    code, _out, err = offer("--config", config, "--for", SIGNING)
    assert code != 0
    line = " ".join(err.split())
    assert "an offer is one person's choice, and this meeting has 2 counterparts" in line
    assert "Dr. Katrin Hofmann, Jan Ott" in line
    assert f"'planner propose --for {SIGNING}' and 'planner invite --proposal ID'" in line
    assert "Traceback" not in err
    code, _out, german = offer("--config", config, "--for", SIGNING, "--lang", "de")
    assert "ein Angebot ist die Wahl einer Person, und dieser Termin hat 2 Gegenüber" in " ".join(
        german.split()
    )


def test_for_is_one_of_the_ways_to_name_whom(config: str):
    code, _out, err = offer("--config", config, "--for", INTRO, "--with", JONAS)
    assert code != 0
    assert "give one of --with EMAIL, --for UID, --book ID or --withdraw ID" in err
    code, _out, err = offer("--config", config, "--for", "no-such-uid")
    assert code != 0 and "--for no-such-uid: no meeting with this UID" in " ".join(err.split())


def test_the_offer_is_kept_with_the_meeting_it_is_for(config: str):
    page = str(Path(config).parent / "o.html")
    code, _out, err = offer("--config", config, "--for", INTRO, "--out", page)
    assert code == 0, err
    store = open_store()
    rows = [json.loads(text) for (text,) in store.conn.execute("SELECT data FROM offers")]
    store.close()
    (kept,) = rows
    assert kept["counterpart"] == JONAS and kept["title"] == "Erstgespräch Nordlicht Logistik"
    assert {option["invitation"]["for_event"] for option in kept["options"]} == {INTRO}
    # each option a meeting of its own (a pick or an opened .ics must not move the meeting
    # itself, which the user organizes), saying what it replaces
    uids = [option["invitation"]["uid"] for option in kept["options"]]
    assert len(set(uids)) == len(uids) == 3 and INTRO not in uids
    assert all(option["invitation"]["sequence"] == 0 for option in kept["options"])
    assert all(
        "This replaces the meeting “Erstgespräch Nordlicht Logistik”"
        in option["invitation"]["note"]
        for option in kept["options"]
    )


REVIEW_BAYVERS = "040000008200E00074C5B7101A82E008626179766572732D726576696577"  # kept as it is


def test_an_offer_for_a_meeting_kept_as_it_is_is_shown_under_it_too(config: str):
    """The week showed offers under flagged meetings only: one made ``--for`` the monthly
    review (a video call kept as it is) was in 'planner invites' and nowhere in the week,
    while it held three times."""
    page = str(Path(config).parent / "bayvers.html")
    code, _out, err = offer("--config", config, "--for", REVIEW_BAYVERS, "--out", page)
    assert code == 0, err
    data = json.loads(
        CliRunner()
        .invoke(main, ["week", "--config", config, "--week", "2026-W50", "--format", "json"])
        .stdout  # fmt: skip
    )
    with_offer = [e for e in data["events"] if e.get("invitations")]
    assert [e["uid"] for e in with_offer] == [REVIEW_BAYVERS]
    assert with_offer[0]["invitations"][0]["status"] == "open"
    text = table(config)
    assert "✉ Monthly review BayVers (Fri 11 Dec 11:00, virtual) ✉ offer" in text
    assert text.count("✉ offer") == 1
    markdown = CliRunner().invoke(main, ["week", "--config", config, "--week", "2026-W50",
                                         "--format", "markdown"]).stdout  # fmt: skip
    assert "- **✉ Monthly review BayVers (Fri 11 Dec 11:00, virtual)**" in markdown
    html = CliRunner().invoke(main, ["week", "--config", config, "--week", "2026-W50",
                                     "--format", "html"]).stdout  # fmt: skip
    section = html.split('class="recommendations"', 1)[1]
    item = section.split(f'data-uid="{REVIEW_BAYVERS}"', 1)[1].split("</li>", 1)[0]
    assert "<strong>Monthly review BayVers</strong>" in item and "✉ offer" in item
