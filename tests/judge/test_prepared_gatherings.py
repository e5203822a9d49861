"""A gathering word that is the subject of work on it, not the gathering (planner.judge.
not_gatherings): preparing or following up a fair or a conference ("Messe-Nachbereitung",
"Kongressvorbereitung", "Summit prep", "Préparation du salon", "Debrief salon", "Preparazione
fiera", "Preparación de la feria", "Voorbereiding beurs"): alone one's own time (no meeting,
personal), with colleagues an internal working session, never networking. Places named in
Italian, Spanish and Dutch ("Ufficio", "Oficina", "Kantoor", "Vergaderzaal Maas") beside a
video link make a meeting hybrid, as "Büro" and "Salle …" do; a hairdresser's "salon" is no
gathering. In an iCalendar export, a Graph item and a Google item."""

from __future__ import annotations

import pytest

from planner.judge.people import networking_word
from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

COLLEAGUE = ("jan.roth@lindenwerk.example",)
MEET = "Mit Google Meet teilnehmen: https://meet.google.com/kqr-tbvw-xzp"

pytestmark = pytest.mark.usefixtures("forgotten")

PREPARED = [
    "Messe-Nachbereitung",
    "Kongressvorbereitung Hannover",
    "Summit prep",
    "Conference follow-up",
    "Préparation du salon Pollutec",
    "Debrief salon Vinexpo",
    "Preparazione fiera Ecomondo",
    "Preparación de la feria FITUR",
    "Voorbereiding beurs Logistica",
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("title", PREPARED)
def test_work_on_a_gathering_alone_is_own_time(shape, title):
    assert networking_word(shape(title)) is None
    meeting, _mode, purpose = judged(shape(title))
    assert not meeting and purpose is Purpose.PERSONAL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("title", PREPARED)
def test_work_on_a_gathering_with_colleagues_is_internal(shape, title):
    meeting, _mode, purpose = judged(shape(title, guests=COLLEAGUE))
    assert meeting and purpose is Purpose.INTERNAL


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("location", ["Ufficio", "Oficina", "Kantoor", "Vergaderzaal Maas"])
def test_a_place_in_the_language_beside_a_video_link_is_hybrid(shape, location):
    assert judged(shape("Projectoverleg", location, MEET, guests=COLLEAGUE))[1] is Mode.HYBRID


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title",
    ["Salon de coiffure", "Kapsalon", "Salone di bellezza", "Festival of Lights mit den Kindern"],
)
def test_a_hairdresser_or_a_festival_with_the_children_is_no_gathering(shape, title):
    assert networking_word(shape(title, "Hohe Straße 20, 50667 Köln")) is None
