"""Offers as a library: made from proposals, kept, held, picked once, answered by mail or by an
option's .ics, and the codes that bind an answer to the offer, the option and the person."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta
from urllib.parse import unquote

import pytest

from planner.flows import offer_booking as booking
from planner.flows.followup import record_replies
from planner.flows.held import held_times
from planner.flows.invitations import InviteOptions, from_proposal
from planner.flows.offer_tokens import check_link, link_token, mail_code, offer_key
from planner.flows.offers import (
    NONE_FITS,
    OPEN,
    PICKED,
    REPLACED,
    OfferConflict,
    Offers,
    SlotTaken,
)
from planner.invite.offer_mail import find_codes
from planner.paths import data_dir
from planner.render.offer_text import MailLinks, option_ics
from tests.flows.offer_world import (
    BOB,
    LENA,
    ME,
    config,
    into_maildir,
    mail_from_link,
    now,
    offer_to,
    state,
)


@pytest.fixture
def world(isolated_home):
    cfg = config(isolated_home)
    store = state()
    yield cfg, store
    store.close()


def test_an_offer_holds_what_invite_proposal_would_send(world):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=3)
    assert 2 <= len(offer.options) <= 3 and offer.status == OPEN
    starts = [o.start for o in offer.options]
    assert starts == sorted(starts)  # numbered by time, for the reader
    for option in offer.options:
        proposal = option.proposal["id"]
        told = InviteOptions(title=offer.title)  # one title for all options (see offer_making)
        same = from_proposal(cfg, store, proposal, told, now=now()).resolved()
        assert option.uid == same.uid and option.meeting().start == same.start
        assert option.meeting().title == offer.title
        assert option.start > now() and option.venue["address"]
    assert offer.expires_at <= max(starts)
    assert offer.counterpart == LENA and offer.organizer == "Anna Berger"


def test_the_same_offer_keeps_its_id_and_a_new_one_replaces_the_old(world):
    cfg, store = world
    (first,) = offer_to(cfg, store, LENA, count=2)
    (again,) = offer_to(cfg, store, LENA, count=2)
    assert again.id == first.id and again.revision == first.revision
    (other,) = offer_to(cfg, store, LENA, count=3)
    assert other.id != first.id
    assert Offers(store).get(first.id).status == REPLACED


def test_open_options_hold_their_time_for_everybody_else(world):
    cfg, store = world
    lena, bob = offer_to(cfg, store, LENA, BOB, count=3)
    held = held_times(store, cfg, now())
    assert {e.uid for e in held} >= {f"offer:{lena.id}:{o.number}" for o in lena.options}
    for mine in bob.options:  # never the same time twice
        assert not any(o.start < mine.end and mine.start < o.end for o in lena.options)


def test_of_two_claims_of_one_offer_exactly_one_wins(world):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=3)
    results: list[str] = []

    def claim(number: int) -> None:
        mine = state()
        try:
            Offers(mine).claim(offer, number, now())
            results.append("won")
        except OfferConflict:
            results.append("lost")
        finally:
            mine.close()

    threads = [threading.Thread(target=claim, args=(n,)) for n in (1, 2, 1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["lost", "lost", "lost", "won"]


def test_a_slot_picked_in_one_offer_cannot_be_picked_in_another(world):
    cfg, store = world
    (lena,) = offer_to(cfg, store, LENA, count=2)
    twin = replace(lena, id="bobbob", counterpart=BOB, name="Bob")  # the same times for Bob
    Offers(store)._write(twin)
    store.conn.commit()
    Offers(store).claim(lena, 1, now())
    with pytest.raises(SlotTaken):
        Offers(store).claim(twin, 1, now())
    assert Offers(store).claim(twin, 2, now()).picked == 2


def test_link_tokens_fail_when_forged_used_outdated_or_expired(world):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=2)
    key = offer_key(data_dir())
    token = link_token(key, offer)
    find = Offers(store).get
    assert check_link(key, token, find, now()).problem == ""
    assert check_link(key, token[:-2] + "xy", find, now()).problem == "forged"
    assert check_link(b"x" * 32, token, find, now()).problem == "forged"
    later = offer.expires_at + timedelta(minutes=1)
    assert check_link(key, token, find, later).problem == "expired"
    outdated = link_token(key, replace(offer, expires_at=offer.expires_at + timedelta(hours=1)))
    assert check_link(key, outdated, find, now()).problem == "outdated"
    booking.record_pick(store, offer, 1, now=now(), source="test")
    assert check_link(key, token, find, now()).problem == "used"


def _links(store, offer):
    key = offer_key(data_dir())
    codes = {n: mail_code(key, offer, n) for n in range(len(offer.options) + 1)}
    return MailLinks(ME, codes)


def test_an_accept_mail_from_the_counterpart_records_the_pick_once(world, tmp_path):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=3)
    links = _links(store, offer)
    mail = mail_from_link(links.accept(offer, offer.options[1]), f"Lena Hansen <{LENA}>")
    box = into_maildir(tmp_path / "Mail", mail)
    report = record_replies(store, [box], now=now())
    assert report.problems == []
    assert len(report.offers) == 1 and "picked" in report.offers[0]
    picked = Offers(store).get(offer.id)
    assert picked.status == PICKED and picked.picked == 2
    assert not picked.booked  # only recorded: booking is the user's to ask for
    again = record_replies(store, [box], now=now())
    assert again.offers == [] and again.problems == []  # the same mail read twice


@pytest.mark.parametrize(
    "case", ["other sender", "tampered", "two codes", "other offer's code", "quoted offer"]
)
def test_answers_that_are_not_the_counterparts_own_are_refused(world, tmp_path, case):
    cfg, store = world
    lena, bob = offer_to(cfg, store, LENA, BOB, count=2)
    links = _links(store, lena)
    href = links.accept(lena, lena.options[0])
    sender = LENA
    if case == "other sender":
        sender = "mallory@evil.example"
    elif case == "tampered":
        code = find_codes(unquote(href))[0]
        forged = code.text()[:-1] + ("A" if not code.text().endswith("A") else "B")
        href = href.replace(code.text().replace(":", "%3A"), forged.replace(":", "%3A"))
    elif case == "other offer's code":  # Bob's code, sent by Lena
        href = _links(store, bob).accept(bob, bob.options[0])
    mail = mail_from_link(href, sender)
    if case == "two codes":
        second = find_codes(unquote(links.accept(lena, lena.options[1])))[0].text()
        mail.replace_header("Subject", "Which one?")
        mail.set_content(f"{find_codes(unquote(href))[0].text()}\n{second}\n")
    if case == "quoted offer":  # a plain reply quoting every accept link: nothing is guessed
        quoted = "\n".join(f"> {c}" for c in links.codes.values())
        mail.replace_header("Subject", "Re: your offer")
        mail.set_content(f"Sounds good!\n\n{quoted}\n")
    report = record_replies(store, [into_maildir(tmp_path / "Mail", mail)], now=now())
    assert report.offers == []
    assert Offers(store).get(lena.id).status == OPEN
    assert Offers(store).get(bob.id).status == OPEN
    if case != "quoted offer":
        assert len(report.problems) == 1, report.problems


def test_none_fits_by_mail_keeps_their_words(world, tmp_path):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=2)
    links = _links(store, offer)
    mail = mail_from_link(links.none_fits(offer), LENA)
    body = mail.get_content().replace("These would suit me:", "These would suit me: Fri 10-12")
    mail.set_content(body)
    report = record_replies(store, [into_maildir(tmp_path / "Mail", mail)], now=now())
    stored = Offers(store).get(offer.id)
    assert stored.status == NONE_FITS and "Fri 10-12" in stored.comment
    assert "PLANNER-OFFER" not in stored.comment and report.offers


def _reply(ics: bytes, attendee: str, partstat: str) -> bytes:
    import icalendar

    cal = icalendar.Calendar.from_ical(ics)
    cal["METHOD"] = "REPLY"
    for event in cal.walk("VEVENT"):
        event.pop("ATTENDEE")
        event.add("attendee", f"mailto:{attendee}", parameters={"PARTSTAT": partstat})
    return cal.to_ical()


def test_accepting_an_options_ics_in_a_calendar_app_picks_it(world, tmp_path):
    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=3)
    option = offer.options[2]
    wrong = tmp_path / "wrong.ics"
    wrong.write_bytes(_reply(option_ics(offer, option), BOB, "ACCEPTED"))
    report = record_replies(store, [wrong], now=now())
    assert Offers(store).get(offer.id).status == OPEN and len(report.problems) == 1
    declined = tmp_path / "declined.ics"
    declined.write_bytes(_reply(option_ics(offer, offer.options[0]), LENA, "DECLINED"))
    record_replies(store, [declined], now=now())
    assert Offers(store).get(offer.id).options[0].taken
    reply = tmp_path / "reply.ics"
    reply.write_bytes(_reply(option_ics(offer, option), LENA, "ACCEPTED"))
    report = record_replies(store, [reply], now=now())
    stored = Offers(store).get(offer.id)
    assert stored.status == PICKED and stored.picked == option.number, report.problems


def test_a_pick_releases_the_other_options_and_a_withdrawal_all_of_them(world):
    cfg, store = world
    lena, bob = offer_to(cfg, store, LENA, BOB, count=3)
    booking.record_pick(store, lena, 2, now=now(), source="test")
    held = {e.uid for e in held_times(store, cfg, now())}
    assert f"offer:{lena.id}:2" in held
    assert not {f"offer:{lena.id}:1", f"offer:{lena.id}:3"} & held  # released
    Offers(store).change(Offers(store).get(bob.id), status="withdrawn")
    held = {e.uid for e in held_times(store, cfg, now())}
    assert not any(uid.startswith(f"offer:{bob.id}:") for uid in held)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_plain_text_reader_chooses_by_the_text_part_s_own_links(world, tmp_path, lang):
    """The offer's text part carries each option's accept link and the "none fits" link (a
    mail reader without HTML has nothing else to click); the mail a link writes records that
    option, and a top-posted reply over the whole text, links and all, records nothing."""
    import re

    from planner.i18n import speaking
    from planner.render.offer_message import offer_email

    cfg, store = world
    (offer,) = offer_to(cfg, store, LENA, count=3)
    offer = replace(offer, language=lang)
    with speaking(lang):
        text = offer_email(cfg, offer).get_body(("plain",)).get_content()
    links = re.findall(r"mailto:\S+", text)
    assert len(links) == len(offer.options) + 1, text
    assert not find_codes(text)  # the codes travel inside the links only

    top_posted = mail_from_link(links[0], LENA)
    top_posted.replace_header("Subject", "Re: your offer")
    top_posted.set_content("Any of them is fine!\n\n" + text)
    report = record_replies(store, [into_maildir(tmp_path / "Top", top_posted)], now=now())
    assert report.offers == [] and Offers(store).get(offer.id).status == OPEN

    mail = mail_from_link(links[2], f"Lena Hansen <{LENA}>")
    report = record_replies(store, [into_maildir(tmp_path / "Mail", mail)], now=now())
    assert report.problems == [] and len(report.offers) == 1
    assert Offers(store).get(offer.id).picked == 3
