"""Times held by invitations: a state file in which nothing was ever sent or offered is not
even looked into (nor written to), and one with a sent invitation holds its time; a time a
counterpart declined stays busy for proposals to them alone, one they proposed instead is kept
(English, German and French names and addresses, spelled in any case)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from planner.config import default_config
from planner.flows.held import KEPT_BY, OFFERED, SENT, for_others, held_times, refused
from planner.flows.offers import Offers
from planner.invite.answers import Answer
from planner.invite.invitation import Invitation
from planner.invite.sentlog import prepare_request, record_sent
from planner.model import Attendee, Response
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


# -- declined and countered times --------------------------------------------------------------
JONAS = Attendee("Jonas@Nordwind.example", "Jonas Peters")
CLAIRE = Attendee("claire.dubois@lumiere-conseil.example", "Claire Dubois")
PETRA = "petra.schmidt@alpenglueck.example"  # invited to nothing


def _sent(store: Store, *people: Attendee, days: int = 2):
    start = NOW + timedelta(days=days)
    inv = Invitation(
        title="Déjeuner", start=start, end=start + timedelta(hours=1),
        organizer=Attendee("me@mycorp.example"), attendees=people, venue_name="Café Luitpold",
    )  # fmt: skip
    prepared = prepare_request(store, inv)
    record_sent(store, prepared, sent_at=NOW)
    return prepared


def _answer(store: Store, uid: str, who: Attendee, response: Response, **more) -> None:
    from planner.flows.followup import record

    record(store, [Answer(uid, who.email.lower(), response, stamp=NOW, **more)], now=NOW)


def _starts(events) -> set[tuple[str, datetime]]:
    return {(e.uid.split(":")[0], e.start.astimezone(UTC)) for e in events}


def test_a_declined_time_stays_busy_for_who_declined_it_and_no_one_else(tmp_path):
    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    prepared = _sent(store, JONAS)
    _answer(store, prepared.uid, JONAS, Response.DECLINED)
    declined = prepared.invitation.start.astimezone(UTC)
    assert held_times(store, config, NOW) == [], "declined by everyone: not held for others"
    held = held_times(store, config, NOW, declined=True)
    for spelled in (
        "jonas@nordwind.example",
        "JONAS@NORDWIND.EXAMPLE",
        "Jonas <jonas@nordwind.example>",
    ):
        (blocked,) = for_others(held, [spelled.split("<")[-1].rstrip(">")])
        assert blocked.start.astimezone(UTC) == declined and blocked.location == ""
    assert for_others(held, [PETRA]) == [] and for_others(held, [CLAIRE.email]) == []
    assert not any(refused(e) for e in for_others(held, [PETRA, CLAIRE.email]))
    after = prepared.invitation.end + timedelta(minutes=1)
    assert held_times(store, config, after, declined=True) == [], "not once it has passed"


def test_one_declines_another_has_not_answered_the_time_is_held_and_declined(tmp_path):
    """Claire declined, Jonas has not answered: the time is held for everybody while Jonas may
    still come; when it is no longer held (hold_days), Claire's no still stands for her."""
    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    prepared = _sent(store, JONAS, CLAIRE, days=30)
    _answer(store, prepared.uid, CLAIRE, Response.DECLINED)
    assert {e.uid.split(":")[0] for e in for_others(held_times(store, config, NOW, declined=True),
                                                   [PETRA])} == {"held"}  # fmt: skip
    later = NOW + timedelta(days=config["invite"]["hold_days"] + 1)
    held = held_times(store, config, later, declined=True)
    assert for_others(held, [PETRA]) == [] and for_others(held, [JONAS.email]) == []
    (blocked,) = for_others(held, [CLAIRE.email])
    assert refused(blocked)


def test_a_decline_of_an_earlier_revision_blocks_that_time_and_holds_the_new_one(tmp_path):
    from planner.invite.sentlog import prepare_update

    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    first = _sent(store, JONAS)
    _answer(store, first.uid, JONAS, Response.DECLINED)
    moved = prepare_update(store, first.uid, start=first.invitation.start + timedelta(hours=3))
    record_sent(store, moved, sent_at=NOW)
    held = held_times(store, config, NOW, declined=True)
    assert _starts(held) == {
        ("held", moved.invitation.start.astimezone(UTC)),  # the new time: held for everyone
        ("declined", first.invitation.start.astimezone(UTC)),  # the old: still a no for Jonas
    }
    assert _starts(for_others(held, [PETRA])) == {("held", moved.invitation.start.astimezone(UTC))}


def test_a_countered_time_is_kept_for_the_answer_not_proposed_as_new(tmp_path):
    """Jonas asks for Thursday 15:00 instead: that time is kept (for him and everyone else)
    until it passes or the invitation moves, and the invitation's own time stays held."""
    from planner.invite.sentlog import prepare_update

    store = Store(tmp_path / "state.sqlite3")
    config = default_config()
    prepared = _sent(store, JONAS)
    other = (NOW + timedelta(days=3, hours=6), NOW + timedelta(days=3, hours=7))
    _answer(store, prepared.uid, JONAS, Response.TENTATIVE, method="COUNTER", proposed=other)
    held = held_times(store, config, NOW)
    wanted = {prepared.invitation.start.astimezone(UTC), other[0]}
    assert {e.start.astimezone(UTC) for e in for_others(held, [JONAS.email])} == wanted
    assert {e.start.astimezone(UTC) for e in for_others(held, [PETRA])} == wanted
    (kept,) = [e for e in held if e.start.astimezone(UTC) == other[0]]
    assert kept.location == "Café Luitpold" and "Déjeuner" in kept.title
    accepted = prepare_update(store, prepared.uid, start=other[0], end=other[1])
    record_sent(store, accepted, sent_at=NOW)  # the counter accepted: one time, held once
    assert [e.start.astimezone(UTC) for e in held_times(store, config, NOW)] == [other[0]]
