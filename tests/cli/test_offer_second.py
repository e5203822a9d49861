"""Offers and a second meeting, through the real CLI, a real SMTP server on loopback
(aiosmtpd) and the scenario's calendar file, in English and German.

Bug: ``planner invite`` refused a second invitation to someone with an open one, but offers
did not take part: an offer went out to Lena while her invitation to dinner was open (or her
earlier offer, silently replaced); Lena with an open offer was invited to lunch all the same;
and a pick booked beside an open invitation told nobody. Now an offer to someone with an open
invitation or offer is named in the dry run and refused on ``--send`` unless ``--force``; an
open offer is named by ``planner invite`` (its id, its options, until when); the booking of a
pick goes through (the counterpart chose) and the user is told what else is open for them.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.flows.offers import OPEN, REPLACED, Offers
from planner.invite.sentlog import recent
from tests.assist import scenario
from tests.flows.offer_world import LENA, into_maildir, mail_from_link, now, state
from tests.invite.test_mail import Inbox, run_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


class World:
    def __init__(self, home: Path, port: int, language: str, extra: str = "") -> None:
        self.home, self.language, self.inbox = home, language, None
        path = scenario.write_config(home, smtp_port=port, extra=extra)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('timezone = "Europe/Berlin"\n',
                                     f'timezone = "Europe/Berlin"\nlanguage = "{language}"\n'),
                        encoding="utf-8")  # fmt: skip
        self.config = str(path)
        day = (now() + timedelta(days=6)).date()
        self.dinner = ("--title", "Abendessen", "--start", f"{day}T21:30", "--location",
                       "Spatenhaus")  # fmt: skip

    def run(self, *args: str, code: int = 0) -> Result:
        result = CliRunner().invoke(main, [*args, "--config", self.config])
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result

    def offer(self, *args: str, code: int = 0) -> Result:
        return self.run("offer", "--with", f"Lena Hansen <{LENA}>", "--count", "2", *args,
                        code=code)  # fmt: skip

    def invite_dinner(self, *args: str, code: int = 0) -> Result:
        return self.run("invite", "--to", f"Lena Hansen <{LENA}>", *self.dinner, *args, code=code)

    def offers(self) -> list:
        store = state()
        try:
            return Offers(store).all()
        finally:
            store.close()

    def dinner_uid(self) -> str:
        store = state()
        try:
            return next(r.uid for r in recent(store) if r.invitation.title == "Abendessen")
        finally:
            store.close()


@pytest.fixture(params=["en", "de"])
def world(request, isolated_home, run_server) -> tuple[World, Inbox]:  # noqa: F811
    inbox = Inbox()
    return World(isolated_home, run_server(inbox), request.param), inbox


def test_an_offer_to_someone_invited_is_named_and_refused_unless_forced(world):
    world, inbox = world
    world.invite_dinner("--send")
    uid = world.dinner_uid()
    dry = world.offer().stderr
    (note,) = [line for line in dry.splitlines() if uid in line]
    assert LENA in note and "Abendessen" in note and "Spatenhaus" in note
    if world.language == "en":
        assert f"Lena Hansen <{LENA}> already has an invitation: 'Abendessen'" in note
    refused = world.offer("--send", code=2)
    (line,) = [x for x in refused.stderr.splitlines() if "--force" in x]
    assert uid in line and f"planner invite --cancel {uid} --send" in line
    assert len(inbox.messages) == 1 and world.offers() == [], "nothing sent or kept"
    out = world.home / "offer.html"
    world.offer("--out", str(out), code=2)  # a page the user sends: refused the same
    assert not out.exists() and world.offers() == []
    world.offer("--send", "--force")
    assert len(inbox.messages) == 2 and [o.status for o in world.offers()] == [OPEN]


def test_a_second_offer_is_named_and_replaces_the_first_only_when_forced(world):
    world, inbox = world
    world.offer("--send")
    (first,) = world.offers()
    dry = world.offer("--count", "3").stderr  # another offer: three options
    (note,) = [
        line
        for line in dry.splitlines()
        if first.id in line and "Lena" in line and first.id not in line.split(":")[0]
    ]
    assert LENA in note and first.title in note
    if world.language == "en":
        assert f"already has offer {first.id}: '{first.title}', " in note
        assert "; open until " in note
    refused = world.offer("--count", "3", "--send", code=2)
    assert f"planner offer --withdraw {first.id}" in refused.stderr
    assert len(inbox.messages) == 1 and [o.id for o in world.offers()] == [first.id]
    world.offer("--count", "3", "--send", "--force")
    states = {o.id: o.status for o in world.offers()}
    assert states[first.id] == REPLACED and list(states.values()).count(OPEN) == 1
    assert len(inbox.messages) == 2


def test_the_same_offer_made_again_is_not_a_second_one(world):
    world, inbox = world
    world.offer("--send")
    dry = world.offer().stderr  # the same options: the same offer (its id)
    assert "note:" not in dry
    world.offer("--send")
    assert len(world.offers()) == 1


def test_an_open_offer_is_named_by_invite_and_refused_unless_forced(world):
    world, inbox = world
    world.offer("--send")
    (offer,) = world.offers()
    dry = world.invite_dinner().stderr
    (note,) = [line for line in dry.splitlines() if offer.id in line]
    assert LENA in note and offer.title in note
    for option in offer.options:  # each option's place, and until when it is open
        assert option.venue["name"] in note
    refused = world.invite_dinner("--send", code=2)
    (line,) = [x for x in refused.stderr.splitlines() if "--force" in x]
    assert f"planner offer --withdraw {offer.id}" in line
    assert len(inbox.messages) == 1
    world.invite_dinner("--send", "--force")
    assert len(inbox.messages) == 2
    world.run("offer", "--withdraw", offer.id)
    world.run(
        "invite",
        "--to",
        LENA,
        "--title",
        "Tee",
        "--start",
        world.dinner[3].replace("21:30", "08:00"),
        "--send",
        code=2,
    )  # the dinner now
    # an offer only kept (its mail never went out) reached nobody: not open
    store = state()
    try:
        Offers(store).change(Offers(store).require(offer.id), status=OPEN, sent="")
    finally:
        store.close()
    world.run("invite", "--cancel", world.dinner_uid(), "--send")
    world.invite_dinner("--send")


@pytest.mark.parametrize("where", ["mail", "page"])
def test_a_pick_beside_an_open_invitation_is_booked_and_told(
    where,
    isolated_home,
    run_server,  # noqa: F811
    google,
):
    """The counterpart chose: the booking goes through as ever (into a writable Google
    calendar, the fake, and the invitation out), and the user is told what else is open for
    them: by ``planner offer --book`` (a pick read from mail), by the booking's outcome (the
    served page) and by ``planner invites``."""
    from planner.config import load
    from planner.flows.offer_booking import BOOKED, pick_and_book
    from planner.render.offer_message import offer_links

    inbox = Inbox()
    google.write_token_for("g", write=True)
    entry = (f'[[calendars]]\nname = "g"\nprovider = "google"\napi_url = "{google.url}"\n'
             f'token_uri = "{google.token_uri}"\nwrite = true\n'
             '[offer]\ncalendar = "g"\n')  # fmt: skip
    world = World(isolated_home, run_server(inbox), "en", extra=entry)
    world.offer("--out", str(world.home / "offer.html"))
    (offer,) = world.offers()
    world.invite_dinner("--send", "--force")
    uid = world.dinner_uid()
    config = load(Path(world.config))
    if where == "mail":
        links, _served = offer_links(config, offer)
        mail = mail_from_link(links.accept(offer, offer.options[0]), f"Lena Hansen <{LENA}>")
        world.run("replies", str(into_maildir(world.home / "Mail", mail)))
        dry = world.run("offer", "--book", offer.id).stderr
        assert any(uid in line and "Abendessen" in line for line in dry.splitlines())
        assert "nothing was written or sent" in dry
        done = world.run("offer", "--book", offer.id, "--send").stderr
        assert "booked" in done and any(uid in line for line in done.splitlines())
    else:
        store = state()
        try:
            outcome = pick_and_book(config, store, offer, 1, now=now(), source="offer page")
        finally:
            store.close()
        assert outcome.result == BOOKED
        (second,) = outcome.second
        assert uid in second and "Abendessen" in second and LENA in second
    assert len(inbox.messages) == 2 and inbox.messages[-1][0] == [LENA]
    listing = json.loads(world.run("invites", "--offline", "--format", "json").stdout)
    (shown,) = listing["offers"]
    assert uid in shown["next_step"] and shown["command"] == f"planner invite --cancel {uid} --send"
