"""The weekly plan as an e-mail: ``multipart/alternative`` with the plain-text plan and the
self-contained HTML page (styles inside the page, SVG inline, no image, font or script from
anywhere), for ``planner week --mail``."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from planner.i18n import _


def week_message(
    *,
    week: str,
    text: str,
    html: str,
    sender: str,
    sender_name: str,
    to: str,
    date: datetime,
    incomplete: bool = False,
) -> EmailMessage:
    """The message: From the user, To ``to``, the subject naming the ISO week, and saying
    when the plan is ``incomplete`` (a calendar could not be read: its events are missing)."""
    from email.utils import format_datetime, formataddr, make_msgid

    msg = EmailMessage()
    msg["From"] = formataddr((sender_name, sender))
    msg["To"] = to
    msg["Subject"] = (
        _("Your week {week} (incomplete: a calendar could not be read)", week=week)
        if incomplete
        else _("Your week {week}: meetings, in-person proposals, answers", week=week)
    )
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = make_msgid("week", domain=sender.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a cron mail
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg


def dry_run_text(msg: EmailMessage) -> str:
    """Headers, the MIME parts and the plain-text part, as ``planner week --mail`` shows them
    without ``--send``."""
    lines = [f"{name}: {msg[name]}" for name in ("From", "To", "Subject", "Date") if msg[name]]
    lines.append("")
    text = ""
    for part in msg.walk():
        if part.is_multipart():
            lines.append(f"[{part.get_content_type()}]")
            continue
        content = part.get_content()
        size = len(content.encode("utf-8"))
        lines.append(f"[{part.get_content_type()}; {size} bytes]")
        if part.get_content_type() == "text/plain":
            text = content
    return "\n".join([*lines, "", text.rstrip()]) + "\n"
