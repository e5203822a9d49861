"""Each SMTP failure is one line naming the setting to change (QA b, defect 3), against a real
aiosmtpd server on loopback: a server without AUTH is not a matter of ``security`` but of
``username`` (and no line reads "server.;"); a server that wants a login or STARTTLS before
it takes mail, no STARTTLS, a closed connection. English and German."""

from __future__ import annotations

import socket
import threading

import pytest

from planner import i18n
from planner.invite.mail import MailError, SmtpSettings, send
from planner.invite.sentlog import prepare_request
from planner.store import Store
from tests.invite import test_mail
from tests.invite.test_invite import STAMP, lunch
from tests.invite.test_mail import SECRET, Inbox, authenticator, server_context

certificate, run_server = test_mail.certificate, test_mail.run_server  # fixtures

pytestmark = pytest.mark.slow


@pytest.fixture(params=["en", "de"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def _error(settings: SmtpSettings, password: str | None = SECRET) -> str:
    prepared = prepare_request(Store(":memory:"), lunch(), stamp=STAMP)
    with pytest.raises(MailError) as caught:
        send(prepared, settings, lambda s: password)
    message = str(caught.value)
    assert "\n" not in message and ".;" not in message and SECRET not in message
    return message


def test_a_server_without_login_names_username_not_security(run_server, language):
    port = run_server(Inbox())  # aiosmtpd offers AUTH only over TLS: none here
    settings = SmtpSettings("127.0.0.1", port, "none", username="anna@x.example", timeout=5)
    message = _error(settings)
    assert f"127.0.0.1:{port}" in message and "[smtp] username" in message
    if language == "en":
        assert message == (
            f"127.0.0.1:{port} offers no login: leave [smtp] username empty, or use the port "
            'and security that offer it ("starttls" for port 587, "tls" for port 465)'
        )


def test_a_utf8_password_goes_as_auth_plain_where_offered(run_server, certificate, language):
    port = run_server(Inbox(), tls_context=server_context(certificate),
                      authenticator=authenticator)  # fmt: skip
    settings = SmtpSettings(
        "127.0.0.1", port, "starttls", username="lea", ca_file=str(certificate[0]), timeout=5
    )
    prepared = prepare_request(Store(":memory:"), lunch(), stamp=STAMP)
    send(prepared, settings, lambda s: SECRET)  # AUTH PLAIN offered: a UTF-8 password goes


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_server_that_wants_a_login_first(run_server, language):
    port = run_server(Inbox(), auth_required=True, authenticator=authenticator,
                      auth_require_tls=False)  # fmt: skip
    message = _error(SmtpSettings("127.0.0.1", port, "none", timeout=5), None)
    assert "530" in message and "[smtp] username" in message
    if language == "en":
        assert message.startswith(f"127.0.0.1:{port} takes mail only after a login (530")


def test_a_server_that_wants_starttls_first(run_server, certificate, language):
    port = run_server(Inbox(), tls_context=server_context(certificate), require_starttls=True)
    message = _error(SmtpSettings("127.0.0.1", port, "none", timeout=5), None)
    assert "530" in message and "[smtp] security" in message and '"starttls"' in message
    if language == "en":
        assert message.startswith(f"127.0.0.1:{port} takes mail only over STARTTLS (530")


def test_starttls_asked_of_a_server_without_it(run_server, language):
    port = run_server(Inbox())
    message = _error(SmtpSettings("127.0.0.1", port, "starttls", timeout=5), None)
    assert "[smtp] security" in message and "STARTTLS" in message
    if language == "en":
        assert message.startswith(f"127.0.0.1:{port} does not offer STARTTLS; check [smtp]")


def test_a_server_that_hangs_up(language):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]

        def hang_up() -> None:
            connection, _address = listener.accept()
            connection.close()

        thread = threading.Thread(target=hang_up, daemon=True)
        thread.start()
        message = _error(SmtpSettings("127.0.0.1", port, "none", timeout=5), None)
        thread.join(5)
    assert "[smtp] security" in message
    if language == "en":
        assert message.startswith(f"127.0.0.1:{port} closed the connection (")


class _Stalling:
    """An SMTP server on loopback that greets, answers EHLO (offering AUTH) and, from the
    command ``stall_at`` on (``AUTH`` or ``MAIL``), answers nothing more."""

    def __init__(self, stall_at: str) -> None:
        self.stall_at = stall_at.encode()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.reached = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _addr = self.sock.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"220 stalling.example ESMTP\r\n")
            for line in lines:
                if line.upper().startswith(self.stall_at):
                    self.reached.set()
                    continue  # read on, answer nothing
                if line.upper().startswith((b"EHLO", b"HELO")):
                    conn.sendall(b"250-stalling.example\r\n250 AUTH PLAIN LOGIN\r\n")
                else:
                    conn.sendall(b"250 OK\r\n")

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize("stall_at", ["AUTH", "MAIL"])
def test_a_server_that_stalls_after_greeting_is_not_a_host_or_port_problem(stall_at, language):
    """QA report E, finding 9: a server that answered the connection and EHLO but never AUTH
    was told "check [smtp] host and port, and whether a firewall blocks the port"."""
    server = _Stalling(stall_at)
    try:
        user = "anna" if stall_at == "AUTH" else ""
        settings = SmtpSettings("127.0.0.1", server.port, "none", username=user, timeout=0.5)
        message = _error(settings)
    finally:
        server.close()
    assert server.reached.is_set()
    assert f"127.0.0.1:{server.port}" in message and "0.5 s" in message
    assert "firewall" not in message and "Firewall" not in message
    if language == "en" and stall_at == "AUTH":
        assert message == (
            f"127.0.0.1:{server.port} answered, but not to the login (AUTH) within 0.5 s: host "
            "and port are right, the server is busy or stalled; try again later, raise [smtp] "
            "timeout, or ask the mail server's operator"
        )
    if language == "en" and stall_at == "MAIL":
        assert "it may have been delivered" in message
