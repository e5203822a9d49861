"""A visit noun that opens a title before what is visited (planner.judge.visits): Dutch
"Bezoek terminal …", English "Visit Acme plant", Swedish "Besök fabriken …", Danish "Besøg
Grundfos": a client or site visit, a meeting with purpose visit, in an iCalendar export, a
Graph item and a Google item. Not a visit to one's family or doctor ("Visit Mum", "Bezoek
huisarts"), nor German "Besuch" before a capitalised noun ("Besuch Weihnachtsmarkt": German
writes every noun so)."""

from __future__ import annotations

import pytest

from planner.judge.people import visit_word
from planner.model import Purpose
from tests.judge.vendor_shapes import SHAPES, judged

GUEST = ("p.dekker@zeeuwse-veren.example",)

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    [
        "Bezoek fabriek Tilburg – nieuwe lijn",
        "Bezoek Rijkswaterstaat Zeeland",
        "Bezoek magazijn Venlo met Pieter",
        "Visit Kerrygold plant, Mitchelstown",
        "Visit site – Newbridge depot",
        "Besök fabriken i Umeå",
        "Besøg Grundfos, Bjerringbro",
        "Optie: bezoek distributiecentrum Tilburg",  # after a hold's word
        "Hold – visit Glanbia plant",
    ],
)
def test_a_visit_noun_opening_the_title_is_a_visit(shape, title):
    meeting, _mode, purpose = judged(shape(title, "", "", guests=GUEST))
    assert meeting and purpose is Purpose.VISIT


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    ["Visit Mum", "Bezoek huisarts", "Bezoek oma", "Visit to the GP", "Besuch Weihnachtsmarkt",
     "Visitekaartjes bestellen", "Visiting hours"],
)  # fmt: skip
def test_family_doctors_and_other_words_open_no_visit(shape, title):
    assert visit_word(shape(title)) is None
