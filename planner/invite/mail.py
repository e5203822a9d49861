"""iMIP (RFC 6047): an invitation as an e-mail that calendars turn into Accept/Decline buttons,
and sending it over SMTP with STARTTLS or implicit TLS.

The message is ``multipart/mixed`` holding ``multipart/alternative`` (text/plain, text/html,
``text/calendar; method=…``) and the .ics again as an ``application/ics`` attachment.
The SMTP password comes from an environment variable or the system keyring, never from the
config file; it is never logged and never part of an error message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import TYPE_CHECKING

from planner.errors import ConfigError, PlannerError
from planner.i18n import _
from planner.invite import smtp_errors

if TYPE_CHECKING:
    import smtplib

    from planner.config import Config
    from planner.invite.sentlog import PreparedInvite
    from planner.store import Store

log = logging.getLogger("planner")

SECURITY = ("starttls", "tls", "none")
LOOPBACK = ("127.0.0.1", "::1", "localhost")
KEYRING_SERVICE = "planner-smtp"
ATTACHMENT_NAME = "invite.ics"


class MailError(PlannerError):
    """The SMTP server could not be reached or refused the message."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send. ``security`` is "starttls", "tls" (implicit, port 465) or "none"
    (only to a server on this machine, for tests)."""

    host: str
    port: int = 587
    security: str = "starttls"
    username: str = ""
    password_env: str = "PLANNER_SMTP_PASSWORD"
    sender: str = ""
    ca_file: str = ""
    timeout: float = 30.0

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def problems(self) -> list[str]:
        """What is wrong with these settings, as ``[smtp]`` config problems."""
        found = []
        if not self.host:
            found.append(
                _("[smtp] key 'host' is required to send e-mail (invitations, the weekly plan)")
            )
        if self.security not in SECURITY:
            found.append(_('[smtp] key \'security\' must be "starttls", "tls" or "none"'))
        elif self.security == "none" and self.host and self.host not in LOOPBACK:
            found.append(
                _("[smtp] security \"none\" is only allowed for a server on this machine; "
                  "use \"starttls\" (port 587) or \"tls\" (port 465) for {host}", host=self.host)
            )  # fmt: skip
        if not 0 < self.port < 65536:
            found.append(_("[smtp] key 'port' must lie between 1 and 65535"))
        return found

    @classmethod
    def from_config(cls, config: Config) -> SmtpSettings:
        """The ``[smtp]`` section; raises :class:`ConfigError` naming every problem."""
        smtp = config["smtp"]
        settings = cls(
            host=smtp["host"],
            port=smtp["port"],
            security=smtp["security"],
            username=smtp["username"],
            password_env=smtp["password_env"],
            sender=smtp["sender"] or config.user["email"],
            ca_file=smtp.get("ca_file", ""),
            timeout=float(smtp.get("timeout_seconds", 30)),
        )
        if problems := settings.problems():
            raise ConfigError(str(config.path or "<config>"), problems)
        return settings


PasswordSource = Callable[[SmtpSettings], "str | None"]


def password_from_env(settings: SmtpSettings) -> str | None:
    """The password in the environment variable named by ``[smtp] password_env``."""
    if not settings.password_env:
        return None
    return os.environ.get(settings.password_env) or None


def password_from_keyring(settings: SmtpSettings) -> str | None:
    """The password stored with ``keyring set planner-smtp USERNAME``, if a keyring works."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, settings.username)
    except KeyringError as exc:
        log.warning(
            _("system keyring unavailable ({error}); not using it for the SMTP password", error=exc)
        )
        return None


def password_from_env_or_keyring(settings: SmtpSettings) -> str | None:
    """The default source: the environment variable first, then the system keyring."""
    return password_from_env(settings) or password_from_keyring(settings)


def build_message(
    prepared: PreparedInvite,
    *,
    sender: str = "",
    date: datetime | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """The iMIP message for ``prepared``: From the organizer, To every attendee."""
    from email.utils import format_datetime, make_msgid

    inv = prepared.invitation
    organizer = inv.organizer
    msg = EmailMessage()
    msg["From"] = _header_address(organizer.name, organizer.email)
    if sender and sender.lower() != organizer.email.lower():
        msg["Sender"] = sender
    names = {p.email: p.name for p in inv.counterparts}
    msg["To"] = [_header_address(names.get(e, ""), e) for e in prepared.recipients]
    msg["Subject"] = prepared.subject
    msg["Date"] = format_datetime((date or datetime.now(UTC)).astimezone(UTC))
    msg["Message-ID"] = message_id or make_msgid("invite", domain=organizer.domain)
    msg["Content-Class"] = "urn:content-classes:calendarmessage"
    msg.set_content(prepared.body_text, subtype="plain", charset="utf-8")
    msg.add_alternative(prepared.body_html, subtype="html", charset="utf-8")
    calendar_params = {"method": prepared.method, "charset": "UTF-8"}
    msg.add_alternative(
        prepared.ics, maintype="text", subtype="calendar", cte="base64", params=calendar_params
    )
    msg.add_attachment(
        prepared.ics,
        maintype="application",
        subtype="ics",
        filename=ATTACHMENT_NAME,
        params={"name": ATTACHMENT_NAME},
    )
    return msg


def _header_address(name: str, email: str) -> object:
    """A From/To address; an IDNA domain in A-labels, a UTF-8 local part as is (SMTPUTF8)."""
    from email.headerregistry import Address

    from planner.people.addresses import wire

    local, _at, domain = wire(email).rpartition("@")
    return Address(display_name=_header_name(name), username=local, domain=domain)


def _header_name(name: str) -> str:
    from planner.invite.text import clean_name

    return clean_name(name)


def render_message(prepared: PreparedInvite, *, sender: str = "") -> str:
    """The message as a person reads it, for a dry run: headers, MIME parts, text and .ics."""
    msg = build_message(prepared, sender=sender, message_id="<dry-run@planner>")
    lines = [f"{name}: {msg[name]}" for name in ("From", "Sender", "To", "Subject") if msg[name]]
    lines.append("")
    for part in msg.walk():
        params = "; ".join(f"{k}={v}" for k, v in part.get_params()[1:] if k != "charset")
        lines.append(f"[{part.get_content_type()}{'; ' + params if params else ''}]")
    lines += ["", prepared.body_text.rstrip(), "", prepared.ics.decode("utf-8").rstrip()]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the server accepted: for whom, and which recipients it refused (code, reply)."""

    message_id: str
    sent_at: datetime
    accepted: tuple[str, ...]
    refused: Mapping[str, tuple[int, str]] = field(default_factory=dict)


def send(
    prepared: PreparedInvite,
    settings: SmtpSettings,
    password_source: PasswordSource = password_from_env_or_keyring,
    *,
    now: datetime | None = None,
) -> SendResult:
    """Send ``prepared`` to its attendees. Raises :class:`MailError` when nothing was accepted;
    recipients refused while others were accepted are in :attr:`SendResult.refused`."""
    recipients = list(prepared.recipients)
    if not recipients:  # a cancellation that reached everyone already, or nobody had it
        raise MailError(_("'{title}' has nobody to send it to; nothing was sent",
                          title=prepared.invitation.title))  # fmt: skip
    password = _checked_password(settings, password_source)
    sent_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    msg = build_message(prepared, sender=settings.sender, date=sent_at)
    refused = _transmit_explained(msg, settings, password, recipients)
    accepted = tuple(r for r in recipients if r not in refused)
    return SendResult(str(msg["Message-ID"]), sent_at, accepted, dict(refused))


def deliver(
    store: Store,
    prepared: PreparedInvite,
    settings: SmtpSettings,
    password_source: PasswordSource = password_from_env_or_keyring,
    *,
    now: datetime | None = None,
) -> SendResult:
    """Send, then log what the server accepted. A partly refused message is logged for the
    accepted recipients and then raises :class:`MailError` naming the refused ones."""
    from planner.invite.sentlog import record_sent

    result = send(prepared, settings, password_source, now=now)
    record_sent(
        store,
        prepared,
        recipients=result.accepted,
        message_id=result.message_id,
        sent_at=result.sent_at,
    )
    if result.refused:
        raise MailError(
            _("{server} accepted the invitation for {accepted} but refused {refused}; "
              "check those addresses and send again",
              server=settings.address, accepted=", ".join(result.accepted),
              refused=smtp_errors.refusals(result.refused))
        )  # fmt: skip
    return result


def require_password(settings: SmtpSettings) -> None:
    """Raise the :class:`MailError` a send would raise first when the server needs a password
    and none is set (a dry run says so before its confirmation fails)."""
    _password(settings, password_from_env_or_keyring)


def _password(settings: SmtpSettings, source: PasswordSource) -> str | None:
    if not settings.username:
        return None
    password = source(settings)
    if not password:
        raise MailError(
            _("no password for SMTP user '{user}' at {server}: set the environment variable "
              "{env} or store it with 'keyring set {service} {user}'",
              user=settings.username, server=settings.address, env=settings.password_env,
              service=KEYRING_SERVICE)
        )  # fmt: skip
    return password


class _Step:
    """The step a session has reached (:data:`.smtp_errors.STEPS`), for the error's hint."""

    def __init__(self) -> None:
        self.now = smtp_errors.CONNECT


def _transmit(
    msg: EmailMessage,
    settings: SmtpSettings,
    password: str | None,
    recipients: list[str],
    step: _Step,
) -> dict[str, tuple[int, bytes]]:
    with _connect(settings, step) as smtp:
        if settings.username and password is not None:
            step.now = smtp_errors.LOGIN
            _login(smtp, settings.username, password, settings.address)
        step.now = smtp_errors.SEND
        from planner.people.addresses import needs_smtputf8, wire

        envelope_from = wire(settings.sender or msg["From"].addresses[0].addr_spec)
        envelope_to = [wire(r) for r in recipients]
        wide = [a for a in (envelope_from, *envelope_to) if needs_smtputf8(a)]
        smtp.ehlo_or_helo_if_needed()
        if wide and not smtp.has_extn("smtputf8"):
            raise MailError(
                _("{server} does not offer SMTPUTF8, which the address {address} needs; "
                  "nothing was sent (use an ASCII address for that person, or a mail server "
                  "that supports internationalised addresses)",
                  server=settings.address, address=wide[0])
            )  # fmt: skip
        refused = smtp.send_message(msg, from_addr=envelope_from, to_addrs=envelope_to) or {}
        back = dict(zip(envelope_to, recipients, strict=True))
        return {back.get(k, k): v for k, v in refused.items()}


def _login(smtp: smtplib.SMTP, username: str, password: str, server: str) -> None:
    """``smtp.login``, but credentials beyond ASCII go as UTF-8 AUTH PLAIN (RFC 4616), which
    smtplib cannot send. A server that offers no login (or not the one needed) says so in the
    words of :mod:`.smtp_errors`."""
    import base64
    import smtplib

    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise MailError(smtp_errors.no_login(server))
    if (username + password).isascii():
        smtp.login(username, password)
        return
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise MailError(smtp_errors.no_plain_login(server))
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _connect(settings: SmtpSettings, step: _Step) -> smtplib.SMTP:
    import smtplib
    import ssl

    context = ssl.create_default_context(cafile=settings.ca_file or None)
    if settings.security == "tls":
        secure = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
        step.now = smtp_errors.HELLO
        return secure
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    step.now = smtp_errors.HELLO  # the server greeted
    try:
        if settings.security == "starttls":
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                raise MailError(smtp_errors.no_starttls(settings.address))
            step.now = smtp_errors.TLS
            smtp.starttls(context=context)
            step.now = smtp_errors.HELLO
            smtp.ehlo()
    except BaseException:
        smtp.close()
        raise
    return smtp


def _checked_password(settings: SmtpSettings, password_source: PasswordSource) -> str | None:
    """The password for ``settings`` once they are complete; :class:`MailError` otherwise."""
    if problems := settings.problems():
        raise MailError("; ".join(problems))
    return _password(settings, password_source)


def _transmit_explained(
    msg: EmailMessage, settings: SmtpSettings, password: str | None, recipients: list[str]
) -> dict[str, tuple[int, bytes]]:
    """:func:`_transmit`, with a failure the user can act on turned into one clear line."""
    step = _Step()
    try:
        return _transmit(msg, settings, password, recipients, step)
    except Exception as exc:
        message = smtp_errors.describe(exc, settings, step.now)
        if message is None:
            raise
        raise MailError(message.replace(password, "***") if password else message) from None


def send_message(
    msg: EmailMessage,
    settings: SmtpSettings,
    recipients: list[str],
    password_source: PasswordSource = password_from_env_or_keyring,
) -> SendResult:
    """Send any prepared message (e.g. the weekly plan) to ``recipients`` per ``settings``;
    the same checks and one-line errors as :func:`send`."""
    password = _checked_password(settings, password_source)
    refused = _transmit_explained(msg, settings, password, recipients)
    if refused:
        raise MailError(
            _("{server} refused {refused}; check the address", server=settings.address,
              refused=smtp_errors.refusals(refused))
        )  # fmt: skip
    sent_at = datetime.now(UTC).replace(microsecond=0)
    return SendResult(str(msg["Message-ID"]), sent_at, tuple(recipients), {})
