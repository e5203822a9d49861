"""The in-memory address book: the reference implementation of the contract."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from providers.addressbooks.base import ProviderContext, create
from providers.addressbooks.memory import MemoryBook
from tests.providers.addressbook_contract import AddressBookContract, seed


class _Handle:
    def __init__(self) -> None:
        self.data = MemoryBook(seed())

    def provider(self):
        source = SourceConfig("memory", "memory", {"contacts": self.data})
        return create(source, ProviderContext(tz=ZoneInfo("Europe/Berlin")))

    def put(self, contact):
        self.data.put(contact)

    def remove(self, contact_id):
        self.data.remove(contact_id)

    def expire(self, state):
        self.data.expire()
        return state


class TestMemoryBook(AddressBookContract):
    @pytest.fixture
    def book(self):
        return _Handle()
