"""Times held by invitations: a state file in which nothing was ever sent or offered is not
even looked into (nor written to), and one with a sent invitation holds its time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from planner.config import default_config
from planner.flows.held import KEPT_BY, OFFERED, SENT, held_times
from planner.flows.offers import Offers
from planner.invite.invitation import Invitation
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee
from planner.store import Store

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


def test_nothing_sent_or_offered_holds_nothing_and_writes_nothing(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    assert held_times(store, default_config(), NOW) == []
    assert not store.holds(*KEPT_BY)  # no table was made on the way


def test_a_sent_invitation_holds_its_time(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    inv = _invitation()
    start = inv.start
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, sent_at=NOW)
    assert store.holds(*KEPT_BY)
    (held,) = held_times(store, config, NOW)
    assert held.uid == f"held:{prepared.uid}" and held.start == start


def test_the_names_are_those_the_sent_log_and_the_offers_keep_their_tables_by(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    Offers(store)
    assert store.holds(OFFERED) and not store.holds(SENT)
    record_sent(store, prepare_request(store, _invitation()), sent_at=NOW)
    assert store.holds(SENT)


def _invitation() -> Invitation:
    start = NOW + timedelta(days=2)
    return Invitation(
        title="Kaffee", start=start, end=start + timedelta(hours=1),
        organizer=Attendee("me@mycorp.example"), attendees=(Attendee("jonas@nordwind.example"),),
    )  # fmt: skip
