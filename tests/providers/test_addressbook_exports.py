"""vCards as real address books export them (QA session vcards): Outlook's vCard 2.1 with
quoted-printable values in UTF-8 or Windows-1252 and soft line breaks, files that mix encodings,
Apple's and Google's labels on addresses, a card without its END in the middle of a file. Each
test names the defect it guards; every card here was written for these tests (people invented).
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.model import Contact
from providers.addressbooks.base import ProviderContext, create
from providers.addressbooks.vcard import content_lines

TZ = ZoneInfo("Europe/Berlin")


def read(path: Path) -> tuple[list[Contact], list[str]]:
    said: list[str] = []
    context = ProviderContext(tz=TZ, warn=said.append)
    book = create(SourceConfig("export", "vcard", {"path": str(path)}), context)
    return list(book.changes("").contacts), said


def card(*lines: str, version: str = "2.1") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


#: Outlook 2016 "Save as vCard": the work address is long, so its quoted-printable value is
#: broken after 76 characters, and the continuation holds the next parts (";Düsseldorf;…")
OUTLOOK_UTF8 = card(
    "N;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Dr.;",
    "FN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:Dr. J=C3=BCrgen M=C3=BCller",
    "ORG:Rheinische Stahlhandel GmbH;Vertrieb",
    "ADR;WORK;PREF;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:;;K=C3=B6nigsallee 92a, 3. OG, S=",
    "eiteneingang;D=C3=BCsseldorf;Nordrhein-Westfalen;40212;Deuts=",
    "chland",
    "ADR;HOME;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:;;Lindenstra=C3=9Fe 4;Neuss;;41460;DE",
    "EMAIL;PREF;INTERNET:j.mueller@rheinstahl.example",
    "EMAIL;INTERNET:juergen.mueller@privat.example",
)


def test_a_soft_break_before_text_with_a_semicolon_continues_the_value(tmp_path):
    """Defect 1: the continuation "eiteneingang;D=C3=BCsseldorf;…" was taken for a property
    named "eiteneingang": the work address lost its town, a warning named a line that is
    none, and the home town (Neuss) became the city."""
    (tmp_path / "Jürgen Müller.vcf").write_text(OUTLOOK_UTF8, encoding="utf-8", newline="")
    (mueller,), said = read(tmp_path)
    assert said == []
    work = mueller.addresses[0]
    assert (work.kind, work.city, work.postal_code, work.country) == (
        "work",
        "Düsseldorf",
        "40212",
        "Deutschland",
    )
    assert work.street == "Königsallee 92a, 3. OG, Seiteneingang"


@pytest.mark.parametrize(
    "continuation",
    ["Extra: zweite Zeile", "eiteneingang;Berlin", "item: x"],
)
def test_content_lines_join_any_continuation_of_a_soft_break(continuation):
    text = (
        f"BEGIN:VCARD\nVERSION:2.1\nNOTE;QUOTED-PRINTABLE:a=\n{continuation}\n"
        f"FN;QUOTED-PRINTABLE:b=\n{continuation}\nEND:VCARD"
    )
    assert content_lines(text) == [
        "BEGIN:VCARD",
        "VERSION:2.1",
        f"FN;QUOTED-PRINTABLE:b{continuation}",
        "END:VCARD",
    ]


def test_a_soft_break_before_the_next_property_is_still_dropped():
    text = "BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE:b=\nitem1.EMAIL:x@y.example\nEND:VCARD"
    assert content_lines(text)[2:4] == ["FN;QUOTED-PRINTABLE:b", "item1.EMAIL:x@y.example"]
