"""Confirmation tokens of the two-step write tools.

The first call of a write tool returns its dry run and a token; only a second call carrying the
token acts. A token is:

- **signed** with a per-install secret (32 random bytes in ``assist.key`` in the data dir, mode
  0600, made on first use), by itsdangerous: a token from elsewhere or altered fails;
- **bound to the action's content**: it carries a digest of everything the action would do
  (who, when, where, which calendar, the iTIP method, UID and SEQUENCE, the mode of the
  server), and the confirming call recomputes the action from its arguments and the state as it
  is now. A token for another action, or for this one after the state moved on (proposal 1 is
  another slot now, the meeting was sent meanwhile), fails;
- **expiring** after the server's ``--confirm-within`` seconds;
- **single-use**: it carries a random nonce, which the confirming call claims in the state
  database before it acts (a primary key, so two calls cannot both claim it). A spent token
  fails, also when the action then failed: the next try starts with a new dry run.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.i18n import _
from planner.store import Store

KEY_FILE = "assist.key"
TABLE_VERSION = 1
DDL = """
DROP TABLE IF EXISTS assist_spent_tokens;
CREATE TABLE assist_spent_tokens (nonce TEXT PRIMARY KEY, expires REAL NOT NULL)
"""


class ConfirmationError(PlannerError):
    """The confirmation token is wrong, expired, spent, or for another action."""

    exit_code = 2


def digest(action: Mapping[str, Any]) -> str:
    """A stable digest of an action's content (JSON with sorted keys)."""
    text = json.dumps(action, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Confirmations:
    """Issues and redeems the tokens of one install (its secret) and one tool (the salt)."""

    def __init__(self, key: bytes, *, max_age: int, clock: Callable[[], float] = time.time) -> None:
        self.key = key
        self.max_age = max_age
        self.clock = clock

    def _serializer(self, tool: str) -> Any:
        from itsdangerous import TimestampSigner, URLSafeTimedSerializer

        clock = self.clock

        class Signer(TimestampSigner):
            def get_timestamp(self) -> int:  # itsdangerous's hook for "now"
                return int(clock())

        return URLSafeTimedSerializer(self.key, salt=f"planner.assist.{tool}", signer=Signer)

    def issue(self, tool: str, action: Mapping[str, Any]) -> tuple[str, datetime]:
        """A token for ``action`` of ``tool``, and when it expires."""
        payload = {"d": digest(action)[:32], "n": secrets.token_urlsafe(12)}
        token = self._serializer(tool).dumps(payload)
        return token, datetime.fromtimestamp(int(self.clock()) + self.max_age, UTC)

    def redeem(self, tool: str, token: str, action: Mapping[str, Any], store: Store) -> None:
        """Accept ``token`` for ``action`` once; raise :class:`ConfirmationError` otherwise.

        Nothing is claimed unless the token is valid for exactly this action."""
        from itsdangerous import BadSignature, SignatureExpired

        ask_again = _("call the tool again without `confirm` for a new dry run")
        try:
            payload = self._serializer(tool).loads(token.strip(), max_age=self.max_age)
        except SignatureExpired:
            raise ConfirmationError(
                _("the confirmation has expired (valid for {seconds} s)", seconds=self.max_age),
                hint=ask_again,
            ) from None
        except BadSignature:
            raise ConfirmationError(
                _("the confirmation is not one this planner gave for {tool}", tool=tool),
                hint=ask_again,
            ) from None
        if not isinstance(payload, dict) or payload.get("d") != digest(action)[:32]:
            raise ConfirmationError(
                _("the confirmation was given for another action, or the action changed since "
                  "its dry run (other arguments, or proposals or invitations changed meanwhile)"),
                hint=ask_again,
            )  # fmt: skip
        if not _claim(store, str(payload.get("n")), self.clock() + self.max_age, self.clock()):
            raise ConfirmationError(_("the confirmation was used already"), hint=ask_again)


def _claim(store: Store, nonce: str, expires: float, now: float) -> bool:
    """Mark ``nonce`` spent; False when it was spent before. Forgets expired ones."""
    import sqlite3

    store.ensure("assist_confirm", TABLE_VERSION, DDL)
    with store.conn:
        store.conn.execute("DELETE FROM assist_spent_tokens WHERE expires < ?", (now,))
        try:
            store.conn.execute("INSERT INTO assist_spent_tokens VALUES (?, ?)", (nonce, expires))
        except sqlite3.IntegrityError:
            return False
    return True


def install_key(directory: Path) -> bytes:
    """The install's secret, made on first use (mode 0600; :func:`planner.paths.secret_key`)."""
    from planner.paths import secret_key

    return secret_key(directory / KEY_FILE)
