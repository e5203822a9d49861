"""Google contacts through the People API (google-api-python-client, its static discovery
document): ``people.connections.list`` with ``personFields``, paged by ``pageToken``, kept
current with ``syncToken``/``requestSyncToken``; an expired sync token (``EXPIRED_SYNC_TOKEN``,
answered with 410 or 400) reads the book afresh. Contact groups come from
``contactGroups.list``; the system group "myContacts" that everyone is in says nothing and is
left out.

Signing in (``planner auth google``) asks for ``contacts.readonly`` only, with its own token
file (``tokens/google-contacts-<name>.json``), apart from the calendars' tokens. Retries,
backoff and one-line errors are those of the calendar provider
(:class:`providers.google_auth.GoogleClient`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from planner.config.schema import Field, SourceConfig
from planner.errors import ProviderError
from planner.i18n import _
from planner.model import Contact, PostalAddress
from providers import google_auth, google_signin
from providers.addressbooks.base import (
    AddressBookProvider,
    Changes,
    ProviderContext,
    as_addressbook,
    named_after_organisation,
)
from providers.addressbooks.vcard import SYSTEM_GROUPS
from providers.google_auth import GoogleClient, SyncTokenExpired

DEFAULT_API_URL = "https://people.googleapis.com/"
PERSON_FIELDS = "names,emailAddresses,organizations,addresses,phoneNumbers,memberships,metadata"
PAGE_SIZE = 1000
MAX_PAGES = 10_000
_SYSTEM = {"contactGroups/myContacts", "contactGroups/all", "contactGroups/chatBuddies"}


class PeopleClient(GoogleClient):
    """The People API client of one ``[[addressbooks]]`` entry."""

    def service(self) -> Any:
        if self._service is None:
            google_auth.require_libraries(self.source)
            import google_auth_httplib2
            import httplib2
            from googleapiclient.discovery import build

            self.creds = google_auth.load_credentials(self.source, self.context)
            self._saved_token = self.creds.token
            timeout = self.source.options.get("timeout") or 30
            http = google_auth_httplib2.AuthorizedHttp(
                self.creds, http=httplib2.Http(timeout=timeout)
            )
            self._service = build(
                "people",
                "v1",
                http=http,
                static_discovery=True,
                cache_discovery=False,
                client_options={"api_endpoint": self.api_url.rstrip("/") + "/"},
            )
        return self._service

    @property
    def api_url(self) -> str:
        return str(self.source.options.get("api_url") or DEFAULT_API_URL)

    def _http_error(
        self, status: int, reason: str, exc: Any, what: str, tries: int
    ) -> ProviderError:
        if status == 410 or "EXPIRED_SYNC_TOKEN" in (reason, _details(exc)):
            return SyncTokenExpired(f"{google_auth.label_of(self.source)}: {what}: {status}")
        return super()._http_error(status, reason, exc, what, tries)


class GoogleContactsProvider(AddressBookProvider):
    """Google contacts (People API). Sign in once with ``planner auth google``.

    Options of an ``[[addressbooks]]`` entry with ``provider = "google"``:

    - ``client_secrets`` (path): the OAuth client file ("Desktop app"); needed by
      ``planner auth google`` only (the People API must be enabled for it).
    - ``api_url`` (default ``https://people.googleapis.com/``) and ``token_uri``: a test
      server or proxy can stand in for Google.
    - ``timeout`` (seconds, default 30): per request.
    """

    name: ClassVar[str] = "google"
    has_incremental_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        "client_secrets": Field(str, "", path=True),
        "api_url": Field(str, DEFAULT_API_URL),
        "token_uri": Field(str, ""),
        "timeout": Field(int, 30, minimum=1, maximum=600),
    }

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        self.client = PeopleClient(as_addressbook(source), context)

    def changes(self, state: str = "") -> Changes:
        groups = self._groups()
        if state:
            try:
                people, token = self._connections(state)
            except SyncTokenExpired:
                people, token = None, ""
            if people is not None:
                removed = tuple(p["resourceName"] for p in people if _deleted(p))
                found = [_contact(p, groups) for p in people if not _deleted(p)]
                return Changes(tuple(found), removed, state=token or state, complete=False)
        people, token = self._connections("")
        found = [_contact(p, groups) for p in people if not _deleted(p)]
        return Changes(tuple(found), state=token)

    def _connections(self, sync_token: str) -> tuple[list[dict[str, Any]], str]:
        """Every page of ``connections.list`` and the ``nextSyncToken`` of the last."""
        people: list[dict[str, Any]] = []
        page: str | None = None
        what = _("reading the contacts")
        for _page in range(MAX_PAGES):
            params: dict[str, Any] = {
                "resourceName": "people/me",
                "personFields": PERSON_FIELDS,
                "pageSize": PAGE_SIZE,
                "requestSyncToken": True,
            }
            if sync_token:
                params["syncToken"] = sync_token
            if page:
                params["pageToken"] = page
            request = self.client.service().people().connections().list(**params)
            answer = self.client.execute(request, what)
            people += answer.get("connections", [])
            page = answer.get("nextPageToken")
            if not page:
                return people, str(answer.get("nextSyncToken") or "")
        raise ProviderError(
            _("{where}: {what} never ended", where=google_auth.label_of(self.source), what=what)
        )

    def _groups(self) -> dict[str, str]:
        """Contact group resource name → its name (user groups and named system groups)."""
        found: dict[str, str] = {}
        page: str | None = None
        for _page in range(MAX_PAGES):
            params: dict[str, Any] = {"pageSize": 1000, "groupFields": "name,groupType"}
            if page:
                params["pageToken"] = page
            request = self.client.service().contactGroups().list(**params)
            answer = self.client.execute(request, _("reading the contact groups"))
            for group in answer.get("contactGroups", []):
                name = str(group.get("formattedName") or group.get("name") or "")
                if group.get("resourceName") not in _SYSTEM and name:
                    found[str(group.get("resourceName"))] = name
            page = answer.get("nextPageToken")
            if not page:
                break
        return found

    def close(self) -> None:
        self.client.close()

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        problems = []
        for key in ("api_url", "token_uri"):
            value = str(options.get(key) or "")
            if value and not value.startswith(("http://", "https://")):
                problems.append(_("key '{key}' must be an http(s) URL", key=key))
        return problems

    @classmethod
    def sign_in(
        cls,
        source: SourceConfig,
        context: ProviderContext,
        *,
        prompt: Callable[[str], None],
        browser: bool | None = None,
    ) -> str:
        flagged = as_addressbook(source)

        def show(url: str) -> None:
            prompt(
                _(
                    "Open this page to sign in to Google for '{name}': {url}",
                    name=source.name,
                    url=url,
                )
            )

        google_signin.run_flow(flagged, context, open_browser=browser is not False, on_url=show)
        provider = cls(source, context)
        try:
            request = (
                provider.client.service()
                .people()
                .get(resourceName="people/me", personFields="emailAddresses")
            )
            me = provider.client.execute(request, _("reading your account"))
        finally:
            provider.close()
        emails = [e.get("value", "") for e in me.get("emailAddresses", []) if e.get("value")]
        return emails[0] if emails else source.name


def _deleted(person: Mapping[str, Any]) -> bool:
    return bool((person.get("metadata") or {}).get("deleted"))


def _primary_first(items: Any) -> list[dict[str, Any]]:
    found = [i for i in items or () if isinstance(i, dict)]
    return sorted(found, key=lambda i: not (i.get("metadata") or {}).get("primary"))


def _contact(person: Mapping[str, Any], groups: Mapping[str, str]) -> Contact:
    names = _primary_first(person.get("names"))
    name = names[0].get("displayName", "") if names else ""
    if not name and names:
        name = " ".join(p for p in (names[0].get("givenName"), names[0].get("familyName")) if p)
    emails = tuple(
        dict.fromkeys(
            str(e.get("value", "")).strip()
            for e in _primary_first(person.get("emailAddresses"))
            if "@" in str(e.get("value", ""))
        )
    )
    organisations = _primary_first(person.get("organizations"))
    memberships = [
        (m.get("contactGroupMembership") or {}).get("contactGroupResourceName", "")
        for m in person.get("memberships") or ()
        if isinstance(m, dict)
    ]
    found_groups = [groups[m] for m in memberships if m in groups]
    organisation = str(organisations[0].get("name", "")) if organisations else ""
    given, family = (
        (str(names[0].get("givenName") or ""), str(names[0].get("familyName") or ""))
        if names
        else ("", "")
    )
    company = named_after_organisation(str(name), given, family, organisation)
    return Contact(
        id=str(person.get("resourceName", "")),
        name=str(name) or (organisation if company else ""),
        emails=emails,
        organisation=organisation,
        addresses=tuple(_address(a) for a in _primary_first(person.get("addresses"))),
        groups=tuple(g for g in dict.fromkeys(found_groups) if g.casefold() not in SYSTEM_GROUPS),
        is_organisation=company,
        phones=_phones(person.get("phoneNumbers")),
    )


def _phones(items: Any) -> tuple[str, ...]:
    """The numbers, a work number first, then the primary one: ``value`` as typed where it is
    international, else ``canonicalForm`` (the E.164 form Google adds where it can read a
    national number), else ``value``."""
    found = sorted(
        _primary_first(items), key=lambda i: not str(i.get("type", "")).lower().startswith("work")
    )
    numbers = []
    for item in found:
        value = str(item.get("value") or "").strip()
        if not value.startswith(("+", "00")):
            value = str(item.get("canonicalForm") or "").strip() or value
        numbers.append(value)
    return tuple(dict.fromkeys(n for n in numbers if n))


def _address(item: Mapping[str, Any]) -> PostalAddress:
    street = ", ".join(
        str(item[k]) for k in ("streetAddress", "extendedAddress", "poBox") if item.get(k)
    )
    structured = ("streetAddress", "city", "postalCode", "region", "country", "countryCode")
    if not any(item.get(k) for k in structured):  # typed as one text: only formattedValue
        street = ", ".join(
            line.strip()
            for line in str(item.get("formattedValue", "")).splitlines()
            if line.strip()
        )
    return PostalAddress(
        street=street,
        city=str(item.get("city", "")),
        region=str(item.get("region", "")),
        postal_code=str(item.get("postalCode", "")),
        country=str(item.get("country") or item.get("countryCode") or ""),
        kind=str(item.get("type", "")).lower(),
    )


def _details(exc: Any) -> str:
    """The ``reason`` of the ``google.rpc.ErrorInfo`` in an error body, or ``""``."""
    import json

    try:
        data = json.loads(exc.content.decode("utf-8"))
        for detail in data["error"].get("details") or ():
            if detail.get("reason"):
                return str(detail["reason"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return ""
    return ""
