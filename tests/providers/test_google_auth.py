"""Google sign-in and token refresh through the real google-auth and google-auth-oauthlib,
against the fake OAuth endpoints of tests/fakes/google_server.py."""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest

from planner.config import from_mapping
from planner.errors import AuthError, ConfigError
from providers.base import ProviderContext
from providers.google import GoogleProvider, authorize
from providers.google_auth import token_path
from tests.fakes.google_server import READ_SCOPE, WRITE_SCOPE, FakeGoogle
from tests.providers.contract import TZ, WINDOW_END, WINDOW_START


@pytest.fixture
def context(tmp_path):
    ctx = ProviderContext(tz=TZ, data_dir=tmp_path / "data")
    yield ctx
    if ctx._store is not None:
        ctx._store.close()


def source_for(fake: FakeGoogle, **options):
    entry = {
        "name": "work",
        "provider": "google",
        "api_url": fake.url,
        "token_uri": fake.token_uri,
        **options,
    }
    return from_mapping({"calendars": [entry]}, "<test>").calendars[0]


def read_token(source, context) -> dict:
    path = token_path(source, context)
    assert path.stat().st_mode & 0o777 == 0o600
    return json.loads(path.read_text())


def provider_for(source, context) -> GoogleProvider:
    provider = GoogleProvider(source, context)
    provider.client.sleep = lambda seconds: None
    return provider


# -- refresh -------------------------------------------------------------------------------------
def test_expired_access_token_is_refreshed_and_stored(fake, context):
    source = source_for(fake)
    path = fake.write_token(token_path(source, context), expired=True)
    old = json.loads(path.read_text())["token"]
    provider = provider_for(source, context)
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
    provider.close()
    assert fake.count("token") == 1
    stored = read_token(source, context)
    assert stored["token"] != old and stored["token"] in fake.access_tokens
    assert stored["refresh_token"] == json.loads(path.read_text())["refresh_token"]


def test_token_rejected_mid_run_is_refreshed_by_the_client(fake, context):
    source = source_for(fake)
    fake.write_token(token_path(source, context))  # looks valid until 2099
    fake.expire_access_tokens()  # but the server no longer accepts it: 401
    provider = provider_for(source, context)
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
    assert fake.count("token") == 1
    assert read_token(source, context)["token"] in fake.access_tokens  # saved right away
    provider.close()


@pytest.mark.parametrize("expired", [True, False])
def test_revoked_grant_asks_to_sign_in_again(fake, context, expired):
    source = source_for(fake)
    fake.write_token(token_path(source, context), expired=expired)
    fake.revoke()
    provider = provider_for(source, context)
    with pytest.raises(AuthError) as info:
        provider.events(WINDOW_START, WINDOW_END)
    text = str(info.value)
    assert "'work'" in text and "invalid_grant" in text and "planner auth google" in text
    provider.close()


def test_a_grant_the_api_keeps_refusing_is_an_auth_error(fake, context):
    source = source_for(fake)
    fake.write_token(token_path(source, context))
    fake.fail("events.list", 401, "authError", times=5)
    provider = provider_for(source, context)
    with pytest.raises(AuthError, match=r"'work'.*401.*planner auth google"):
        provider.events(WINDOW_START, WINDOW_END)
    assert fake.count("token") >= 1  # the client tried a fresh token first
    provider.close()


def test_missing_or_broken_token_file(fake, context):
    source = source_for(fake)
    with pytest.raises(AuthError, match=r"'work': not signed in.*planner auth google"):
        provider_for(source, context).events(WINDOW_START, WINDOW_END)
    path = token_path(source, context)
    path.parent.mkdir(parents=True)
    path.write_text('{"token": "x"}')
    with pytest.raises(AuthError, match="incomplete"):
        provider_for(source, context).events(WINDOW_START, WINDOW_END)
    assert fake.count("events.list") == 0


# -- the installed-app flow ----------------------------------------------------------------------
class Browser:
    """Stands in for the user's browser: opens the consent URL and follows the redirect to the
    local server that google-auth-oauthlib started."""

    def __init__(self, deny: bool = False) -> None:
        self.deny = deny
        self.urls: list[str] = []
        self.errors: list[BaseException] = []
        self.pages: list[str] = []  # what the local server showed after the redirect
        self.visits: list[threading.Thread] = []

    def __call__(self, url: str) -> None:
        self.urls.append(url)
        self.visits.append(threading.Thread(target=self._visit, args=(url,), daemon=True))
        self.visits[-1].start()

    def shown(self) -> list[str]:
        """The pages, once every visit has read its page to the end."""
        for visit in self.visits:
            visit.join(timeout=10)
        return self.pages

    def _visit(self, url: str) -> None:
        try:
            if self.deny:
                query = parse_qs(urlsplit(url).query)
                url = query["redirect_uri"][0] + "?error=access_denied&state=" + query["state"][0]
            with urllib.request.urlopen(url, timeout=10) as response:
                self.pages.append(response.read().decode("utf-8"))
        except (OSError, urllib.error.URLError) as exc:
            self.errors.append(exc)


@pytest.mark.parametrize("write", [False, True])
def test_authorize_runs_the_installed_app_flow(fake, context, tmp_path, write):
    secrets = fake.write_client_secrets(tmp_path / "client_secret.json")
    source = source_for(fake, client_secrets=str(secrets), write=write)
    browser, shown = Browser(), []
    account = authorize(
        source, context, open_browser=False, on_url=browser, prompt=shown.append, timeout=20
    )
    assert browser.errors == []
    assert len(shown) == 1 and "'work'" in shown[0] and browser.urls[0] in shown[0]
    assert browser.urls[0].startswith(fake.auth_uri + "?")
    assert account == "user@planner.test (Planner Test)"
    request = fake.auth_requests[0]
    assert request["access_type"] == "offline" and request["code_challenge_method"] == "S256"
    assert request["redirect_uri"].startswith("http://localhost:")
    wanted = [READ_SCOPE, WRITE_SCOPE] if write else [READ_SCOPE]
    assert request["scope"].split() == wanted
    stored = read_token(source, context)
    assert stored["refresh_token"] in fake.refresh_tokens and stored["scopes"] == wanted
    assert "OAUTHLIB_INSECURE_TRANSPORT" not in os.environ
    provider = provider_for(source, context)  # the stored token works for a later run
    assert len(provider.events(WINDOW_START, WINDOW_END)) == 5
    provider.close()


def test_denied_consent_is_an_auth_error(fake, context, tmp_path):
    secrets = fake.write_client_secrets(tmp_path / "client_secret.json")
    source = source_for(fake, client_secrets=str(secrets))
    with pytest.raises(AuthError, match=r"sign-in for 'work' failed.*access_denied"):
        authorize(source, context, open_browser=False, on_url=Browser(deny=True), timeout=20)
    assert not token_path(source, context).exists()


def test_authorize_needs_the_client_file(fake, context, tmp_path):
    with pytest.raises(ConfigError, match="client_secrets"):
        authorize(source_for(fake), context, open_browser=False)
    bad = tmp_path / "client.json"
    bad.write_text('{"other": {}}')
    with pytest.raises(ConfigError, match="not an OAuth client file"):
        authorize(source_for(fake, client_secrets=str(bad)), context, open_browser=False)


def test_a_token_endpoint_that_is_down_is_named_as_such(fake, context, tmp_path):
    """QA E 7: a raw, cut urllib3 message with an object address and the hint to check
    'client_secrets', when the network was the trouble."""
    import socket

    from planner.errors import ProviderError

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{probe.getsockname()[1]}/token"
    secrets = fake.write_client_secrets(tmp_path / "client_secret.json")
    source = source_for(fake, client_secrets=str(secrets), token_uri=down)
    browser = Browser()
    with pytest.raises(ProviderError) as caught:
        authorize(source, context, open_browser=False, on_url=browser, timeout=20)
    message = f"{caught.value} {caught.value.hint}"
    assert "connection refused: offline, or the server is down" in message
    # the browser's page is shown before the token exchange: it claims no success (QA E 7)
    (page,) = browser.shown()
    assert "completed" not in page and "which says whether the sign-in worked" in page
    assert "0x" not in message and "client_secrets" not in message
    assert not token_path(source, context).exists()
