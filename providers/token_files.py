"""Where the sign-in of one ``[[calendars]]`` or ``[[addressbooks]]`` entry is kept.

The file name is ``<kind>-<slug>-<hash>.json`` in ``<data dir>/tokens``: the slug keeps the
name readable, the hash of the exact name keeps two names apart that the slug makes alike
("Работа" and "Личное", "Team A/B" and "Team A:B"). Earlier versions used the slug alone, so
such names shared one token (the wrong account, one overwriting the other).

A token file of the earlier name is taken over (moved, mode 0600) when exactly one
configured entry maps to it, so an upgrade needs no new sign-in; a file that two entries
map to stays where it is, and each of them asks for its own sign-in.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import paths

if TYPE_CHECKING:
    from planner.config.schema import SourceConfig
    from providers.base import ProviderContext, SignInState

log = logging.getLogger("planner")

SLUG_LENGTH = 40
HASH_LENGTH = 12

#: the file name an earlier version gave a source: ``(source) -> name`` or None (none)
Legacy = Callable[["SourceConfig"], "str | None"]


def slug(name: str) -> str:
    """The readable part of a token file name: ASCII letters, digits, ``.``, ``_``, ``-``."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")[:SLUG_LENGTH] or "calendar"


def file_name(kind: str, name: str) -> str:
    """``google-Work-1a2b3c4d5e6f.json``: one file per exact name."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return f"{kind}-{slug(name)}-{digest}.json"


def token_file(kind: str, source: SourceConfig, context: ProviderContext, legacy: Legacy) -> Path:
    """The token file of ``source`` (``kind`` tells the provider and whether it is an
    address book); an earlier version's file is taken over where it is unambiguous."""
    folder = (context.data_dir or paths.data_dir()) / "tokens"
    path = folder / file_name(kind, source.name)
    old_name = legacy(source)
    if old_name is None or path.exists():
        return path
    old = folder / old_name
    if old.exists() and _only_owner(source, context, legacy, old_name):
        _take_over(old, path)
    return path


def _only_owner(
    source: SourceConfig, context: ProviderContext, legacy: Legacy, old_name: str
) -> bool:
    """Whether ``source`` is the one configured entry that the earlier file name stood for
    (an unknown config owns nothing: the file could be another entry's)."""
    owners = {_entry(s) for s in context.sources if legacy(s) == old_name}
    return owners == {_entry(source)}


def _entry(source: SourceConfig) -> tuple[str, str, bool]:
    return source.provider, source.name, bool(source.options.get("addressbook"))


def _take_over(old: Path, path: Path) -> None:
    """Move ``old`` to ``path`` without writing over a file there; mode 0600."""
    try:
        try:
            os.link(old, path)  # fails when ``path`` exists: nothing is overwritten
            old.unlink()
        except FileExistsError:
            return
        except OSError:  # a file system without hard links
            if path.exists():
                return
            os.replace(old, path)
        path.chmod(0o600)
    except OSError as exc:
        log.debug("token file %s not moved (%s)", old.name, exc)
        return
    log.info("token file %s renamed to %s", old.name, path.name)


def stored_state(path: Path, judge: Callable[[dict[str, Any]], str]) -> SignInState:
    """The :class:`SignInState` of the token file ``path``; ``judge`` tells the state of
    its content (a JSON object), which is never handed on."""
    from planner.paths import MiB, read_input
    from providers.base import SignInState

    try:
        written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        content = read_input(path, 16 * MiB)
        info = json.loads(content.decode("utf-8"))
    except FileNotFoundError:
        return SignInState("missing")
    except (OSError, ValueError):
        return SignInState("unreadable")
    held = fingerprint(content)
    if not isinstance(info, dict):
        return SignInState("unreadable", written, held)
    return SignInState(judge(info), written, held)


def fingerprint(content: bytes) -> str:
    """What a token file holds, as a hash that reveals nothing of it: the same content gives
    the same fingerprint whatever the file's times (restored, copied, touched)."""
    return hashlib.sha256(b"planner-token\0" + content).hexdigest()[:32]
