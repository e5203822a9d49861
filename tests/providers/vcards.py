"""vCards as address books write them, for seeding the address-book tests: :func:`vcard` writes
a :class:`planner.model.Contact` as vCard 3.0 or 4.0 (folded at 75 octets, escaped)."""

from __future__ import annotations

from planner.model import Contact


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 6350 folding: lines of at most 75 octets, continued with a space."""
    data = line.encode("utf-8")
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current)
            current = b""
        current += encoded
    parts.append(current)
    assert b"".join(parts) == data
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def vcard(contact: Contact, version: str = "3.0") -> str:
    given, _sep, family = contact.name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        f"VERSION:{version}",
        f"UID:{contact.id}",
        f"FN:{_escape(contact.name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
    ]
    for index, email in enumerate(contact.emails):
        kind = "TYPE=work" if version == "4.0" else "TYPE=INTERNET,WORK"
        pref = (";PREF=1" if version == "4.0" else ",pref") if index == 0 else ""
        lines.append(f"EMAIL;{kind}{pref}:{email}")
    if contact.organisation:
        lines.append(f"ORG:{_escape(contact.organisation)}")
    for address in contact.addresses:
        kind = f";TYPE={address.kind}" if address.kind in ("work", "home") else ""
        parts = [
            "",
            "",
            address.street,
            address.city,
            address.region,
            address.postal_code,
            address.country,
        ]
        lines.append(f"ADR{kind}:" + ";".join(_escape(p) for p in parts))
    for index, number in enumerate(contact.phones):
        kind = "work" if index == 0 else "cell"
        lines.append(f"TEL;VALUE=uri;TYPE={kind}:tel:{number}" if version == "4.0"
                     else f"TEL;TYPE={kind},voice:{number}")  # fmt: skip
    if contact.groups:
        lines.append("CATEGORIES:" + ",".join(_escape(g) for g in contact.groups))
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)
