"""``planner offer`` and the offers in ``planner invites`` as a user runs them: the dry run
says who, when and where and keeps nothing; a pick read from mail is booked only when asked,
and not when the time was taken since; a withdrawn offer frees its times; ``planner invites``
shows every state (open, picked, none fits, expired, withdrawn) in English and German."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from planner.cli import main
from planner.flows.held import held_times
from planner.flows.offers import EXPIRED, NONE_FITS, OPEN, PICKED, WITHDRAWN, Offers
from tests.flows.offer_world import (
    BOB,
    LENA,
    busy_in_calendar,
    config,
    into_maildir,
    mail_from_link,
    now,
    offer_to,
    state,
)

CAROL, DAVE = "carol@beispiel.example", "dave@exemple.example"


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result


def table_cells(table: str) -> list[str]:
    """Each cell of a rich table as one line: its wrapped lines joined by single spaces (a
    label wrapped in a narrow column, "expired / without answer", reads as it was said)."""
    rows: list[list[list[str]]] = []
    for line in table.splitlines():
        if line.startswith(("├", "└", "┡")):
            rows.append([])
        elif line.startswith("│") and rows:
            parts = [part.strip() for part in line.strip("│").split("│")]
            if not rows[-1]:
                rows[-1] = [[] for _ in parts]
            for cell, part in zip(rows[-1], parts, strict=True):
                cell.append(part)
    return [" ".join(" ".join(cell).split()) for row in rows for cell in row]


def wide_and_narrow(*args: str) -> list[list[str]]:
    """The cells of the table ``planner ARGS`` prints at 120 and at 80 columns."""
    shown = []
    for width in ("120", "80"):
        result = CliRunner().invoke(main, list(args), env={"COLUMNS": width})
        assert result.exit_code == 0, result.output
        shown.append(table_cells(result.stdout))
    return shown


@pytest.fixture
def world(isolated_home):
    cfg = config(isolated_home)
    return isolated_home, cfg, str(isolated_home / "config" / "config.toml")


def test_the_dry_run_says_who_when_and_where_and_keeps_nothing(world):
    home, cfg, path = world
    result = run("offer", "--config", path, "--with", f"Lena Hansen <{LENA}>", "--count", "2",
                 "--zone", "America/New_York")  # fmt: skip
    assert f"to Lena Hansen <{LENA}>" in result.stderr
    assert "dry run: nothing was sent or kept" in result.stderr
    assert f"To: Lena Hansen <{LENA}>" in result.stdout
    # a meeting in person: the time where they meet first (the user's town), theirs below
    assert result.stdout.count("(local time, Europe/Berlin)") == 2
    assert result.stdout.count("Your time (America/New_York): ") == 2
    assert result.stdout.count("[application/ics; option-") == 2
    # the text part's accept links, shown by where they write to, without their codes
    assert result.stdout.count(f"mailto:{cfg.user['email']}?…") == 3  # two options, none fits
    assert "PLANNER-OFFER" not in result.output
    store = state()
    try:
        assert Offers(store).all() == []
        assert not [e for e in held_times(store, cfg, now()) if e.uid.startswith("offer:")]
    finally:
        store.close()


def test_one_of_with_book_or_withdraw_and_a_clear_line_otherwise(world):
    home, cfg, path = world
    both = run("offer", "--config", path, "--with", LENA, "--withdraw", "abc", code=2)
    assert "give one of --with EMAIL, --for UID, --book ID or --withdraw ID" in both.output
    assert "Traceback" not in both.output
    unknown = run("offer", "--config", path, "--book", "nosuch", code=2)
    assert "nosuch" in unknown.output and "Traceback" not in unknown.output


def _picked_by_mail(home, cfg, path, tmp_path):
    """An offer to Lena written with --out, and her mail choosing option 2, read back."""
    from planner.render.offer_message import offer_links

    run("offer", "--config", path, "--with", f"Lena Hansen <{LENA}>", "--count", "3",
        "--out", str(tmp_path / "offer.html"))  # fmt: skip
    store = state()
    (offer,) = Offers(store).all()
    store.close()
    links, _served = offer_links(cfg, offer)
    mail = mail_from_link(links.accept(offer, offer.options[1]), f"Lena Hansen <{LENA}>")
    run("replies", "--config", path, str(into_maildir(tmp_path / "Mail", mail)))
    return offer


def test_booking_a_mailed_pick_is_refused_when_the_time_was_taken_since(world, tmp_path):
    home, cfg, path = world
    offer = _picked_by_mail(home, cfg, path, tmp_path)
    second = offer.options[1]
    dry = run("offer", "--config", path, "--book", offer.id)
    # the calendar is named, or why there is none (QA report G, finding 8): here a file
    assert "can write it into no calendar: --hold: none of the configured" in dry.stderr
    assert "first writable" not in dry.stderr and LENA in dry.stderr
    assert "no longer free" not in dry.stderr
    assert "replaces" not in dry.stderr  # made for no meeting
    busy_in_calendar(home, "Zahnarzt", second.start - timedelta(minutes=30),
                     second.start + timedelta(minutes=10))  # fmt: skip
    dry = run("offer", "--config", path, "--book", offer.id)
    assert "no longer free: Zahnarzt" in dry.stderr and "nothing was written" in dry.stderr
    refused = run("offer", "--config", path, "--book", offer.id, "--send", code=2)
    assert "is not booked: no longer free: Zahnarzt" in refused.output
    listing = json.loads(run("invites", "--config", path, "--offline", "--format",
                             "json").stdout)  # fmt: skip
    (shown,) = listing["offers"]
    assert shown["state"] == PICKED and not shown["booked"].get("message")
    assert "Zahnarzt" in shown["next_step"] and shown["command"].endswith("--send")


def test_a_withdrawn_offer_frees_its_times_and_its_link(world, tmp_path):
    from planner.flows.offer_tokens import check_link, link_token, offer_key
    from planner.paths import data_dir

    home, cfg, path = world
    run("offer", "--config", path, "--with", LENA, "--count", "2",
        "--out", str(tmp_path / "offer.html"))  # fmt: skip
    store = state()
    (offer,) = Offers(store).all()
    key = offer_key(data_dir())
    token = link_token(key, offer)
    assert {f"offer:{offer.id}:1", f"offer:{offer.id}:2"} <= {
        e.uid for e in held_times(store, cfg, now())
    }
    done = run("offer", "--config", path, "--withdraw", offer.id)
    assert "withdrew offer" in done.stderr
    assert not any(e.uid.startswith("offer:") for e in held_times(store, cfg, now()))
    assert check_link(key, token, Offers(store).get, now()).problem == "used"
    again = run("offer", "--config", path, "--withdraw", offer.id, code=2)
    assert "not open" in again.output
    store.close()


def _every_state(cfg):
    store = state()
    book = Offers(store)
    lena, bob, carol, dave = offer_to(cfg, store, LENA, BOB, CAROL, DAVE, count=2)
    book.claim(bob, 1, now())
    book.change(book.get(bob.id), status=PICKED)
    start = (lena.options[0].start + timedelta(days=3)).replace(hour=14, minute=0)
    book.change(carol, status=NONE_FITS, counter=(start, start + timedelta(hours=2)),
                comment="Lieber am Nachmittag")  # fmt: skip
    book.change(dave, expires_at=datetime.now(UTC) - timedelta(minutes=5))
    store.close()
    return lena, bob, carol, dave


def test_invites_lists_every_state_of_an_offer(world):
    home, cfg, path = world
    lena, bob, carol, dave = _every_state(cfg)
    store = state()
    withdrawn = Offers(store).change(Offers(store).get(lena.id), status=WITHDRAWN)
    (fresh,) = offer_to(cfg, store, "eve@example.org", count=2)
    store.close()
    listing = json.loads(run("invites", "--config", path, "--offline", "--format",
                             "json").stdout)  # fmt: skip
    states = {o["counterpart"]: o for o in listing["offers"]}
    assert {k: v["state"] for k, v in states.items()} == {
        LENA: WITHDRAWN,
        BOB: PICKED,
        CAROL: NONE_FITS,
        DAVE: EXPIRED,
        "eve@example.org": OPEN,
    }
    assert states[BOB]["command"] == f"planner offer --book {bob.id} --send"
    assert states[CAROL]["next_step"] == "they wrote: Lieber am Nachmittag"
    assert states[CAROL]["command"].startswith(f"planner offer --with {CAROL} --week ")
    assert states[DAVE]["label"] == "expired without answer"
    assert states[DAVE]["command"] == f"planner offer --with {DAVE}"
    assert states["eve@example.org"]["label"].startswith("open: 2 options until ")
    assert withdrawn.id in {o["id"] for o in listing["offers"]}
    for cells in wide_and_narrow("invites", "--config", path, "--offline"):
        for words in ("withdrawn", "picked: ", "none fits: ", "expired without answer",
                      "open: 2 options until "):  # fmt: skip
            assert any(c.startswith(words) for c in cells), (words, cells)
    for cells in wide_and_narrow("invites", "--config", path, "--offline", "--lang", "de"):
        for words in ("zurückgezogen", "nichts passt: ", "ohne Antwort abgelaufen",
                      "offen: 2 Möglichkeiten bis ", fresh.id):  # fmt: skip
            assert any(c.startswith(words) for c in cells), (words, cells)
    for lang in ("en", "de"):  # every state in 80 columns, each offer named whole
        narrow = CliRunner().invoke(
            main, ["invites", "--config", path, "--offline", "--lang", lang], env={"COLUMNS": "80"}
        )
        assert narrow.exit_code == 0, narrow.output
        assert max(cell_len(line) for line in narrow.stdout.splitlines()) <= 80, narrow.stdout
        for offer in (lena, bob, carol, dave, fresh):
            assert offer.id in narrow.stdout


def test_an_offer_with_one_option_left_says_so_in_the_singular(world):
    home, cfg, path = world
    store = state()
    (offer,) = offer_to(cfg, store, LENA, count=2)
    options = (offer.options[0], *(replace(o, taken=True) for o in offer.options[1:]))
    Offers(store).change(offer, options=options)
    store.close()
    listing = json.loads(run("invites", "--config", path, "--offline", "--format",
                             "json").stdout)  # fmt: skip
    assert listing["offers"][0]["label"].startswith("open: 1 option until ")
    for cells in wide_and_narrow("invites", "--config", path, "--offline", "--lang", "de"):
        assert any(c.startswith("offen: 1 Möglichkeit bis ") for c in cells), cells


@pytest.mark.parametrize("demo", [False, True])
def test_every_day_an_offer_names_is_written_as_its_language_writes_days(world, demo):
    """The dry run's summary, the mail's options and its "valid until" name days as
    :func:`planner.i18n.short_day` does in the language asked for (German: "Mo. 7. Dez.", not
    "Mo. 7 Dez."); ``--lang`` reaches the demo's mail as it reaches a real config's."""
    import re

    _home, _cfg, path = world
    source = ["--demo"] if demo else ["--config", path]
    days = {
        "de": re.compile(r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\. (\d{1,2})(\.?) "),
        "en": re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2})(\.?) "),
    }
    for lang, pattern in days.items():
        result = run("offer", *source, "--with", f"Lena Hansen <{LENA}>", "--lang", lang)
        found = pattern.findall(result.output)
        assert len(found) >= 7, result.output  # 3 options in summary and mail, and validity
        assert {dot for _day, dot in found} == {"." if lang == "de" else ""}, result.output
        other = days["en" if lang == "de" else "de"]
        assert not other.search(result.output), result.output


def test_an_offer_to_oneself_names_the_option_to_fix(tmp_path):
    """`planner offer --with <own address>` says which option to change (it named
    `--to`, planner invite's option), in any spelling of the address."""
    for own in ("anna@berger-consulting.example", "Anna <ANNA@Berger-Consulting.example>"):
        result = CliRunner().invoke(main, ["offer", "--demo", "--with", own])
        assert result.exit_code != 0
        assert "--with: give the address of someone besides yourself" in result.output
        assert "--to" not in result.output and "Traceback" not in result.output


def test_booking_an_offer_made_for_a_meeting_says_that_meeting_is_left_as_it_is(world, tmp_path):
    """An offer --for the intro call books a meeting of its own that replaces it; the call
    itself stays in both calendars until the user cancels it, and the booking says so."""
    from planner.render.offer_message import offer_links

    home, cfg, path = world
    run("offer", "--config", path, "--for", "erst-1@test", "--out", str(tmp_path / "o.html"))
    store = state()
    (offer,) = Offers(store).all()
    store.close()
    assert offer.for_event == "erst-1@test"
    links, _served = offer_links(cfg, offer)
    mail = mail_from_link(links.accept(offer, offer.options[0]), f"Lena Hansen <{LENA}>")
    run("replies", "--config", path, str(into_maildir(tmp_path / "Mail", mail)))
    dry = " ".join(run("offer", "--config", path, "--book", offer.id).stderr.split())
    assert "the meeting it replaces is left as it is, in your calendar and theirs" in dry
    german = run("offer", "--config", path, "--book", offer.id, "--lang", "de").stderr
    assert "der Termin, den er ersetzt, bleibt, wie er ist" in " ".join(german.split())


def test_the_deadline_says_each_time_closes_when_it_begins(world):
    """ "valid until Thu 17:47" beside an option on Thu at 11:00 promised a choice that would be
    gone by then: each time can be chosen only until it begins, and the offer says so."""
    _home, _cfg, path = world
    words = {"en": "each time until it begins", "de": "jede Zeit bis zu ihrem Beginn"}
    for lang, said in words.items():
        result = run("offer", "--config", path, "--with", f"Lena Hansen <{LENA}>", "--lang", lang)
        assert result.output.count(said) == 2, result.output  # the summary and the mail
