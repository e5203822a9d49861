"""What each kind of CalDAV server does well: the quirks table of the CalDAV provider, the
guess of a server's kind from its URL, and the checks of the options ``server`` and ``url``."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from planner.i18n import _


@dataclass(frozen=True)
class ServerQuirks:
    """What a kind of server does well, so the code asks a table instead of branching on names.

    ``profile`` names the matching feature set in ``caldav.compatibility_hints`` (the library's
    own workarounds); ``server_expand``: the server expands recurrences in a time-range query
    correctly (RFC 4791 9.6.5), including overrides and EXDATEs; ``sync``: sync-collection
    (RFC 6578) is reliable. A calendar that does not announce sync-collection is never synced.
    """

    profile: str | None = None
    server_expand: bool = False
    sync: bool = True


# Rows follow caldav.compatibility_hints (3.6): "sync-token" fragile or ungraceful → no sync
# (the time-range query is used), "search.recurrences.expanded.event" full → server_expand.
SERVERS: dict[str, ServerQuirks] = {
    "generic": ServerQuirks(),  # local expansion is always right, only slower
    "radicale": ServerQuirks("radicale", server_expand=True),
    "nextcloud": ServerQuirks("nextcloud", server_expand=True),
    "baikal": ServerQuirks(None, server_expand=True),  # sabre/dav, like Nextcloud
    "icloud": ServerQuirks("icloud", server_expand=True),
    "fastmail": ServerQuirks(None, server_expand=True),  # un-expanded date search is buggy
    "sogo": ServerQuirks("sogo"),  # no expansion; time-based sync tokens, refused ones refetch
    "davical": ServerQuirks("davical", server_expand=True, sync=False),
    "posteo": ServerQuirks("posteo", server_expand=True, sync=False),
    "zimbra": ServerQuirks("zimbra", server_expand=True, sync=False),
}

# Substrings of the server URL that tell its kind when the option ``server`` is "auto".
_URL_HINTS: tuple[tuple[str, str], ...] = (
    ("icloud.com", "icloud"),
    ("fastmail.com", "fastmail"),
    ("/remote.php/dav", "nextcloud"),
    ("/dav.php", "baikal"),
    ("/SOGo/dav", "sogo"),
    ("posteo.de", "posteo"),
    ("/caldav.php", "davical"),
    (":5232", "radicale"),
)


def server_kind(url: str, configured: str = "auto") -> str:
    """The row of :data:`SERVERS` for ``url``: the configured kind, else a guess from the URL."""
    if configured != "auto":
        return configured
    return next((kind for hint, kind in _URL_HINTS if hint in url), "generic")


def check_server(value: str) -> str | None:
    """The problem with a value of the option ``server``, or None."""
    if value == "auto" or value in SERVERS:
        return None
    return _("must be one of {names}", names=", ".join(f'"{k}"' for k in ("auto", *SERVERS)))


def check_url(value: str) -> str | None:
    """The problem with a value of the option ``url``, or None."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return _(
            "must be an http:// or https:// address such as "
            "https://cloud.example.com/remote.php/dav"
        )
    if parts.password:
        return _("must not contain a password; use the environment variable or the keyring")
    return None
