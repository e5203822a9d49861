"""Every configured entry keeps its own sign-in: token file names that cannot collide, and
the files of earlier versions taken over where that is unambiguous (QA report E, finding 2).
Through the real google-auth and msal against the local fakes."""

from __future__ import annotations

import json
import stat

import pytest

from planner.calendar.sources import context_for
from planner.config import from_mapping
from planner.config.schema import SourceConfig
from planner.errors import AuthError, ConfigError
from providers.base import ProviderContext
from providers.google import GoogleProvider
from providers.google_auth import token_path
from providers.outlook_auth import TokenSource, authorize, cache_path
from tests.fakes.google_server import FakeGoogle
from tests.fakes.graph_server import start_graph_server
from tests.providers.contract import TZ, WINDOW_END, WINDOW_START


@pytest.fixture
def graph_server():
    server = start_graph_server()
    yield server
    server.stop()


def google_config(fake: FakeGoogle, *names: str):
    entries = [
        {"name": n, "provider": "google", "api_url": fake.url, "token_uri": fake.token_uri}
        for n in names
    ]
    config = from_mapping({"user": {"timezone": str(TZ)}, "calendars": entries}, "<test>")
    return config, context_for(config)


def read(source, context) -> int:
    provider = GoogleProvider(source, context)
    provider.client.sleep = lambda seconds: None
    try:
        return len(provider.events(WINDOW_START, WINDOW_END))
    finally:
        provider.close()


def test_names_alike_in_ascii_keep_their_tokens_apart(fake, isolated_home):
    """'Работа' and 'Личное' both became google-______.json: one sign-in served both."""
    config, context = google_config(fake, "Работа", "Личное", "Team A/B", "Team A:B")
    paths = [token_path(source, context) for source in config.calendars]
    assert len(set(paths)) == 4
    work, private = config.calendars[:2]
    fake.write_token(token_path(work, context))
    assert read(work, context) > 0
    with pytest.raises(AuthError, match="not signed in"):
        read(private, context)
    assert GoogleProvider.sign_in_state(private, context).state == "missing"


def test_an_earlier_token_file_is_taken_over_without_a_new_sign_in(fake, isolated_home):
    config, context = google_config(fake, "Работа", "Work")
    old = token_path(config.calendars[0], context).parent / "google-______.json"
    fake.write_token(old)
    before = old.read_bytes()
    assert read(config.calendars[0], context) > 0  # no new sign-in after the upgrade
    path = token_path(config.calendars[0], context)
    assert not old.exists() and path != old
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_bytes())["refresh_token"] == json.loads(before)["refresh_token"]


def test_an_earlier_file_two_entries_map_to_is_left_for_neither(fake, isolated_home):
    """Whose token google-______.json is cannot be told: each entry signs in on its own, and
    the file is kept as it is."""
    config, context = google_config(fake, "Работа", "Личное")
    old = token_path(config.calendars[0], context).parent / "google-______.json"
    fake.write_token(old)
    before = old.read_bytes()
    for source in config.calendars:
        with pytest.raises(AuthError, match="not signed in"):
            read(source, context)
    assert old.read_bytes() == before


def test_an_earlier_outlook_token_cache_is_taken_over(graph_server, isolated_home):
    source = SourceConfig("Büro", "outlook", graph_server.source_options())
    context = ProviderContext(tz=TZ, sources=(source,))
    authorize(source, context, prompt=lambda message: None)
    path = cache_path(source, context)
    old = path.with_name("outlook-B_ro.json")  # the name versions before 2026-12 gave it
    path.rename(old)
    before = len(graph_server.requests_to("/oauth2/v2.0/devicecode"))
    assert TokenSource(source, context).token() in graph_server.tokens
    assert len(graph_server.requests_to("/oauth2/v2.0/devicecode")) == before
    assert path.exists() and not old.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("other", ["work", " Work ", "WORK"])
def test_names_the_same_but_for_case_or_spaces_are_one_config_error(other):
    entries = [{"name": n, "provider": "ics", "path": "/tmp/x.ics"} for n in ("Work", other)]
    with pytest.raises(ConfigError) as caught:
        from_mapping({"calendars": entries}, "<test>")
    assert len(caught.value.problems) == 1
    assert "the same as 'Work' but for case or spaces" in str(caught.value)
