"""Every test runs with its own data dir and config path: no test touches the user's home."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import i18n


def _point_home_at(home: Path, patch: pytest.MonkeyPatch) -> None:
    patch.setenv("HOME", str(home))
    patch.setenv("PLANNER_DATA_DIR", str(home / "data"))
    patch.setenv("PLANNER_CONFIG", str(home / "config" / "config.toml"))
    patch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    patch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    patch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    for name in ("PLANNER_SMTP_PASSWORD", "PLANNER_LANG"):
        patch.delenv(name, raising=False)


@pytest.fixture(scope="session", autouse=True)
def isolated_session_home(tmp_path_factory):
    """A home for fixtures of a wider scope (module, session), which run before the per-test
    home below: they must not reach the real one either."""
    with pytest.MonkeyPatch.context() as patch:
        _point_home_at(tmp_path_factory.mktemp("session-home"), patch)
        yield


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    _point_home_at(home, monkeypatch)
    i18n.set_language("en")
    yield home
    i18n.set_language("en")


@pytest.fixture
def store(tmp_path):
    """A state database in the test's own folder (a test module may define its own)."""
    from planner.store import Store

    db = Store(tmp_path / "state.sqlite3")
    yield db
    db.close()


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
