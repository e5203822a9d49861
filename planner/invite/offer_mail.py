"""The e-mail of an offer and the mails that answer it.

**The offer** (:func:`offer_message`) is ``multipart/mixed``: a ``multipart/alternative`` with the
plain text and the offer page itself as HTML (no external resources, no script), then one
``application/ics`` attachment per option: opened in a calendar app, it is the invitation that a
pick sends (same UID), so accepting it there answers with an iTIP REPLY. There is deliberately
no ``text/calendar`` part: mail clients would put every option into the calendar at once.

**An answer** is a mail from the counterpart that carries one offer code (``PLANNER-OFFER:…``,
written by the page's accept link into the subject and the body): :func:`offer_replies` finds
it in the subject, else in the unquoted lines of the text. A mail that names several options
(a reply quoting the whole offer, say) is reported, not guessed. Whether the code is genuine
and the sender the counterpart is checked where the offer is known
(:mod:`planner.flows.offer_answers`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message

from planner.i18n import ngettext

OFFER_MARK = b"planner-offer:"  # lower case: the raw test for a mail that may answer an offer
CODE = re.compile(r"PLANNER-OFFER:([0-9a-z]{6}):([0-5]):([A-Z2-7]{16})", re.IGNORECASE)
COMMENT_LIMIT = 1000  # characters of a "none of these fits" mail that are kept


@dataclass(frozen=True)
class Code:
    """An offer code: the offer, the option (0: none of them fits), the signature."""

    offer: str
    number: int
    signature: str

    def text(self) -> str:
        return f"PLANNER-OFFER:{self.offer}:{self.number}:{self.signature}"


def find_codes(text: str) -> list[Code]:
    """Every distinct offer code in ``text``, in order."""
    found: dict[tuple[str, int, str], Code] = {}
    for match in CODE.finditer(text):
        code = Code(match[1].lower(), int(match[2]), match[3].upper())
        found.setdefault((code.offer, code.number, code.signature), code)
    return list(found.values())


@dataclass(frozen=True)
class OfferReply:
    """A mail that answers an offer: its code, who sent it (the From address), when (the
    Date header, if any), its own words (for "none fits") and where it was read."""

    code: Code
    sender: str
    sent_at: datetime | None
    comment: str
    source: str


def offer_replies(message: Message, where: str) -> tuple[list[OfferReply], list[str]]:
    """The offer answer in ``message`` (at most one) and problem lines."""
    subject = str(message.get("Subject", "") or "")
    body = _own_text(message)
    codes = find_codes(subject) or find_codes(body)
    if not codes:
        return [], []
    if len(codes) > 1:
        return [], [ngettext("{where}: the mail names {count} option of an offer; not "
                             "recorded (answer with one accept link)",
                             "{where}: the mail names {count} options of an offer; not "
                             "recorded (answer with one accept link)", len(codes),
                             where=where)]  # fmt: skip
    comment = "\n".join(line for line in body.splitlines() if not CODE.search(line)).strip()
    return [OfferReply(codes[0], _sender(message), _date(message), comment[:COMMENT_LIMIT],
                       where)], []  # fmt: skip


def _own_text(message: Message) -> str:
    """The plain text the sender wrote: the first text/plain part, quoted lines (``>``) and
    everything below a reply header left out."""
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.get_filename():
            try:
                payload = part.get_payload(decode=True)
                charset = part.get_content_charset() or "utf-8"
                text = payload.decode(charset, "replace") if isinstance(payload, bytes) else ""
            except LookupError:
                text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            return "\n".join(_unquoted(text.splitlines()))
    return ""


def _unquoted(lines: Sequence[str]) -> list[str]:
    kept = []
    for line in lines:
        if line.lstrip().startswith(">"):
            continue
        if line.strip() == "-----Original Message-----":
            break
        kept.append(line)
    return kept


def _sender(message: Message) -> str:
    from email.utils import getaddresses

    found = getaddresses([str(message.get("From", "") or "")])
    return found[0][1].strip().lower() if len(found) == 1 else ""


def _date(message: Message) -> datetime | None:
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def offer_message(
    *,
    sender: tuple[str, str],
    to: tuple[str, str],
    subject: str,
    text: str,
    page: str,
    attachments: Sequence[tuple[str, bytes]],
    date: datetime | None = None,
) -> EmailMessage:
    """The offer's e-mail (see the module): ``sender`` and ``to`` as (name, address),
    ``attachments`` as (file name, .ics bytes)."""
    from email.utils import format_datetime, make_msgid

    from planner.invite.mail import _header_address

    msg = EmailMessage()
    msg["From"] = _header_address(*sender)
    msg["To"] = _header_address(*to)
    msg["Subject"] = " ".join(subject.split())
    msg["Date"] = format_datetime((date or datetime.now(UTC)).astimezone(UTC))
    msg["Message-ID"] = make_msgid("offer", domain=sender[1].rpartition("@")[2] or None)
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(page, subtype="html", charset="utf-8")
    for name, ics in attachments:
        msg.add_attachment(ics, maintype="application", subtype="ics", filename=name,
                           params={"name": name})  # fmt: skip
    return msg
