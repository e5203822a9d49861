"""Every test runs with its own data dir and config path: no test touches the user's home."""

from __future__ import annotations

import pytest

from planner import i18n


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
