"""Deal closing told by a deed, a notary or an agreement signed (planner.judge.purpose): Spanish
"firma de la escritura", "escritura de compraventa", "firma del convenio", Italian "rogito",
"stipula", "firma dell'accordo", French "compromis de vente", "acte authentique", Dutch "akte
passeren", "koopovereenkomst", German "Beurkundung", "Kaufvertrag". Spanish and Italian "firma"
counts only before what is signed: German "Firma" is a company. The same in an iCalendar
export, a Graph item and a Google item, with a counterpart invited."""

from __future__ import annotations

import pytest

from planner.judge.purpose import DEAL_CLOSING_WORDS, find_word
from planner.model import Purpose
from tests.judge.vendor_shapes import SHAPES, judged

GUEST = ("l.moreno@inmo-levante.example",)

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Firma de la escritura – local Ruzafa",  # Spanish
        "Reservado: firma escrituras nave Paterna",
        "Escritura de compraventa (Notaría Ribera)",
        "Firma del convenio con la Diputación",
        "Rogito appartamento via Mazzini",  # Italian
        "Stipula preliminare – capannone Imola",
        "Firma dell'accordo quadro con Ferri Logistica",
        "Compromis de vente – entrepôt de Mérignac",  # French
        "Acte authentique chez Maître Lacoste",
        "Akte passeren – bedrijfspand Mechelen",  # Dutch
        "Koopovereenkomst Kade 12 doornemen en tekenen",
        "Beurkundung Grundstück Neuss",  # German
        "Kaufvertrag Halle 4 – Unterschrift beim Notar",
    ],
)
def test_a_deed_or_an_agreement_signed_closes_a_deal(shape, title):
    meeting, _mode, purpose = judged(shape(title, "", "", guests=GUEST))
    assert meeting and purpose is Purpose.DEAL_CLOSING


@pytest.mark.parametrize(
    "title",
    [
        "Firma Müller – Jahresgespräch",  # German: a company
        "Firma Krause Bau: Rückfragen zum Angebot",
        "Taller de escritura creativa",
        "Akte Schneider anlegen",
    ],
)
def test_a_company_and_writing_are_no_deal(title):
    assert find_word(title, DEAL_CLOSING_WORDS) is None
