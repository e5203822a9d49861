"""The provider registry: names to classes through the ``planner.providers`` entry-point group
(calendars) and the ``planner.addressbooks`` group (address books).

It lives in the core so that the config loader can find a provider's own keys without
importing ``providers/`` (which sits above the core). Built-ins are registered as entry points
too; :data:`BUILTINS` serves only a source tree whose distribution metadata is not installed.
A provider's module is imported only when that provider is asked for.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from planner.errors import ProviderNotFound
from planner.i18n import _

GROUP = "planner.providers"
ADDRESS_BOOKS = "planner.addressbooks"

BUILTINS = {
    "ics": "providers.ics:IcsProvider",
    "memory": "providers.memory:MemoryProvider",
    "google": "providers.google:GoogleProvider",
    "outlook": "providers.outlook:OutlookProvider",
    "caldav": "providers.caldav:CalDavProvider",
}
ADDRESS_BOOK_BUILTINS = {
    "vcard": "providers.addressbooks.files:VCardProvider",
    "carddav": "providers.addressbooks.carddav:CardDavProvider",
    "google": "providers.addressbooks.google:GoogleContactsProvider",
    "outlook": "providers.addressbooks.outlook:OutlookContactsProvider",
    "memory": "providers.addressbooks.memory:MemoryAddressBook",
}
_BUILTINS = {GROUP: BUILTINS, ADDRESS_BOOKS: ADDRESS_BOOK_BUILTINS}


def available(group: str = GROUP) -> dict[str, str]:
    """Provider name → ``module:Class`` for every provider registered in ``group``."""
    return dict(_scan(group))


def known(name: str, group: str = GROUP) -> bool:
    """Whether a provider ``name`` is registered in ``group``: a built-in one without a look
    at the entry points (that look costs ~40 ms of every command's start)."""
    return name in _BUILTINS.get(group, {}) or name in available(group)


@cache
def _scan(group: str = GROUP) -> dict[str, str]:
    """The entry points, read once per process (reading them costs ~40 ms)."""
    from importlib.metadata import entry_points

    found = dict(_BUILTINS.get(group, {}))
    for ep in entry_points(group=group):
        found[ep.name] = ep.value
    return found


def load(name: str, group: str = GROUP) -> Any:
    """The object registered as ``name`` in ``group`` (imports only that provider's module).
    A built-in name needs no look at the entry points (it is registered with the same
    target)."""
    target = _BUILTINS.get(group, {}).get(name) or available(group).get(name)
    if target is None:
        names = ", ".join(sorted(available(group)))
        raise ProviderNotFound(
            _("unknown provider '{name}' (installed: {names})", name=name, names=names)
        )
    module_name, _sep, attr = target.partition(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or module_name
        raise ProviderNotFound(
            _("provider '{name}' needs the Python package '{package}'", name=name, package=missing),
            hint=_("install it with: pip install {package}", package=missing),
        ) from None
    return getattr(module, attr)
