"""Every test runs with its own data dir and config path: no test touches the user's home."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from planner import i18n


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is collected (and imports planner, whose judge compiles its
    patterns and may keep them, :mod:`planner.judge.kept_regex`): a home of the test process's own,
    removed when the run ends, so that not even collection reads or writes the real one."""
    home = Path(tempfile.mkdtemp(prefix="planner-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(home, ignore_errors=True))
    for name, value in _home_variables(home).items():
        os.environ[name] = value


def _home_variables(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PLANNER_DATA_DIR": str(home / "data"),
        "PLANNER_CONFIG": str(home / "config" / "config.toml"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def _point_home_at(home: Path, patch: pytest.MonkeyPatch) -> None:
    for name, value in _home_variables(home).items():
        patch.setenv(name, value)
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
