"""A local fake of the Google People API (contacts), on 127.0.0.1, for the real
google-api-python-client.

It follows the documented wire format: ``GET /v1/people/me/connections`` with the required
``personFields`` (only the fields it names are answered), ``pageSize`` and ``pageToken``
(``nextPageToken`` on every page but the last), ``requestSyncToken`` (``nextSyncToken`` on
the last page only), ``syncToken`` (only the people changed since, deleted ones as a person
with ``metadata.deleted = true``), and an expired sync token answered with 410 and a
``google.rpc.ErrorInfo`` of reason ``EXPIRED_SYNC_TOKEN``;
``GET /v1/contactGroups`` (system groups such as ``myContacts`` included) and
``GET /v1/people/me``. Requests need a bearer token with the ``contacts.readonly`` scope.
Faults can be queued; every request is recorded.

    with FakePeople() as fake:
        fake.put(contact)                         # a planner.model.Contact
        fake.write_token_for("google-contacts")   # [[addressbooks]] name = "google-contacts"
        ... api_url=fake.url ...
"""

from __future__ import annotations

import base64
import itertools
import json
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from planner.model import Contact
from planner.paths import write_secret
from tests.fakes.loopback import Loopback

SCOPE = "https://www.googleapis.com/auth/contacts.readonly"
CLIENT_ID = "fake-client.apps.googleusercontent.com"
OWNER = "user@planner.test"


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]


class FakePeople(Loopback):
    """The fake service; start it with ``with FakePeople() as fake`` or :meth:`start`."""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        return _Handler

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.people: dict[str, dict[str, Any]] = {}  # resource name → person (or tombstone)
        self.changed: dict[str, int] = {}  # resource name → sequence of its last change
        self.groups: dict[str, dict[str, Any]] = {
            "contactGroups/myContacts": _group("contactGroups/myContacts", "myContacts", True),
            "contactGroups/starred": _group("contactGroups/starred", "starred", True),
        }
        self.by_id: dict[str, str] = {}  # Contact.id → resource name
        self.tokens: dict[str, list[str]] = {}
        self.requests: list[Recorded] = []
        self.faults: list[tuple[str, int]] = []  # (path part, status), answered once each
        self.page_size = 0  # 0: as the client asks
        self.generation = 0
        self._seq = itertools.count(1)
        self._ids = itertools.count(1000)
        self._pages: dict[str, tuple[list[dict[str, Any]], int, str, dict[str, str]]] = {}

    # -- state ------------------------------------------------------------------------------
    def group(self, name: str) -> str:
        """The resource name of the user group ``name`` (created when new)."""
        with self.lock:
            for resource, group in self.groups.items():
                if group["name"] == name:
                    return resource
            resource = f"contactGroups/{secrets.token_hex(6)}"
            self.groups[resource] = _group(resource, name, False)
            return resource

    def put(self, contact: Contact) -> str:
        """Add or replace a contact; its resource name."""
        with self.lock:
            resource = self.by_id.get(contact.id) or f"people/c{next(self._ids)}"
            self.by_id[contact.id] = resource
            self.people[resource] = self.person(contact, resource)
            self.changed[resource] = next(self._seq)
            return resource

    def remove(self, contact_id: str) -> None:
        with self.lock:
            resource = self.by_id.pop(contact_id)
            self.people[resource] = {"resourceName": resource, "metadata": {"deleted": True}}
            self.changed[resource] = next(self._seq)

    def expire(self) -> None:
        """Every sync token handed out so far is now expired."""
        with self.lock:
            self.generation += 1

    def person(self, contact: Contact, resource: str) -> dict[str, Any]:
        """How the People API holds ``contact``."""
        memberships = [
            {"contactGroupMembership": {"contactGroupResourceName": "contactGroups/myContacts"}}
        ] + [
            {"contactGroupMembership": {"contactGroupResourceName": self.group(g)}}
            for g in contact.groups
        ]
        given, _sep, family = contact.name.rpartition(" ")
        return {
            "resourceName": resource,
            "etag": f"%E{next(self._seq)}",
            "metadata": {"sources": [{"type": "CONTACT", "id": resource[8:]}]},
            "names": [
                {
                    "displayName": contact.name,
                    "givenName": given,
                    "familyName": family,
                    "metadata": {"primary": True},
                }
            ]
            if contact.name
            else [],
            "emailAddresses": [
                {"value": e, "type": "work", "metadata": {"primary": i == 0}}
                for i, e in enumerate(contact.emails)
            ],
            "organizations": [{"name": contact.organisation, "metadata": {"primary": True}}]
            if contact.organisation
            else [],
            "addresses": [
                {
                    "type": a.kind or "other",
                    "streetAddress": a.street,
                    "city": a.city,
                    "region": a.region,
                    "postalCode": a.postal_code,
                    "country": a.country,
                    "formattedValue": a.text,
                }
                for a in contact.addresses
            ],
            "memberships": memberships,
            "phoneNumbers": [
                {"value": n, "type": "work" if i == 0 else "other"}
                for i, n in enumerate(contact.phones)
            ],
        }

    def write_token_for(self, name: str) -> Path:
        """The token file of ``[[addressbooks]] name = …`` in the data dir, as ``planner auth``
        leaves it (mode 0600)."""
        from planner.config.schema import SourceConfig
        from providers.base import ProviderContext
        from providers.google_auth import token_path

        access = "ya29.people-" + secrets.token_hex(8)
        self.tokens[access] = [SCOPE]
        source = SourceConfig(name, "google", {"addressbook": True})
        path = token_path(source, ProviderContext(tz=ZoneInfo("UTC")))
        info = {
            "token": access,
            "refresh_token": "1//people-" + secrets.token_hex(8),
            "token_uri": self.url + "token",
            "client_id": CLIENT_ID,
            "client_secret": "secret",
            "scopes": [SCOPE],
            "expiry": "2099-01-01T00:00:00Z",
        }
        write_secret(path, json.dumps(info))
        return path

    def count(self, part: str) -> int:
        return sum(1 for r in self.requests if part in r.path)

    # -- answers ----------------------------------------------------------------------------
    def sync_token(self) -> str:
        raw = json.dumps([self.generation, max(self.changed.values(), default=0)])
        return base64.urlsafe_b64encode(raw.encode()).decode()

    def since(self, token: str) -> list[dict[str, Any]] | None:
        """The people changed since ``token``; None when it is expired or unknown."""
        try:
            generation, seq = json.loads(base64.urlsafe_b64decode(token.encode()))
        except (ValueError, TypeError):
            return None
        if generation != self.generation:
            return None
        return [self.people[r] for r, s in self.changed.items() if s > seq]


def _group(resource: str, name: str, system: bool) -> dict[str, Any]:
    return {
        "resourceName": resource,
        "name": name,
        "formattedName": {"myContacts": "My Contacts", "starred": "Starred"}.get(name, name),
        "groupType": "SYSTEM_CONTACT_GROUP" if system else "USER_CONTACT_GROUP",
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakePeople

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        query = parse_qs(split.query)
        fake = self.fake
        with fake.lock:
            fake.requests.append(Recorded("GET", split.path, query))
            for index, (part, status) in enumerate(fake.faults):
                if part in split.path:
                    del fake.faults[index]
                    return self._error(status, "UNAVAILABLE", "Injected fault")
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if SCOPE not in fake.tokens.get(token, []):
                return self._error(401, "UNAUTHENTICATED", "Invalid authentication credentials.")
            q = {k: v[0] for k, v in query.items()}
            if split.path == "/v1/people/me/connections":
                return self._connections(q)
            if split.path == "/v1/contactGroups":
                groups = list(fake.groups.values())
                return self._send(200, {"contactGroups": groups, "totalItems": len(groups)})
            if split.path == "/v1/people/me":
                return self._send(
                    200, {"resourceName": "people/me", "emailAddresses": [{"value": OWNER}]}
                )
            return self._error(404, "NOT_FOUND", f"No route for {split.path}")

    def _connections(self, q: dict[str, str]) -> None:
        fake = self.fake
        if "pageToken" in q:
            stored = fake._pages.pop(q["pageToken"], None)
            if stored is None:
                return self._error(400, "INVALID_ARGUMENT", "Invalid pageToken.")
            people, offset, sync, first = stored
            asked = {k: v for k, v in q.items() if k != "pageToken"}
            if asked != first:
                return self._error(400, "INVALID_ARGUMENT", "Parameters must match the first call.")
            return self._page(people, offset, sync, first)
        if not q.get("personFields"):
            return self._error(400, "INVALID_ARGUMENT", "personFields mask is required.")
        if "syncToken" in q:
            people = fake.since(q["syncToken"])
            if people is None:
                return self._error(
                    410,
                    "FAILED_PRECONDITION",
                    "Sync token is expired. Clear local cache and retry call without the "
                    "sync token.",
                    reason="EXPIRED_SYNC_TOKEN",
                )
        else:
            people = [p for p in fake.people.values() if not p["metadata"].get("deleted")]
        sync = fake.sync_token() if q.get("requestSyncToken") == "true" else ""
        return self._page(people, 0, sync, q)

    def _page(
        self, people: list[dict[str, Any]], offset: int, sync: str, first: dict[str, str]
    ) -> None:
        fake = self.fake
        size = fake.page_size or int(first.get("pageSize") or 100)
        # only the fields of the personFields mask (and the person's name and metadata)
        asked = {*str(first.get("personFields", "")).split(","), "resourceName", "etag"}
        page = [
            {k: v for k, v in person.items() if k in asked or k == "metadata"}
            for person in people[offset : offset + size]
        ]
        answer: dict[str, Any] = {"connections": page, "totalItems": len(people)}
        if offset + size < len(people):
            token = secrets.token_urlsafe(12)
            fake._pages[token] = (people, offset + size, sync, first)
            answer["nextPageToken"] = token
        elif sync:
            answer["nextSyncToken"] = sync
        self._send(200, answer)

    def _send(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, state: str, message: str, reason: str = "") -> None:
        error: dict[str, Any] = {"code": status, "message": message, "status": state}
        if reason:
            error["details"] = [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": reason,
                    "domain": "people.googleapis.com",
                }
            ]
        self._send(status, {"error": error})
