"""The account a CalDAV source signs in with: where its password comes from, and what a failure
of the server or of the ``caldav`` client library means for the user (one line naming the
server, the user and the next step). The client library is imported inside functions only."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from planner.errors import AuthError, PlannerError, ProviderError
from planner.i18n import _
from planner.online.failure import describe

log = logging.getLogger("planner")

KEYRING_SERVICE = "planner-caldav"
DEFAULT_PASSWORD_ENV = "PLANNER_CALDAV_PASSWORD"
RETRY_STATUSES = (429, 503)  # too many requests, unavailable: wait and send again
RETRY_WAITS = (1.0, 2.0, 4.0, 8.0)  # seconds, when the server does not say (Retry-After)
LONGEST_WAIT = 60.0
BUSY_STATUSES = frozenset({429, 500, 502, 503, 504})  # the server's trouble, not the config's


def retry_wait(retry_after: str | None, default: float) -> float:
    """Seconds to wait: the server's ``Retry-After`` (seconds or an HTTP date), at most a
    minute, else ``default``."""
    if retry_after:
        text = retry_after.strip()
        if text.isdigit():
            return min(float(text), LONGEST_WAIT)
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return default
        from datetime import UTC, datetime

        if when.tzinfo is not None:
            return max(0.0, min((when - datetime.now(UTC)).total_seconds(), LONGEST_WAIT))
    return default


@dataclass(frozen=True)
class CalDavAccount:
    """Who signs in where: the ``[[calendars]]`` entry's name, server URL, user name and the
    environment variable that holds the password."""

    source: str
    url: str
    username: str
    password_env: str = DEFAULT_PASSWORD_ENV

    def password(self) -> str | None:
        """The password from :attr:`password_env`, else from the system keyring (service
        ``planner-caldav``, the user name), else None."""
        if value := os.environ.get(self.password_env):
            return value
        if not self.username:
            return None
        try:
            import keyring
            from keyring.errors import KeyringError

            try:
                return keyring.get_password(KEYRING_SERVICE, self.username)
            except KeyringError as exc:
                log.info("no system keyring for %s: %s", KEYRING_SERVICE, exc)
        except ImportError:
            log.info("the keyring package is not installed")
        return None

    def auth_error(self, *, missing: bool = False) -> AuthError:
        """The error for a refused sign-in, or (``missing``) for no password at all."""
        values = {"url": self.url, "user": self.username, "env": self.password_env}
        if missing:
            message = _("no password for user '{user}' on CalDAV server {url}", **values)
        else:
            message = _("CalDAV server {url} refused the sign-in of user '{user}'", **values)
        return AuthError(
            message,
            hint=_(
                "set the (app) password in the environment variable {env} or in the system "
                "keyring: keyring set planner-caldav {user}",
                **values,
            ),
        )

    def unavailable(self, where: str, status: int) -> ProviderError:
        """The server is busy or down (429, 5xx): nothing in the config is wrong."""
        return ProviderError(
            _(
                "{where}: the CalDAV server is busy or unavailable (HTTP {status})",
                where=where,
                status=status,
            ),
            hint=_("try again later; the server, not the config, is the trouble"),
        )

    @contextmanager
    def errors(
        self, where: str, passthrough: tuple[type[BaseException], ...] = ()
    ) -> Iterator[None]:
        """Turn client-library failures into :mod:`planner.errors` naming ``where``."""
        from caldav.lib import error

        try:
            yield
        except PlannerError:
            raise
        except passthrough:
            raise
        except error.AuthorizationError as exc:
            if exc.status != 403:
                raise self.auth_error() from None
            raise ProviderError(
                _(
                    "{where}: user '{user}' has no access (HTTP 403)",
                    where=where,
                    user=self.username,
                ),
                hint=_("check the sharing settings or the 'calendars' option"),
            ) from None
        except error.DAVError as exc:
            status = getattr(exc, "status", None)
            if isinstance(exc, error.RateLimitError) or status in BUSY_STATUSES:
                raise self.unavailable(where, int(status or 503)) from None
            raise ProviderError(
                _(
                    "{where}: the CalDAV server answered {reason}",
                    where=where,
                    reason=exc.reason or type(exc).__name__,
                ),
                hint=_("check the 'url' option of calendar '{name}'", name=self.source),
            ) from None
        except SyntaxError as exc:  # lxml's XMLSyntaxError: the server's answer is no XML
            raise ProviderError(
                _(
                    "{where}: the CalDAV server sent an answer that is not readable XML ({error})",
                    where=where,
                    error=str(exc)[:200],
                ),
                hint=_("check the server's log; the config is not the trouble"),
            ) from None
        except OSError as exc:
            raise ProviderError(
                _(
                    "cannot reach CalDAV server {url}: {reason}",
                    url=self.url,
                    reason=describe(exc).explained(),
                ),
                hint=_("check the 'url' option and the network"),
            ) from None
