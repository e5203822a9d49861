"""Microsoft Graph on the wire: a small REST client (bearer token, paging, bounded retries,
clear errors). The conversion of Graph's event JSON lives in :mod:`providers.graph_events`.

Only requests that are safe to repeat are repeated (``retry=True``): GETs, reads sent as POST
(``getSchedule``) and creations that carry a ``transactionId``. 429 and 503 wait as long as
``Retry-After`` says; other 5xx answers and broken connections back off exponentially. The sleep
function is injectable so tests never wait.

``requests`` is imported when the first request is sent, never at module import time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from planner.errors import AuthError, ProviderError
from planner.i18n import _
from planner.online.failure import describe

log = logging.getLogger("planner")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 5
MAX_WAIT = 120.0  # seconds; a longer Retry-After is cut to this
TIMEOUT = 30.0


class GraphError(ProviderError):
    """Graph refused a request. ``status`` is the HTTP status, ``code`` Graph's error code."""

    def __init__(self, message: str, *, status: int, code: str, hint: str = "") -> None:
        self.status = status
        self.code = code
        super().__init__(message, hint=hint)


@dataclass
class GraphClient:
    """Sends requests to one Graph base URL for one calendar source.

    ``token`` returns a current access token (it may refresh it); ``refresh`` gets a new one
    even when that has not expired, tried once when Graph refuses a token (401) before the
    refusal counts; ``where`` names the calendar in every error message.
    """

    base_url: str
    token: Callable[[], str]
    where: str
    sleep: Callable[[float], None] = time.sleep
    timezone: str = "UTC"
    label: str = ""  # how messages name the source; default "calendar '<where>'"
    refresh: Callable[[], str] | None = None
    _session: Any = field(default=None, init=False, repr=False)

    def url(self, path: str) -> str:
        return path if "://" in path else f"{self.base_url.rstrip('/')}/{path.lstrip('/')}"

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        return self.request("GET", path, params=params, retry=True)

    def pages(self, path: str, params: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every page of a collection, following ``@odata.nextLink`` (which carries the query)."""
        page = self.get(path, params)
        yield page
        while next_link := page.get("@odata.nextLink"):
            page = self.get(next_link)
            yield page

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        retry: bool,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Send one request (with ``headers`` besides the usual ones, e.g. ``If-Match``);
        repeat it on throttling and server errors only when ``retry``."""
        url = self.url(path)
        attempts = MAX_ATTEMPTS if retry else 1
        token = None  # the current one; a new one after Graph refused it
        for attempt in range(1, attempts + 1):
            response = self._send(method, url, params, json, token, headers, attempt == attempts)
            if response is None:
                self.sleep(_backoff(attempt))
                continue
            if response.status_code == 401 and token is None and self.refresh is not None:
                log.debug("Graph %s %s: 401, asking for a new token", method, url)
                token = self.refresh()  # refused by the sign-in service too: AuthError
                response = self._send(
                    method, url, params, json, token, headers, attempt == attempts
                )
                if response is None:
                    self.sleep(_backoff(attempt))
                    continue
            if response.status_code in RETRY_STATUSES and attempt < attempts:
                wait = _retry_after(response.headers.get("Retry-After"), attempt)
                log.debug("Graph %s %s: %s, waiting %.1fs", method, url, response.status_code, wait)
                self.sleep(wait)
                continue
            return self._result(response)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        body: Any,
        token: str | None,
        extra: Mapping[str, str] | None,
        last: bool,
    ) -> Any:
        """The response, or None after a connection problem that may be retried."""
        import requests

        try:
            return self.session.request(
                method,
                url,
                params=params,
                json=body,
                headers=self._headers(token) | dict(extra or {}),
                timeout=TIMEOUT,
            )
        except requests.RequestException as exc:
            if last:
                raise ProviderError(
                    _(
                        "{where}: cannot reach {host}: {error}",
                        where=self._label(),
                        host=urlsplit(url).netloc,
                        error=describe(exc).explained(),
                    ),
                    hint=_("check the network connection and the option 'graph_url'"),
                ) from None
            return None

    @property
    def session(self) -> Any:
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def _headers(self, token: str | None = None) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {token or self.token()}",
            "Accept": "application/json",
            "Prefer": f'outlook.timezone="{self.timezone}"',
        }

    def _result(self, response: Any) -> dict[str, Any]:
        if response.status_code < 400:
            if response.status_code == 204 or not response.content:
                return {}
            return response.json()
        raise self._error(response)

    def _error(self, response: Any) -> GraphError:
        code, message = _error_fields(response)
        status = response.status_code
        text = _(
            "{where}: Microsoft Graph answered {status} {code}: {message}",
            where=self._label(),
            status=status,
            code=code,
            message=message,
        )
        if status == 401:
            return _AuthGraphError(
                text, status=status, code=code, hint=_("run 'planner auth outlook' again")
            )
        return GraphError(text, status=status, code=code, hint=_hint_for(status))

    def _label(self) -> str:
        return self.label or _("calendar '{name}'", name=self.where)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


class _AuthGraphError(GraphError, AuthError):
    """A 401 from Graph: the token was refused."""


def _error_fields(response: Any) -> tuple[str, str]:
    try:
        data = response.json()
    except ValueError:
        data = {}
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        error = {}
    code = str(error.get("code") or response.reason or "Error")
    message = " ".join(str(error.get("message") or "").split()) or _("no details")
    return code, message[:300]


def _hint_for(status: int) -> str:
    if status == 403:
        return _("the account lacks permission; check the option 'write' and sign in again")
    if status == 404:
        return _("check the option 'calendars'")
    if status in RETRY_STATUSES:
        return _("the service is busy; try again in a few minutes")
    return ""


def _backoff(attempt: int) -> float:
    return float(min(MAX_WAIT, 2 ** (attempt - 1)))


def _retry_after(value: str | None, attempt: int) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date), else backoff."""
    if value:
        try:
            return min(MAX_WAIT, max(0.0, float(value)))
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return _backoff(attempt)
            return min(MAX_WAIT, max(0.0, (when - datetime.now(UTC)).total_seconds()))
    return _backoff(attempt)
