"""CardDAV address books (RFC 6352): Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo.

Discovery follows RFC 6764 and 6352: the URL given may be an address book, a principal or the
server (``current-user-principal`` → ``addressbook-home-set`` → the collections whose
resource type is ``addressbook``). Each book is kept in sync with sync-collection (RFC 6578):
only changed cards are downloaded (addressbook-multiget) into a raw copy in the state
database; a refused or unknown token reads the listing afresh and fetches only cards whose
ETag changed. A server without sync-collection is listed by ETags each time.

The transport is the ``caldav`` library's ``DAVClient`` (authentication, TLS, proxies), which
is imported when the first request is sent; sign-in works as for CalDAV calendars (password
from ``password_env`` or the keyring).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, unquote, urljoin, urlsplit

from planner.config.schema import Field
from planner.errors import ProviderError
from planner.i18n import _
from providers.addressbooks.base import AddressBookProvider, Changes, ProviderContext
from providers.addressbooks.vcard import contacts_from_vcards
from providers.caldav import CalDavProvider
from providers.caldav_account import CalDavAccount

CALDAV = CalDavProvider.options  # the same sign-in and connection keys as a CalDAV calendar

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig
    from planner.store import Store

log = logging.getLogger("planner")

DAV, CARD, CS = "DAV:", "urn:ietf:params:xml:ns:carddav", "http://calendarserver.org/ns/"
NS = {"d": DAV, "c": CARD}
MULTIGET_BATCH = 100
_HREF_SAFE = "/:@!$&'()*+,;=-._~"
_DDL = """
DROP TABLE IF EXISTS carddav_cards;
CREATE TABLE carddav_cards (book TEXT NOT NULL, href TEXT NOT NULL, etag TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (book, href))
"""
_PRINCIPAL = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" '
    'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:current-user-principal/>'
    "<c:addressbook-home-set/><d:resourcetype/><d:displayname/></d:prop></d:propfind>"
)
_LIST = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
    "<d:resourcetype/><d:displayname/><d:getetag/><d:supported-report-set/></d:prop>"
    "</d:propfind>"
)
_SYNC = (
    '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">'
    "<d:sync-token>{token}</d:sync-token><d:sync-level>1</d:sync-level>"
    "<d:prop><d:getetag/></d:prop></d:sync-collection>"
)
_MULTIGET = (
    '<?xml version="1.0" encoding="utf-8"?><c:addressbook-multiget xmlns:d="DAV:" '
    'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><c:address-data/></d:prop>'
    "{hrefs}</c:addressbook-multiget>"
)


@dataclass(frozen=True, slots=True)
class _Book:
    href: str
    name: str
    can_sync: bool


class CardDavProvider(AddressBookProvider):
    """Address books on a CardDAV server.

    Options of an ``[[addressbooks]]`` entry with ``provider = "carddav"``:

    - ``url`` (required): the server, principal or address book URL, e.g.
      ``https://cloud.example.com/remote.php/dav`` (Nextcloud), ``https://contacts.icloud.com/``,
      ``https://carddav.fastmail.com/``, ``http://localhost:5232/`` (Radicale).
    - ``username``: the account name.
    - ``password_env`` (default ``PLANNER_CALDAV_PASSWORD``): the environment variable with
      the (app) password; else the keyring entry of service ``planner-caldav`` and the user.
    - ``addressbooks``: display names or URLs of the books to read (default: all).
    - ``timeout`` (default 30) and ``verify_tls`` (default true), as for CalDAV.
    """

    name: ClassVar[str] = "carddav"
    has_incremental_sync: ClassVar[bool] = True
    options: ClassVar[Mapping[str, Field]] = {
        **{k: CALDAV[k] for k in ("url", "username", "password", "password_env")},
        "addressbooks": Field("str_list", []),
        **{k: CALDAV[k] for k in ("timeout", "verify_tls")},
    }

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> list[str]:
        return CalDavProvider.check_options(options)

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        super().__init__(source, context)
        merged = {k: f.default for k, f in self.options.items()} | dict(source.options)
        self.opts: Mapping[str, Any] = merged
        self.url = str(merged["url"])
        self.account = CalDavAccount(
            source.name, self.url, str(merged["username"]), str(merged["password_env"])
        )
        self._client: Any = None
        self._ready = False

    # -- the contract ------------------------------------------------------------------------

    def changes(self, state: str = "") -> Changes:
        tokens = _tokens(state)
        books = self._books()
        changed = False
        kept = {b.href for b in books}
        for href in list(self._hrefs_by_book()):
            if href not in kept:  # a book no longer chosen or gone
                self._drop(href)
                changed = True
        new_tokens: dict[str, str] = {}
        for book in books:  # no state at all: every card is downloaded again
            token, touched = self._sync(book, tokens.get(book.href, ""), again=not state)
            new_tokens[book.href] = token
            changed = changed or touched
        state_now = json.dumps(new_tokens, sort_keys=True)
        if not changed and state and state_now == state:
            return Changes(complete=False, state=state_now)
        rows = self._cards()
        where = _("address book '{name}'", name=self.source.name)
        contacts = contacts_from_vcards(rows, where=where, warn=self.context.warn)
        return Changes(tuple(contacts), state=state_now)

    def close(self) -> None:
        if self._client is not None:
            close = getattr(self._client, "close", None)
            if close is not None:
                close()
            self._client = None

    # -- discovery -------------------------------------------------------------------------

    @property
    def client(self) -> Any:
        if self._client is None:
            import caldav

            password = self.account.password()
            if self.account.username and password is None:
                raise self.account.auth_error(missing=True)
            self._client = caldav.DAVClient(
                url=self.url,
                username=self.account.username or None,
                password=password,
                timeout=int(self.opts["timeout"]),
                ssl_verify_cert=bool(self.opts["verify_tls"]),
            )
        return self._client

    def _books(self) -> list[_Book]:
        """The chosen address books (all when the option ``addressbooks`` is empty)."""
        found = self._discover()
        wanted = [w.strip() for w in self.opts["addressbooks"] if w.strip()]
        if wanted:
            found = [b for b in found if any(_matches(b, w) for w in wanted)]
            if not found:
                raise ProviderError(
                    _(
                        "address book '{name}': none of {wanted} is on {url}",
                        name=self.source.name,
                        wanted=", ".join(wanted),
                        url=self.url,
                    ),
                    hint=_("check the option 'addressbooks' (names or URLs)"),
                )
        return found

    def _discover(self) -> list[_Book]:
        url = self.url
        props = self._propfind(url, _PRINCIPAL, 0)
        here = props.get(_path(url)) or next(iter(props.values()), {})
        if here.get("addressbook"):
            return [_Book(_path(url), here.get("name", ""), True)]
        home = here.get("home")
        if not home and (principal := here.get("principal")):
            home = (
                self._propfind(urljoin(url, principal), _PRINCIPAL, 0)
                .get(_path(urljoin(url, principal)), {})
                .get("home")
            )
        home = home or _path(url)
        listing = self._propfind(urljoin(url, home), _LIST, 1)
        return [
            _Book(href, values.get("name") or _last(href), bool(values.get("sync")))
            for href, values in sorted(listing.items())
            if values.get("addressbook")
        ]

    def _propfind(self, url: str, body: str, depth: int) -> dict[str, dict[str, Any]]:
        """href → what the answer says of it (see :func:`_props`)."""
        with self._errors(url):
            response = self.client.propfind(url, body, depth)
        if response.status >= 400 or response.tree is None:
            raise self._failed(url, response.status)
        return {
            _path(urljoin(url, _text(item.find("d:href", NS)))): _props(item)
            for item in response.tree.findall("d:response", NS)
        }

    # -- sync ------------------------------------------------------------------------------

    def _sync(self, book: _Book, token: str, *, again: bool = False) -> tuple[str, bool]:
        """Bring the raw copy of ``book`` up to date (``again``: download every card again,
        not only those whose ETag changed); (its new token, whether it changed)."""
        known = self._etags(book.href)
        listed: dict[str, str] | None = None
        gone: set[str] = set()
        new_token = ""
        if book.can_sync:
            answer = self._sync_report(book, token) if token else None
            if answer is None:
                answer = self._sync_report(book, "")
                if answer is not None:
                    listed, _gone, new_token = answer
                    gone = set(known) - set(listed)
            else:
                changed, gone, new_token = answer
                listed = {**known, **changed}
                listed = {h: e for h, e in listed.items() if h not in gone}
        if listed is None:  # no sync-collection: the listing's ETags tell what changed
            items = self._propfind(urljoin(self.url, book.href), _LIST, 1)
            listed = {
                h: v.get("etag", "")
                for h, v in items.items()
                if h.rstrip("/") != book.href.rstrip("/") and not v.get("collection")
            }
            gone = set(known) - set(listed)
        fetch = [h for h, etag in listed.items() if again or not etag or known.get(h) != etag]
        fetched = self._multiget(book.href, fetch)
        self._store_cards(book.href, fetched, gone & set(known))
        return new_token, bool(fetched or (gone & set(known)))

    def _sync_report(self, book: _Book, token: str) -> tuple[dict[str, str], set[str], str] | None:
        """(href → ETag of changed cards, removed hrefs, new token); None when the server
        refuses the token (or, without one, the report)."""
        from caldav.lib import error

        url = urljoin(self.url, book.href)
        try:
            with self._errors(url, passthrough=(error.AuthorizationError,)):
                response = self.client.report(url, _SYNC.format(token=_escape(token)), 0)
        except error.AuthorizationError as exc:
            if getattr(exc, "status", None) == 401 or not token:
                raise self.account.auth_error() from None
            log.info("%s: sync token refused (%s); reading the listing", url, exc)
            return None
        if response.status >= 400 or response.tree is None:
            log.info("%s: sync-collection answered %s", url, response.status)
            return None
        changed: dict[str, str] = {}
        removed: set[str] = set()
        for item in response.tree.findall("d:response", NS):
            href = _path(urljoin(url, _text(item.find("d:href", NS))))
            if href.rstrip("/") == book.href.rstrip("/"):
                continue
            status = _text(item.find("d:status", NS))
            if " 404 " in f" {status} ":
                removed.add(href)
            else:
                changed[href] = _text(item.find(".//d:getetag", NS))
        return changed, removed, _text(response.tree.find("d:sync-token", NS))

    def _multiget(self, book: str, hrefs: list[str]) -> list[tuple[str, str, str]]:
        """``(href, etag, vCard)`` of ``hrefs``, in batches."""
        url = urljoin(self.url, book)
        found = []
        for first in range(0, len(hrefs), MULTIGET_BATCH):
            batch = "".join(
                f"<d:href>{_escape(quote(h, safe=_HREF_SAFE))}</d:href>"
                for h in hrefs[first : first + MULTIGET_BATCH]
            )
            with self._errors(url):
                response = self.client.report(url, _MULTIGET.format(hrefs=batch), 1)
            if response.status >= 400 or response.tree is None:
                raise self._failed(url, response.status)
            for item in response.tree.findall("d:response", NS):
                data = _text(item.find(".//c:address-data", NS))
                if data:
                    href = _path(urljoin(url, _text(item.find("d:href", NS))))
                    found.append((href, _text(item.find(".//d:getetag", NS)), data))
        return found

    # -- the raw copy ------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        store = self.context.store
        if not self._ready:
            store.ensure("carddav", 1, _DDL)
            self._ready = True
        return store

    def _key(self, book: str) -> str:
        return f"{self.source.name}|{self.account.username}|{self.url}|{book}"

    def _etags(self, book: str) -> dict[str, str]:
        rows = self.store.conn.execute(
            "SELECT href, etag FROM carddav_cards WHERE book = ?", (self._key(book),)
        )
        return dict(rows.fetchall())

    def _store_cards(self, book: str, cards: list[tuple[str, str, str]], gone: set[str]) -> None:
        key = self._key(book)
        with self.store.conn as conn:
            conn.executemany(
                "DELETE FROM carddav_cards WHERE book = ? AND href = ?", [(key, h) for h in gone]
            )
            conn.executemany(
                "INSERT OR REPLACE INTO carddav_cards VALUES (?, ?, ?, ?)",
                [(key, href, etag, data) for href, etag, data in cards],
            )

    def _hrefs_by_book(self) -> list[str]:
        prefix = self._key("")
        rows = self.store.conn.execute(
            "SELECT DISTINCT book FROM carddav_cards WHERE substr(book, 1, ?) = ?",
            (len(prefix), prefix),
        )
        return [row[0][len(prefix) :] for row in rows]

    def _drop(self, book: str) -> None:
        with self.store.conn as conn:
            conn.execute("DELETE FROM carddav_cards WHERE book = ?", (self._key(book),))

    def _cards(self) -> list[tuple[str, str, str]]:
        prefix = self._key("")
        rows = self.store.conn.execute(
            "SELECT href, data FROM carddav_cards WHERE substr(book, 1, ?) = ? ORDER BY href",
            (len(prefix), prefix),
        )
        return [(href, data, href) for href, data in rows]  # a card is named by its URL

    # -- failures ----------------------------------------------------------------------------

    def _errors(self, where: str, passthrough: tuple[type[BaseException], ...] = ()) -> Any:
        return self.account.errors(where, passthrough)

    def _failed(self, url: str, status: int) -> ProviderError:
        return ProviderError(
            _(
                "address book '{name}': the CardDAV server answered HTTP {status} for {url}",
                name=self.source.name,
                status=status,
                url=url,
            ),
            hint=_("check the 'url' option of address book '{name}'", name=self.source.name),
        )


def _props(item: Any) -> dict[str, Any]:
    """What one ``response`` element says: addressbook, collection, name, etag, principal,
    home, sync (only the ``200 OK`` propstats count)."""
    found: dict[str, Any] = {}
    for propstat in item.findall("d:propstat", NS):
        if " 200 " not in f" {_text(propstat.find('d:status', NS))} ":
            continue
        prop = propstat.find("d:prop", NS)
        if prop is None:
            continue
        kinds = prop.find("d:resourcetype", NS)
        if kinds is not None:
            found["addressbook"] = kinds.find("c:addressbook", NS) is not None
            found["collection"] = kinds.find("d:collection", NS) is not None
        found["name"] = _text(prop.find("d:displayname", NS))
        found["etag"] = _text(prop.find("d:getetag", NS))
        found["principal"] = _text(prop.find("d:current-user-principal/d:href", NS))
        found["home"] = _text(prop.find("c:addressbook-home-set/d:href", NS))
        reports = prop.find("d:supported-report-set", NS)
        found["sync"] = reports is not None and reports.find(".//d:sync-collection", NS) is not None
    return {k: v for k, v in found.items() if v not in ("", None)}


def _text(element: Any) -> str:
    return (element.text or "").strip() if element is not None else ""


def _path(url: str) -> str:
    """The path of an href or URL, %-escapes decoded (servers differ in what they escape)."""
    return unquote(urlsplit(url).path) or "/"


def _last(href: str) -> str:
    return href.rstrip("/").rpartition("/")[2]


def _matches(book: _Book, wanted: str) -> bool:
    return wanted.casefold() in (book.name.casefold(), _last(book.href).casefold()) or (
        "/" in wanted and _path(wanted).rstrip("/") == book.href.rstrip("/")
    )


def _tokens(state: str) -> dict[str, str]:
    try:
        found = json.loads(state) if state else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)
