"""Sign-in to Outlook through the real msal library against the local fake token endpoint."""

from __future__ import annotations

import html
import re
import stat
import threading
import webbrowser
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from planner.config.schema import SourceConfig
from planner.errors import AuthError, ProviderError, UsageError
from providers.base import ProviderContext
from providers.outlook_auth import TokenSource, authorize, cache_path, scopes
from tests.fakes.graph_server import start_graph_server
from tests.providers.contract import TZ


@pytest.fixture
def graph_server():
    server = start_graph_server()
    yield server
    server.stop()


def make_source(server, name="work", **overrides) -> SourceConfig:
    return SourceConfig(name, "outlook", server.source_options(**overrides))


def test_device_code_flow_polls_until_the_user_has_signed_in(graph_server, isolated_home):
    graph_server.pending_polls = 1
    shown: list[str] = []
    source = make_source(graph_server)
    account = authorize(source, ProviderContext(tz=TZ), prompt=shown.append)
    assert account == "megan@contoso.example"
    assert len(shown) == 1 and "FAKE-CODE" in shown[0]
    polls = [
        r
        for r in graph_server.requests_to("/oauth2/v2.0/token")
        if "device_code" in r.body.get("grant_type", "")
    ]
    assert len(polls) == 2  # one authorization_pending, then the token
    asked = graph_server.requests_to("/oauth2/v2.0/devicecode")[0].body["scope"]
    assert f"{graph_server.http_base}/Calendars.Read" in asked.split()  # off the public cloud
    assert "Calendars.ReadWrite" not in asked


def test_token_cache_is_private_and_reused_silently(graph_server, isolated_home):
    source = make_source(graph_server)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    path = cache_path(source, ProviderContext(tz=TZ))
    assert path.is_relative_to(isolated_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "access_token" not in path.name
    before = len(graph_server.requests_to("/oauth2/v2.0/token"))
    token = TokenSource(source, ProviderContext(tz=TZ)).token()  # a later run: new objects
    assert token in graph_server.tokens
    assert len(graph_server.requests_to("/oauth2/v2.0/token")) == before  # no new sign-in


def test_a_valid_cached_token_needs_no_request_to_the_authority(graph_server, isolated_home):
    """Issue 17: no instance discovery, no openid-configuration, no token request: a later run
    with a valid token talks to Graph only, so it works offline from the sign-in service."""
    source = make_source(graph_server)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    before = len(graph_server.log)
    later = TokenSource(source, ProviderContext(tz=TZ))
    token = later.token()
    assert token in graph_server.tokens
    assert later.is_personal() is False
    assert graph_server.log[before:] == []  # not one request to the authority


def test_offline_run_with_a_valid_token_reads_the_calendar(graph_server, isolated_home):
    """The sign-in service cannot be reached (nothing listens on its port); Graph can."""
    from datetime import datetime, timedelta

    from providers.outlook import OutlookProvider

    source = make_source(graph_server)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    offline = make_source(graph_server, authority="https://127.0.0.1:9")
    provider = OutlookProvider(offline, ProviderContext(tz=TZ))
    start = datetime(2026, 12, 7, tzinfo=TZ)
    assert provider.events(start, start + timedelta(days=7)) == []
    assert provider.tokens._app is None  # msal's app (which asks the authority) never built
    assert all(r.path.startswith("/v1.0/") for r in graph_server.log[-2:])


def test_expired_access_token_is_refreshed_with_the_refresh_token(graph_server, isolated_home):
    graph_server.token_lifetime = 1  # msal treats tokens expiring within 5 minutes as stale
    source = make_source(graph_server)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    first = TokenSource(source, ProviderContext(tz=TZ)).token()
    refreshes = [
        r
        for r in graph_server.requests_to("/oauth2/v2.0/token")
        if r.body.get("grant_type") == "refresh_token"
    ]
    assert refreshes and first in graph_server.tokens


def test_failed_silent_refresh_tells_the_user_to_sign_in_again(graph_server, isolated_home):
    graph_server.token_lifetime = 1
    source = make_source(graph_server)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    graph_server.refresh_fails = True
    with pytest.raises(AuthError) as caught:
        TokenSource(source, ProviderContext(tz=TZ)).token()
    message = str(caught.value)
    assert "planner auth outlook" in message and "'work'" in message
    assert "invalid_grant" in message
    assert "rt-" not in message and "at-" not in message  # no secrets in messages


def test_not_signed_in_is_an_auth_error(graph_server, isolated_home):
    with pytest.raises(AuthError, match="not signed in.*planner auth outlook"):
        TokenSource(make_source(graph_server), ProviderContext(tz=TZ)).token()


def test_write_option_asks_for_read_write(graph_server, isolated_home):
    source = make_source(graph_server, write=True)
    authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    granted = list(graph_server.tokens.values())
    assert any("Calendars.ReadWrite" in scope for scope in granted)


def test_scopes_follow_the_graph_host():
    assert scopes({"write": False}) == ["Calendars.Read"]
    assert scopes({"write": True, "graph_url": "https://graph.microsoft.com/v1.0"}) == [
        "Calendars.ReadWrite"
    ]
    assert scopes({"graph_url": "https://graph.microsoft.us/v1.0"}) == [
        "https://graph.microsoft.us/Calendars.Read"
    ]


def test_unknown_flow_is_a_usage_error(graph_server):
    with pytest.raises(UsageError, match="carrier-pigeon"):
        authorize(
            make_source(graph_server), ProviderContext(tz=TZ), flow="carrier-pigeon", prompt=print
        )


def test_device_code_refused_names_the_calendar(graph_server):
    graph_server.fail("/oauth2/v2.0/devicecode", 400, code="invalid_client")
    with pytest.raises(AuthError, match="calendar 'work'.*device code"):
        authorize(make_source(graph_server), ProviderContext(tz=TZ), prompt=print)


def test_unreachable_authority_is_one_clear_line(graph_server):
    source = make_source(graph_server, authority="https://127.0.0.1:9", http_client=None)
    with pytest.raises(ProviderError, match="cannot reach the Microsoft sign-in service") as caught:
        authorize(source, ProviderContext(tz=TZ), prompt=lambda message: None)
    assert not isinstance(caught.value, AuthError)  # a network problem, not a sign-in problem


def test_unknown_tenant_is_an_auth_error(graph_server):
    graph_server.fail("/v2.0/.well-known/openid-configuration", 400, code="invalid_tenant")
    with pytest.raises(AuthError, match="authority .* cannot be used"):
        authorize(make_source(graph_server), ProviderContext(tz=TZ), prompt=lambda message: None)


def test_browser_flow_uses_the_local_redirect(graph_server, monkeypatch, isolated_home):
    """A stand-in browser opens the authorize page and submits its form to msal's listener."""
    visited: list[str] = []

    def browse(url, *args, **kwargs):
        def visit():
            page = requests.get(
                url.replace(graph_server.authority, graph_server.http_base), timeout=10
            ).text
            action = html.unescape(re.search(r'action="([^"]+)"', page).group(1))
            fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page))
            requests.post(action, data=fields, timeout=10)

        visited.append(url)
        threading.Thread(target=visit, daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", browse)
    source = make_source(graph_server, auth_flow="browser")
    account = authorize(source, ProviderContext(tz=TZ), prompt=print)
    assert account == "megan@contoso.example"
    query = parse_qs(urlsplit(visited[0]).query)
    assert query["client_id"] == [source.options["client_id"]]
    grants = [r.body.get("grant_type") for r in graph_server.requests_to("/oauth2/v2.0/token")]
    assert grants == ["authorization_code"]
