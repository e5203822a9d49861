"""A real Radicale CalDAV server on loopback for tests (not a fake: ``python -m radicale``).

Use :func:`radicale_server` as a context manager (or the pytest fixtures in the test modules
that wrap it, scoped per module so the suite stays fast)::

    with radicale_server(tmp_dir) as server:
        calendar = server.make_calendar("Work")
        calendar.add_event(ics_text)
        options = server.provider_options()  # url, username, password_env, server
        config_text = server.toml_entry("nextcloud", calendars=["Work"])  # for config.toml
        monkeypatch.setenv(server.password_env, server.password)

The server uses plain htpasswd authentication and ``owner_only`` rights; each user has the
password given in ``users``. The password reaches the provider through the environment variable
named by :attr:`RadicaleServer.password_env`, which callers set with ``monkeypatch.setenv``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

USER = "alice"
PASSWORD = "wonderland-app-password"
PASSWORD_ENV = "PLANNER_TEST_CALDAV_PASSWORD"

_CONFIG = """\
[server]
hosts = 127.0.0.1:{port}
delay_on_error = 0.01

[auth]
type = htpasswd
htpasswd_filename = {htpasswd}
htpasswd_encryption = plain
delay = 0.01

[storage]
filesystem_folder = {folder}
# a sync token stays valid by the age of its file: not dropped when the tests' clock is moved
# ahead of the file system's (libfaketime) by more than the default 30 days
max_sync_token_age = 315360000

[rights]
type = owner_only

[web]
type = none

[logging]
level = warning
"""


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RadicaleServer:
    """A running Radicale: its base URL, one user and helpers to fill it through caldav."""

    url: str
    root: Path
    process: subprocess.Popen[bytes]
    users: dict[str, str] = field(default_factory=dict)
    username: str = USER
    password_env: str = PASSWORD_ENV
    _principal: Any = field(default=None, repr=False)

    @property
    def password(self) -> str:
        return self.users[self.username]

    def client(self, username: str | None = None, password: str | None = None) -> Any:
        """A ``caldav.DAVClient`` signed in as ``username`` (default: the main user)."""
        import caldav

        user = username or self.username
        return caldav.DAVClient(
            url=self.url, username=user, password=password or self.users[user], timeout=10
        )

    def principal(self) -> Any:
        """The main user's caldav Principal (discovered once)."""
        if self._principal is None:
            self._principal = self.client().principal()
        return self._principal

    def make_calendar(self, name: str, *, cal_id: str | None = None) -> Any:
        """Create a calendar collection for the main user and return the caldav Calendar."""
        return self.principal().make_calendar(name=name, cal_id=cal_id)

    def put(self, calendar: Any, name: str, ics: str | bytes) -> None:
        """Store one calendar object as ``name`` in ``calendar`` with a plain PUT."""
        body = ics.decode("utf-8") if isinstance(ics, bytes) else ics
        response = self.principal().client.put(
            str(calendar.url.join(name)), body, {"Content-Type": "text/calendar; charset=utf-8"}
        )
        if response.status not in (201, 204):
            raise RuntimeError(f"radicale refused {name}: HTTP {response.status}")

    def provider_options(self, **extra: Any) -> dict[str, Any]:
        """Options for a ``[[calendars]]`` entry of provider ``caldav`` pointing here."""
        options: dict[str, Any] = {
            "url": self.url,
            "username": self.username,
            "password_env": self.password_env,
            "server": "radicale",
        }
        options.update(extra)
        return options

    def toml_entry(self, name: str, **extra: Any) -> str:
        """A ``[[calendars]]`` table for config.toml pointing here (set the password env too)."""
        lines = ["[[calendars]]", f"name = {_toml(name)}", 'provider = "caldav"']
        lines += [
            f"{key} = {_toml(value)}" for key, value in self.provider_options(**extra).items()
        ]
        return "\n".join(lines) + "\n"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start(
    root: Path, users: dict[str, str] | None = None, *, timeout: float = 20.0
) -> RadicaleServer:
    """Start Radicale with its config, htpasswd file and storage under ``root``."""
    users = users or {USER: PASSWORD}
    root.mkdir(parents=True, exist_ok=True)
    htpasswd = root / "htpasswd"
    htpasswd.write_text("".join(f"{u}:{p}\n" for u, p in users.items()), encoding="utf-8")
    port = free_port()
    config = root / "radicale.conf"
    config.write_text(
        _CONFIG.format(port=port, htpasswd=htpasswd, folder=root / "collections"),
        encoding="utf-8",
    )
    log = (root / "radicale.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "RADICALE_CONFIG": str(config)},
    )
    log.close()
    server = RadicaleServer(f"http://127.0.0.1:{port}/", root, process, dict(users))
    try:
        _wait_until_up(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_up(server: RadicaleServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            output = (server.root / "radicale.log").read_text(errors="replace")
            raise RuntimeError(f"radicale exited with {server.process.returncode}: {output}")
        try:
            with urllib.request.urlopen(server.url + ".well-known/caldav", timeout=1):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer (401, 404, 30x) means it is serving
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"radicale did not answer on {server.url} within {timeout} s")


@contextlib.contextmanager
def radicale_server(root: Path, users: dict[str, str] | None = None) -> Iterator[RadicaleServer]:
    """Run Radicale for the duration of a ``with`` block."""
    server = start(root, users)
    try:
        yield server
    finally:
        server.stop()


def make_addressbook(server: RadicaleServer, name: str, book_id: str) -> str:
    """Create an address book collection (extended MKCOL, RFC 5689) for the main user; its
    URL."""
    url = f"{server.url}{server.username}/{book_id}/"
    body = (
        '<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" '
        'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype>'
        "<d:collection/><c:addressbook/></d:resourcetype>"
        f"<d:displayname>{name}</d:displayname></d:prop></d:set></d:mkcol>"
    )
    response = server.client().request(url, "MKCOL", body, {"Content-Type": "application/xml"})
    if response.status not in (200, 201):
        raise RuntimeError(f"radicale refused the address book {name}: HTTP {response.status}")
    return url


def put_card(server: RadicaleServer, book_url: str, name: str, vcard: str) -> None:
    """Store one vCard as ``name`` in the address book at ``book_url`` (a plain PUT)."""
    response = server.client().put(
        book_url + name, vcard, {"Content-Type": "text/vcard; charset=utf-8"}
    )
    if response.status not in (201, 204):
        raise RuntimeError(f"radicale refused {name}: HTTP {response.status}")


def delete_card(server: RadicaleServer, book_url: str, name: str) -> None:
    response = server.client().delete(book_url + name)
    if response.status not in (200, 204):
        raise RuntimeError(f"radicale did not delete {name}: HTTP {response.status}")
