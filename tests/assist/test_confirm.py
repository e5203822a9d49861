"""Confirmation tokens: signed by the install's secret (0600), bound to the action's content
and the tool, expiring, single-use (also across two stores' connections)."""

from __future__ import annotations

import stat

import pytest

from planner.assist.confirm import ConfirmationError, Confirmations, install_key
from planner.store import Store

ACTION = {"deed": "send", "recipients": ["bob@acme.example"], "start": "2026-12-08T12:30+01:00"}


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


def test_the_install_key_is_private_made_once_and_replaced_when_others_can_read_it(tmp_path):
    key = install_key(tmp_path)
    path = tmp_path / "assist.key"
    assert len(key) == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert install_key(tmp_path) == key
    path.chmod(0o644)  # readable by others: tokens signed with it could be forged
    replaced = install_key(tmp_path)
    assert replaced != key and stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("not hex\n")
    path.chmod(0o600)
    assert len(install_key(tmp_path)) == 32  # a damaged key is replaced, never an error


def test_a_token_works_once_for_exactly_its_action(store):
    tokens = Confirmations(b"k" * 32, max_age=600, clock=Clock())
    token, expires = tokens.issue("invite", ACTION)
    assert expires.timestamp() == 1_800_000_600
    with pytest.raises(ConfirmationError, match="another action"):
        tokens.redeem("invite", token, {**ACTION, "start": "2026-12-08T13:30+01:00"}, store)
    with pytest.raises(ConfirmationError, match="not one this planner gave for hold"):
        tokens.redeem("hold", token, ACTION, store)
    tokens.redeem("invite", token, dict(reversed(list(ACTION.items()))), store)  # key order
    with pytest.raises(ConfirmationError, match="used already"):
        tokens.redeem("invite", token, ACTION, store)


def test_a_token_expires_and_another_key_never_verifies(store):
    clock = Clock()
    tokens = Confirmations(b"k" * 32, max_age=600, clock=clock)
    token, _ = tokens.issue("invite", ACTION)
    other = Confirmations(b"x" * 32, max_age=600, clock=clock)
    with pytest.raises(ConfirmationError, match="not one this planner gave"):
        other.redeem("invite", token, ACTION, store)
    clock.now += 601
    with pytest.raises(ConfirmationError, match="expired"):
        tokens.redeem("invite", token, ACTION, store)
    fresh, _ = tokens.issue("invite", ACTION)
    tokens.redeem("invite", fresh, ACTION, store)


def test_a_spent_token_stays_spent_for_another_connection_and_old_ones_are_forgotten(tmp_path):
    clock = Clock()
    tokens = Confirmations(b"k" * 32, max_age=60, clock=clock)
    token, _ = tokens.issue("invite", ACTION)
    first, second = Store(tmp_path / "s.sqlite3"), Store(tmp_path / "s.sqlite3")
    try:
        tokens.redeem("invite", token, ACTION, first)
        with pytest.raises(ConfirmationError, match="used already"):
            tokens.redeem("invite", token, ACTION, second)
        clock.now += 3600
        tokens.redeem("invite", tokens.issue("invite", ACTION)[0], ACTION, second)
        rows = second.conn.execute("SELECT COUNT(*) FROM assist_spent_tokens").fetchone()
        assert rows == (1,)  # the expired nonce was forgotten, the new one kept
    finally:
        first.close()
        second.close()
