"""An open invitation to someone is their next chance: ``planner trips``, ``planner people``
and the weekly plan's keep-in-touch section propose them no other time, say so, and agree;
a decline frees them again.

Bug (QA report D, finding 1): after ``planner invite`` to Benedikt Ostermann for the Munich
trip's Wed 13:15 (sent elsewhere), ``week`` proposed him Thu 11:15 with a fresh invite
command, ``trips`` proposed Wed 13:15 again as if new, and ``people`` did not mention the
invitation: following the plan as printed sends a client two different invitations."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.flows.test_trip_met_there import BEFORE, PRESENTATION, TRAIN
from tests.flows.test_visit_planned import _config as visit_config
from tests.own import fix_now

NOW = datetime(2026, 12, 7, 8, tzinfo=UTC)  # Monday
ELISE = "elise@cabinet-dubois.example"
YVES = "yves.moreau@moreau-avocats.example"
PEOPLE = (
    f'[[people]]\nemail = "{ELISE}"\nname = "Élise Dubois"\ncity = "Paris"\n'
    'rhythm = "every 2 months"\n\n'
    f'[[people]]\nemail = "{YVES}"\nname = "Yves Moreau"\ncity = "Paris"\n'
    'rhythm = "alle 3 Monate"\n\n'
)


def _cli(config, *args: str) -> str:
    result = CliRunner().invoke(main, [args[0], "--config", str(config), *args[1:]])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def config(tmp_path, monkeypatch):
    fix_now(monkeypatch, NOW)
    calendars = {"apple": TRAIN, "google": BEFORE, "outlook": PRESENTATION["outlook"]}
    return visit_config(tmp_path, calendars, PEOPLE)


def _invite(config, tmp_path, *who: str, start: str = "2026-12-18T14:00") -> str:
    """``planner invite`` written to a file, then marked sent elsewhere: the UID."""
    args = ["invite", *(a for w in who for a in ("--to", w)), "--title", "Kaffee"]
    _cli(config, *args, "--start", start, "--duration", "45",
         "--location", "Café de Flore, 172 Bd Saint-Germain, 75006 Paris",
         "--out", str(tmp_path / "inv.ics"))  # fmt: skip
    ics = (tmp_path / "inv.ics").read_text(encoding="utf-8")
    uid = ics.split("\nUID:")[1].splitlines()[0].strip()
    _cli(config, "invite", "--sent-elsewhere", uid)
    return uid


def _paris(config, *extra: str) -> dict[str, dict]:
    data = json.loads(_cli(config, "trips", "--format", "json", *extra))
    (paris,) = [t for t in data["trips"] if t["city"] == "Paris"]
    return {p["email"]: p for p in paris["people"]}


def _people(config) -> dict[str, dict]:
    data = json.loads(_cli(config, "people", "--format", "json"))
    return {p["email"]: p for p in data["people"]}


def _keep(config) -> dict[str, dict]:
    data = json.loads(_cli(config, "week", "--week", "next", "--format", "json"))
    return {p["email"]: p for p in data["keep_in_touch"]["people"]}


def test_an_invited_person_is_proposed_no_other_time_and_all_views_agree(config, tmp_path):
    assert _paris(config)[ELISE]["proposal"] is not None  # before: she is proposed a time
    _invite(config, tmp_path, ELISE)
    elise = _paris(config)[ELISE]
    said = "invited for Fri 18 Dec 14:00, no answer yet (planner invites)"
    assert elise["proposal"] is None and elise["command"] is None
    assert elise["note"] == said and elise["in_hand"] is True
    assert elise["invited"]["kind"] == "invitation" and elise["invited"]["answer"] is None
    assert elise["invited"]["start"] == "2026-12-18T14:00:00+01:00"
    assert _paris(config)[YVES]["proposal"] is not None  # someone else is still proposed
    assert said in _people(config)[ELISE]["next_chance"]
    keep = _keep(config)  # week 51: the Paris trip
    assert keep[ELISE]["proposal"] is None and keep[ELISE]["note"] == said
    text = " ".join(_cli(config, "trips").split())
    part = text.split("Élise Dubois <")[1].split("•")[0]
    assert said in part and "→" not in part and "planner invite --to" not in part


def test_the_german_text_names_the_day_in_german(config, tmp_path):
    _invite(config, tmp_path, ELISE)
    german = " ".join(_cli(config, "trips", "--lang", "de").split())
    part = german.split("Élise Dubois <")[1].split("•")[0]
    assert "Fr. 18. Dez. 14:00" in part and "→" not in part


def test_a_decline_frees_the_one_who_declined_and_not_the_others(config, tmp_path):
    from planner.invite.answers import Answer, record_answer
    from planner.model import Response
    from planner.store import open_store

    uid = _invite(config, tmp_path, ELISE, YVES)
    both = _paris(config)
    assert both[ELISE]["proposal"] is None and both[YVES]["proposal"] is None
    store = open_store()
    try:
        record_answer(store, Answer(uid, YVES, Response.DECLINED, stamp=NOW), now=NOW)
    finally:
        store.close()
    after = _paris(config)
    assert after[YVES]["proposal"] is not None and after[YVES]["invited"] is None
    assert after[ELISE]["proposal"] is None
    assert after[ELISE]["note"].startswith("invited for Fri 18 Dec 14:00")


def test_an_accepted_invitation_says_so(config, tmp_path):
    from planner.invite.answers import Answer, record_answer
    from planner.model import Response
    from planner.store import open_store

    uid = _invite(config, tmp_path, ELISE)
    store = open_store()
    try:
        record_answer(store, Answer(uid, ELISE, Response.ACCEPTED, stamp=NOW), now=NOW)
    finally:
        store.close()
    elise = _people(config)[ELISE]
    assert "invited for Fri 18 Dec 14:00, accepted (planner invites)" in elise["next_chance"]
    assert elise["invited"]["answer"] == "accepted"


def test_an_open_offer_is_the_next_chance_until_withdrawn(isolated_home):
    """The options of an open offer (planner offer) are the counterpart's next chance too."""
    from planner.flows.offers import WITHDRAWN, Offers
    from planner.flows.open_invites import pending_by_person
    from planner.people.addresses import address_key
    from tests.flows.offer_world import LENA, offer_to, state
    from tests.flows.offer_world import config as offer_config
    from tests.flows.offer_world import now as offer_now

    cfg, store = offer_config(isolated_home), state()
    try:
        (offer,) = offer_to(cfg, store, LENA, count=3)
        found = pending_by_person(store, cfg, offer_now())[address_key(LENA)]
        count = len(offer.options)
        assert found.kind == "offer" and found.options == count and not found.picked
        assert found.start == min(o.start for o in offer.options)
        assert found.text(cfg.tz).startswith(f"offered {count} times from ")
        assert found.text(cfg.tz).endswith("none picked yet (planner invites)")
        Offers(store).change(offer, status=WITHDRAWN)
        assert address_key(LENA) not in pending_by_person(store, cfg, offer_now())
    finally:
        store.close()
