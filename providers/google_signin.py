"""Signing in to Google: the installed-app OAuth flow (a local redirect server, PKCE, offline
access) with the OAuth client file named in the config; the token is stored through
:mod:`providers.google_auth`. The Google libraries are imported inside the functions.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from planner.errors import AuthError, ConfigError, ProviderError
from planner.i18n import _
from planner.online.failure import describe
from providers.google_auth import (
    DEFAULT_TOKEN_URI,
    is_address_book,
    require_libraries,
    save_credentials,
    scopes,
)

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

    from planner.config.schema import SourceConfig
    from providers.base import ProviderContext

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def _client_config(source: SourceConfig) -> dict[str, Any]:
    path_text = str(source.options.get("client_secrets") or "")
    entry = "[[addressbooks]]" if is_address_book(source) else "[[calendars]]"
    where = f"{entry} '{source.name}'"
    if not path_text:
        raise ConfigError(
            where,
            [
                _(
                    "key 'client_secrets' is required for 'planner auth google'"
                    " (the OAuth client JSON downloaded from Google Cloud)"
                )
            ],
        )
    path = Path(path_text).expanduser()
    try:
        from planner.paths import MiB, read_input

        config = json.loads(read_input(path, MiB).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(
            where,
            [
                _(
                    "key 'client_secrets': {path} cannot be read ({error})",
                    path=path,
                    error=type(exc).__name__,
                )
            ],
        ) from None
    kind = ""
    if isinstance(config, dict):
        kind = next((k for k in ("installed", "web") if isinstance(config.get(k), dict)), "")
    if not kind:
        raise ConfigError(
            where,
            [
                _(
                    "key 'client_secrets': {path} is not an OAuth client file"
                    " (no 'installed' section)",
                    path=path,
                )
            ],
        )
    if token_uri := source.options.get("token_uri"):
        config[kind]["token_uri"] = token_uri
    config[kind].setdefault("token_uri", DEFAULT_TOKEN_URI)
    return config


@contextmanager
def _loopback_transport(token_uri: str) -> Iterator[None]:
    """oauthlib refuses plain http; allow it only for a token endpoint on this machine."""
    loopback = urlsplit(token_uri).hostname in LOOPBACK_HOSTS
    name = "OAUTHLIB_INSECURE_TRANSPORT"
    old = os.environ.get(name)
    if loopback:
        os.environ[name] = "1"
    try:
        yield
    finally:
        if loopback and old is None:
            os.environ.pop(name, None)


def run_flow(
    source: SourceConfig,
    context: ProviderContext,
    *,
    open_browser: bool = True,
    on_url: Callable[[str], None] | None = None,
    timeout: float | None = 300,
) -> Credentials:
    """Run the installed-app flow (local redirect server, offline access) and store the token."""
    require_libraries(source)
    from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error
    from requests import RequestException

    config = _client_config(source)

    class _Flow(InstalledAppFlow):
        def authorization_url(self, **kwargs: Any) -> tuple[str, str]:
            url, state = super().authorization_url(**kwargs)
            if on_url is not None:
                on_url(url)
            return url, state

    flow = _Flow.from_client_config(config, scopes=scopes(source))
    token_uri = next(iter(config.values()))["token_uri"]
    try:
        with _loopback_transport(token_uri):
            creds = flow.run_local_server(
                host="localhost",
                port=0,
                open_browser=open_browser,
                authorization_prompt_message="",
                # shown in the browser before the token exchange, which may still fail
                success_message=_(
                    "You can close this window and return to planner, which says whether "
                    "the sign-in worked."
                ),
                timeout_seconds=timeout,
                access_type="offline",
                prompt="consent",
            )
    except WSGITimeoutError:
        raise AuthError(
            _("Google sign-in for '{name}' timed out", name=source.name),
            hint=_("run 'planner auth google' again"),
        ) from None
    except RequestException as exc:  # the token endpoint cannot be reached
        raise ProviderError(
            _(
                "Google sign-in for '{name}' failed: {token_uri}: {error}",
                name=source.name,
                token_uri=token_uri,
                error=describe(exc).explained(),
            ),
            hint=_(
                "check the network connection (or the option 'token_uri') and run "
                "'planner auth google' again"
            ),
        ) from None
    except (OAuth2Error, ValueError) as exc:
        raise AuthError(
            _(
                "Google sign-in for '{name}' failed ({error})",
                name=source.name,
                error=str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__,
            ),
            hint=_("check 'client_secrets' and run 'planner auth google' again"),
        ) from None
    if not creds.refresh_token:
        raise AuthError(
            _("Google returned no refresh token for '{name}'", name=source.name),
            hint=_("remove the app at myaccount.google.com/permissions and retry"),
        )
    save_credentials(creds, source, context)
    return creds
