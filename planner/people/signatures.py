"""Names and organisations people write themselves: signatures and address lines in the
descriptions of meetings (``Oliver Smith <oliver@smith-partners.com>``, a name line above an
address line, a company line with its legal form below the name).

Only what is tied to an address is taken: a name in ``Name <address>``, or a name line directly
above a line holding just the address, when a part of the name is in the address. An
organisation is a short line with a legal form (GmbH, AG, Ltd, Inc., SAS, B.V. …) within three
lines of that name. Everything else in a description (agendas, join instructions) says nothing
about who someone is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from planner.people.addresses import is_email

LIMIT = 8000  # characters of a description read
_ADDRESS = r"(?:mailto:)?[^\s<>@,;:()\"'/]+@[^\s<>@,;:()\"'/]+\.[^\s<>@,;:()\"'/]+"
_NAMED = re.compile(
    rf"(?P<name>\"[^\"\n]{{1,80}}\"|[^<>,;:\n\"|/]{{1,80}}?)\s*<(?P<address>{_ADDRESS})>"
)
_ALONE = re.compile(
    rf"^\s*(?:(?:e-?mail|mail|e-mail-adresse|courriel)\s*:?\s*)?<?(?P<address>{_ADDRESS})>?\s*$",
    re.IGNORECASE,
)
_TITLES = {"dr", "prof", "dipl", "ing", "mag", "mba", "phd", "med", "rer", "nat", "jur", "mr",
           "mrs", "ms", "herr", "frau", "m", "mme"}  # fmt: skip
_PARTICLES = {"von", "van", "de", "der", "den", "la", "le", "di", "du", "da", "zu", "del", "dos",
              "ter", "ten", "al", "bin", "y"}  # fmt: skip
_GREETINGS = re.compile(
    r"\b(?:regards|grüße|gruesse|grüßen|gruß|best|cheers|thanks|danke|cordialement|bien|"
    r"sincerely|yours|herzliche|viele|beste|freundlichen|salutations|merci|hello|hallo|dear|"
    r"liebe|lieber|bonjour|team|meeting|call|agenda|tagesordnung|einladung|invitation)\b",
    re.IGNORECASE,
)
_LEGAL_FORM = re.compile(
    r"(?<![\w.])(?:GmbH(?:\s*&\s*Co\.?\s*KG(?:aA)?)?|gGmbH|AG|SE|KGaA|KG|OHG|UG|PartG(?:\s*mbB)?|"
    r"e\.\s?V\.|eG|Ltd\.?|Limited|LLC|LLP|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|plc|"
    r"PLC|S\.A\.S?\.?|SAS|SARL|S\.à\s?r\.l\.|S\.A\.R\.L\.|SA|B\.V\.|BV|N\.V\.|NV|AB|ASA|A/S|Oy|"
    r"S\.p\.A\.|SpA|S\.r\.l\.|Srl|Sp\.\s?z\s?o\.o\.|s\.r\.o\.|a\.s\.|Pty\.?\s?Ltd\.?)(?![\w])"
)


@dataclass(frozen=True, slots=True)
class Signed:
    """One person a description names: address, name and (where written) organisation."""

    address: str
    name: str
    organisation: str = ""


def signed(description: str) -> Iterator[Signed]:
    """The people ``description`` ties to an address (see the module doc)."""
    if "@" not in description:
        return
    lines = description[:LIMIT].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        if "@" not in line:
            continue
        found = list(_named(line))
        if not found and (alone := _ALONE.match(line)) and number:
            found = _above(lines, number, _address(alone.group("address")))
        for address, name, name_line in found:
            if len(found) == 1:
                organisation = _organisation(lines, name_line if name_line >= 0 else number)
            else:
                organisation = ""  # a list of people ("To: a <…>, b <…>"): no company line
            yield Signed(address, name, organisation)


def _named(line: str) -> Iterator[tuple[str, str, int]]:
    for match in _NAMED.finditer(line):
        address = _address(match.group("address"))
        name = _clean(match.group("name"))
        if is_email(address) and name and _looks_like_name(name, strict=False):
            yield address, name, -1


def _above(lines: list[str], number: int, address: str) -> list[tuple[str, str, int]]:
    """A name on the line above an address line, when the address holds a part of it."""
    if not is_email(address):
        return []
    for back in (1, 2):  # the line above, or above a job title
        if number - back < 0:
            break
        name = _clean(lines[number - back])
        if name and _looks_like_name(name, strict=True) and _in_address(name, address):
            return [(address, name, number - back)]
    return []


def _organisation(lines: list[str], name_line: int) -> str:
    for line in lines[name_line + 1 : name_line + 4] + lines[max(0, name_line - 1) : name_line]:
        text = " ".join(line.split()).strip(" ,|·•-–")
        if (
            2 < len(text) <= 60
            and "@" not in text
            and "://" not in text
            and _LEGAL_FORM.search(text)
        ):
            if sum(c.isdigit() for c in text) <= 2:
                return text
    return ""


def _address(text: str) -> str:
    return text[7:] if text.lower().startswith("mailto:") else text


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" \t-–—|·•,;:>")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    for lead in ("From:", "Von:", "De:", "To:", "An:", "À:", "Cc:", "Organizer:", "Organisator:"):
        if text.lower().startswith(lead.lower()):
            text = text[len(lead) :].strip()
    return text


def _looks_like_name(text: str, *, strict: bool) -> bool:
    """Two to five words of letters, each capitalised (titles and particles allowed)."""
    if len(text) > 60 or _GREETINGS.search(text) or any(c.isdigit() for c in text):
        return False
    words = [w for w in re.split(r"[\s,]+", text) if w]
    core = [w for w in words if w.rstrip(".").lower() not in _TITLES | _PARTICLES]
    if not 1 <= len(core) <= 4 or (strict and len(core) < 2):
        return False
    return all(_capitalised(w) for w in core)


def _capitalised(word: str) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return bool(letters) and letters.isalpha() and word[0].isupper()


def _in_address(name: str, address: str) -> bool:
    local = address.rpartition("@")[0].casefold()
    forms = {local, *_ascii(local)}
    parts = [w for w in re.split(r"[\s,.-]+", name.casefold()) if len(w) > 2]
    return any(p in form for word in parts for p in {word, *_ascii(word)} for form in forms)


def _ascii(text: str) -> tuple[str, str]:
    """``jürgen`` → ``juergen`` and ``jurgen``: the two ways people write it in ASCII."""
    spelled = text.replace("ß", "ss")
    for umlaut, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        spelled = spelled.replace(umlaut, written)
    return _strip_marks(spelled), _strip_marks(text.replace("ß", "ss"))


def _strip_marks(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
