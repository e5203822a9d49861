"""Google (fake), Outlook (fake Graph) and CalDAV (a real Radicale) calendars for the sync
tests, and a config that names them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from planner.config import Config, from_mapping
from planner.store import Store
from planner.sync.run import SyncResult, run_sync
from tests.fakes.graph_server import GraphServer, config_entry, sign_in
from tests.providers.radicale_server import PASSWORD_ENV, RadicaleServer, radicale_server

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 7, 8, 0, tzinfo=TZ)  # a Monday morning
USER = "user@planner.test"
GOOGLE_WRITES = ("events.insert", "events.update", "events.patch", "events.delete")


@pytest.fixture(scope="module")
def radicale(tmp_path_factory) -> RadicaleServer:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture(autouse=True)
def caldav_password(radicale, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)


@dataclass
class World:
    """The three services, the config naming them, and the state database."""

    google: Any
    graph: GraphServer
    radicale: RadicaleServer
    caldav: Any  # the caldav.Calendar of the CalDAV source
    store: Store
    syncs: list[dict[str, Any]] = field(default_factory=list)
    user: dict[str, Any] = field(default_factory=dict)
    caldav_target: Any = None
    names: dict[str, str] = field(default_factory=dict)  # "c" → "office": a renamed entry

    def config(self) -> Config:
        calendars = [
            {
                "name": "g",
                "provider": "google",
                "api_url": self.google.url,
                "token_uri": self.google.token_uri,
                "write": True,
            },
            config_entry(self.graph, "o", write=True),
            {
                "name": "c",
                "provider": "caldav",
                **self.radicale.provider_options(calendars=[str(self.caldav.url)]),
            },
        ]
        if self.caldav_target is not None:
            calendars.append(
                {
                    "name": "d",
                    "provider": "caldav",
                    **self.radicale.provider_options(calendars=[str(self.caldav_target.url)]),
                }
            )
        for entry in calendars:
            entry["name"] = self.names.get(entry["name"], entry["name"])
        data = {
            "user": {"timezone": "Europe/Berlin", "email": USER, **self.user},
            "calendars": calendars,
            "sync": self.syncs,
        }
        return from_mapping(data, "<test>")

    def run(self, *, apply: bool = False, undo: bool = False) -> SyncResult:
        result = run_sync(self.config(), self.store, now=NOW, apply=apply, undo=undo)
        assert result.ok, result.to_json(TZ)
        return result

    def google_writes(self) -> int:
        return sum(self.google.count(kind) for kind in GOOGLE_WRITES)

    def graph_writes(self) -> int:
        return sum(
            1
            for r in self.graph.log
            if r.method in ("POST", "PATCH", "DELETE") and "/events" in r.path
        )


@pytest.fixture
def world(google, graph, radicale, tmp_path) -> World:
    google.write_token_for("g", write=True)
    sign_in(graph, "o", write=True)
    calendar = radicale.make_calendar(f"src-{uuid.uuid4().hex[:10]}")
    store = Store(tmp_path / "state.sqlite3")
    yield World(google, graph, radicale, calendar, store)
    store.conn.close()
