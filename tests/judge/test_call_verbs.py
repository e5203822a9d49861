"""A call written as a verb at a title's start counts only before whom to call (planner.judge.
calls): "Ring Karin", "Ringe til Lars", "Zadzwonić do Anny", "Bel de Belastingdienst", "Ring
the bank", "Ring back". The same short verbs are nouns that open a compound ("Ring Road
closure", "Ring Main", "Bel Air", "Ring-Vorlesung", "Ringe Hochzeit abholen"): no call."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.calls import call_verb
from planner.judge.mode import classify
from planner.model import Event, Mode, Purpose
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

CONFIG = default_config(user={"email": "kim@fjordlab.example", "domains": ["fjordlab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str, description: str = "") -> Event:
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 9, tzinfo=TZ),
        end=datetime(2026, 12, 3, 9, 30, tzinfo=TZ),
        description=description,
    )


@pytest.mark.parametrize(
    "title",
    [
        # English
        "Ring Anna re contract",
        "Ring back",
        "Ring the bank about the overdraft",
        "Phone Mr. Okafor (pension)",
        "Ring mum",
        # German: a role is capitalised
        "Ring Steuerberater wegen Frist",
        "Anrufen Frau Lindqvist",
        # Dutch
        "Bel de Belastingdienst",
        "Bel Joris over de offerte",
        # Danish
        "Ringe til Lars",
        "Ring til Birgitte Holm, Aarhus Vand",
        "Ring tilbage til Søren",
        # Norwegian
        "Ringe Solveig om kontrakten",
        # Swedish
        "Ringa Sven angående offerten",
        "Ring Maja Ek (Brf Tallen)",
        # Polish
        "Zadzwoń do Kowalskiego",
        "Zadzwonić do banku w sprawie kredytu",
        # Czech
        "Zavolat Janě Dvořákové (Moravia Data)",
    ],
)
def test_a_call_verb_before_whom_to_call_is_a_phone_meeting(title):
    assert judgement(event(title), CONFIG) == (True, Mode.PHONE, Purpose.OTHER)


@pytest.mark.parametrize(
    "title",
    [
        # English: the verb opens a compound
        "Ring Road Closure",
        "Ring Road closure – Inner Loop (allow extra time)",
        "Ring Main replacement",
        "Bell ringing practice",
        "Ring the bells",
        "Phone Case kaufen",
        # German: a hyphen joins a compound; "Ringe" is a plural before a lower-case verb
        "Ring-Vorlesung Informatik",
        "Ring Vorlesung Informatik",
        "Ringe Hochzeit abholen",
        # Dutch, French, Danish, Swedish, Polish: a place or a compound, no one to call
        "Bel Air Hotel",
        "Ringvejen – vejarbejde",
        "Ring Road Nord lukket",
        "Ringvägen 12 – besiktning",
        "Dzwonek do drzwi – montaż",
    ],
)
def test_a_call_verb_before_a_compound_is_no_call(title):
    assert classify(event(title)).mode is not Mode.PHONE
    assert call_verb(title) is None


def test_a_call_verb_gives_way_to_a_video_link():
    found = classify(event("Ring til Lars", "https://meet.google.com/abc-defg-hij"))
    assert found.mode is Mode.VIRTUAL
