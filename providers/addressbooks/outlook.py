"""Outlook / Microsoft 365 contacts through Microsoft Graph: the default Contacts folder
(``/me/contacts/delta``) or named folders (``/me/contactFolders/{id}/contacts/delta``), kept
current with delta links: only changed contacts come back, deleted ones as ``@removed``; an
expired link (410 ``SyncStateNotFound`` and the like) reads the folder afresh.

Signing in (``planner auth outlook``) asks for ``Contacts.Read`` only, with a token cache of
its own (``tokens/outlook-contacts-<name>.json``). The HTTP client, retries and errors are the
calendar provider's (:mod:`providers.graph_http`, :mod:`providers.outlook_auth`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from planner.config.schema import Field, SourceConfig
from planner.errors import ProviderError
from planner.i18n import _
from planner.model import Contact, PostalAddress
from providers.addressbooks.base import (
    AddressBookProvider,
    Changes,
    ProviderContext,
    as_addressbook,
    named_after_organisation,
)
from providers.graph_http import GraphClient, GraphError
from providers.outlook_auth import (
    DEFAULT_AUTHORITY,
    DEFAULT_GRAPH,
    FLOWS,
    TokenSource,
    label_of,
)

SELECT = (
    "id,displayName,givenName,surname,companyName,emailAddresses,businessAddress,homeAddress,"
    "otherAddress,businessPhones,homePhones,mobilePhone,categories,lastModifiedDateTime"
)
RESYNC_CODES = frozenset(
    {"SyncStateNotFound", "SyncStateInvalid", "resyncRequired", "fullSyncRequired"}
)
PAGE_SIZE = 200
MAX_PAGES = 10_000
DEFAULT_FOLDER = ""  # the mailbox's default Contacts folder


class OutlookContactsProvider(AddressBookProvider):
    """Outlook.com and Microsoft 365 contacts (signed in with msal, ``planner auth outlook``).

    Options of an ``[[addressbooks]]`` entry with ``provider = "outlook"``:

    - ``client_id`` (required), ``tenant``, ``auth_flow``, ``graph_url``, ``authority``: as
      for an Outlook calendar; the app registration needs the delegated permission
      ``Contacts.Read``.
    - ``folders``: names of contact folders to read besides the default Contacts folder
      (default: the default folder only).
    """

    name: ClassVar[str] = "outlook"
    has_incremental_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        "client_id": Field(str, required=True),
        "tenant": Field(str, "common"),
        "auth_flow": Field(
            str,
            "device_code",
            check=lambda v: None if v in FLOWS else _('must be "device_code" or "browser"'),
        ),
        "folders": Field("str_list", []),
        "graph_url": Field(str, DEFAULT_GRAPH),
        "authority": Field(str, DEFAULT_AUTHORITY),
    }

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        self.flagged = as_addressbook(source)
        self.tokens = TokenSource(self.flagged, context)
        self._graph: GraphClient | None = None

    @property
    def graph(self) -> GraphClient:
        if self._graph is None:
            options = self.source.options
            self._graph = GraphClient(
                str(options.get("graph_url") or DEFAULT_GRAPH),
                self.tokens.token,
                self.source.name,
                label=label_of(self.flagged),
                refresh=self.tokens.refresh,
                **({"sleep": options["sleep"]} if "sleep" in options else {}),
            )
        return self._graph

    def changes(self, state: str = "") -> Changes:
        links = _links(state)
        folders = self._folders()
        if not links or set(links) != set(folders):
            return self._afresh(folders)
        upserts: dict[str, Contact] = {}
        removed: set[str] = set()
        new_links: dict[str, str] = {}
        for folder in folders:
            try:
                items, new_links[folder] = self._pages(links[folder], None)
            except GraphError as exc:
                if exc.status == 410 or exc.code in RESYNC_CODES:
                    return self._afresh(folders)  # the link expired: read every folder afresh
                raise
            for item in items:
                if "@removed" in item:
                    removed.add(str(item.get("id", "")))
                else:
                    contact = _contact(item)
                    upserts[contact.id] = contact
        return Changes(
            tuple(upserts.values()),
            tuple(removed - set(upserts)),
            state=json.dumps(new_links, sort_keys=True),
            complete=False,
        )

    def _afresh(self, folders: Mapping[str, str]) -> Changes:
        found: dict[str, Contact] = {}
        links: dict[str, str] = {}
        for folder, path in folders.items():
            items, links[folder] = self._pages(path, {"$select": SELECT})
            for item in items:
                if "@removed" not in item:
                    contact = _contact(item)
                    found[contact.id] = contact
        return Changes(tuple(found.values()), state=json.dumps(links, sort_keys=True))

    def _pages(self, path: str, params: dict[str, str] | None) -> tuple[list[dict[str, Any]], str]:
        items: list[dict[str, Any]] = []
        page = self.graph.get(path, params)
        for _page in range(MAX_PAGES):
            items += page.get("value", [])
            if delta := page.get("@odata.deltaLink"):
                return items, str(delta)
            next_link = page.get("@odata.nextLink")
            if not next_link:
                return items, ""
            page = self.graph.get(next_link)
        raise ProviderError(_("{where}: the contacts never ended", where=label_of(self.flagged)))

    def _folders(self) -> dict[str, str]:
        """Folder name (``""`` for the default) → the path of its delta function."""
        found = {DEFAULT_FOLDER: "me/contacts/delta"}
        wanted = [w.strip() for w in self.source.options.get("folders") or () if w.strip()]
        if not wanted:
            return found
        listed = {}
        for page in self.graph.pages("me/contactFolders", {"$select": "id,displayName"}):
            for folder in page.get("value", []):
                listed[str(folder.get("displayName", "")).casefold()] = str(folder.get("id"))
        for name in wanted:
            folder_id = listed.get(name.casefold())
            if folder_id is None:
                raise ProviderError(
                    _(
                        "{where}: there is no contact folder '{folder}'",
                        where=label_of(self.flagged),
                        folder=name,
                    ),
                    hint=_("check the option 'folders'"),
                )
            found[name] = f"me/contactFolders/{folder_id}/contacts/delta"
        return found

    def close(self) -> None:
        if self._graph is not None:
            self._graph.close()

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        from providers.outlook import OutlookProvider

        book = as_addressbook(source)
        return OutlookProvider.sign_in(book, context, prompt=prompt, browser=browser)


def _links(state: str) -> dict[str, str]:
    try:
        found = json.loads(state) if state else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _contact(item: Mapping[str, Any]) -> Contact:
    name = str(item.get("displayName") or "")
    if not name:
        name = " ".join(str(item[k]) for k in ("givenName", "surname") if item.get(k))
    emails = tuple(
        dict.fromkeys(
            str(e.get("address", "")).strip()
            for e in item.get("emailAddresses") or ()
            if isinstance(e, dict) and "@" in str(e.get("address", ""))
        )
    )
    addresses = tuple(
        _address(item.get(field), kind)
        for field, kind in (
            ("businessAddress", "work"),
            ("homeAddress", "home"),
            ("otherAddress", "other"),
        )
        if isinstance(item.get(field), dict) and any(item[field].values())
    )
    organisation = str(item.get("companyName") or "")
    company = named_after_organisation(
        name, str(item.get("givenName") or ""), str(item.get("surname") or ""), organisation
    )
    return Contact(
        id=str(item.get("id", "")),
        name=name or (organisation if company else ""),
        emails=emails,
        organisation=organisation,
        addresses=addresses,
        groups=tuple(str(c) for c in item.get("categories") or () if c),
        is_organisation=company,
        phones=_phones(item),
    )


def _phones(item: Mapping[str, Any]) -> tuple[str, ...]:
    """``businessPhones``, ``homePhones`` and ``mobilePhone``, in that order, as written."""
    found = [*(item.get("businessPhones") or ()), *(item.get("homePhones") or ())]
    found.append(item.get("mobilePhone") or "")
    return tuple(dict.fromkeys(n for n in (str(p).strip() for p in found if p) if n))


def _address(value: Mapping[str, Any], kind: str) -> PostalAddress:
    return PostalAddress(
        street=str(value.get("street") or "").replace("\r\n", ", ").replace("\n", ", "),
        city=str(value.get("city") or ""),
        region=str(value.get("state") or ""),
        postal_code=str(value.get("postalCode") or ""),
        country=str(value.get("countryOrRegion") or ""),
        kind=kind,
    )
