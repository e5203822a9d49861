"""What went wrong talking to the SMTP server, as one line that names the setting to change.

Each kind of failure has its own line: a server that offers no login (leave ``[smtp] username``
empty, or use the port and security that offer one), one that wants a login or STARTTLS before
it takes mail, a refused login (the password), no STARTTLS or a failed TLS handshake
(``security`` and ``port``), an untrusted certificate (``ca_file``), a refused sender
(``sender``), refused recipients (the addresses), a closed connection, a timeout, a refused
connection or an unknown host (``host`` and ``port``). A server that stops answering is told
apart by the step it stalled at (:data:`STEPS`): only one that never greeted is a matter of
``host``, ``port`` or a firewall. A server's reply is quoted without its
final full stop, so no line reads ".;". The password never appears: :mod:`.mail` masks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from planner.i18n import _


class SmtpSettings(Protocol):
    """What a line needs of :class:`planner.invite.mail.SmtpSettings`."""

    @property
    def address(self) -> str: ...
    @property
    def host(self) -> str: ...
    @property
    def username(self) -> str: ...
    @property
    def password_env(self) -> str: ...
    @property
    def timeout(self) -> float: ...


LOGIN_REQUIRED = 530  # RFC 4954: authentication (or, by many servers, STARTTLS) required

#: The steps of a session in order: connecting until the server's greeting, EHLO, STARTTLS,
#: the login (AUTH), handing over the message (MAIL, RCPT, DATA).
CONNECT, HELLO, TLS, LOGIN, SEND = "connect", "hello", "tls", "login", "send"
STEPS = (CONNECT, HELLO, TLS, LOGIN, SEND)


def security_hint() -> str:
    return _('check [smtp] security: "starttls" for port 587, "tls" for port 465')


def no_login(server: str) -> str:
    """The server offers no AUTH (often: it does only after STARTTLS, or on another port)."""
    return _('{server} offers no login: leave [smtp] username empty, or use the port and security '
             'that offer it ("starttls" for port 587, "tls" for port 465)',
             server=server)  # fmt: skip


def no_plain_login(server: str) -> str:
    return _("{server} offers no AUTH PLAIN, which a user name or password beyond ASCII needs; "
             "use an ASCII password, or the [smtp] port and security that offer it",
             server=server)  # fmt: skip


def no_starttls(server: str) -> str:
    return _('{server} does not offer STARTTLS; check [smtp] security and port: "starttls" for '
             'port 587, "tls" for port 465', server=server)  # fmt: skip


def describe(exc: BaseException, settings: SmtpSettings, step: str = CONNECT) -> str | None:
    """One line for ``exc`` (see the module), raised at ``step`` of the session (one of
    :data:`STEPS`); None when it is not a mail problem."""
    import smtplib

    server = settings.address
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return _("{server} refused the login of user '{user}' ({code}); check the password in "
                 "{env} or the system keyring, and [smtp] username",
                 server=server, user=settings.username, code=exc.smtp_code,
                 env=settings.password_env)  # fmt: skip
    if isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code == LOGIN_REQUIRED:
        return _wants(exc, settings)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return _("{server} refused every recipient: {refused}; check the addresses",
                 server=server, refused=refusals(exc.recipients))  # fmt: skip
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return _("{server} refused the sender {sender} ({code} {reply}); set [smtp] sender to "
                 "an address this account may send from", server=server,
                 sender=exc.sender, code=exc.smtp_code, reply=reply(exc.smtp_error))  # fmt: skip
    if isinstance(exc, smtplib.SMTPDataError):
        return _("{server} rejected the message ({code} {reply}); nothing was sent",
                 server=server, code=exc.smtp_code, reply=reply(exc.smtp_error))  # fmt: skip
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return _not_supported(exc, settings)
    if isinstance(exc, smtplib.SMTPServerDisconnected) and isinstance(
        exc.__context__, TimeoutError
    ):
        exc = exc.__context__  # smtplib reports a read timeout as a closed connection
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("{server} closed the connection ({reply}); {hint}",
                 server=server, reply=reply(exc), hint=security_hint())  # fmt: skip
    if isinstance(exc, smtplib.SMTPResponseException):
        return _("{server} answered {code} {reply}; nothing was sent",
                 server=server, code=exc.smtp_code, reply=reply(exc.smtp_error))  # fmt: skip
    if isinstance(exc, smtplib.SMTPException):
        return _("SMTP with {server} failed: {reply}", server=server, reply=reply(exc))
    return _network(exc, settings, step)


def _wants(exc: Any, settings: SmtpSettings) -> str:
    """530: the server takes mail only after STARTTLS, or only after a login."""
    said = reply(exc.smtp_error)
    if "starttls" in said.lower() or "tls" in said.lower().split():
        return _('{server} takes mail only over STARTTLS ({code} {reply}); set [smtp] security '
                 'to "starttls" (port 587)', server=settings.address, code=exc.smtp_code,
                 reply=said)  # fmt: skip
    return _("{server} takes mail only after a login ({code} {reply}); set [smtp] username, and "
             "the password in {env} or the system keyring", server=settings.address,
             code=exc.smtp_code, reply=said, env=settings.password_env)  # fmt: skip


def _not_supported(exc: BaseException, settings: SmtpSettings) -> str:
    """smtplib's "… extension not supported by server." in the words of the setting to change."""
    said = reply(exc.args[0] if exc.args else exc)
    first = said.split(maxsplit=1)[0].upper() if said else ""
    if first == "STARTTLS":
        return no_starttls(settings.address)
    if first == "SMTP" and "AUTH" in said.upper():
        return no_login(settings.address)
    return _("{server}: {what}; {hint}", server=settings.address, what=said, hint=security_hint())


def _network(exc: BaseException, settings: SmtpSettings, step: str) -> str | None:
    import socket
    import ssl

    server = settings.address
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _("{server}: the TLS certificate is not trusted ({reason}); set [smtp] ca_file "
                 "to the CA certificate of your mail server, or fix [smtp] host",
                 server=server, reason=exc.verify_message or reply(exc))  # fmt: skip
    if isinstance(exc, ssl.SSLError):
        return _("TLS with {server} failed ({reason}); {hint}",
                 server=server, reason=exc.reason or reply(exc), hint=security_hint())  # fmt: skip
    if isinstance(exc, TimeoutError):
        return stalled(settings, step)
    if isinstance(exc, ConnectionRefusedError):
        return _("cannot connect to the SMTP server {server}: connection refused; check [smtp] "
                 "host and port", server=server)  # fmt: skip
    if isinstance(exc, socket.gaierror):
        return _("cannot find the SMTP server {host}; check [smtp] host", host=settings.host)
    if isinstance(exc, OSError):
        return _("cannot talk to the SMTP server {server}: {reason}; check [smtp] host and port",
                 server=server, reason=exc.strerror or reply(exc))  # fmt: skip
    return None


def stalled(settings: SmtpSettings, step: str) -> str:
    """The server stopped answering at ``step``: what that says about the settings."""
    server, seconds = settings.address, settings.timeout
    if step == CONNECT:
        return _("{server} did not answer within {seconds:g} s; check [smtp] host and port, "
                 "and whether a firewall blocks the port",
                 server=server, seconds=seconds)  # fmt: skip
    if step == TLS:
        return _("{server} answered, but the TLS handshake got no answer within {seconds:g} s; "
                 "{hint}", server=server, seconds=seconds, hint=security_hint())  # fmt: skip
    if step == SEND:
        return _("{server} stopped answering while taking the message (nothing within "
                 "{seconds:g} s); it may have been delivered: check with the recipients or "
                 "your mail server before you send again",
                 server=server, seconds=seconds)  # fmt: skip
    what = _("the login (AUTH)") if step == LOGIN else _("the greeting (EHLO)")
    return _("{server} answered, but not to {what} within {seconds:g} s: host and port are right, "
             "the server is busy or stalled; try again later, raise [smtp] timeout, or ask the "
             "mail server's operator", server=server, what=what, seconds=seconds)  # fmt: skip


def refusals(refused: Mapping[str, tuple[int, Any]]) -> str:
    return ", ".join(f"{addr} ({code} {reply(text)})" for addr, (code, text) in refused.items())


def reply(text: Any) -> str:
    """A server's reply (or an error's text) on one line, without a final full stop: it is
    always followed by more of the sentence (";", ")")."""
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return " ".join(raw.split()).rstrip(".")
