"""Sign-in to Microsoft 365 / Outlook.com with msal's public-client flows.

The token cache (``msal.SerializableTokenCache``) lives in ``<data dir>/tokens/outlook-<name>.json``
with mode 0600 and is used silently on later runs. ``msal`` is imported only when a token is
needed, never at module import time.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from planner import paths
from planner.errors import AuthError, ProviderError, UsageError
from planner.i18n import _
from planner.online.failure import describe

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig
    from providers.base import ProviderContext, SignInState

DEFAULT_GRAPH = "https://graph.microsoft.com/v1.0"
DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
FLOWS = ("device_code", "browser")
BROWSER_TIMEOUT = 300  # seconds to wait for the browser sign-in
# Personal Microsoft accounts (outlook.com, hotmail) all belong to this tenant.
CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad"
TOKEN_MARGIN = 300  # seconds: a cached token closer to its expiry is refreshed


def default_http_client() -> Any | None:
    """The HTTP client msal uses when the source gives none; None lets msal build its own.

    Tests replace this function to route msal to a local fake token endpoint.
    """
    return None


def label_of(source: SourceConfig) -> str:
    """How messages name ``source``: a calendar, or an address book (Outlook contacts)."""
    if source.options.get("addressbook"):
        return _("address book '{name}'", name=source.name)
    return _("calendar '{name}'", name=source.name)


def scopes(options: Mapping[str, Any]) -> list[str]:
    """``Calendars.Read`` or ``Calendars.ReadWrite`` (``Contacts.Read`` for an address book);
    prefixed with the Graph host off the public cloud (national clouds name their Graph
    resource)."""
    names = ["Calendars.ReadWrite"] if options.get("write") else ["Calendars.Read"]
    if options.get("addressbook"):
        names = ["Contacts.Read"]
    graph = urlsplit(options.get("graph_url") or DEFAULT_GRAPH)
    if graph.netloc.lower() == "graph.microsoft.com":
        return names
    return [f"{graph.scheme}://{graph.netloc}/{name}" for name in names]


def cache_path(source: SourceConfig, context: ProviderContext) -> Path:
    """Where the token cache of one ``[[calendars]]`` (or ``[[addressbooks]]``) entry is kept
    (:mod:`providers.token_files`)."""
    from providers.token_files import token_file

    kind = "outlook-contacts" if source.options.get("addressbook") else "outlook"
    return token_file(kind, source, context, _legacy_name)


def _legacy_name(source: SourceConfig) -> str | None:
    """The token cache's name in versions before 2026-12, which kept only ``[A-Za-z0-9_.-]``
    (an address book's name began with ``contacts-``)."""
    if source.provider != "outlook":
        return None
    name = ("contacts-" if source.options.get("addressbook") else "") + source.name
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._") or "default"
    return f"outlook-{safe}.json"


def stored_state(source: SourceConfig, context: ProviderContext) -> SignInState:
    """How the token cache of ``source`` looks (``planner status``); no request is sent."""
    from providers.token_files import stored_state as state_of

    return state_of(
        cache_path(source, context), lambda info: "valid" if info.get("RefreshToken") else "missing"
    )


class TokenSource:
    """Access tokens for one calendar source, refreshed silently from the cached sign-in."""

    def __init__(self, source: SourceConfig, context: ProviderContext) -> None:
        self.source = source
        self.options = source.options
        self.path = cache_path(source, context)
        self.scopes = scopes(source.options)
        self._app: Any = None
        self._cache: Any = None

    @property
    def app(self) -> Any:
        """The msal ``PublicClientApplication`` (built on first use: it asks the authority)."""
        if self._app is None:
            self._app, self._cache = _build_app(self.source, self.path, self.cache)
        return self._app

    @property
    def cache(self) -> Any:
        """The token cache read from its file; reading it needs no network."""
        if self._cache is None:
            self._cache = _load_cache(self.path)
        return self._cache

    def account(self) -> dict[str, Any] | None:
        if self._app is not None:
            accounts = self._app.get_accounts()
            return accounts[0] if accounts else None
        return self._cached_account()

    def _cached_account(self) -> dict[str, Any] | None:
        """The signed-in account as the cache holds it (msal's account entry), without asking
        the authority; None when nobody signed in."""
        entries = self.cache.search(self.cache.CredentialType.ACCOUNT, query=self._where())
        return next(iter(entries), None)

    def _where(self) -> dict[str, str]:
        authority = urlsplit(self.options.get("authority") or DEFAULT_AUTHORITY)
        return {"environment": (authority.hostname or "").lower()}

    def _cached_token(self, account: dict[str, Any]) -> str | None:
        """A cached access token for the scopes that is valid for five more minutes."""
        query = dict(
            self._where(),
            client_id=str(self.options.get("client_id") or ""),
            home_account_id=str(account.get("home_account_id") or ""),
        )
        tokens = self.cache.search(
            self.cache.CredentialType.ACCESS_TOKEN, target=_bare(self.scopes), query=query
        )
        now = time.time()
        for entry in tokens:
            if int(entry.get("expires_on") or 0) - TOKEN_MARGIN > now and entry.get("secret"):
                return str(entry["secret"])
        return None

    def is_personal(self) -> bool:
        """True for a personal Microsoft account (outlook.com), which has no tenant schedule."""
        account = self.account() or {}
        home = str(account.get("home_account_id") or "")
        return home.endswith("." + CONSUMER_TENANT)

    def token(self) -> str:
        """A valid access token, refreshed when needed; :class:`AuthError` when that fails."""
        account = self.account()
        if account is None:
            raise AuthError(
                _("{where}: not signed in to Outlook", where=label_of(self.source)),
                hint=_("run 'planner auth outlook' first"),
            )
        if self._app is None and (cached := self._cached_token(account)):
            return cached  # valid: no request to the authority (works offline)
        return self._silent(account)

    def refresh(self) -> str:
        """A new access token from the sign-in service, even when the cached one has not
        expired (Graph refused it: a revoked session, continuous access evaluation, a clock
        off); :class:`AuthError` when the sign-in itself is no longer accepted."""
        account = self.account()
        if account is None:
            return self.token()  # raises: not signed in
        return self._silent(account, force=True)

    def _silent(self, cached: dict[str, Any], *, force: bool = False) -> str:
        account = self.account_of_app(cached)
        try:
            result = self.app.acquire_token_silent_with_error(
                self.scopes, account=account, force_refresh=force
            )
        except OSError as exc:  # requests' connection errors are OSErrors
            raise ProviderError(
                _(
                    "{where}: cannot reach the Microsoft sign-in service: {error}",
                    where=label_of(self.source),
                    error=describe(exc).explained(),
                ),
                hint=_("check the network connection and the option 'authority'"),
            ) from None
        self._save()
        if not result or "access_token" not in result:
            error = (result or {}).get("error") or _("no valid token in the cache")
            raise AuthError(
                _(
                    "{where}: the Outlook sign-in has expired or was revoked ({error})",
                    where=label_of(self.source),
                    error=error,
                ),
                hint=_("run 'planner auth outlook' again"),
            )
        return str(result["access_token"])

    def account_of_app(self, cached: dict[str, Any]) -> dict[str, Any] | None:
        """The msal app's account matching a cache entry (building the app asks the authority)."""
        for account in self.app.get_accounts():
            if account.get("home_account_id") == cached.get("home_account_id"):
                return account
        return self.account()

    def _save(self) -> None:
        if self._cache is not None and self._cache.has_state_changed:
            paths.write_secret(self.path, self._cache.serialize())
            self._cache.has_state_changed = False


def authorize(
    source: SourceConfig,
    context: ProviderContext,
    *,
    flow: str | None = None,
    prompt: Callable[[str], None],
) -> str:
    """Sign in interactively and keep the tokens; return the account name.

    ``flow`` is ``"device_code"`` (default; ``prompt`` shows the code and the URL) or
    ``"browser"`` (opens the system browser on this machine).
    """
    chosen = flow or source.options.get("auth_flow") or "device_code"
    if chosen not in FLOWS:
        raise UsageError(
            _("unknown sign-in flow '{flow}'", flow=chosen),
            hint=_("use 'device_code' or 'browser'"),
        )
    tokens = TokenSource(source, context)
    if chosen == "device_code":
        result = _device_code(tokens, prompt)
    else:
        result = tokens.app.acquire_token_interactive(
            tokens.scopes, prompt="select_account", timeout=BROWSER_TIMEOUT
        )
    if "access_token" not in result:
        raise AuthError(
            _(
                "{where}: Outlook sign-in failed: {error}: {details}",
                where=label_of(source),
                error=result.get("error", "unknown_error"),
                details=_first_line(result.get("error_description", "")),
            ),
            hint=_("check the options 'client_id' and 'tenant' and try again"),
        )
    tokens._save()
    claims = result.get("id_token_claims") or {}
    account = tokens.account() or {}
    return str(claims.get("preferred_username") or account.get("username") or "")


def _device_code(tokens: TokenSource, prompt: Callable[[str], None]) -> dict[str, Any]:
    flow = tokens.app.initiate_device_flow(scopes=tokens.scopes)
    if "user_code" not in flow:
        raise AuthError(
            _(
                "{where}: the device code sign-in could not start: {error}: {details}",
                where=label_of(tokens.source),
                error=flow.get("error", "unknown_error"),
                details=_first_line(flow.get("error_description", "")),
            ),
            hint=_("check the options 'client_id', 'tenant' and 'authority'"),
        )
    prompt(str(flow["message"]))
    return tokens.app.acquire_token_by_device_flow(flow)


def _load_cache(path: Path) -> Any:
    import msal

    from planner.paths import MiB, read_input

    cache = msal.SerializableTokenCache()
    if path.exists():
        try:
            text = read_input(path, 16 * MiB).decode("utf-8")
            if not isinstance(json.loads(text), dict):
                raise ValueError("not a JSON object")
            cache.deserialize(text)
        except (OSError, ValueError, TypeError, AttributeError):
            raise AuthError(
                _("{path}: the Outlook token cache cannot be read", path=path),
                hint=_("delete the file and run 'planner auth outlook' again"),
            ) from None
    return cache


def _bare(scopes: list[str]) -> list[str]:
    """Scopes as msal files them in the cache (lower case is kept; resource prefix kept)."""
    return [s for s in scopes if s not in ("openid", "profile", "offline_access")]


def _build_app(source: SourceConfig, path: Path, cache: Any = None) -> tuple[Any, Any]:
    import msal

    cache = cache if cache is not None else _load_cache(path)
    options = source.options
    client_id = options.get("client_id") or ""
    if not client_id:
        raise AuthError(
            _("{where}: option 'client_id' is missing", where=label_of(source)),
            hint=_("register an app in Microsoft Entra ID and put its id into the config"),
        )
    authority = f"{(options.get('authority') or DEFAULT_AUTHORITY).rstrip('/')}/" + (
        options.get("tenant") or "common"
    )
    http_client = options.get("http_client") or default_http_client()
    try:
        app = msal.PublicClientApplication(
            client_id,
            authority=authority,
            token_cache=cache,
            http_client=http_client,
            instance_discovery=False,
        )
    except OSError as exc:  # requests' connection errors are OSErrors
        raise ProviderError(
            _(
                "{where}: cannot reach the Microsoft sign-in service {authority}: {error}",
                where=label_of(source),
                authority=authority,
                error=describe(exc).explained(),
            ),
            hint=_("check the network connection and the option 'authority'"),
        ) from None
    except ValueError as exc:
        raise AuthError(
            _(
                "{where}: the sign-in authority {authority} cannot be used: {error}",
                where=label_of(source),
                authority=authority,
                error=_first_line(str(exc)),
            ),
            hint=_("check the options 'authority' and 'tenant'"),
        ) from None
    return app, cache


def _first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0][:200] if (text or "").strip() else ""
