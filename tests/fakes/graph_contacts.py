"""Outlook contacts for the Graph fake (:mod:`tests.fakes.graph_server`): the documented shapes
of ``/me/contacts``, ``/me/contacts/delta``, ``/me/contactFolders`` and
``/me/contactFolders/{id}/contacts/delta``: ``$select``, paging with ``@odata.nextLink``
(``$skiptoken``), the round's end with ``@odata.deltaLink`` (``$deltatoken``), deleted contacts
as ``@removed`` entries, and 410 ``SyncStateNotFound`` for an expired link. Reading needs a
token with ``Contacts.Read``.

A mixin of :class:`tests.fakes.graph_server.GraphServer`; its state is apart from the events'.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from planner.model import Contact

DEFAULT = ""  # the default Contacts folder


def contact_to_graph(contact: Contact) -> dict[str, Any]:
    """How Graph holds ``contact``."""
    given, _sep, family = contact.name.rpartition(" ")
    item: dict[str, Any] = {
        "@odata.etag": 'W/"' + uuid.uuid4().hex[:12] + '"',
        "displayName": contact.name,
        "givenName": given,
        "surname": family,
        "companyName": contact.organisation or None,
        "emailAddresses": [{"name": contact.name, "address": e} for e in contact.emails],
        "categories": list(contact.groups),
        "businessAddress": {},
        "homeAddress": {},
        "otherAddress": {},
        "businessPhones": list(contact.phones[:1]),
        "homePhones": list(contact.phones[1:]),
        "mobilePhone": None,
        "changeKey": uuid.uuid4().hex[:16],
        "lastModifiedDateTime": "2026-11-01T10:00:00Z",
    }
    fields = {"work": "businessAddress", "home": "homeAddress"}
    for address in contact.addresses:
        item[fields.get(address.kind, "otherAddress")] = {
            "street": address.street,
            "city": address.city,
            "state": address.region,
            "countryOrRegion": address.country,
            "postalCode": address.postal_code,
        }
    return item


def _error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


@dataclass
class GraphContacts:
    """Contacts per folder, their change log and delta links."""

    contact_folders: dict[str, str] = field(default_factory=dict)  # id → display name
    contacts: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    contact_page_size: int = 2
    _contact_version: int = 0
    _contact_changes: list[tuple[int, str, str]] = field(default_factory=list)
    _contact_links: dict[str, dict[str, Any]] = field(default_factory=dict)
    _contact_ids: dict[str, tuple[str, str]] = field(default_factory=dict)  # Contact.id → …

    # -- seeding ------------------------------------------------------------------------------
    def add_contact_folder(self, name: str) -> str:
        folder_id = "AQMk" + uuid.uuid4().hex
        with self.lock:  # type: ignore[attr-defined]
            self.contact_folders[folder_id] = name
        return folder_id

    def put_contact(self, contact: Contact, folder: str = DEFAULT) -> str:
        """Add or replace a contact; its Graph id."""
        with self.lock:  # type: ignore[attr-defined]
            folder_id, item_id = self._contact_ids.get(contact.id, (folder, ""))
            item_id = item_id or "AAMkAGI" + uuid.uuid4().hex
            self._contact_ids[contact.id] = (folder_id, item_id)
            self.contacts.setdefault(folder_id, {})[item_id] = {
                "id": item_id,
                **contact_to_graph(contact),
            }
            self._contact_changed(folder_id, item_id)
            return item_id

    def remove_contact(self, contact_id: str) -> None:
        with self.lock:  # type: ignore[attr-defined]
            folder_id, item_id = self._contact_ids.pop(contact_id)
            del self.contacts[folder_id][item_id]
            self._contact_changed(folder_id, item_id)

    def expire_contact_links(self) -> None:
        with self.lock:  # type: ignore[attr-defined]
            self._contact_links.clear()

    def _contact_changed(self, folder: str, item_id: str) -> None:
        self._contact_version += 1
        self._contact_changes.append((self._contact_version, folder, item_id))

    # -- requests (called from GraphServer._graph under its lock) -------------------------
    def contacts_route(
        self, method: str, route: list[str], query: dict[str, list[str]], scope: str, path: str
    ) -> tuple[int, Any, dict[str, str]] | None:
        """The answer to ``GET me/contacts…`` or ``me/contactFolders…``, None for other
        routes."""
        if route[:1] not in (["contacts"], ["contactFolders"]) or method != "GET":
            return None
        if "Contacts.Read" not in scope:  # also "Contacts.ReadWrite", or with a cloud prefix
            return 403, _error("ErrorAccessDenied", "Access is denied."), {}
        if route == ["contactFolders"]:
            folders = [{"id": i, "displayName": n} for i, n in self.contact_folders.items()]
            return 200, {"value": folders}, {}
        if route == ["contacts"]:
            return 200, {"value": list(self.contacts.get(DEFAULT, {}).values())}, {}
        if route == ["contacts", "delta"]:
            return self._contacts_delta(DEFAULT, query, path)
        if len(route) == 4 and route[0] == "contactFolders" and route[2:] == ["contacts", "delta"]:
            if route[1] not in self.contact_folders:
                return 404, _error("ErrorItemNotFound", "The folder was not found."), {}
            return self._contacts_delta(route[1], query, path)
        return 404, _error("ResourceNotFound", f"No route {method} {path}"), {}

    def _contacts_delta(self, folder: str, query: dict[str, list[str]], path: str):
        if "$deltatoken" in query or "$skiptoken" in query:
            token = (query.get("$deltatoken") or query.get("$skiptoken"))[0]
            state = self._contact_links.get(token)
            if state is None:
                return 410, _error("SyncStateNotFound", "The sync state is not found."), {}
            if "$deltatoken" in query:
                state = dict(state, offset=0, since=state["version"])
                state["version"] = self._contact_version
        else:
            select = query.get("$select", [""])[0]
            state = {
                "folder": folder,
                "since": None,
                "version": self._contact_version,
                "offset": 0,
                "select": select,
            }
        items = self._contact_items(state)
        offset = state["offset"]
        page: dict[str, Any] = {"value": items[offset : offset + self.contact_page_size]}
        token = uuid.uuid4().hex
        base = f"{self.graph_url}/{path}"  # type: ignore[attr-defined]
        if offset + self.contact_page_size < len(items):
            self._contact_links[token] = dict(state, offset=offset + self.contact_page_size)
            page["@odata.nextLink"] = f"{base}?{urlencode({'$skiptoken': token})}"
        else:
            self._contact_links[token] = {k: state[k] for k in ("folder", "version", "select")}
            page["@odata.deltaLink"] = f"{base}?{urlencode({'$deltatoken': token})}"
        return 200, page, {}

    def _contact_items(self, state: dict[str, Any]) -> list[dict[str, Any]]:
        folder, since = state["folder"], state["since"]
        held = self.contacts.get(folder, {})
        if since is None:
            return [self._selected(item, state["select"]) for item in held.values()]
        changed = dict.fromkeys(
            i for v, f, i in self._contact_changes if f == folder and since < v <= state["version"]
        )
        out = []
        for item_id in changed:
            if item_id in held:
                out.append(self._selected(held[item_id], state["select"]))
            else:
                out.append({"id": item_id, "@removed": {"reason": "deleted"}})
        return out

    @staticmethod
    def _selected(item: dict[str, Any], select: str) -> dict[str, Any]:
        if not select:
            return dict(item)
        keep = set(select.split(",")) | {"id"}
        return {k: v for k, v in item.items() if k in keep or k.startswith("@odata")}
