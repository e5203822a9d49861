"""Where many counterparts live, worked out together (planner.judge.homes_many): thousands on
several cores give the answers one by one gives, keep them in the same rows, and read them back
the same way; a place the run has not located yet is looked up in this process only."""

from __future__ import annotations

import os

import pytest

from planner.config import default_config
from planner.ical.forking import usable_cores
from planner.judge import homes_many
from planner.judge.homes import HomeFinder
from planner.judge.homes_kept import KeptHomes
from planner.meet.geo import Geocoder
from planner.model import Mode
from planner.store import Store
from tests.judge.test_homes import ME, NOW, _event

ORGS = {  # organisation → where it meets, and the number its people sign with
    "hafen.example": ("Am Sandtorkai 50, 20457 Hamburg", "Tel. +49 40 3099 1234"),
    "rhein.example": ("Kaistraße 5, 40221 Düsseldorf", "Telefon +49 211 123456"),
    "donau.example": ("Herrengasse 14, 1010 Wien", "Tel. +43 1 5331234"),
    "thames.co.uk": ("https://teams.microsoft.com/l/meetup-join/1", "Phone +44 20 7946 0958"),
    "conseil.fr": ("Zoom", "Tél. +33 1 42 68 53 00"),
    "isar.example": ("Marienplatz 1, 80331 München", ""),  # the user's town: they may come
    "limmat.example": ("", "Tel. +41 44 668 18 00"),
    "gmail.com": ("Café Luitpold, Brienner Str. 11, 80333 München", "+49 30 1234567"),
}
PEOPLE = [f"p{n}@{org}" for org in ORGS for n in range(9)]


def _history():
    items = []
    for n in range(300):
        person = PEOPLE[(n * 7) % len(PEOPLE)]
        where, number = ORGS[person.rpartition("@")[2]]
        signature = f"Grüße\n{person.split('@')[0].upper()} <{person}>\n{number}" if n % 3 else ""
        mode = Mode.IN_PERSON if n % 2 else Mode.VIRTUAL
        items.append(_event(f"m{n}", 400 - n, where, [person], signature, mode))
    return items


class Run:
    """One run's finder over the history with answers kept in ``store``; ``worked`` collects
    "process address" for each answer worked out, in whichever process it was."""

    def __init__(self, store, worked, located=()):
        config = default_config(user={"email": ME.email, "home": "München"})
        items = _history()
        geocoder = Geocoder(config)
        for text in located:  # what the run located before it asks where people live
            geocoder.locate(text)
        events = [e for e, _m in items]
        finder = HomeFinder(events, {e.key: m for e, m in items}, config, geocoder.locate, now=NOW)
        finder.settled = geocoder.known
        finder.kept = KeptHomes.of(store, config)
        infer = finder.infer

        def counted(email):
            found = infer(email)  # (a worker that needs a place looked up stops on the way)
            with open(worked, "a", encoding="utf-8") as out:
                out.write(f"{os.getpid()} {email}\n")
            return found

        finder.infer = counted  # type: ignore[method-assign]
        self.finder = finder
        self.geocoder = geocoder


def _rows(store):
    return store.conn.execute("SELECT key, home, used FROM homes_kept ORDER BY used").fetchall()


def _worked(path):
    return [line.split() for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def two_stores(tmp_path):
    stores = Store(tmp_path / "one.sqlite3"), Store(tmp_path / "many.sqlite3")
    yield stores
    for store in stores:
        store.close()


def test_many_at_once_answer_and_keep_as_one_by_one(tmp_path, two_stores, monkeypatch):
    """Half the places located before (the other half only this process may look up): the
    answers, the rows kept and their order are those of asking one by one; a second run reads
    every answer back and works no one out."""
    monkeypatch.setattr(homes_many, "APART", 10)
    alone, together = two_stores
    located = [where for where, _number in list(ORGS.values())[::2]] + ["Hamburg", "London"]
    one = Run(alone, tmp_path / "one.txt", located)
    expected = {person: one.finder.home_of(person) for person in PEOPLE}
    one.finder.kept.flush()
    many = Run(together, tmp_path / "many.txt", located)
    assert homes_many.homes_of(many.finder, PEOPLE) == expected
    many.finder.kept.flush()
    assert {home.city for home in expected.values() if home} >= {"Hamburg", "Wien", "London"}
    assert _rows(together) == _rows(alone) and len(_rows(alone)) == len(PEOPLE)
    worked = _worked(tmp_path / "many.txt")
    assert sorted(email for _pid, email in worked) == sorted(PEOPLE)  # each once
    here = str(os.getpid())
    if usable_cores() > 1:
        assert {pid for pid, _email in worked} - {here}  # some elsewhere
    # the places looked up for the first time were looked up here: the run remembers them
    assert all(many.geocoder.known(where) for where, _number in ORGS.values())
    again = Run(together, tmp_path / "again.txt")
    assert homes_many.homes_of(again.finder, PEOPLE) == expected
    again.finder.kept.flush()
    assert _worked(tmp_path / "again.txt") == []
    assert _rows(together) == _rows(alone)


def test_a_place_not_located_yet_is_looked_up_here(tmp_path, two_stores, monkeypatch):
    """Nothing located before: every answer that needs a place is worked out in this process
    (a worker would look it up on the network or write the geocoder's cache), the others
    anywhere; all as one by one."""
    monkeypatch.setattr(homes_many, "APART", 10)
    alone, together = two_stores
    one = Run(alone, tmp_path / "one.txt")
    expected = {person: one.finder.home_of(person) for person in PEOPLE}
    many = Run(together, tmp_path / "many.txt")
    assert homes_many.homes_of(many.finder, PEOPLE) == expected
    here = str(os.getpid())
    elsewhere = {email for pid, email in _worked(tmp_path / "many.txt") if pid != here}
    hamburg = [p for p in PEOPLE if p.endswith("@hafen.example")]
    assert not elsewhere & set(hamburg)  # their meetings' places were not located yet
    if usable_cores() > 1:
        assert elsewhere  # who needs no place looked up (a Swiss number in a signature only)


def test_a_finder_not_told_what_is_located_works_one_by_one(tmp_path, monkeypatch):
    """A ``locate`` that cannot say what it has located (any function) is asked here only."""
    monkeypatch.setattr(homes_many, "APART", 10)
    store = Store(tmp_path / "s.sqlite3")
    run = Run(store, tmp_path / "w.txt")
    run.finder.settled = None
    homes_many.homes_of(run.finder, PEOPLE)
    store.close()
    assert {pid for pid, _email in _worked(tmp_path / "w.txt")} == {str(os.getpid())}


def test_the_weeks_json_names_the_cities_one_by_one_names(tmp_path, monkeypatch):
    """The week's JSON asks where all its counterparts live at once (those the keep-in-touch
    section has not asked), begun aside while the plan is made: worked out so (a fresh state
    database each time) it says what asking one by one says."""
    from planner import api
    from planner.config import load
    from planner.render import render_week
    from tests.flows.touch_scenario import NOW, TRIP_MONDAY, write_home

    config = load(write_home(tmp_path / "home"))

    def week(data: str, cities: bool = False) -> str:
        monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / data))
        return render_week(api.plan_week(config, TRIP_MONDAY, now=NOW, cities=cities), "json")

    alone = week("one")
    monkeypatch.setattr(homes_many, "APART", 1)
    begun: list[object] = []
    begin = homes_many.begin
    monkeypatch.setattr(homes_many, "begin", lambda *a: begun.append(begin(*a)) or begun[-1])
    assert week("many") == alone and not begun  # (a plan shown in the terminal: none begun)
    assert week("aside", cities=True) == alone
    # the week's only counterpart is the user, whose place is the config's: none worked out
    # aside (the other tests here begin with many people)
    assert begun == [None] and '"city": ' in alone


def test_the_work_is_shared_by_the_meetings_read_not_by_heads(tmp_path):
    """The user's own address is in every meeting: asked with the others, it is most of the
    work, and the share done in this process holds few people besides it."""
    store = Store(tmp_path / "s.sqlite3")
    run = Run(store, tmp_path / "w.txt")
    keys = [ME.email, *PEOPLE]
    share = homes_many._share(run.finder, keys, 0.5)
    assert 1 / len(keys) <= share < 0.5
    assert homes_many._share(run.finder, list(reversed(keys)), 0.5) > 0.5
    store.close()


def test_begun_aside_and_finished_here_as_one_by_one(tmp_path, two_stores, monkeypatch):
    """Begun in a forked process while the plan is made (some asked meanwhile, as the
    keep-in-touch section asks), finished here from the other end: the answers and the rows
    kept, in their order, are those of asking one by one."""
    monkeypatch.setattr(homes_many, "APART", 10)
    alone, together = two_stores
    located = [where for where, _number in list(ORGS.values())[1::2]]
    one = Run(alone, tmp_path / "one.txt", located)
    meanwhile = PEOPLE[5:9]
    for person in meanwhile:
        one.finder.home_of(person)
    expected = {person: one.finder.home_of(person) for person in PEOPLE}
    one.finder.kept.flush()
    many = Run(together, tmp_path / "many.txt", located)
    begun = homes_many.begin(many.finder, PEOPLE)
    assert begun is not None
    for person in meanwhile:
        many.finder.home_of(person)
    assert homes_many.homes_of(many.finder, PEOPLE, begun) == expected
    many.finder.kept.flush()
    assert _rows(together) == _rows(alone)
    assert not begun.process.is_alive()
    if usable_cores() > 1:
        assert {pid for pid, _email in _worked(tmp_path / "many.txt")} - {str(os.getpid())}


def test_an_aside_that_fails_is_worked_out_here(tmp_path, two_stores, monkeypatch):
    """The forked process killed before it answers: everyone is worked out here, as one by
    one (nothing lost, nothing said twice)."""
    monkeypatch.setattr(homes_many, "APART", 10)
    alone, together = two_stores
    one = Run(alone, tmp_path / "one.txt")
    expected = {person: one.finder.home_of(person) for person in PEOPLE}
    one.finder.kept.flush()
    many = Run(together, tmp_path / "many.txt")
    begun = homes_many.begin(many.finder, PEOPLE)
    assert begun is not None
    begun.process.kill()
    begun.process.join()
    assert homes_many.homes_of(many.finder, PEOPLE, begun) == expected
    many.finder.kept.flush()
    assert _rows(together) == _rows(alone)
