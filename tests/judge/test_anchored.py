"""Patterns tried only where a match can start (planner.judge.anchored) find exactly what the
plain pattern finds: the same matches, spans and groups, in texts of every kind."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from planner.judge import patterns as P
from planner.judge.tools import LINK_RE
from planner.judge.zones import _PHONE_RE, URL_RE

ROOT = Path(__file__).resolve().parents[2]
# the same patterns as one plain, case-insensitive regex each
PLAIN = {
    "link": re.compile(LINK_RE.pattern, re.IGNORECASE),
    "url": re.compile(URL_RE.pattern, re.IGNORECASE),
    "phone": re.compile(P.PHONE_NUMBER),
}
ANCHORED = {"link": LINK_RE, "url": URL_RE, "phone": _PHONE_RE}
PIECES = (
    "zoom.us/j/123", "https://us02web.ZOOM.us/j/8123?pwd=x", "teams.microsoft.com/l/meetup-join/1",
    "meet.google.com/abc-defg-hij", "x.meet.google.com", "ſip:", "SIP:anna@", "tel:+49 89 1234567",
    "Tel:", "mailto:a@b.de", "www.example.org", "WWW.", "http://", "HTTPS://", "+49 (0)89 12 3",
    "0049 30 1234567", "(030) 1234567", "030/12345678", "212-555-0199", "(212) 555-0199", "0", "+",
    "(", ")", "-", ".", "@", "/", "=", " ", "\n", "\t", "a", "Z", "ı", "İ", "ſ", "\u212a", "k", "é",
    "ü", "1", "9", "00", "webex.com", "ZOOM.US", "zoomgov.com", "bbb.uni-x.de", "g.co/meet", "t.me",
    "visio.univ.fr", "chat.whatsapp.com", "8x8.vc", "-zoom.us", "@zoom.us", ".zoom.us", "ſkype.com",
    "Besprechung", "Raum 2.07", "Einwahl: ", "Konferenz-ID: 123 456 789#", "²", "٣", "hwtms",
)  # fmt: skip


def _texts() -> list[str]:
    rng = random.Random(31)
    texts = ["", *PIECES]
    for _ in range(4000):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))))
    return texts


def _accuracy_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
    from dataset import PARTS, load  # type: ignore[import-not-found]

    texts = []
    for part in PARTS:
        for calendar in load(part):
            for event in calendar.events:
                texts += [event.title, event.location, event.url, *event.conference_links]
                texts += [event.description, *event.description.splitlines()]
                texts += [value for _key, value in event.hints]
    return texts


def _same(name: str, text: str) -> None:
    plain, anchored = PLAIN[name], ANCHORED[name]
    want, got = plain.search(text), anchored.search(text)
    assert (want and (want.span(), want.lastgroup)) == (got and (got.span(), got.lastgroup)), text
    spans = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in anchored.finditer(text)] == spans, text
    assert anchored.sub(" ", text) == plain.sub(" ", text), text


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_same_matches_in_made_up_texts(name: str) -> None:
    for text in _texts():
        _same(name, text)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_same_matches_in_the_accuracy_set(name: str) -> None:
    for text in _accuracy_texts():
        _same(name, text)


def test_the_first_letters_are_those_ignorecase_reads() -> None:
    """The start classes name every character the case-insensitive class matches."""
    for plain, written in (("[hwtms]", "HMSTWhmstwſ"), ("[a-z0-9-]", "-0-9A-Za-zİıſ\u212a")):
        wide = re.compile(plain, re.IGNORECASE)
        found = {chr(c) for c in range(0x110000) if wide.fullmatch(chr(c))}
        assert found == {chr(c) for c in range(0x110000) if re.fullmatch(f"[{written}]", chr(c))}
