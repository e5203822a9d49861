"""iMIP over real SMTP: an aiosmtpd server on 127.0.0.1 (plain, STARTTLS, implicit TLS, with
AUTH) receives the invitation; refusals and broken connections give one clear error and leave
nothing logged as sent."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import socket
import ssl
from email import policy
from pathlib import Path

import icalendar
import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend

from planner.config import default_config
from planner.errors import ConfigError
from planner.invite.cancels import prepare_cancel
from planner.invite.mail import (
    MailError,
    SmtpSettings,
    deliver,
    password_from_env_or_keyring,
    render_message,
    send,
)
from planner.invite.sentlog import history, prepare_request, record_sent
from planner.store import Store
from tests.invite.test_invite import ANNA, BOB, ME, STAMP, lunch

pytestmark = pytest.mark.slow
SECRET = "s3cr3t-Pässwort"
NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


class Inbox:
    """An aiosmtpd handler that keeps what it receives and refuses what it is told to."""

    def __init__(self, refuse_rcpt: tuple[str, ...] = (), reject_data: bool = False) -> None:
        self.messages: list[tuple[list[str], bytes, bool]] = []
        self.refuse_rcpt = refuse_rcpt
        self.reject_data = reject_data

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse_rcpt:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.reject_data:
            return "554 5.7.1 message rejected as spam"
        self.messages.append((list(envelope.rcpt_tos), envelope.content, bool(session.ssl)))
        return "250 2.0.0 queued"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == SECRET.encode()
    success = ok and auth_data.login == b"lea"
    return AuthResult(success=success, handled=False)  # handled=False: reply 535 on failure


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost / 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def server_context(certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.fixture
def run_server():
    started: list[Controller] = []

    def start(handler: Inbox, **kwargs) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


def plain(port: int, **kwargs) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="none", timeout=5, **kwargs)


def test_invitation_arrives_as_imip_message(run_server, store):
    inbox = Inbox()
    port = run_server(inbox)
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    result = deliver(store, prepared, plain(port), now=NOW)

    (rcpt, raw, _), = inbox.messages  # fmt: skip
    assert rcpt == [ANNA.email, BOB.email]
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["From"].addresses[0].addr_spec == ME.email
    assert {a.addr_spec for a in msg["To"].addresses} == {ANNA.email, BOB.email}
    assert msg["Subject"].startswith("Invitation: Lunch: Kick-off ACME")
    assert msg["Message-ID"].strip() == result.message_id
    assert email.utils.parsedate_to_datetime(msg["Date"]) == NOW
    assert msg.get_content_type() == "multipart/mixed"
    alternative, attachment = msg.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    kinds = [p.get_content_type() for p in alternative.get_payload()]
    assert kinds == ["text/plain", "text/html", "text/calendar"]
    calendar_part = alternative.get_payload()[2]
    assert calendar_part.get_param("method") == "REQUEST"
    assert calendar_part.get_param("charset") == "UTF-8"
    assert calendar_part.get_payload(decode=True) == prepared.ics
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "invite.ics"
    assert attachment.get_payload(decode=True) == prepared.ics
    cal = icalendar.Calendar.from_ical(calendar_part.get_payload(decode=True))
    assert str(cal["METHOD"]) == calendar_part.get_param("method")
    assert "Café Luitpold" in alternative.get_payload()[0].get_content()

    (record,) = history(store, prepared.uid)
    assert record.recipients == (ANNA.email, BOB.email)
    assert record.message_id == result.message_id and record.sent_at == NOW


def test_starttls_with_password_from_the_environment(run_server, certificate, monkeypatch):
    inbox = Inbox()
    context = server_context(certificate)
    port = run_server(
        inbox,
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        authenticator=authenticator,
    )
    monkeypatch.setenv("PLANNER_SMTP_PASSWORD", SECRET)
    settings = SmtpSettings(
        "127.0.0.1", port, "starttls", username="lea", ca_file=str(certificate[0]), timeout=5
    )
    prepared = prepare_request(Store(":memory:"), lunch(), stamp=STAMP)
    result = send(prepared, settings)
    assert result.accepted == (ANNA.email, BOB.email) and not result.refused
    (_, raw, over_tls), = inbox.messages  # fmt: skip
    assert over_tls
    assert b"text/calendar" in raw


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls(run_server, certificate, monkeypatch):
    inbox = Inbox()
    port = run_server(
        inbox,
        ssl_context=server_context(certificate),
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,  # aiosmtpd counts only STARTTLS as TLS; this socket is TLS
    )
    monkeypatch.setenv("MY_SMTP_PW", SECRET)
    settings = SmtpSettings(
        "127.0.0.1", port, "tls", username="lea", password_env="MY_SMTP_PW",
        ca_file=str(certificate[0]), timeout=5,
    )  # fmt: skip
    send(prepare_request(Store(":memory:"), lunch(), stamp=STAMP), settings)
    assert len(inbox.messages) == 1  # SMTP_SSL verified the server's certificate to get here


def test_implicit_tls_against_a_plain_server(run_server, store):
    port = run_server(Inbox())
    settings = SmtpSettings("127.0.0.1", port, "tls", timeout=5)
    with pytest.raises(MailError, match=rf"TLS with 127\.0\.0\.1:{port} failed .*465"):
        send(prepare_request(store, lunch(), stamp=STAMP), settings)


def test_untrusted_certificate_is_refused(run_server, certificate, monkeypatch, store):
    port = run_server(Inbox(), tls_context=server_context(certificate), require_starttls=True)
    settings = SmtpSettings("127.0.0.1", port, "starttls", timeout=5)
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match=rf"127\.0\.0\.1:{port}: the TLS certificate is not"):
        deliver(store, prepared, settings)
    assert history(store, prepared.uid) == []


def test_wrong_password_names_server_and_user_but_not_the_password(
    run_server, certificate, monkeypatch, store
):
    port = run_server(
        Inbox(), tls_context=server_context(certificate), require_starttls=True,
        auth_required=True, authenticator=authenticator,
    )  # fmt: skip
    monkeypatch.setenv("PLANNER_SMTP_PASSWORD", "wrong-" + SECRET)
    settings = SmtpSettings(
        "127.0.0.1", port, "starttls", username="lea", ca_file=str(certificate[0]), timeout=5
    )
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError) as caught:
        deliver(store, prepared, settings)
    message = str(caught.value)
    assert f"127.0.0.1:{port} refused the login of user 'lea' (535)" in message
    assert "PLANNER_SMTP_PASSWORD" in message
    assert SECRET not in message and "\n" not in message
    assert history(store, prepared.uid) == []


def test_missing_password_says_where_to_put_it(store):
    settings = SmtpSettings("127.0.0.1", free_port(), "none", username="lea")
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match="set the environment variable PLANNER_SMTP_PASSWORD"):
        send(prepared, settings, lambda s: None)


def test_every_recipient_refused(run_server, store):
    port = run_server(Inbox(refuse_rcpt=(ANNA.email, BOB.email)))
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match=rf"127\.0\.0\.1:{port} refused every recipient: .*550"):
        deliver(store, prepared, plain(port))
    assert history(store, prepared.uid) == []


def test_partly_refused_is_logged_for_the_accepted_recipient(run_server, store):
    inbox = Inbox(refuse_rcpt=(BOB.email,))
    port = run_server(inbox)
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match=rf"refused {BOB.email} \(550"):
        deliver(store, prepared, plain(port))
    (record,) = history(store, prepared.uid)
    assert record.recipients == (ANNA.email,)
    assert inbox.messages[0][0] == [ANNA.email]


def test_message_rejected_after_data(run_server, store):
    port = run_server(Inbox(reject_data=True))
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match=r"rejected the message \(554 5\.7\.1 message rejected"):
        deliver(store, prepared, plain(port))
    assert history(store, prepared.uid) == []


def test_nothing_listening(store):
    port = free_port()
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    with pytest.raises(MailError, match=rf"127\.0\.0\.1:{port}: connection refused"):
        deliver(store, prepared, plain(port))
    assert history(store, prepared.uid) == []


def test_silent_server_times_out(store):
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        settings = SmtpSettings("127.0.0.1", port, "none", timeout=0.5)
        with pytest.raises(MailError, match=rf"127\.0\.0\.1:{port} did not answer within 0.5 s"):
            deliver(store, prepare_request(store, lunch(), stamp=STAMP), settings)


def test_starttls_against_a_plain_server(run_server, store):
    port = run_server(Inbox())
    settings = SmtpSettings("127.0.0.1", port, "starttls", timeout=5)
    with pytest.raises(MailError, match=rf"127\.0\.0\.1:{port} does not offer STARTTLS; check"):
        send(prepare_request(store, lunch(), stamp=STAMP), settings)


def test_cancel_goes_out_with_method_cancel(run_server, store):
    inbox = Inbox()
    port = run_server(inbox)
    request = prepare_request(store, lunch(), stamp=STAMP)
    deliver(store, request, plain(port), now=NOW)
    cancel = prepare_cancel(store, request.uid, stamp=STAMP)
    deliver(store, cancel, plain(port), now=NOW)
    msg = email.message_from_bytes(inbox.messages[1][1], policy=policy.default)
    calendar_part = msg.get_payload()[0].get_payload()[2]
    assert calendar_part.get_param("method") == "CANCEL"
    assert b"STATUS:CANCELLED" in calendar_part.get_payload(decode=True)
    assert [r.method for r in history(store, request.uid)] == ["REQUEST", "CANCEL"]


def test_unencrypted_smtp_is_only_for_this_machine():
    settings = SmtpSettings("smtp.example.com", 25, "none")
    prepared = prepare_request(Store(":memory:"), lunch(), stamp=STAMP)
    with pytest.raises(MailError, match="only allowed for a server on this machine"):
        send(prepared, settings)
    config = default_config(smtp={"host": "smtp.example.com", "security": "none"})
    with pytest.raises(ConfigError, match="only allowed"):
        SmtpSettings.from_config(config)


def test_settings_from_config():
    config = default_config(
        user={"email": "lea@kranich-advisory.example"},
        smtp={"host": "smtp.example.com", "port": 465, "security": "tls", "username": "lea"},
    )
    settings = SmtpSettings.from_config(config)
    assert (settings.address, settings.security) == ("smtp.example.com:465", "tls")
    assert settings.sender == "lea@kranich-advisory.example"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


def test_password_from_the_system_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        keyring.set_password("planner-smtp", "lea", SECRET)
        settings = SmtpSettings("127.0.0.1", 25, "none", username="lea")
        assert password_from_env_or_keyring(settings) == SECRET
    finally:
        keyring.set_keyring(before)


def test_dry_run_shows_headers_parts_text_and_calendar():
    prepared = prepare_request(Store(":memory:"), lunch(), stamp=STAMP)
    shown = render_message(prepared)
    assert "To: Anna Berger <anna@berger-consulting.example>" in shown
    assert "[text/calendar; method=REQUEST]" in shown
    assert "[application/ics; name=invite.ics]" in shown
    assert "BEGIN:VCALENDAR" in shown and "Café Luitpold" in shown


def test_record_only_after_acceptance(store):
    prepared = prepare_request(store, lunch(), stamp=STAMP)
    assert history(store, prepared.uid) == []
    record_sent(store, prepared, sent_at=NOW)
    assert len(history(store, prepared.uid)) == 1
