"""The offer's e-mail as a message, its accept links, and its dry-run preview: shared by
``planner offer`` and the tool server's ``offer`` tool."""

from __future__ import annotations

import re
from email.message import EmailMessage
from typing import Any

from planner.config import Config
from planner.errors import UsageError
from planner.flows.offers import Offer
from planner.i18n import _
from planner.render.offer_text import MailLinks


def sender_address(config: Config) -> str:
    """The user's address: where the accept mails go."""
    address = config.user["email"]
    if not address:
        raise UsageError(_("[user] email is not set in the config; the counterpart's answer "
                           "is a mail to it"))  # fmt: skip
    return str(address)


def offer_links(config: Config, offer: Offer) -> tuple[MailLinks, str]:
    """The accept links of the mail and the page, and the served page's link ("" unless
    ``[serve] base_url`` is set)."""
    from planner.flows.offer_tokens import link_token, mail_code, offer_key
    from planner.paths import data_dir

    key = offer_key(data_dir())
    codes = {n: mail_code(key, offer, n) for n in range(len(offer.options) + 1)}
    links = MailLinks(sender_address(config), codes)
    base = config["serve"]["base_url"]
    if not base:
        return links, ""
    _require_itsdangerous()
    return links, f"{base.rstrip('/')}/o/{link_token(key, offer)}"


def offer_email(config: Config, offer: Offer) -> EmailMessage:
    """The e-mail of ``offer`` (:func:`planner.invite.offer_mail.offer_message`)."""
    from planner.invite.offer_mail import offer_message
    from planner.invite.text import language
    from planner.render import offer_text
    from planner.render.offer import MailPage, offer_page

    links, link = offer_links(config, offer)
    with language(offer.language):
        return offer_message(
            sender=(config.user["name"], sender_address(config)),
            to=(offer.name, offer.counterpart),
            subject=offer_text.subject(offer),
            text=offer_text.text(offer, links, link),
            page=offer_page(offer, MailPage(links), online=link),
            attachments=[(f"option-{o.number}.ics", offer_text.option_ics(offer, o))
                         for o in offer.options],
        )  # fmt: skip


def preview(message: Any) -> str:
    """The e-mail as a dry run shows it: headers, parts, the text."""
    lines = [f"{name}: {message[name]}" for name in ("From", "To", "Subject")]
    lines.append("")
    for part in message.walk():
        name = part.get_filename()
        lines.append(f"[{part.get_content_type()}{'; ' + name if name else ''}]")
    body = message.get_body(("plain",))
    text = body.get_content().rstrip() if body is not None else ""
    # an accept link in full is hundreds of characters and carries its option's code, which
    # only the counterpart's answer should: the preview names where it writes to
    lines += ["", re.sub(r"\b(mailto:[^?\s]+)\?\S+", r"\1?…", text)]
    return "\n".join(lines) + "\n"


def _require_itsdangerous() -> None:
    from importlib.util import find_spec

    if find_spec("itsdangerous") is None:
        raise UsageError(
            _("[serve] base_url is set, and links to the offer page need itsdangerous"),
            hint=_("install it with: pip install 'planner[serve]'"),
        )
