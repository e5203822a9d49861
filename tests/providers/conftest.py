"""Fixtures shared by the provider tests."""

from __future__ import annotations

import pytest

from tests.fakes.google_server import FakeGoogle
from tests.providers.contract import seed_events


@pytest.fixture
def fake():
    """A fake Google Calendar holding the contract's events in "primary" (a module may define
    its own ``fake``: an empty one)."""
    with FakeGoogle() as server:
        server.seed("primary", seed_events())
        yield server
