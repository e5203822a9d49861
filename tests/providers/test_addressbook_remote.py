"""The address-book contract over the remote books: CardDAV against a real Radicale, Google
contacts against the People API fake and Outlook contacts against the Graph fake, each through
its real client library on loopback."""

from __future__ import annotations

import itertools
from zoneinfo import ZoneInfo

import pytest

from planner.config.schema import SourceConfig
from planner.errors import AuthError, ProviderError
from planner.store import Store
from providers.addressbooks.base import ProviderContext, create
from tests.providers.addressbook_contract import AddressBookContract, seed
from tests.providers.radicale_server import (
    PASSWORD_ENV,
    delete_card,
    make_addressbook,
    put_card,
    radicale_server,
)
from tests.providers.vcards import vcard

TZ = ZoneInfo("Europe/Berlin")
_ids = itertools.count()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    with radicale_server(tmp_path_factory.mktemp("radicale-cards")) as server:
        yield server


class _DavBook:
    def __init__(self, server, store, version: str = "3.0") -> None:
        self.server, self.store, self.version = server, store, version
        self.url = make_addressbook(server, "Kontakte", f"book{next(_ids)}")
        for contact in seed():
            self.put(contact)
        self.stale = False

    def provider(self, **options):
        source = SourceConfig(
            "dav",
            "carddav",
            {
                "url": self.url,
                "username": self.server.username,
                "password_env": PASSWORD_ENV,
                **options,
            },
        )
        return create(source, ProviderContext(tz=TZ, store_factory=lambda: self.store))

    def put(self, contact):
        put_card(self.server, self.url, f"{contact.id}.vcf", vcard(contact, self.version))

    def remove(self, contact_id):
        delete_card(self.server, self.url, f"{contact_id}.vcf")

    def expire(self, state):
        import json

        # a token the server no longer knows (as after a restore of the server)
        tokens = {href: "http://radicale.org/ns/sync/" + "0" * 64 for href in json.loads(state)}
        return json.dumps(tokens)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    yield store
    store.close()


@pytest.mark.slow
class TestCardDav(AddressBookContract):
    @pytest.fixture
    def book(self, radicale, store, monkeypatch):
        monkeypatch.setenv(PASSWORD_ENV, radicale.password)
        return _DavBook(radicale, store)


@pytest.mark.slow
class TestCardDavVCard4(TestCardDav):
    @pytest.fixture
    def book(self, radicale, store, monkeypatch):
        monkeypatch.setenv(PASSWORD_ENV, radicale.password)
        return _DavBook(radicale, store, "4.0")


@pytest.mark.slow
def test_carddav_finds_the_books_from_the_server_url(radicale, store, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    book = _DavBook(radicale, store)
    name = book.url.rstrip("/").rpartition("/")[2]
    provider = create(
        SourceConfig(
            "dav",
            "carddav",
            {
                "url": radicale.url,
                "username": radicale.username,
                "password_env": PASSWORD_ENV,
                "addressbooks": [name],
            },
        ),
        ProviderContext(tz=TZ, store_factory=lambda: store),
    )
    assert {c.name for c in provider.changes("").contacts} == {c.name for c in seed()}


@pytest.mark.slow
def test_carddav_downloads_only_changed_cards(radicale, store, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    book = _DavBook(radicale, store)
    first = book.provider().changes("")
    client = radicale.client()
    reports = []
    original = type(client).report

    def counting(self, url, query="", depth=0):
        reports.append(query)
        return original(self, url, query, depth)

    monkeypatch.setattr(type(client), "report", counting)
    from dataclasses import replace

    book.put(replace(seed()[0], organisation="Hafenlogistik AG"))  # one card changed
    book.put(seed()[1])  # one written again unchanged: same ETag, not downloaded
    later = book.provider().changes(first.state)
    assert "Hafenlogistik AG" in {c.organisation for c in later.contacts}
    multiget = [q for q in reports if "addressbook-multiget" in q]
    assert len(multiget) == 1 and multiget[0].count("<d:href>") == 1


@pytest.mark.slow
def test_carddav_refused_sign_in_is_one_clear_error(radicale, store, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    source = SourceConfig(
        "dav",
        "carddav",
        {"url": radicale.url, "username": radicale.username, "password_env": PASSWORD_ENV},
    )
    with pytest.raises(AuthError, match="refused the sign-in"):
        create(source, ProviderContext(tz=TZ, store_factory=lambda: store)).changes("")


def test_carddav_unreachable_server_is_a_provider_error(store):
    from tests.providers.radicale_server import free_port

    source = SourceConfig(
        "dav", "carddav", {"url": f"http://127.0.0.1:{free_port()}/", "timeout": 2}
    )
    with pytest.raises(ProviderError, match="cannot reach"):
        create(source, ProviderContext(tz=TZ, store_factory=lambda: store)).changes("")


# -- Google contacts ---------------------------------------------------------------------------


class _GoogleBook:
    def __init__(self, fake) -> None:
        self.fake = fake
        fake.page_size = 2  # paging is part of the contract
        for contact in seed():
            fake.put(contact)
        fake.write_token_for("contacts")

    def provider(self):
        source = SourceConfig("contacts", "google", {"api_url": self.fake.url})
        provider = create(source, ProviderContext(tz=TZ))
        provider.client.sleep = lambda seconds: None
        return provider

    def put(self, contact):
        self.fake.put(contact)

    def remove(self, contact_id):
        self.fake.remove(contact_id)

    def expire(self, state):
        self.fake.expire()
        return state


@pytest.fixture
def people_fake():
    from tests.fakes.google_people import FakePeople

    with FakePeople() as fake:
        yield fake


class TestGoogleContacts(AddressBookContract):
    @pytest.fixture
    def book(self, people_fake):
        return _GoogleBook(people_fake)


def test_google_sync_sends_the_sync_token_and_pages(people_fake):
    book = _GoogleBook(people_fake)
    first = book.provider().changes("")
    assert people_fake.count("/connections") == 2  # three people, two a page
    book.put(seed()[0])
    book.provider().changes(first.state)
    last = [r for r in people_fake.requests if r.path.endswith("/connections")][-1]
    assert last.query["syncToken"] == [first.state]
    assert "memberships" in last.query["personFields"][0]


def test_google_system_groups_say_nothing(people_fake):
    book = _GoogleBook(people_fake)
    groups = {g for c in book.provider().changes("").contacts for g in c.groups}
    assert groups == {"Kunden", "Investoren"}  # no "My Contacts"


def test_google_without_sign_in_names_the_command(people_fake):
    source = SourceConfig("other", "google", {"api_url": people_fake.url})
    with pytest.raises(AuthError, match="Google address book 'other'.*planner auth google"):
        create(source, ProviderContext(tz=TZ)).changes("")


def test_google_server_errors_are_retried_then_reported(people_fake):
    book = _GoogleBook(people_fake)
    people_fake.faults += [("/connections", 503)] * 5
    with pytest.raises(ProviderError, match="503"):
        book.provider().changes("")


# -- Outlook contacts --------------------------------------------------------------------------


class _GraphBook:
    def __init__(self, server, folder: str = "") -> None:
        from providers.addressbooks.outlook import OutlookContactsProvider

        self.server, self.folder = server, folder
        self.options = {
            k: v
            for k, v in server.source_options().items()
            if k in ("client_id", "tenant", "graph_url", "authority", "http_client", "sleep")
        }
        if folder:
            self.options["folders"] = ["Kunden"]
        for contact in seed():
            self.put(contact)
        OutlookContactsProvider.sign_in(
            SourceConfig("outlook-contacts", "outlook", self.options),
            ProviderContext(tz=TZ),
            prompt=lambda text: None,
        )

    def provider(self):
        source = SourceConfig("outlook-contacts", "outlook", self.options)
        return create(source, ProviderContext(tz=TZ))

    def put(self, contact):
        self.server.put_contact(contact, self.folder)

    def remove(self, contact_id):
        self.server.remove_contact(contact_id)

    def expire(self, state):
        self.server.expire_contact_links()
        return state


class TestOutlookContacts(AddressBookContract):
    @pytest.fixture
    def book(self, graph):
        return _GraphBook(graph)


class TestOutlookContactFolder(AddressBookContract):
    @pytest.fixture
    def book(self, graph):
        folder = graph.add_contact_folder("Kunden")
        return _GraphBook(graph, folder)


def test_outlook_asks_for_contacts_only_and_keeps_its_own_token(graph, tmp_path):
    from planner.paths import data_dir
    from providers.token_files import file_name

    _GraphBook(graph)
    device = [r for r in graph.log if r.path.endswith("/devicecode")][-1]
    assert "Contacts.Read" in device.body["scope"] and "Calendars" not in device.body["scope"]
    assert (data_dir() / "tokens" / file_name("outlook-contacts", "outlook-contacts")).exists()
    assert not (data_dir() / "tokens" / file_name("outlook", "outlook-contacts")).exists()


def test_outlook_delta_follows_next_links_and_selects_fields(graph):
    book = _GraphBook(graph)
    graph.contact_page_size = 1
    book.provider().changes("")
    deltas = graph.requests_to("/contacts/delta")
    assert len(deltas) == 3  # three contacts, one a page
    assert "emailAddresses" in deltas[0].query["$select"][0]


def test_outlook_without_sign_in_names_the_address_book(graph):
    keys = ("client_id", "tenant", "graph_url", "authority", "http_client")
    options = {k: v for k, v in graph.source_options().items() if k in keys}
    source = SourceConfig("never-signed-in", "outlook", options)
    with pytest.raises(AuthError, match="address book 'never-signed-in'"):
        create(source, ProviderContext(tz=TZ)).changes("")


def test_google_an_address_typed_as_one_text_is_a_place(people_fake):
    """Google keeps an address typed in one field only as ``formattedValue``: its lines are
    the street, and the town in it places the person."""
    from planner.meet.geo import locate_offline
    from planner.people.books import entry_of

    book = _GoogleBook(people_fake)
    contact = seed()[0]
    resource = people_fake.by_id[contact.id]
    people_fake.people[resource]["addresses"] = [
        {"type": "home", "formattedValue": "Am Kai 3\n23552 Lübeck\nDeutschland"}
    ]
    found = next(c for c in book.provider().changes("").contacts if c.emails == contact.emails)
    assert found.addresses[0].street == "Am Kai 3, 23552 Lübeck, Deutschland"
    (place,) = entry_of(found, "contacts").places
    assert locate_offline(place).city == "Lübeck"


@pytest.mark.slow
def test_carddav_refresh_downloads_every_card_again(radicale, store, monkeypatch):
    """``planner people --refresh`` on a CardDAV book (defect: it asked only the sync token,
    which said nothing changed, so a copy gone wrong stayed wrong): every card is downloaded
    and read again, and the copy is the server's."""
    from dataclasses import replace as replaced
    from datetime import datetime

    from planner.config import default_config
    from planner.people.books import AddressBooks

    monkeypatch.setenv(PASSWORD_ENV, radicale.password)
    book = _DavBook(radicale, store)
    source = book.provider().source
    config = replaced(default_config(), addressbooks=(source,))
    now = datetime(2026, 11, 30, 8, tzinfo=TZ)
    AddressBooks(config, store, now=now).read()
    with store.conn as conn:  # a copy an earlier, wrong reading left, raw and read
        conn.execute("UPDATE carddav_cards SET data = replace(data, 'Lena', 'Xena')")
        conn.execute("UPDATE addressbook_contacts SET data = replace(data, 'Lena', 'Xena')")
    names = {c.name for _b, c in AddressBooks(config, store, now=now).read().contacts()}
    assert "Xena Hansen" in names  # not due, nothing changed on the server: the copy
    names = {c.name for _b, c in AddressBooks(config, store, now=now).read(refresh=True).contacts()}
    assert names == {c.name for c in seed()}
    raw = store.conn.execute("SELECT data FROM carddav_cards").fetchall()
    assert len(raw) == 3 and not any("Xena" in row[0] for row in raw)
