"""What keeps the served offer pages safe besides their signed links: strict response headers on
every answer, the origin check of every change, and rate limits per link and per client, kept
in the state database (so they hold across restarts and workers).

Referrer policy: ``same-origin``, not ``no-referrer``. No referrer leaves the site either way
(the map links also carry ``rel="noreferrer"``), but with ``no-referrer`` browsers send
``Origin: null`` with the page's own forms, which would make the origin check useless.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from planner.store import Store

ROBOTS = "User-agent: *\nDisallow: /\n"
TABLE, VERSION = "serve_hits", 1
DDL = """
DROP TABLE IF EXISTS serve_hits;
CREATE TABLE serve_hits (
    key TEXT NOT NULL,
    window INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window)
)
"""
BAD_LINKS_PER_HOUR = 20  # wrong or dead links one client may try before it is turned away


def security_headers(style_source: str, https: bool) -> dict[str, str]:
    """The headers of every response (see the module for the referrer policy)."""
    policy = "; ".join(
        (
            "default-src 'none'",
            f"style-src {style_source}",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )
    headers = {
        "content-security-policy": policy,
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "same-origin",
        "x-robots-tag": "noindex, nofollow, noarchive",
        "cache-control": "no-store",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }
    if https:
        headers["strict-transport-security"] = "max-age=31536000"
    return headers


class HeadersMiddleware:
    """An ASGI middleware that sets :func:`security_headers` on every HTTP response."""

    def __init__(self, app: Any, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        names = {name for name, _value in self.headers}

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_origin(headers: Mapping[str, str], expected: str) -> bool:
    """Whether a change request comes from the page itself: its ``Origin`` (which browsers
    send with every POST) is the base URL's, and ``Sec-Fetch-Site``, where sent, says
    same-origin. A client that sends neither is no browser, hence no CSRF victim; it still
    needs the page's form code."""
    origin = headers.get("origin")
    if origin is not None and origin.strip().lower() != expected:
        return False
    site = headers.get("sec-fetch-site")
    return site is None or site in ("same-origin", "none")


@dataclass
class Limits:
    """Requests allowed per client address a minute and per offer link an hour."""

    per_client_minute: int
    per_link_hour: int


class Limiter:
    """Fixed-window counters in the state database; ``clock`` in seconds."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        store.ensure(TABLE, VERSION, DDL)

    def hit(self, key: str, limit: int, window: int) -> int:
        """Count one request for ``key``; 0 when it is allowed, else the seconds to wait."""
        now = int(self.clock())
        start = now - now % window
        hashed = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]  # no address is kept
        try:
            with self.store.conn as conn:
                conn.execute("DELETE FROM serve_hits WHERE window < ?", (now - 2 * 86400,))
                row = conn.execute(
                    "INSERT INTO serve_hits VALUES (?, ?, 1) ON CONFLICT (key, window) "
                    "DO UPDATE SET count = count + 1 RETURNING count",
                    (hashed, start),
                ).fetchone()
        except sqlite3.DatabaseError:
            return 0  # a state database that cannot count does not lock everyone out
        count = int(row[0]) if row else 1
        return 0 if count <= limit else max(1, start + window - now)
