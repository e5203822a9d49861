"""``planner serve`` over real HTTP (uvicorn on loopback): what a link shows, and every way a
request is refused: forged, expired and reused links, cross-site posts, too many requests; two
clients choosing at once; hostile names; nobody's address on any page."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import timedelta

import pytest

from planner.flows.offer_tokens import link_token, offer_key
from planner.flows.offers import NONE_FITS, OPEN, PICKED, Offers
from planner.paths import data_dir
from tests.flows.offer_world import BOB, LENA, busy_in_calendar, config, offer_to, state
from tests.providers.radicale_server import free_port
from tests.web.server import accept, form_code, request, running

pytestmark = pytest.mark.slow
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def serve_config(home, **serve):
    port = free_port()
    lines = [f'base_url = "http://127.0.0.1:{port}/meet/"']
    lines += [f"{k} = {v}" for k, v in serve.items()]
    return config(home, extra="[serve]\n" + "\n".join(lines) + "\n")


def link_for(cfg, offer) -> str:
    base = cfg["serve"]["base_url"].rstrip("/")
    return f"{base}/o/{link_token(offer_key(data_dir()), offer)}"


@pytest.fixture
def served(isolated_home):
    cfg = serve_config(isolated_home)
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=3)
    with running(cfg) as clock:
        yield cfg, store, offer, link_for(cfg, offer), clock
    store.close()


def test_the_page_shows_that_persons_options_and_nobodys_address(served):
    cfg, store, offer, link, clock = served
    page = request(link)
    assert page.status == 200
    assert page.body.count('<li class="option') == len(offer.options)
    assert page.body.count("<form") == len(offer.options) + 1  # each option, and none fits
    assert ADDRESS.findall(page.body) == []
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in page.body
    assert "<script" not in page.body.lower()
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "style-src 'sha256-" in policy
    assert page.headers["x-robots-tag"].startswith("noindex")
    assert page.headers["referrer-policy"] == "same-origin"
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    robots = request(cfg["serve"]["base_url"] + "robots.txt")
    assert robots.status == 200 and "Disallow: /" in robots.body
    missing = request(cfg["serve"]["base_url"] + "admin")
    assert missing.status == 404 and missing.headers["x-robots-tag"].startswith("noindex")
    ics = request(f"{link}/option-1.ics")
    assert ics.status == 200 and offer.options[0].uid in ics.body
    assert request(f"{link}/option-9.ics").status == 404


def test_forged_expired_and_reused_links_fail(served):
    cfg, store, offer, link, clock = served
    token = link.rsplit("/", 1)[1]
    forged = link[: -len(token)] + token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert request(forged).status == 404
    foreign = link.replace(token, link_token(b"another install's key".ljust(32), offer))
    assert request(foreign).status == 404  # signed with another install's key
    page = request(link)
    clock.ahead = (offer.expires_at - clock.now()).total_seconds() + 60
    expired = request(link)
    assert expired.status == 410 and "expired" in expired.body
    assert accept(link, 1, page.body).status == 410  # nor can it be used
    clock.ahead = 0
    chosen = accept(link, 1, page.body)
    assert chosen.status == 200 and "Thank you" in chosen.body
    assert Offers(store).get(offer.id).status == PICKED
    for reused in (request(link), accept(link, 2, page.body)):  # they are told what they chose
        assert reused.status in (409, 410) and "Option 1 has been chosen already" in reused.body
    assert Offers(store).get(offer.id).picked == 1


def test_a_cross_site_post_or_one_without_the_page_changes_nothing(served):
    cfg, store, offer, link, clock = served
    page = request(link).body
    refused = [
        accept(link, 1, page, origin="https://evil.example"),
        accept(link, 1, page, origin="null"),
        request(f"{link}/accept", "POST", {"option": "1", "form": form_code(page)},
                {"Sec-Fetch-Site": "cross-site"}),
        request(f"{link}/accept", "POST", {"option": "1"}),  # no form code
        request(f"{link}/accept", "POST", {"option": "1", "form": "x" * 43}),
    ]  # fmt: skip
    assert [r.status for r in refused] == [403] * 5
    assert request(f"{link}/accept").status == 405  # a GET changes nothing
    assert Offers(store).get(offer.id).status == OPEN


def test_too_many_requests_for_one_link_or_bad_links_are_turned_away(isolated_home):
    cfg = serve_config(isolated_home, link_requests_per_hour=4, client_requests_per_minute=1000)
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=2)
    link = link_for(cfg, offer)
    with running(cfg):
        statuses = [request(link).status for _ in range(6)]
        assert statuses == [200] * 4 + [429] * 2
        assert int(request(link).headers["retry-after"]) > 0
        token = link.rsplit("/", 1)[1]
        guesses = [request(link.replace(token, f"{token[:-6]}{n:06d}")).status for n in range(22)]
        assert guesses[:20] == [404] * 20 and guesses[-1] == 429
    store.close()


def test_too_many_requests_from_one_client_are_turned_away(isolated_home):
    cfg = serve_config(isolated_home, client_requests_per_minute=3)
    store = state()
    (other,) = offer_to(cfg, store, BOB, count=2)
    store.close()
    with running(cfg):
        link = link_for(cfg, other)
        statuses = [request(link).status for _ in range(4)]
        assert statuses == [200, 200, 200, 429]


def _race(calls) -> list:
    results: list = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(index: int) -> None:
        barrier.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_clients_choosing_at_once_exactly_one_wins(served):
    cfg, store, offer, link, clock = served
    page = request(link).body
    replies = _race([lambda: accept(link, 2, page), lambda: accept(link, 2, page),
                     lambda: accept(link, 3, page)])  # fmt: skip
    wins = [r for r in replies if r.status == 200]
    assert len(wins) == 1 and "Thank you" in wins[0].body, [r.body[-400:] for r in replies]
    for lost in (r for r in replies if r is not wins[0]):  # 409 while the winner books, 410 after
        assert lost.status in (409, 410)
        assert "answered already" in lost.body or "chosen already" in lost.body
    assert Offers(store).get(offer.id).status == PICKED


def test_one_slot_offered_to_two_people_goes_to_one(served):
    cfg, store, offer, link, clock = served
    twin = replace(offer, id="bobbob", counterpart=BOB, name="Bob")
    Offers(store)._write(twin)
    store.conn.commit()
    other = link_for(cfg, twin)
    pages = request(link).body, request(other).body
    replies = _race([lambda: accept(link, 1, pages[0]), lambda: accept(other, 1, pages[1])])
    wins = [r for r in replies if r.status == 200 and "Thank you" in r.body]
    assert len(wins) == 1
    lost = [r for r in replies if r not in wins][0]
    assert lost.status == 409 and "no longer free" in lost.body
    assert "Choose this one" in lost.body  # the other options can still be chosen
    statuses = {Offers(store).get(offer.id).status, Offers(store).get("bobbob").status}
    assert statuses == {PICKED, OPEN}


def test_a_time_offered_to_two_people_goes_to_the_first_who_chooses_it(served):
    """One after the other, not at once: the other open offer's option does not make the
    time busy for the first pick, and the later pick is told it is gone."""
    cfg, store, offer, link, clock = served
    twin = replace(offer, id="bobbob", counterpart=BOB, name="Bob")
    Offers(store)._write(twin)
    store.conn.commit()
    other = link_for(cfg, twin)
    first = accept(link, 1, request(link).body)
    assert first.status == 200 and "Thank you" in first.body
    later = accept(other, 1, request(other).body)
    assert later.status == 409 and "no longer free" in later.body
    assert (Offers(store).get(offer.id).status, Offers(store).get("bobbob").status) == (
        PICKED,
        OPEN,
    )


HOSTILE = '<script>alert("x")</script> \u202eevil\u202c "quoted" ' + "long " * 200


def test_hostile_titles_and_names_are_shown_as_text(served):
    cfg, store, offer, link, clock = served
    options = tuple(
        replace(o, proposal={**o.proposal, "venue": {**o.venue, "name": HOSTILE,
                                                     "address": "<img src=x onerror=alert(1)>"}})
        for o in offer.options
    )  # fmt: skip
    hostile = replace(offer, title=HOSTILE, name=HOSTILE, organizer=HOSTILE, options=options)
    Offers(store).change(offer, title=hostile.title, name=hostile.name,
                         organizer=hostile.organizer, options=options)  # fmt: skip
    page = request(link).body
    assert "<script" not in page and "<img" not in page and "\u202e" not in page
    assert "&lt;script&gt;" in page and "U+202E" in page and "&lt;img" in page


def test_none_fits_records_the_time_they_name(served):
    """A range that ends before it starts is called so (QA report h #14: it was told to give
    a time that "has not passed yet")."""
    cfg, store, offer, link, clock = served
    page = request(link).body
    day = (offer.options[-1].start + timedelta(days=2)).astimezone(offer.tz).date()
    origin = {"Origin": cfg["serve"]["base_url"].rsplit("/meet", 1)[0]}
    bad = request(
        f"{link}/none",
        "POST",
        {"day": day.isoformat(), "start": "15:00", "end": "14:00", "form": form_code(page)},
        origin,
    )
    assert bad.status == 400 and Offers(store).get(offer.id).status == OPEN
    assert "The end time is not after the start time" in bad.body and "passed" not in bad.body
    done = request(f"{link}/none", "POST", {"day": day.isoformat(), "start": "14:00",
                                            "end": "16:30", "note": "after <b>lunch</b>",
                                            "form": form_code(page)}, origin)  # fmt: skip
    assert done.status == 200 and "get back to you" in done.body
    stored = Offers(store).get(offer.id)
    assert stored.status == NONE_FITS and stored.comment == "after <b>lunch</b>"
    start, end = stored.counter
    assert start.astimezone(offer.tz).hour == 14 and (end - start) == timedelta(hours=2.5)
    assert request(link).status == 410


def test_a_time_taken_in_the_calendar_since_is_refused_without_saying_by_what(
    served, isolated_home
):
    cfg, store, offer, link, clock = served
    page = request(link).body
    second = offer.options[1]
    busy_in_calendar(isolated_home, "Zahnarzt Dr. Vogel", second.start + timedelta(minutes=15),
                     second.end + timedelta(minutes=30))  # fmt: skip
    refused = accept(link, 2, page)
    assert refused.status == 409 and "no longer free" in refused.body
    assert "Zahnarzt" not in refused.body  # what took the time is the user's business
    stored = Offers(store).get(offer.id)
    assert stored.status == OPEN and stored.option(2).taken and stored.picked is None
    assert 'id="option-2"' in refused.body and refused.body.count("Choose this one") == 2
    chosen = accept(link, 3, refused.body)
    assert chosen.status == 200 and "Thank you" in chosen.body
    assert Offers(store).get(offer.id).picked == 3


def test_the_page_speaks_the_users_language(isolated_home):
    port = free_port()
    cfg = config(isolated_home, extra=f'[serve]\nbase_url = "http://127.0.0.1:{port}/"\n')
    text = (isolated_home / "config" / "config.toml").read_text(encoding="utf-8")
    (isolated_home / "config" / "config.toml").write_text(
        text.replace('timezone = "Europe/Berlin"', 'timezone = "Europe/Berlin"\nlanguage = "de"'),
        encoding="utf-8",
    )
    from planner.config import load

    cfg = load(isolated_home / "config" / "config.toml")
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=2, zone="America/New_York")
    link = link_for(cfg, offer)
    with running(cfg):
        page = request(link)
        assert '<html lang="de">' in page.body
        for words in ("Diese wählen", "Nichts davon passt?", "Die Zeiten sind Ortszeit am "
                      "Treffpunkt (Europe/Berlin).", "Warum hier", "Ihre Zeit (America/New_York): ",
                      "Von<input", "An diesem Tag geöffnet"):  # fmt: skip
            assert words in page.body, words
        assert "Aus<input" not in page.body  # "From" of a time range, not of a source
        assert "Choose this one" not in page.body
        gone = request(link.rsplit("/", 1)[0] + "/" + "A" * 40)
        assert gone.status == 404 and '<html lang="de">' in gone.body
        assert "Link not valid" not in gone.body
        busy_in_calendar(isolated_home, "Arzt", offer.options[0].start, offer.options[0].end)
        taken = accept(link, 1, page.body)
        assert taken.status == 409 and "nicht mehr frei" in taken.body, taken.body[-600:]
    store.close()


def test_the_page_stays_in_the_language_the_offer_was_made_in(isolated_home):
    """The counterpart was written to in the offer's language: a serve started later with
    another ``[user] language`` keeps that offer's page (and its answers) in it; only a link
    that names no offer speaks the user's language (QA report h #13: README said otherwise)."""
    cfg = serve_config(isolated_home)
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=2)
    path = isolated_home / "config" / "config.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('timezone = "Europe/Berlin"',
                                 'timezone = "Europe/Berlin"\nlanguage = "de"'),
                    encoding="utf-8")  # fmt: skip
    from planner.config import load

    german = load(path)
    link = link_for(german, offer)
    with running(german):
        page = request(link)
        assert '<html lang="en">' in page.body and "Choose this one" in page.body
        chosen = accept(link, 1, page.body)
        assert chosen.status == 200 and "Thank you" in chosen.body
        gone = request(link.rsplit("/", 1)[0] + "/" + "A" * 40)
        assert gone.status == 404 and '<html lang="de">' in gone.body
    store.close()


def test_a_withdrawn_offer_says_so_and_sends_nobody_looking_for_an_invitation(served):
    """The page said "answered already (or withdrawn) … check your e-mail for the invitation"
    for an offer the user had taken back: there was no invitation to look for."""
    cfg, store, offer, link, clock = served
    Offers(store).change(Offers(store).get(offer.id), status="withdrawn")
    gone = request(link)
    assert gone.status == 410 and "has withdrawn this offer" in gone.body
    assert "invitation" not in gone.body


def test_a_link_with_a_slash_added_leads_back_to_base_url_whatever_host_is_named(served):
    """QA h #12: the trailing-slash redirect was built from the Host header (an open redirect
    that carried the link's token to ``http://evil.example/…``)."""
    cfg, store, offer, link, clock = served
    for headers in ({"Host": "evil.example"}, {}):
        moved = request(f"{link}/", headers=headers)
        assert moved.status == 307 and moved.headers["location"] == link
    forged = link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB")
    assert request(f"{forged}/").status == 404  # a forged link is sent nowhere
    robots = request(cfg["serve"]["base_url"] + "robots.txt/", headers={"Host": "evil.example"})
    assert robots.status == 404 and "location" not in robots.headers
