"""The reference provider runs the contract; every other provider must behave the same."""

from __future__ import annotations

import pytest

from planner.schema import SourceConfig
from providers.base import ProviderContext, create
from tests.providers.contract import TZ, ProviderContract


class TestMemoryContract(ProviderContract):
    @pytest.fixture
    def make_provider(self):
        def make(events):
            source = SourceConfig("mem", "memory", {"events": events})
            return create(source, ProviderContext(tz=TZ))

        return make
