"""An address book held in memory: the reference provider for the contract tests and for
embedding. Its contacts come from the ``contacts`` option, which only code can set (a TOML
config cannot): a list of :class:`planner.model.Contact`, or a :class:`MemoryBook` that the
caller keeps changing (every provider made from it sees the changes).

A :class:`MemoryBook` keeps a change log, so the provider answers incrementally as a CardDAV
or Graph book would: the state is the number of changes seen; a state it no longer knows gets
the whole book.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from planner.errors import ProviderError
from planner.model import Contact
from providers.addressbooks.base import AddressBookProvider, Changes, ProviderContext

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig

_ids = itertools.count(1)


class MemoryBook:
    """Contacts and their change log; ``down`` makes every read fail (a book offline)."""

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self.contacts: dict[str, Contact] = {c.id: c for c in contacts}
        self.log: list[tuple[str, bool]] = []  # (id, removed) per change
        self.epoch = f"e{next(_ids)}"  # a new epoch makes every earlier state unknown
        self.down = False
        self.reads = 0

    def put(self, contact: Contact) -> None:
        self.contacts[contact.id] = contact
        self.log.append((contact.id, False))

    def remove(self, contact_id: str) -> None:
        self.contacts.pop(contact_id, None)
        self.log.append((contact_id, True))

    def expire(self) -> None:
        """Forget every state handed out (as a server forgets an old sync token)."""
        self.epoch = f"e{next(_ids)}"

    def __repr__(self) -> str:  # stable: the options digest of planner.people.books uses it
        return f"MemoryBook({id(self)})"


class MemoryAddressBook(AddressBookProvider):
    name: ClassVar[str] = "memory"
    has_incremental_sync: ClassVar[bool] = True

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        given = source.options.get("contacts", ())
        self.book = given if isinstance(given, MemoryBook) else MemoryBook(given)

    def changes(self, state: str = "") -> Changes:
        book = self.book
        if book.down:
            raise ProviderError(f"address book '{self.source.name}' cannot be reached")
        book.reads += 1
        epoch, _sep, seen = state.partition(":")
        now = f"{book.epoch}:{len(book.log)}"
        if epoch != book.epoch or not seen.isdigit() or int(seen) > len(book.log):
            return Changes(tuple(book.contacts.values()), state=now)
        changed: dict[str, bool] = {}
        for contact_id, removed in book.log[int(seen) :]:
            changed[contact_id] = removed
        return Changes(
            tuple(book.contacts[i] for i, gone in changed.items() if i in book.contacts),
            tuple(i for i, gone in changed.items() if gone and i not in book.contacts),
            state=now,
            complete=False,
        )
