"""Who is who: the user, internal colleagues, external counterparts and their organisations.

An e-mail address at one of the user's own domains is a colleague; any other address is an
external counterpart, whose organisation is its domain unless that is a public mail service
(:data:`FREEMAIL_DOMAINS`, extended by ``relations.freemail_domains``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.model import Attendee, Event, Response

if TYPE_CHECKING:
    from planner.config import Config

# Public mail services: an address there says nothing about an organisation.
FREEMAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com outlook.com outlook.de outlook.fr outlook.es outlook.it hotmail.com
    hotmail.de hotmail.co.uk hotmail.fr hotmail.es hotmail.it live.com live.de live.co.uk live.fr
    msn.com yahoo.com yahoo.de yahoo.co.uk yahoo.fr yahoo.es yahoo.it ymail.com rocketmail.com
    aol.com aol.de aim.com icloud.com me.com mac.com web.de gmx.de gmx.net gmx.at gmx.ch gmx.com
    gmx.us gmx.li mail.com email.com email.de freenet.de t-online.de arcor.de online.de 1und1.de
    kabelmail.de vodafonemail.de posteo.de posteo.net mailbox.org protonmail.com protonmail.ch
    proton.me pm.me tutanota.com tutanota.de tuta.io tuta.com fastmail.com fastmail.fm hey.com
    hushmail.com zoho.com zohomail.com yandex.com yandex.ru mail.ru inbox.com bluewin.ch
    orange.fr free.fr laposte.net sfr.fr libero.it virgilio.it seznam.cz wp.pl o2.pl interia.pl
    btinternet.com sky.com comcast.net verizon.net att.net sbcglobal.net bigpond.com
    rediffmail.com qq.com 163.com 126.com naver.com
    """.split()
)


def domain_of(email: str) -> str:
    """The domain of ``email`` in lower case, ``""`` when it has no ``@``."""
    return email.rpartition("@")[2].strip().lower() if "@" in email else ""


class Directory:
    """Who is who: the user, internal colleagues, organisations and free-mail addresses."""

    def __init__(self, config: Config, user_emails: Iterable[str] = ()) -> None:
        extra = {d.strip().lower() for d in config["relations"]["freemail_domains"]}
        self.freemail = FREEMAIL_DOMAINS | extra
        own_email = config.user["email"].strip().lower()
        self.user_emails = frozenset({e.lower() for e in user_emails} | {own_email} - {""})
        domains = {d.strip().lower() for d in config.user["domains"]}
        own_domain = own_email.rpartition("@")[2] if "@" in own_email else ""
        if own_domain and own_domain not in self.freemail:
            domains.add(own_domain)  # a gmail user's friends are not colleagues
        self.own_domains = frozenset(domains - {""})
        self._external: dict[str, bool] = {}  # a cache: history repeats the same addresses

    def is_user(self, email: str) -> bool:
        return email.lower() in self.user_emails

    def is_internal(self, email: str) -> bool:
        return domain_of(email) in self.own_domains

    def is_external(self, email: str) -> bool:
        known = self._external.get(email)
        if known is None:
            known = not self.is_user(email) and not self.is_internal(email)
            self._external[email] = known
        return known

    def organisation(self, email: str) -> str | None:
        """The organisation of an external address (its domain), None for free-mail/internal."""
        domain = domain_of(email)
        if not domain or domain in self.freemail or domain in self.own_domains:
            return None
        return domain

    def unit(self, email: str) -> str:
        """Whom a meeting with ``email`` counts for: the organisation, else the person."""
        return self.organisation(email) or email.lower()

    def others(self, event: Event) -> tuple[Attendee, ...]:
        """Everyone but the user (internal or external), without resources."""
        return tuple(p for p in event.people() if not self.is_user(p.email))

    def counterparts(self, event: Event) -> tuple[Attendee, ...]:
        """External people of ``event`` who have not declined."""
        return tuple(
            p
            for p in event.people()
            if self.is_external(p.email) and p.response is not Response.DECLINED
        )
