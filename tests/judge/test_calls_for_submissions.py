"""A "call" that is an invitation to submit (planner.judge.patterns.NOT_CALLS): "Call for
papers", "Call for proposals", "Appel à projets", "Appel d'offres", "Llamada a propuestas" are
deadlines and tenders, not phone or video calls: no meeting, mode unknown, personal. A call
with someone stays a call. The same in an iCalendar export, a Graph item and a Google item."""

from __future__ import annotations

import pytest

from planner.model import Mode, Purpose
from tests.judge.vendor_shapes import SHAPES, judged

pytestmark = pytest.mark.usefixtures("forgotten")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Call for Papers: DevOpsDays Graz – Einreichung", "Abstract bis 23:59 hochladen."),
        ("Deadline call for proposals (EIC Accelerator)", ""),
        ("Call for speakers closes – PyCon IE", ""),
        ("Appel à projets ADEME – dépôt du dossier", "Dossier complet sur la plateforme."),
        ("Appel d'offres Métropole de Lyon : remise des offres", ""),
        ("Réponse à l’appel d’offres de la SNCF", ""),
        ("Llamada a propuestas Erasmus+ – cierre", ""),
        ("Call for tenders ESA – submission", ""),
    ],
)
def test_a_call_for_submissions_is_no_call(shape, title, text):
    assert judged(shape(title, "", text)) == (False, Mode.UNKNOWN, Purpose.PERSONAL)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    "title", ["Call with Ciara re: tender", "Appeler Maître Fabre", "Llamar a Inés (licitación)"]
)
def test_a_call_with_someone_stays_a_phone_call(shape, title):
    assert judged(shape(title)) == (True, Mode.PHONE, Purpose.OTHER)
