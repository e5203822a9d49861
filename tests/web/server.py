"""``planner serve``'s application in a real uvicorn on 127.0.0.1, and a plain HTTP client.

The app is built exactly as ``planner serve`` builds it (:func:`planner.web.app.create_app`),
with clocks a test may move forward.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode, urlsplit

from planner.config import Config


@dataclass
class Clock:
    """The server's "now": real time plus ``ahead``."""

    ahead: float = 0.0

    def seconds(self) -> float:
        return time.time() + self.ahead

    def now(self) -> datetime:
        from datetime import UTC

        return datetime.fromtimestamp(self.seconds(), UTC)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


@contextlib.contextmanager
def running(config: Config, clock: Clock | None = None) -> Iterator[Clock]:
    """The app of ``config`` served on the port of its ``[serve] base_url``."""
    import uvicorn

    from planner.web.app import ServeSettings, create_app

    clock = clock or Clock()
    app = create_app(ServeSettings(config, now=clock.now, seconds=clock.seconds))
    port = urlsplit(config["serve"]["base_url"]).port
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield clock
    finally:
        server.should_exit = True
        thread.join(10)


def request(
    url: str,
    method: str = "GET",
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    body = urlencode(form).encode() if form is not None else None
    sent = dict(headers or {})
    if body is not None:
        sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
    try:
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""),
                           body=body, headers=sent)  # fmt: skip
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        connection.close()


def form_code(page: str) -> str:
    found = re.search(r'name="form" value="([^"]+)"', page)
    assert found, page[:500]
    return found.group(1)


def accept(link: str, number: int, page: str, origin: str | None = "same") -> Reply:
    """Post "choose option ``number``" as the page's own form would."""
    headers = {}
    if origin == "same":
        parts = urlsplit(link)
        headers["Origin"] = f"{parts.scheme}://{parts.netloc}"
    elif origin is not None:
        headers["Origin"] = origin
    return request(f"{link}/accept", "POST", {"option": str(number), "form": form_code(page)},
                   headers)  # fmt: skip
