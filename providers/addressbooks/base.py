"""The address-book contract: one abstract class with capability flags, found through the
``planner.addressbooks`` entry-point group (built-ins are registered there too), as calendars
are through ``planner.providers``.

An address book is read, never written: planner takes names, organisations, postal addresses
and groups from it. :meth:`AddressBookProvider.changes` hands out what changed since a state
the provider returned earlier (a sync token, a delta link, the files' sizes and times), or the
whole book; :mod:`planner.people.books` keeps the copy in the state database.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from planner import registry
from planner.config.schema import Field, SourceConfig
from planner.errors import NotSupportedError, ProviderNotFound
from planner.i18n import _
from planner.model import Contact
from providers.base import ProviderContext

GROUP = registry.ADDRESS_BOOKS

__all__ = [
    "GROUP",
    "AddressBookProvider",
    "Changes",
    "ProviderContext",
    "as_addressbook",
    "create",
]


@dataclass(frozen=True, slots=True)
class Changes:
    """What an address book says since a state.

    ``complete``: ``contacts`` is the whole book (a first read, or the state was no longer
    valid); a contact the copy holds that is not among them is gone. Otherwise ``contacts``
    are the new and changed ones and ``removed`` the ids of those deleted. ``state`` is what
    to hand to the next :meth:`AddressBookProvider.changes` call."""

    contacts: tuple[Contact, ...] = ()
    removed: tuple[str, ...] = ()
    state: str = ""
    complete: bool = True

    @property
    def empty(self) -> bool:
        return not self.complete and not self.contacts and not self.removed


class AddressBookProvider(ABC):
    """A source of contacts.

    Subclasses set ``name``, the capability flags and ``options`` (their config keys); heavy
    client libraries are imported inside methods. ``local`` books (files) are cheap to ask for
    changes on every run; remote ones are asked again after ``refresh_hours``.
    """

    name: ClassVar[str]
    local: ClassVar[bool] = False
    has_incremental_sync: ClassVar[bool] = False
    can_write: ClassVar[bool] = False  # planner never writes to an address book
    options: ClassVar[Mapping[str, Field]] = {}

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        self.source = source
        self.context = context

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        """Problems with a combination of options (single keys are checked by ``options``)."""
        return []

    @abstractmethod
    def changes(self, state: str = "") -> Changes:
        """What changed since ``state`` (``""``: read everything).

        Raises :class:`planner.errors.ProviderError` (or a subclass) when the book cannot be
        read; an expired or unknown state is no error but a complete read."""

    def contacts(self) -> list[Contact]:
        """Every contact of the book (a complete read)."""
        return list(self.changes("").contacts)

    def close(self) -> None:
        """Release connections; the default has nothing to release."""

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        """Interactive sign-in (``planner auth``); returns the account."""
        raise NotSupportedError(_("address book '{name}' needs no sign-in", name=source.name))


def named_after_organisation(formatted: str, given: str, family: str, organisation: str) -> bool:
    """Whether a contact is its organisation's, not a person's: no given name, no family name
    but the organisation's, and a display name that is the organisation's or none. Outlook,
    Google Contacts and Android keep a company so (vCard ``N:;;;;``, ``FN:Rhein Möbel AG``,
    ``ORG:Rhein Möbel AG``; Graph ``companyName`` without ``givenName`` and ``surname``)."""
    same = organisation.casefold().split()
    if not same or given.strip() or family.strip() and family.casefold().split() != same:
        return False
    return not formatted.strip() or formatted.casefold().split() == same


def available() -> dict[str, str]:
    """Address-book provider name → ``module:Class`` for every registered one."""
    return registry.available(GROUP)


def provider_class(name: str) -> type[AddressBookProvider]:
    """Load the address-book provider registered as ``name`` (imports only its module)."""
    cls = registry.load(name, GROUP)
    if not (isinstance(cls, type) and issubclass(cls, AddressBookProvider)):
        target = available()[name]
        raise ProviderNotFound(
            _(
                "address-book provider '{name}' ({target}) is not an AddressBookProvider",
                name=name,
                target=target,
            )
        )
    return cls


def create(source: SourceConfig, context: ProviderContext) -> AddressBookProvider:
    """Instantiate the provider for one ``[[addressbooks]]`` entry."""
    return provider_class(source.provider)(source, context)


def as_addressbook(source: SourceConfig) -> SourceConfig:
    """``source`` marked as an address book for the sign-in code it shares with a calendar
    provider of the same service: its own scope, token cache and messages."""
    return SourceConfig(source.name, source.provider, {**source.options, "addressbook": True})
