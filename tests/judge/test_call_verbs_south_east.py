"""Calls written as a verb in Portuguese, Spanish, Hungarian, Romanian, Greek, Turkish and
Japanese, and the English "give … a bell" (planner.judge.calls): whom to call after an
article ("Ligar para o Thiago", "Llamar a la notaria"), a Turkish verb after whom in the
accusative ("Kemal Bey'i aramak"), a Japanese title without spaces ("電話：佐藤様"). Words
that only look like a call stay none: Turkish "arama" (a search), Romanian "Apel" (a court
appeal), Greek "να πάρω" (to fetch someone), "Give Way"."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner.config.loader import default_config
from planner.judge.calls import call_verb
from planner.model import Event, Mode, Purpose
from tests.data.judged_events import TZ
from tests.judge.judging import judgement

CONFIG = default_config(user={"email": "kim@fjordlab.example", "domains": ["fjordlab.example"]})

pytestmark = pytest.mark.usefixtures("forgotten")


def event(title: str) -> Event:
    return Event(
        uid=f"{abs(hash(title))}@planner.test",
        title=title,
        start=datetime(2026, 12, 3, 9, tzinfo=TZ),
        end=datetime(2026, 12, 3, 9, 30, tzinfo=TZ),
    )


@pytest.mark.parametrize(
    "title",
    [
        "Ligar para a Fernanda sobre o orçamento",
        "Llamar a la notaria Ruiz",
        "Appeler le notaire Duval",
        "Give Priya a bell about the lease",
        "give Mum a ring",
        "Kemal Bey'i aramak – fatura",
        "Selin'i geri ara",
        "Felhívni Kovács Annát",
        "Hívd fel Szabó Lászlót a számla miatt",
        "Sună pe Andrei Popescu",
        "De sunat pe Maria pentru ofertă",
        "Να πάρω τηλέφωνο την Ελένη Παππά",
        "Τηλεφώνημα στον Γιώργο για την προσφορά",
        "電話：佐藤様（東邦商事）",
        "田中様に折り返し電話",
    ],
)
def test_a_call_verb_in_more_languages_is_a_phone_meeting(title):
    assert judgement(event(title), CONFIG) == (True, Mode.PHONE, Purpose.OTHER)


@pytest.mark.parametrize(
    "title",
    [
        "Ürün arama toplantısı hazırlığı",
        "Apel la Curtea de Apel Cluj",
        "Να πάρω τον Νίκο από το σχολείο",
        "Give Way signs audit",
        "Sun Valley trip planning",
        "電話代の支払い",
    ],
)
def test_words_that_only_look_like_a_call_are_none(title):
    assert call_verb(title) is None
