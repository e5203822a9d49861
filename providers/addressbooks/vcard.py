"""vCards (2.1, 3.0 and 4.0) as :class:`planner.model.Contact` objects, through vobject.

What address books write is read as they write it: Apple Contacts (grouped properties with
``X-ABLabel``, group cards with ``X-ADDRESSBOOKSERVER-KIND:group`` and ``…-MEMBER``), Google
Contacts exports (``CATEGORIES`` with its ``myContacts``), Outlook (vCard 2.1 with
quoted-printable values in a ``CHARSET``, bare type parameters such as ``ADR;WORK``), Nextcloud
and vCard 4.0 (``KIND:group`` with ``MEMBER``). Folded lines, photos and unknown properties are
no problem. Each card is parsed on its own: a broken card is skipped and counted, the others
are read. vobject is imported when the first card is parsed.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from planner.i18n import _, ngettext
from planner.model import Contact, PostalAddress
from providers.addressbooks.base import named_after_organisation
from providers.addressbooks.vcard_text import content_lines, readable_lines, with_working_charset

Warn = Callable[[str], None]

_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_KINDS = {"work": "work", "home": "home", "other": "other"}  # vCard TYPE → kind
#: groups every contact of a book is in: they say nothing about anyone
SYSTEM_GROUPS = frozenset({"mycontacts", "my contacts", "all contacts", "alle kontakte"})


@dataclass
class _Card:
    """One parsed card before group cards are resolved."""

    contact: Contact
    uid: str = ""
    group: bool = False
    members: list[str] = field(default_factory=list)


def contacts_from_vcards(
    blocks: Iterable[tuple[str, str] | tuple[str, str, str]], *, where: str, warn: Warn
) -> list[Contact]:
    """The contacts of ``blocks`` (``(id or "", card text)``, or with a third item, where the
    card is: ``file:line`` or a URL), group cards turned into the groups of their members.
    Cards that cannot be read are skipped: one warning names them (the first few, each with
    where it is and why) and counts them; a line left out of a card that is read is said on
    its own line."""
    cards: list[_Card] = []
    broken: list[str] = []
    blocks = list(blocks)
    places = [str(block[2]) if len(block) > 2 else "" for block in blocks] + [""]
    for index, (given_id, text, *_place) in enumerate(blocks):
        card = _parse(text, given_id, _Said(places[index], warn, places[index + 1]))
        if isinstance(card, _Card):
            cards.append(card)
        else:
            broken.append(
                _("{place} ({reason})", place=card[0], reason=card[1]) if card[0] else card[1]
            )
    if broken:
        warn(_left_out(where, broken))
    return _resolve_groups(cards)


def _mend(message: str, count: int = 1) -> str:
    """``message`` with what to do about it: the line is said on every run until it is."""
    return ngettext(
        "{message}; mend it where the address book is kept (its app, its server or the file)",
        "{message}; mend them where the address book is kept (its app, its server or the file)",
        count,
        message=message,
    )


MAX_NAMED = 3  # broken cards named in the warning; the rest are counted


def _left_out(where: str, broken: list[str]) -> str:
    named = "; ".join(broken[:MAX_NAMED])
    if len(broken) > MAX_NAMED:
        more = len(broken) - MAX_NAMED
        named = ngettext("{named} and {count} more", "{named} and {count} more", more, named=named)
    said = ngettext(
        "{where}: {count} vCard cannot be read and is left out: {named}",
        "{where}: {count} vCards cannot be read and are left out: {named}",
        len(broken),
        where=where,
        named=named,
    )
    return _mend(said, len(broken))


class _Said:
    """Where a card is (``file:line``, a URL or "") and the warning function: a line left
    out of a card that is read is said with its own line number."""

    def __init__(self, place: str, warn: Warn, following: str = "") -> None:
        self.place = place
        self.warn = warn
        path, _colon, line = place.rpartition(":")
        after, _colon, then = following.rpartition(":")
        #: the line of the next card's BEGIN when it is in the same file, else 0
        self.next_line = int(then) if path and after == path and then.isdigit() else 0

    def at(self, offset: int) -> str:
        """The place of the card's line ``offset`` (0: its BEGIN line)."""
        path, _colon, line = self.place.rpartition(":")
        if path and line.isdigit():
            return f"{path}:{int(line) + offset}"
        return self.place

    def line_of(self, text: str, line: str) -> int:
        """The offset in the card ``text`` of the physical line that begins ``line``."""
        first = line.split("\n", 1)[0].rstrip("=")  # a soft break's "=" was taken off
        lines = text.split("\n")
        return next((n for n, each in enumerate(lines) if each.startswith(first)), 0)

    def left_out(self, text: str, line: str) -> None:
        place = self.at(self.line_of(text, line)) or _("a vCard")
        self.warn(
            _mend(
                _(
                    "{place}: a line that cannot be read is left out ({text})",
                    place=place,
                    text=_quote(line),
                )
            )
        )


def _quote(line: str, limit: int = 60) -> str:
    text = " ".join(line.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse(text: str, given_id: str, said: _Said) -> _Card | tuple[str, str]:
    """The card of ``text``, or where it is and why it cannot be read."""
    import vobject
    from vobject.base import VObjectError

    # vobject logs each line it skips at ERROR: a broken line is said by planner, in its words
    logging.getLogger("vobject").setLevel(logging.CRITICAL)

    unread: list[str] = []
    written = content_lines(text, unread)
    lines = [with_working_charset(line) for line in written]
    as_written = dict(zip(lines, written, strict=True))  # a warning quotes the line as it was
    place = _named(said.at(0), written)
    if not text.rstrip().upper().endswith("END:VCARD"):
        if said.next_line:
            reason = _(
                "no END:VCARD before the next BEGIN:VCARD on line {line}", line=said.next_line
            )
            return place, reason
        return place, _("no END:VCARD: the file may be cut off")
    for line in unread:
        said.left_out(text, line)
    component = None
    for attempt in (lines, None):
        if attempt is None:
            attempt = readable_lines(lines)
        try:
            stream = vobject.readComponents("\n".join(attempt) + "\n", allowQP=True)
            component = next(stream)
            break
        except (VObjectError, StopIteration, ValueError, UnicodeError, TypeError, AttributeError):
            continue
    if component is None or component.name.upper() != "VCARD":
        return place, _("not a vCard that can be read")
    for line in lines:
        if line not in attempt and line not in unread:
            said.left_out(text, as_written[line])
    try:
        return _card(component, text, given_id)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        return place, _("a value that cannot be read")


_FN = re.compile(r"^(?:[\w-]+\.)?FN(;[^:]*)?:(.+)$", re.IGNORECASE | re.DOTALL)


def _named(place: str, lines: list[str]) -> str:
    """Where a card that cannot be read is, with the name it gives itself (its plain ``FN``),
    so that the user knows whom the address book lacks: ``contacts.vcf:12 'Stefan Huber'``."""
    for line in lines:
        match = _FN.match(line)
        if match and "QUOTED-PRINTABLE" not in (match.group(1) or "").upper():
            name = " ".join(re.sub(r"\\(.)", r"\1", match.group(2)).split())
            if name:
                name = name if len(name) <= 40 else name[:39] + "…"
                return f"{place} '{name}'" if place else f"'{name}'"
    return place


def _card(component: Any, text: str, given_id: str) -> _Card:
    lines = list(component.getChildren())
    labels = {
        (line.group or "").lower(): _label(_text(line.value))
        for line in lines
        if line.name == "X-ABLABEL" and line.group
    }
    values: dict[str, list[Any]] = {}
    for line in lines:
        values.setdefault(line.name, []).append(line)
    uid = _first(values, "UID")
    kind = (_first(values, "KIND") or _first(values, "X-ADDRESSBOOKSERVER-KIND")).lower()
    organisation = _organisation(values.get("ORG", []))
    company = kind in ("org", "organization") or _first(values, "X-ABSHOWAS").upper() == "COMPANY"
    contact = Contact(
        id=given_id or uid or "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32],
        name=_name(values) or (organisation if company else ""),
        emails=_emails(values.get("EMAIL", [])),
        organisation=organisation,
        addresses=tuple(_address(line, labels) for line in values.get("ADR", [])),
        groups=_categories(values.get("CATEGORIES", [])),
        revision=_revision(_first(values, "REV")),
        is_organisation=company or _named_after(values, organisation),
        phones=_phones(values.get("TEL", []), labels),
    )
    members = [
        _text(line.value)
        for name in ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER")
        for line in values.get(name, [])
    ]
    return _Card(contact, uid, kind == "group", members)


def _resolve_groups(cards: list[_Card]) -> list[Contact]:
    """Group cards become a group of each member (named by UID, ``urn:uuid:`` or ``mailto:``)."""
    groups: dict[str, list[str]] = {}
    for card in cards:
        if card.group and card.contact.name:
            for member in card.members:
                key = _member_key(member)
                groups.setdefault(key, []).append(card.contact.name)
    found = []
    for card in cards:
        if card.group:
            continue
        contact = card.contact
        extra = [
            g
            for key in [card.uid.lower(), *(e.lower() for e in contact.emails)]
            if key
            for g in groups.get(key, [])
        ]
        if extra:
            contact = replace(contact, groups=_unique([*contact.groups, *extra]))
        found.append(contact)
    return found


def _member_key(member: str) -> str:
    member = member.strip()
    for prefix in ("urn:uuid:", "mailto:"):
        if member.lower().startswith(prefix):
            member = member[len(prefix) :]
    return member.lower()


def _first(values: dict[str, list[Any]], name: str) -> str:
    lines = values.get(name)
    return _text(lines[0].value).strip() if lines else ""


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value if _text(v))
    return " ".join(str(value).split())


def _name(values: dict[str, list[Any]]) -> str:
    if formatted := _first(values, "FN"):
        return formatted
    lines = values.get("N")
    if not lines:
        return ""
    name = lines[0].value
    parts = [getattr(name, attr, "") for attr in ("prefix", "given", "additional", "family")]
    return " ".join(t for t in (_text(p) for p in parts) if t)


def _named_after(values: dict[str, list[Any]], organisation: str) -> bool:
    """Whether the card is named only after its organisation (``N:;;;;``, ``FN`` the ``ORG``
    or none): :func:`~providers.addressbooks.base.named_after_organisation`."""
    lines = values.get("N")
    name = lines[0].value if lines else None
    given = _text(getattr(name, "given", "")) + _text(getattr(name, "additional", ""))
    family = _text(getattr(name, "family", ""))
    return named_after_organisation(_first(values, "FN"), given, family, organisation)


def _emails(lines: list[Any]) -> tuple[str, ...]:
    found: list[str] = []
    for line in sorted(lines, key=lambda line: not _preferred(line)):
        address = _text(line.value).strip().strip("<>")
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if "@" in address and " " not in address and address not in found:
            found.append(address)
    return tuple(found)


def _preferred(line: Any) -> bool:
    types = {t.lower() for t in _types(line)}
    pref = line.params.get("PREF") or []
    return "pref" in types or bool(pref)


def _types(line: Any) -> list[str]:
    found = [str(t) for t in line.params.get("TYPE", []) for t in str(t).split(",")]
    return found + [str(t) for t in getattr(line, "singletonparams", [])]


def _phones(lines: list[Any], labels: dict[str, str]) -> tuple[str, ...]:
    """The card's numbers, a work number first (``TEL;WORK;VOICE:``, ``TEL;TYPE=work,voice:``,
    Apple's ``item1.TEL`` with its label), then a preferred one; vCard 4's ``tel:`` URI
    (``tel:+33-1-42-68-53-00;ext=12``) as its number."""

    def rank(line: Any) -> tuple[bool, bool]:
        types = {t.lower() for t in _types(line)}
        work = "work" in types or labels.get((line.group or "").lower(), "") == "work"
        return not work, not _preferred(line)

    found: list[str] = []
    for line in sorted(lines, key=rank):
        number = _text(line.value).strip()
        if number[:4].lower() == "tel:":
            number = number[4:].split(";", 1)[0].strip()
        if sum(c.isdigit() for c in number) >= 6 and number not in found:
            found.append(number)
    return tuple(found)


def _organisation(lines: list[Any]) -> str:
    if not lines:
        return ""
    value = lines[0].value
    if isinstance(value, list | tuple):
        value = next((v for v in value if _text(v)), "")
    return _text(value)


def _categories(lines: list[Any]) -> tuple[str, ...]:
    found: list[str] = []
    for line in lines:
        value = line.value if isinstance(line.value, list) else str(line.value).split(",")
        # "a\\, b" (Thunderbird escapes the commas between its categories) is two as well
        found += [t for v in value for t in (p.strip() for p in _text(v).split(",")) if t]
    return _unique(found)


def _unique(groups: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        key = group.casefold()
        if key not in SYSTEM_GROUPS and key not in seen:
            seen[key] = group
    return tuple(seen.values())


def _label(text: str) -> str:
    match = _APPLE_LABEL.match(text.strip())
    return (match.group(1) if match else text).strip().lower()


def _address(line: Any, labels: dict[str, str]) -> PostalAddress:
    value = line.value
    # TYPE=WORK or HOME says the kind; a label ("Office", "Büro", Apple's "_$!<Work>!$_")
    # is the book's own word for it (planner.people.postal.address_kind reads it)
    kind = next((_KINDS[t.lower()] for t in _types(line) if t.lower() in _KINDS), "")
    if kind in ("", "other"):
        kind = labels.get((line.group or "").lower(), "") or kind
    parts = {
        attr: _lines(getattr(value, attr, ""))
        for attr in ("box", "extended", "street", "city", "region", "code", "country")
    }
    street = ", ".join(p for p in (parts["street"], parts["extended"], parts["box"]) if p)
    return PostalAddress(
        street=street,
        city=parts["city"],
        region=parts["region"],
        postal_code=parts["code"],
        country=parts["country"],
        kind=kind,
    )


def _lines(value: Any) -> str:
    """A part of an address with its lines kept apart: Google's and Gmail's exports put the
    whole address, lines and all, into one part (``Am Kai 3\\n23552 Lübeck``)."""
    if isinstance(value, list | tuple):
        return ", ".join(t for t in (_lines(v) for v in value) if t)
    return ", ".join(t for t in (_text(line) for line in str(value).splitlines()) if t)


def _revision(text: str) -> datetime | None:
    """``REV`` as written (``20240102T030405Z``, ``1995-10-31T22:27:10Z``, a date), in UTC
    (a REV without a zone is read as UTC)."""
    text = text.strip()
    compact = re.fullmatch(r"(\d{8})(?:T(\d{6})Z?)?", text.upper())
    try:
        if compact:
            moment = datetime.strptime(
                compact.group(1) + (compact.group(2) or "000000"), "%Y%m%d%H%M%S"
            )
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
