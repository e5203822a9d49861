"""The pure parts of planner sync: what is mirrored and how, where travel legs go, and the
plan's rules (only marked events are ever changed; nothing outside the window is deleted)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from planner.meet.place import Place
from planner.model import Attendee, Event, Geo, Mode, Response, Status
from planner.sync.marks import derived_uid, mirror_id, mirror_key, occurrence, travel_id
from planner.sync.marks import digest as content_digest
from planner.sync.mirrors import mirror, mirrorable, mirrors
from planner.sync.plan import plan_target, undo_target
from planner.sync.travel import legs
from providers.base import MarkedEvent, SyncMark, written_by_sync

TZ = ZoneInfo("Europe/Berlin")
ME = "me@example.com"


def ev(uid: str, hour: float, hours: float = 1, **kw) -> Event:
    start = datetime(2026, 12, 8, tzinfo=TZ) + timedelta(hours=hour)
    return Event(uid, kw.pop("title", uid), start, start + timedelta(hours=hours), **kw)


def test_free_declined_cancelled_and_own_events_are_not_mirrored():
    declined = ev("d", 9, attendees=(Attendee(ME, response=Response.DECLINED),))
    declined = Event(**{**_fields(declined), "self_response": Response.DECLINED})
    events = [
        ev("busy", 8),
        ev("free", 9, busy=False),
        declined,
        ev("gone", 10, status=Status.CANCELLED),
        ev(derived_uid("x", mirror_id("y", "z")), 11),
        ev("caldav-mirror", 12, hints=(("X-PLANNER-SYNC-KEY", mirror_id("a", "b")),)),
        ev("graph-mirror", 13),
    ]
    found = mirrors(events, "src", "dst", "title", own_uids=frozenset({"graph-mirror"}))
    # planner's UID without the mark (an invitation to someone else's mirror) is a meeting
    foreign = occurrence(events[4])
    assert [w.key for w in found] == [mirror_id("src", "busy"), mirror_id("src", foreign)]
    assert not mirrorable(events[3])


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in Event.__slots__ if not name.startswith("_")}


def test_what_a_mirror_shows():
    event = ev("m", 9, title="Pitch", location="Tantris", status=Status.TENTATIVE)
    assert mirror(event, "a", "b", "busy").event.title == "Busy"
    assert mirror(event, "a", "b", "title").event.location == ""
    shown = mirror(event, "a", "b", "title_and_place").event
    assert (shown.title, shown.location, shown.status) == ("Pitch", "Tantris", Status.TENTATIVE)
    private = Event(**{**_fields(event), "hints": (("graph.sensitivity", "private"),)})
    shown = mirror(private, "a", "b", "title_and_place").event
    assert (shown.title, shown.location) == ("Busy", "")
    assert not written_by_sync(shown)  # the mark recognises a mirror, not its UID
    assert mirror(event, "a", "b", "busy").event.uid != mirror(event, "a", "c", "busy").event.uid


def test_a_moved_event_keeps_its_key_an_occurrence_of_a_series_does_not():
    single, moved = ev("s", 9), ev("s", 11)
    assert mirror_key("a", single) == mirror_key("a", moved)
    first = Event(**{**_fields(ev("r", 9)), "series_id": "r"})
    second = Event(**{**_fields(ev("r", 33)), "series_id": "r"})
    assert mirror_key("a", first) != mirror_key("a", second)


def marked(key: str, event: Event, digest: str = "") -> MarkedEvent:
    """``event`` as the planner wrote it (``digest``: what it wrote, when the user changed
    it since)."""
    return MarkedEvent(f"id-{key}", SyncMark(key, digest or content_digest(event)), event)


WINDOW = (datetime(2026, 12, 7, tzinfo=TZ), datetime(2026, 12, 21, tzinfo=TZ))


def test_plan_creates_updates_deletes_and_leaves_the_rest():
    keep = mirror(ev("k", 9), "a", "t", "busy")
    change = mirror(ev("c", 10), "a", "t", "busy")
    new = mirror(ev("n", 11), "a", "t", "busy")
    have = [
        marked(keep.key, keep.event, keep.digest),
        marked(change.key, ev("c", 9.5)),  # written before the source event moved
        marked(mirror_id("a", "old"), ev("old", 12)),
        marked(mirror_id("a", "past"), ev("past", -48)),  # before the window: left alone
        marked(mirror_id("down", "x"), ev("x", 13)),  # its source failed to read: left alone
        marked(travel_id("x", "before"), ev("t", 14)),  # travel, while a source failed: left alone
    ]
    plan = plan_target("t", [keep, change, new], have, window=WINDOW, failed_sources={"down"})
    assert sorted((c.action, c.key) for c in plan.changes) == [
        ("create", new.key),
        ("delete", mirror_id("a", "old")),
        ("update", change.key),
    ]
    assert len(undo_target("t", have).changes) == len(have)


def test_a_duplicate_mark_is_deleted_once():
    want = mirror(ev("k", 9), "a", "t", "busy")
    have = [marked(want.key, want.event, want.digest), marked(want.key, want.event, want.digest)]
    have[1] = MarkedEvent("id-z", have[1].mark, want.event)
    plan = plan_target("t", [want], have, window=WINDOW)
    assert [(c.action, c.marked.id) for c in plan.changes] == [("delete", "id-z")]


def test_a_mirror_the_user_invited_people_to_is_theirs():
    """Guests alone leave the digest as it was (it holds what a mirror shows), yet the planner
    writes none: such a mirror was reused for a meeting, and is neither moved nor deleted."""
    want = mirror(ev("k", 9), "a", "t", "busy")
    guest = (Attendee("jonas@kunde-ag.example", "Jonas"),)
    reused = Event(**{**_fields(want.event), "attendees": guest})
    have = [marked(want.key, reused, want.digest)]
    moved = mirror(ev("k", 11), "a", "t", "busy")  # the meeting it stood for moved since
    plan = plan_target("t", [moved], have, window=WINDOW)  # a new mirror for the new time
    assert [(c.action, c.reason) for c in plan.changes] == [("leave", "changed"), ("create", "")]
    assert [(c.action, c.reason) for c in undo_target("t", have).changes] == [("leave", "changed")]
    own = {reused.uid: have[0].mark}  # as the target lists it: the busy time of the user's now
    assert mirrorable(reused, own) and not mirrorable(want.event, own)
    assert mirrorable(reused)  # with guests it is a meeting, with its mark or without


HOME, OFFICE, CAFE, CLIENT = (
    Geo(48.06, 11.61),
    Geo(48.16, 11.586),
    Geo(48.1235, 11.548),
    Geo(48.2, 11.7),
)


def _legs(events: list[Event], places: dict[str, Geo], home: Geo | None = HOME):
    def minutes(a: Geo, b: Geo) -> int:
        return 0 if a == b else 20

    found = legs(
        events,
        mode_of=lambda e: Mode.VIRTUAL if e.uid.startswith("v") else Mode.IN_PERSON,
        locate=lambda e: places.get(e.uid),
        home=home,
        minutes=minutes,
        tz=TZ,
    )
    return [(leg.meeting.uid, leg.side, leg.minutes) for leg in found]


def test_legs_of_a_day_with_an_excursion():
    events = [ev("a", 9), ev("lunch", 12), ev("b", 15), ev("v-call", 17)]
    places = {"a": OFFICE, "lunch": CAFE, "b": OFFICE}
    assert _legs(events, places) == [
        ("a", "before", 20),
        ("lunch", "before", 20),
        ("lunch", "after", 20),
        ("b", "after", 20),
    ]


def test_legs_of_a_round_trip_and_without_home():
    events = [ev("a", 9), ev("b", 11), ev("c", 14)]
    places = {"a": OFFICE, "b": CLIENT, "c": CAFE}
    assert _legs(events, places) == [
        ("a", "before", 20),
        ("b", "before", 20),
        ("c", "before", 20),
        ("c", "after", 20),
    ]
    assert _legs(events, places, home=None) == [("b", "before", 20), ("c", "before", 20)]
    # a place unknown, or the same place all day: no legs for it
    assert _legs([ev("a", 9), ev("x", 11)], {"a": OFFICE}, home=OFFICE) == []


def test_two_runs_never_write_at_once(tmp_path):
    """Safe from cron: while one run holds the lock, a second --apply exits with 75."""
    import fcntl

    import pytest

    from planner.config import from_mapping
    from planner.paths import data_dir
    from planner.store import Store
    from planner.sync.lock import SyncBusy
    from planner.sync.run import run_sync

    config = from_mapping(
        {
            "calendars": [{"name": "a", "provider": "memory"}, {"name": "b", "provider": "memory"}],
            "sync": [{"from": ["a"], "to": "b"}],
        },
        "<test>",
    )
    store = Store(tmp_path / "state.sqlite3")
    now = datetime(2026, 12, 7, 8, tzinfo=TZ)
    assert run_sync(config, store, now=now, apply=True).ok
    data_dir().mkdir(parents=True, exist_ok=True)
    with open(data_dir() / "sync.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(SyncBusy) as caught:
            run_sync(config, store, now=now, apply=True)
        assert caught.value.exit_code == 75
        assert run_sync(config, store, now=now).ok  # a dry run needs no lock


def test_sync_config_problems_are_reported_together():
    import pytest

    from planner.config import from_mapping
    from planner.errors import ConfigError

    calendars = [
        {"name": "a", "provider": "memory"},
        {"name": "f", "provider": "ics", "path": "x.ics"},
        {"name": "g", "provider": "google"},
    ]
    sync = [
        {"from": ["a"], "to": "a"},
        {"from": ["a"], "to": "f"},
        {"from": ["a"], "to": "g"},
        {"to": "a", "show": "all"},
    ]
    with pytest.raises(ConfigError) as caught:
        from_mapping({"calendars": calendars, "sync": sync}, "cfg.toml")
    text = str(caught.value)
    assert "[[sync]] #1: 'a' cannot be source and target at once" in text
    assert "[[sync]] #2: calendar 'f' (ics) cannot be a sync target" in text
    # the config is read as a whole: no command runs, so none is suggested to try meanwhile
    assert "sync --preview" not in text and "Fix or remove this [[sync]] table" in text
    assert "[[sync]] #3: calendar 'g' is read-only" in text
    assert "[[sync]] #4" in text and "'from'" in text and "key 'show'" in text


def test_legs_follow_a_change_of_the_neighbouring_place():
    """The afternoon meeting moves from the office to a client: the way back from lunch now
    leads there and is blocked before that meeting; the blocks of the plan change with it."""
    events = [ev("a", 9), ev("lunch", 12), ev("b", 15)]
    before = _legs(events, {"a": OFFICE, "lunch": CAFE, "b": OFFICE})
    after = _legs(events, {"a": OFFICE, "lunch": CAFE, "b": CLIENT})
    assert ("lunch", "after", 20) in before and ("b", "before", 20) not in before
    assert ("lunch", "after", 20) not in after and ("b", "before", 20) in after


def test_a_travel_block_across_the_dst_change_lasts_its_real_length():
    """29 March 2026: 20 minutes' travel to a meeting at 03:10 CEST start at 01:50 CET (wall-clock
    arithmetic would give 02:50, a time that does not exist that night)."""
    start = datetime(2026, 3, 29, 3, 10, tzinfo=TZ)  # 01:10 UTC
    meeting = Event("early", "early", start, start + timedelta(hours=1))
    (leg,) = [
        leg
        for leg in legs(
            [meeting],
            mode_of=lambda e: Mode.IN_PERSON,
            locate=lambda e: OFFICE,
            home=HOME,
            minutes=lambda a, b: 20,
            tz=TZ,
        )
        if leg.side == "before"
    ]
    assert leg.start == datetime(2026, 3, 29, 1, 50, tzinfo=TZ)  # 00:50 UTC, 20 real minutes
    assert leg.minutes == 20


def test_a_sync_table_naming_a_switched_off_calendar_is_skipped_with_a_warning(caplog):
    from planner.config import from_mapping

    calendars = [
        {"name": "a", "provider": "memory"},
        {"name": "b", "provider": "memory", "enabled": False},
        {"name": "c", "provider": "memory"},
    ]
    sync = [{"from": ["a"], "to": "b"}, {"from": ["a"], "to": "c"}]
    config = from_mapping({"calendars": calendars, "sync": sync}, "cfg.toml")
    assert [s.target for s in config.syncs] == ["c"]
    assert "[[sync]] #1 is skipped: calendar 'b' is switched off" in caplog.text


def test_what_the_user_changed_or_deleted_is_left_as_they_made_it():
    wanted = [mirror(ev(uid, 9 + n), "a", "t", "title") for n, uid in enumerate("rmfgd")]
    retitled, moved, freed, gone, deleted = wanted
    have = [
        marked(retitled.key, ev("r", 9, title="Taxi zum Café (gebucht)"), retitled.digest),
        marked(moved.key, ev("m", 10.5), moved.digest),
        marked(freed.key, ev("f", 11, busy=False), freed.digest),
        marked(gone.key, ev("g", 12, title="Lunch – bring the deck"), "an older digest"),
    ]
    moved_source = [*wanted[:3], mirror(ev("g", 15), "a", "t", "title"), deleted]
    plan = plan_target("t", moved_source, have, window=WINDOW, written={deleted.key})
    # the meeting of the changed 'gone' copy moved since: the copy stays, a mirror is made for
    # the meeting's new time (QA G #3: the target showed the user free during it)
    assert sorted((c.action, c.reason, c.key) for c in plan.changes) == sorted(
        [("leave", "changed", w.key) for w in (retitled, moved, freed, gone)]
        + [("leave", "deleted", deleted.key), ("create", "", gone.key)]
    )
    (note,) = [c for c in plan.changes if c.outdated]
    assert note.key == gone.key and note.now is not None and note.now.start == ev("g", 15).start
    # no longer wanted (the meeting was cancelled): still not deleted, not even by --undo
    assert {c.action for c in plan_target("t", [], have, window=WINDOW).changes} == {"leave"}
    assert {c.action for c in undo_target("t", have).changes} == {"leave"}


def test_a_journey_between_towns_gets_no_travel_block():
    """A meeting in another town is reached by a journey (a train or flight the user books,
    in the calendar or not yet): no "Travel" block of guessed hours is written for it, not
    the 7-hour way back to the Munich office on a day in Hamburg, not a night before a
    breakfast in London; the ways across town still are."""
    from planner.config import default_config
    from planner.meet.geo import locate_offline
    from planner.meet.travel_time import travel_model

    def place(text: str, country: str = "DE") -> Place:
        found = locate_offline(text, country)
        assert found is not None, text
        return found

    munich, hamburg, london = place("München"), place("Hamburg"), place("London", "GB")
    office = Place("Büro, Leopoldstr. 1", 48.1600, 11.5860, "event")
    cafe = Place("Speicherstadt Kaffeerösterei", 53.5445, 9.9890, "event")
    wolseley = Place("The Wolseley, Piccadilly", 51.5073, -0.1413, "event")
    day = datetime(2026, 12, 15, tzinfo=TZ).date()
    events = [
        ev("jour-fixe", 24 * 7 + 9, 0.5, title="Jour fixe Vertrieb"),  # Tue 15 Dec, in Hamburg
        ev("lunch-bob", 24 * 7 + 13, 1.5, title="Lunch with Bob (Acme)"),
        ev("breakfast", 24 * 6 + 9, title="Breakfast with Clara"),  # Mon 14 Dec, London
        ev("luitpold", 24 * 6 + 15, title="Erstgespräch Müller GmbH"),  # and later in Munich
    ]
    places = {"jour-fixe": office, "lunch-bob": cafe, "breakfast": wolseley, "luitpold": office}
    model = travel_model(default_config())
    found = legs(
        events,
        mode_of=lambda e: Mode.IN_PERSON,
        locate=lambda e: places[e.uid],
        home=munich,
        minutes=model.between,
        journey=model.journey,
        tz=TZ,
        away={day: hamburg},
    )
    assert sorted((leg.meeting.uid, leg.side) for leg in found) == [
        ("luitpold", "after"),  # home from the office; London is a journey both ways
        ("lunch-bob", "after"),  # back to the hotel's town, across Hamburg
    ]
    assert all(leg.minutes < 60 for leg in found)
    assert model.journey(munich, london) and not model.journey(office, munich)
