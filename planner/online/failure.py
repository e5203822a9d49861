"""What kind of network failure an exception is: offline, busy or an error answer.

- ``offline``: no connection could be made: connection refused, no route, the name does not
  resolve, or the connection was not accepted in time. The network is down or the server is.
- ``busy``: a connection was made, but the server said it is overloaded (HTTP 429, 502, 503,
  504) or did not answer in time.
- ``error``: the server answered with another error or with something that is no answer.

Client libraries wrap the socket error in one or more exceptions (urllib's ``URLError``,
requests' ``ConnectionError`` and urllib3's ``MaxRetryError``, geopy's ``GeocoderUnavailable``):
:func:`describe` looks through the chain (``__cause__``, ``__context__``, ``reason``, ``args``).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass

from planner.i18n import _

OFFLINE, BUSY, ERROR = "offline", "busy", "error"
BUSY_STATUS = frozenset({429, 502, 503, 504})
_UNREACHABLE = frozenset(
    {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN, errno.ECONNRESET}
)
_CONNECT_TIMEOUTS = ("ConnectTimeout", "ConnectTimeoutError")
_READ_TIMEOUTS = ("ReadTimeout", "ReadTimeoutError")


@dataclass(frozen=True, slots=True)
class Failure:
    """A network failure: its kind (``offline``, ``busy``, ``error``) and a short detail."""

    kind: str
    detail: str

    @property
    def offline(self) -> bool:
        return self.kind == OFFLINE

    def explained(self) -> str:
        """The detail with what it means: "connection refused: offline, or the server is
        down" / "HTTP 503: the server is busy" / "HTTP 404: the server answered with an error"."""
        if self.kind == OFFLINE:
            return _("{detail}: offline, or the server is down", detail=self.detail)
        if self.kind == BUSY:
            return _("{detail}: the server is reachable but busy", detail=self.detail)
        return _("{detail}: the server answered with an error", detail=self.detail)


def describe(exc: BaseException, *, timeout: float | None = None) -> Failure:
    """The kind of failure ``exc`` stands for (see the module)."""
    chain = list(_chain(exc))
    for item in chain:
        status = _status(item)
        if status is not None:
            kind = BUSY if status in BUSY_STATUS else ERROR
            reason = getattr(item, "reason", "")
            return Failure(
                kind,
                f"HTTP {status} {reason}".strip() if isinstance(reason, str) else f"HTTP {status}",
            )
    import socket  # only where something failed: 3 ms of every run otherwise

    names = {type(item).__name__ for item in chain}
    for item in chain:
        if isinstance(item, ConnectionRefusedError):
            return Failure(OFFLINE, _("connection refused"))
        if isinstance(item, socket.gaierror):
            return Failure(OFFLINE, _("the server's name does not resolve"))
        if isinstance(item, OSError) and item.errno in _UNREACHABLE:
            return Failure(OFFLINE, _("no route to the server"))
    waited = _("within {s} s", s=_seconds(timeout)) if timeout else _("in time")
    if names & set(_CONNECT_TIMEOUTS) or any(_connect_timeout(i) for i in chain):
        return Failure(OFFLINE, _("no connection {waited}", waited=waited))
    if names & {*_READ_TIMEOUTS, "GeocoderTimedOut"} or any(
        isinstance(i, TimeoutError) for i in chain
    ):
        return Failure(BUSY, _("did not answer {waited}", waited=waited))
    if any(isinstance(i, ConnectionError | OSError) for i in chain):
        return Failure(OFFLINE, _("no connection ({error})", error=_first_words(chain)))
    return Failure(ERROR, _first_words(chain))


def _connect_timeout(exc: BaseException) -> bool:
    """urllib wraps a timeout while connecting (and sending) in ``URLError``; a timeout while
    waiting for the answer comes bare."""
    return type(exc).__name__ == "URLError" and isinstance(
        getattr(exc, "reason", None), TimeoutError
    )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 32:
        item = todo.pop(0)
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        for linked in (item.__cause__, item.__context__, getattr(item, "reason", None)):
            if isinstance(linked, BaseException):
                todo.append(linked)
        todo += [a for a in getattr(item, "args", ()) if isinstance(a, BaseException)]


def _status(exc: BaseException) -> int | None:
    for name in ("status_code", "code", "status"):
        value = getattr(exc, name, None)
        if isinstance(value, int) and 400 <= value <= 599:
            return value
    return None


def _seconds(value: float) -> str:
    return f"{value:g}"


def _first_words(chain: list[BaseException]) -> str:
    for item in chain:
        text = str(item).strip()
        if text:
            return text.splitlines()[0][:160]
    return type(chain[0]).__name__
