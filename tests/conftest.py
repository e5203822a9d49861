"""Every test runs with its own data dir and config path: no test touches the user's home."""

from __future__ import annotations

import pytest

from planner import i18n


@pytest.fixture(scope="session", autouse=True)
def isolated_session(tmp_path_factory):
    """The same for what runs before the first test's own home: module-scoped fixtures."""
    import os

    home = tmp_path_factory.mktemp("session-home")
    saved = {k: os.environ.get(k) for k in ("HOME", "PLANNER_DATA_DIR", "PLANNER_CONFIG")}
    os.environ.update(
        HOME=str(home),
        PLANNER_DATA_DIR=str(home / "data"),
        PLANNER_CONFIG=str(home / "config" / "config.toml"),
    )
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PLANNER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("PLANNER_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in ("PLANNER_SMTP_PASSWORD", "PLANNER_LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def google():
    """A fake Google Calendar API on 127.0.0.1 (tests/fakes/google_server.py)."""
    from tests.fakes.google_server import FakeGoogle

    with FakeGoogle() as fake:
        yield fake


@pytest.fixture
def graph(monkeypatch):
    """A fake Microsoft Graph and token endpoint on 127.0.0.1, msal pointed at it."""
    from tests.fakes.graph_server import start_graph_server, use_loopback_msal

    server = start_graph_server()
    use_loopback_msal(monkeypatch, server)
    yield server
    server.stop()
