"""The offer page: one self-contained HTML document (inline CSS, no script, no image, no font,
nothing fetched) that shows the counterpart each option: the time in their zone and the user's,
the venue with address, opening hours and an OpenStreetMap link, travel for both, why this
place, and how to choose.

Three forms of the same page:

- :class:`FilePage` (``planner offer --out``): accept links are mails with the offer code,
  each option's .ics is a ``data:`` link to download;
- :class:`MailPage` (the offer e-mail's HTML part): the same mails, the .ics are attachments;
- :class:`ServedPage` (``planner serve``): the choice is a form (POST, with the page's form
  code), the .ics a link on the same server; no e-mail address of anybody appears.

Every text from a calendar, the config or the counterpart is escaped and has its control
characters and direction overrides made visible (:func:`planner.render.offer_text.clean`).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape

from planner.flows.offers import Offer, Option
from planner.i18n import _
from planner.render import offer_text as words


@cache
def stylesheet() -> str:
    from importlib.resources import files

    return files("planner.render").joinpath("offer.css").read_text(encoding="utf-8")


def style_hash() -> str:
    """The CSP source of the page's one inline style (``'sha256-…'``)."""
    digest = hashlib.sha256(stylesheet().encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class FilePage:
    """Accept by mail; each .ics as a download inside the file."""

    links: words.MailLinks

    def accept(self, offer: Offer, option: Option) -> str:
        return _link(self.links.accept(offer, option), _("Choose this one"), "accept")

    def calendar(self, offer: Offer, option: Option) -> str:
        data = base64.b64encode(words.option_ics(offer, option)).decode("ascii")
        return (f'<a href="data:text/calendar;base64,{data}" download="option-{option.number}'
                f'.ics">{escape(_("Add to calendar (.ics)"))}</a>')  # fmt: skip

    def none_fits(self, offer: Offer) -> str:
        return (f"<p>{escape(_('Write which times would suit you, and the planner notes it.'))}"
                f"</p><p>{_link(self.links.none_fits(offer), _('Suggest another time'), '')}"
                "</p>")  # fmt: skip


@dataclass(frozen=True)
class MailPage(FilePage):
    """Accept by mail; the .ics are attached to the e-mail."""

    def calendar(self, offer: Offer, option: Option) -> str:
        name = f"option-{option.number}.ics"
        return f'<span class="note">{escape(_("attached: {name}", name=name))}</span>'


@dataclass(frozen=True)
class ServedPage:
    """Forms that post to ``base`` (the page's own address) with the form code."""

    base: str  # the link's address, e.g. https://meet.example.com/o/TOKEN
    form: str  # the page's form code

    def accept(self, offer: Offer, option: Option) -> str:
        label = escape(_("Choose this one"))
        return (f'<form method="post" action="{escape(self.base)}/accept">'
                f'<input type="hidden" name="form" value="{escape(self.form)}">'
                f'<input type="hidden" name="option" value="{option.number}">'
                f'<button type="submit">{label}</button></form>')  # fmt: skip

    def calendar(self, offer: Offer, option: Option) -> str:
        url = f"{self.base}/option-{option.number}.ics"
        return f'<a href="{escape(url)}" download>{escape(_("Add to calendar (.ics)"))}</a>'

    def none_fits(self, offer: Offer) -> str:
        day = _("Day")
        return (
            f'<form method="post" action="{escape(self.base)}/none">'
            f'<input type="hidden" name="form" value="{escape(self.form)}">'
            f"<p>{escape(_('Name a time that would suit you (your time, {zone}):', zone=offer.zone))}</p>"  # noqa: E501
            f'<fieldset><label>{escape(day)}<input type="date" name="day" required></label>'
            f'<label>{escape(_("From"))}<input type="time" name="start" required></label>'
            f'<label>{escape(_("Until"))}<input type="time" name="end" required></label>'
            "</fieldset>"
            f'<label>{escape(_("A note (optional)"))}<textarea name="note" maxlength="500">'
            "</textarea></label>"
            f'<p><button type="submit">{escape(_("Send this time"))}</button></p></form>'
        )


Actions = FilePage | MailPage | ServedPage


def offer_page(offer: Offer, actions: Actions, *, notice: str = "", done: bool = False,
               pickable: Callable[[Option], bool] | None = None,
               online: str = "") -> str:  # fmt: skip
    """The page for ``offer``; ``notice`` is a line shown on top (after a choice: ``done``,
    the option chosen marked so), ``pickable`` says which options can still be chosen
    (default: those not taken), ``online`` is the served page's link (in the e-mail)."""
    from planner.invite.text import language as in_language

    can = pickable or (lambda option: not option.taken)
    chosen = offer.chosen if done else None
    with in_language(offer.language):
        title = words.heading(offer)
        head = [f"<h1>{escape(title)}</h1>"]
        if not done:  # "… suggests these times: please choose one" is answered
            head.append(f'<p class="lead">{escape(words.intro(offer))}</p>')
        head.append(f'<p class="zones">{escape(words.zones_line(offer))}</p>')
        if online and not done:
            head.append(f'<p class="online"><a href="{escape(online)}">'
                        f"{escape(_('Choose online'))}</a></p>")  # fmt: skip
        if notice:
            head.append(f'<p class="notice{" done" if done else ""}" role="status">'
                        f"{escape(notice)}</p>")  # fmt: skip
        options = [
            _option(offer, o, actions, can(o) and not done, chosen=o is chosen)
            for o in offer.options
        ]
        parts = [*head, '<ol class="options">', *options, "</ol>"]
        if not done:
            parts += ['<section class="none">', f"<h2>{escape(_('None of these fits?'))}</h2>",
                      actions.none_fits(offer), "</section>"]  # fmt: skip
        parts.append(_footer(offer))
        return _document(title, "".join(parts), offer.language, referrer=not isinstance(
            actions, ServedPage))  # fmt: skip


def message_page(title: str, message: str, lang: str, *, detail: str = "") -> str:
    """A short page for a link that does not work (any more) or a request refused."""
    body = f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"
    if detail:
        body += f'<p class="note">{escape(detail)}</p>'
    return _document(title, body, lang, referrer=False)


def _document(title: str, body: str, lang: str, *, referrer: bool) -> str:
    meta = '<meta name="referrer" content="no-referrer">' if referrer else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex, nofollow, noarchive">{meta}'
        f"<title>{escape(title)}</title><style>{stylesheet()}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def _option(
    offer: Offer, option: Option, actions: Actions, pickable: bool, *, chosen: bool = False
) -> str:
    name, address = words.place(option)
    start = option.start.astimezone(offer.place_tz(option))
    rows = [
        _row(_("Where"), _where(name, address, words.map_url(option))),
    ]
    if option.hours:
        rows.append(_row(_("Open that day"), escape(words.clean(option.hours))))
    rows.append(_row(_("Travel"), escape(words.travel(offer, option))))
    reasons = "".join(f"<li>{escape(r)}</li>" for r in words.why(offer, option))
    rows.append(_row(_("Why here"), f'<ul class="why">{reasons}</ul>'))
    other, when = "", words.at_place(option, offer)
    if words.zones_differ(offer, option):  # the place's zone named, the counterpart's time too
        when += f" ({words.place_zone(offer, option)})"
        other = (f'<p class="other-zone">{escape(_("Your time ({zone}): {when}", zone=offer.zone, when=words.span(option, offer.tz)))}'  # noqa: E501
                 "</p>")  # fmt: skip
    if pickable:
        action = actions.accept(offer, option) + actions.calendar(offer, option)
    elif chosen:
        action = f'<span class="note chosen">{escape(_("your choice"))}</span>'
    else:
        action = f'<span class="note">{escape(_("no longer available"))}</span>'
    state = "" if pickable else " chosen" if chosen else " taken"
    return (
        f'<li class="option{state}" id="option-{option.number}">'
        f'<h2><span class="num">{option.number}</span>'
        f'<time datetime="{words.when_stamp(start)}">{escape(when)}'
        f"</time></h2>{other}<dl>{''.join(rows)}</dl>"
        f'<div class="actions">{action}</div></li>'
    )


def _where(name: str, address: str, url: str) -> str:
    parts = [f"<strong>{escape(name)}</strong>"]
    if address:
        parts.append(escape(address))
    if url:
        parts.append(f'<a href="{escape(url)}" rel="noreferrer noopener" target="_blank">'
                     f"{escape(_('Map (OpenStreetMap)'))}</a>")  # fmt: skip
    return "<br>".join(parts)


def _row(label: str, value: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{value}</dd>"


def _footer(offer: Offer) -> str:
    notes = [words.valid_until(offer), _("Offer {id}", id=offer.id)]
    if any(o.venue.get("attribution") for o in offer.options) or any(
        words.map_url(o) for o in offer.options
    ):
        notes.append(_("Maps: © OpenStreetMap contributors"))
    return f"<footer><p>{' · '.join(escape(n) for n in notes)}</p></footer>"


def _link(url: str, label: str, css: str) -> str:
    attribute = f' class="{css}"' if css else ""
    return f'<a{attribute} href="{escape(url)}">{escape(label)}</a>'
