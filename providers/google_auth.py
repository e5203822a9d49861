"""Talking to Google: the token file and its refresh, and the Calendar API client with retries
and one-line errors (the sign-in flow is :mod:`providers.google_signin`).

Tokens live in ``<data dir>/tokens/`` (:mod:`providers.token_files`) with mode 0600. The Google
libraries are imported inside the functions, never at module import time.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from planner import paths
from planner.errors import AuthError, ProviderError
from planner.i18n import _
from planner.online.failure import describe

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

    from planner.config.schema import SourceConfig
    from providers.base import ProviderContext, SignInState

SCOPE_READ = "https://www.googleapis.com/auth/calendar.readonly"
SCOPE_WRITE = "https://www.googleapis.com/auth/calendar.events"
SCOPE_CONTACTS = "https://www.googleapis.com/auth/contacts.readonly"
DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token"
DEFAULT_API_URL = "https://www.googleapis.com/"
SERVICE_PATH = "calendar/v3/"
RETRY_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
# installed by the extra ``planner[google]``: the provider's only run-time dependencies
LIBRARIES = ("googleapiclient", "google_auth_httplib2", "google_auth_oauthlib", "google.oauth2")


def require_libraries(source: SourceConfig) -> None:
    """Raise one clear :class:`ProviderError` naming the fix when the Google client libraries
    (the optional extra ``planner[google]``) are not installed; imports nothing itself."""
    from importlib.util import find_spec

    for name in LIBRARIES:
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):  # a parent package missing, or a poisoned module
            found = False
        if not found:
            raise ProviderError(
                _(
                    "{where} needs the Google client libraries, which are not installed",
                    where=label_of(source),
                ),
                hint=_("install them with: pip install 'planner[google]'"),
            )


def is_address_book(source: SourceConfig) -> bool:
    """Whether ``source`` is an ``[[addressbooks]]`` entry (Google contacts)."""
    return bool(source.options.get("addressbook"))


def label_of(source: SourceConfig) -> str:
    """How messages name ``source``: a Google calendar or a Google address book."""
    if is_address_book(source):
        return _("Google address book '{name}'", name=source.name)
    return _("Google calendar '{name}'", name=source.name)


def scopes(source: SourceConfig) -> list[str]:
    """Read-only unless the calendar entry has ``write = true``; an address book reads
    contacts only.

    ``calendar.readonly`` also covers ``freebusy.query``; ``calendar.events`` adds writing.
    """
    if is_address_book(source):
        return [SCOPE_CONTACTS]
    return [SCOPE_READ, SCOPE_WRITE] if source.options.get("write") else [SCOPE_READ]


def token_path(source: SourceConfig, context: ProviderContext) -> Path:
    """Where the token of one ``[[calendars]]`` (or ``[[addressbooks]]``) entry is kept
    (:mod:`providers.token_files`)."""
    from providers.token_files import token_file

    return token_file(_kind(source), source, context, _legacy_name)


def _kind(source: SourceConfig) -> str:
    return "google-contacts" if is_address_book(source) else "google"


def _legacy_name(source: SourceConfig) -> str | None:
    """The token file name of versions before 2026-12, which kept only ``[A-Za-z0-9._-]``."""
    if source.provider != "google":
        return None
    return f"{_kind(source)}-{re.sub(r'[^A-Za-z0-9._-]', '_', source.name)}.json"


def stored_state(source: SourceConfig, context: ProviderContext) -> SignInState:
    """How the token file of ``source`` looks (``planner status``); no request is sent."""
    from providers.token_files import stored_state as state_of

    return state_of(token_path(source, context), _token_state)


def _token_state(info: dict[str, Any]) -> str:
    if not info.get("refresh_token"):
        return "missing"
    try:
        ends = datetime.fromisoformat(str(info.get("expiry")).replace("Z", "+00:00"))
    except ValueError:
        return "valid"
    if ends.tzinfo is None:
        ends = ends.replace(tzinfo=UTC)
    return "valid" if ends > datetime.now(UTC) else "expired (renewed on next use)"


def _reauth(source: SourceConfig, what: str, *, first: bool = False) -> AuthError:
    """``first``: nobody signed in yet, which is no sign-in *again*."""
    return AuthError(
        _("{where}: {what}", where=label_of(source), what=what),
        hint=_("run 'planner auth google' to sign in")
        if first
        else _("run 'planner auth google' to sign in again"),
    )


def load_credentials(source: SourceConfig, context: ProviderContext) -> Credentials:
    """The stored credentials of ``source``, refreshed when expired (and saved again)."""
    require_libraries(source)
    from google.oauth2.credentials import Credentials

    from planner.paths import MiB, read_input

    path = token_path(source, context)
    try:
        info = json.loads(read_input(path, MiB).decode("utf-8"))
        if not isinstance(info, dict):
            raise ValueError(_("not a JSON object"))
    except FileNotFoundError:
        raise _reauth(
            source, _("not signed in (no token file {path})", path=path), first=True
        ) from None
    except (OSError, ValueError) as exc:
        raise _reauth(
            source,
            _("the token file {path} cannot be read ({error})", path=path,
              error=getattr(exc, "strerror", None) or exc),
        ) from None  # fmt: skip
    try:
        creds = Credentials.from_authorized_user_info(info)
    except (ValueError, TypeError, AttributeError) as exc:
        raise _reauth(
            source, _("the token file {path} is incomplete ({error})", path=path, error=exc)
        ) from None
    if token_uri := source.options.get("token_uri"):
        # google-auth ignores a token_uri in the file on purpose; only the config may move it
        creds = Credentials(
            token=creds.token,
            refresh_token=creds.refresh_token,
            token_uri=token_uri,
            client_id=creds.client_id,
            client_secret=creds.client_secret,
            scopes=creds.scopes,
            expiry=creds.expiry,
        )
    if not creds.valid:
        refresh(creds, source, context)
    return creds


def refresh(creds: Credentials, source: SourceConfig, context: ProviderContext) -> None:
    """Refresh the access token now and store it; a revoked grant becomes :class:`AuthError`."""
    import requests
    from google.auth.exceptions import RefreshError, TransportError
    from google.auth.transport.requests import Request

    try:
        with requests.Session() as session:
            creds.refresh(Request(session))
    except RefreshError as exc:
        raise refresh_failed(source, exc) from None
    except TransportError as exc:
        raise AuthError(
            _(
                "{where}: the token endpoint cannot be reached ({error})",
                where=label_of(source),
                error=describe(exc).explained(),
            ),
            hint=_("check the network connection or the option 'token_uri'"),
        ) from None
    save_credentials(creds, source, context)


def refresh_failed(source: SourceConfig, exc: Exception) -> AuthError:
    """The message for an expired or revoked grant (``invalid_grant``) or another refusal."""
    text = str(exc.args[0]) if exc.args else ""
    if "invalid_grant" in text:
        return _reauth(source, _("the sign-in has expired or was revoked (invalid_grant)"))
    return _reauth(
        source,
        _(
            "the token could not be refreshed ({reason})",
            reason=text.split(":")[0] or type(exc).__name__,
        ),
    )


def save_credentials(creds: Credentials, source: SourceConfig, context: ProviderContext) -> None:
    """Write the credentials to the token file (mode 0600)."""
    paths.write_secret(token_path(source, context), creds.to_json())


def missing_scopes(creds: Credentials, wanted: list[str]) -> list[str]:
    """Scopes in ``wanted`` the stored grant does not have."""
    granted = set(creds.scopes or ())
    return [s for s in wanted if s not in granted] if granted else []


class SyncTokenExpired(ProviderError):
    """410 GONE: the sync token is no longer valid and a full sync is needed."""


class Conflict(ProviderError):
    """409: an event with that id exists already."""


class PreconditionFailed(ProviderError):
    """412 conditionNotMet: the event's etag is no longer the ``If-Match`` sent: it was
    changed since it was read."""


class GoogleClient:
    """The Calendar API client of one ``[[calendars]]`` entry: built lazily from the static
    discovery document with the configured ``api_url``; requests retried with backoff."""

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        self.source = source
        self.context = context
        self.sleep: Callable[[float], None] = time.sleep  # tests make retries instant
        self.jitter: Callable[[], float] = random.random
        self.max_tries = 5
        self.creds: Credentials | None = None
        self._service: Any = None
        self._saved_token: str | None = None

    @property
    def api_url(self) -> str:
        return str(self.source.options.get("api_url") or DEFAULT_API_URL)

    def service(self) -> Any:
        """The ``googleapiclient`` resource for Calendar v3 (signs in from the token file)."""
        if self._service is None:
            require_libraries(self.source)
            import google_auth_httplib2
            import httplib2
            from googleapiclient.discovery import build

            self.creds = load_credentials(self.source, self.context)
            self._saved_token = self.creds.token
            timeout = self.source.options.get("timeout") or 30
            http = google_auth_httplib2.AuthorizedHttp(
                self.creds, http=httplib2.Http(timeout=timeout)
            )
            endpoint = urljoin(self.api_url.rstrip("/") + "/", SERVICE_PATH)
            self._service = build(
                "calendar",
                "v3",
                http=http,
                static_discovery=True,
                cache_discovery=False,
                client_options={"api_endpoint": endpoint},
            )
        return self._service

    def keep_token(self) -> None:
        """Store the access token again when the client refreshed it during a request."""
        if self.creds is not None and self.creds.token != self._saved_token:
            save_credentials(self.creds, self.source, self.context)
            self._saved_token = self.creds.token

    def close(self) -> None:
        self.keep_token()
        if self._service is not None:
            self._service.close()
            self._service = None

    def execute(self, request: Any, what: str) -> dict[str, Any]:
        """Run one API request; retry rate limits and server errors with backoff and jitter."""
        import httplib2
        from google.auth.exceptions import RefreshError
        from googleapiclient.errors import HttpError

        for attempt in range(1, self.max_tries + 1):
            try:
                result = request.execute(num_retries=0)
            except HttpError as exc:
                status, reason = exc.resp.status, _reason(exc)
                if not _retryable(status, reason) or attempt == self.max_tries:
                    raise self._http_error(status, reason, exc, what, attempt) from None
                self.sleep(self._delay(attempt, exc.resp.get("retry-after")))
            except RefreshError as exc:
                raise refresh_failed(self.source, exc) from None
            except (OSError, httplib2.HttpLib2Error) as exc:
                if attempt == self.max_tries:
                    raise self._unreachable(exc, what) from None
                self.sleep(self._delay(attempt, None))
            else:
                self.keep_token()
                return result or {}
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        """Exponential backoff (1, 2, 4, 8 s …, at most 32 s) plus up to one second of jitter;
        a ``Retry-After`` header (seconds, at most 60) is honoured."""
        delay = min(32.0, 2.0 ** (attempt - 1)) + self.jitter()
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(60.0, float(retry_after)))
        return delay

    def _unreachable(self, exc: Exception, what: str) -> ProviderError:
        return ProviderError(
            _(
                "{where}: {what} failed, {url} cannot be reached ({error})",
                where=label_of(self.source),
                what=what,
                url=self.api_url,
                error=describe(exc).explained(),
            ),
            hint=_("check the network connection or the option 'api_url'"),
        )

    def _http_error(
        self, status: int, reason: str, exc: Any, what: str, tries: int
    ) -> ProviderError:
        where = label_of(self.source)
        if status == 410:
            return SyncTokenExpired(f"{where}: {what}: 410 {reason}")
        if status == 409:
            return Conflict(f"{where}: {what}: 409 {reason}")
        if status == 412:
            return PreconditionFailed(f"{where}: {what}: 412 {reason}")
        if status == 401:
            return AuthError(
                _(
                    "{where}: {what} was refused (401, sign-in not accepted)",
                    where=where,
                    what=what,
                ),
                hint=_("run 'planner auth google' to sign in again"),
            )
        if status == 404:
            return ProviderError(
                _("{where}: {what} failed, not found (404)", where=where, what=what),
                hint=_("check the ids in the option 'calendars'"),
            )
        if status == 403 and reason in (
            "insufficientPermissions",
            "forbidden",
            "requiredAccessLevel",
        ):
            return AuthError(
                _(
                    "{where}: {what} is not permitted (403 {reason})",
                    where=where,
                    what=what,
                    reason=reason,
                ),
                hint=_(
                    "check the calendar's sharing, or set write = true and run "
                    "'planner auth google' again"
                ),
            )
        detail = f"{status} {reason}".strip()
        if _retryable(status, reason):
            return ProviderError(
                _(
                    "{where}: {what} still failed after {tries} tries ({detail})",
                    where=where,
                    what=what,
                    tries=tries,
                    detail=detail,
                ),
                hint=_("Google is busy or limiting requests; try again later"),
            )
        return ProviderError(
            _(
                "{where}: {what} failed ({detail}: {message})",
                where=where,
                what=what,
                detail=detail,
                message=getattr(exc, "reason", ""),
            )
        )


def _reason(exc: Any) -> str:
    """The ``reason`` of the first error in a Google JSON error body, or ``""``."""
    try:
        data = json.loads(exc.content.decode("utf-8"))
        errors = data["error"].get("errors") or [{}]
        return str(errors[0].get("reason") or data["error"].get("status") or "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return ""


def _retryable(status: int, reason: str) -> bool:
    return status == 429 or status >= 500 or (status == 403 and reason in RETRY_REASONS)
