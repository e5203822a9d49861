"""Rhythms: how people write them (English, German, French), which one counts for a person,
and how it stands with them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.config import default_config
from planner.config.rhythm import Rhythm, RhythmError, parse_rhythm
from planner.errors import ConfigError, UsageError
from planner.people.person import Person
from planner.people.rhythm import Rhythms, commanded, set_rhythm, standing, target_of
from planner.store import Store


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("every 6 weeks", "6w"),
        ("6 weeks", "6w"),
        ("6w", "6w"),
        ("every other week", "2w"),
        ("monthly", "1m"),
        ("once a month", "1m"),
        ("quarterly", "3m"),
        ("every quarter", "3m"),
        ("twice a year", "6m"),
        ("3 times a year", "4m"),
        ("10 days", "10d"),
        ("1y", "1y"),
        ("alle 6 Wochen", "6w"),
        ("alle zwei Monate", "2m"),
        ("jeden Monat", "1m"),
        ("vierteljährlich", "3m"),
        ("Halbjährlich", "6m"),
        ("zweimal im Jahr", "6m"),
        ("2 mal im Jahr", "6m"),
        ("jedes Quartal", "3m"),
        ("tous les 2 mois", "2m"),
        ("toutes les 6 semaines", "6w"),
        ("chaque mois", "1m"),
        ("trimestriel", "3m"),
        ("deux fois par an", "6m"),
        ("un an", "1y"),
        ("never", "never"),
        ("nie", "never"),
        ("jamais", "never"),
    ],
)
def test_rhythms_as_people_write_them(text, code):
    assert parse_rhythm(text).code == code


@pytest.mark.parametrize(
    "text", ["", "banana", "0 weeks", "1.5 months", "every", "m", "500 years", "6 wochen bitte"]
)
def test_what_is_no_rhythm_is_refused_with_examples(text):
    with pytest.raises(RhythmError, match="every 6 weeks"):
        parse_rhythm(text)


def test_months_are_calendar_months():
    assert Rhythm(1, "m").due(date(2027, 1, 31)) == date(2027, 2, 28)
    assert Rhythm(1, "m").due(date(2028, 1, 31)) == date(2028, 2, 29)
    assert Rhythm(1, "y").due(date(2028, 2, 29)) == date(2029, 2, 28)
    assert Rhythm(6, "w").due(date(2026, 12, 28)) == date(2027, 2, 8)


def test_a_bad_rhythm_in_the_config_names_its_table():
    with pytest.raises(ConfigError, match=r"\[\[people\]\] #1 key 'rhythm'.*no rhythm"):
        default_config(people=[{"email": "a@b.example", "rhythm": "sometimes"}])
    with pytest.raises(ConfigError, match="takes only a 'rhythm'"):
        default_config(people=[{"tag": "x", "city": "Hamburg"}])


def person(*addresses: str, tags: tuple[str, ...] = ()) -> Person:
    return Person(addresses[0].lower(), addresses, tags=tags)


def config(**extra):
    people = [
        {"email": "lena@hafen.example", "rhythm": "6 weeks"},
        {"domain": "hafen.example", "rhythm": "quarterly"},
        {"domain": "ost.hafen.example", "rhythm": "monthly"},
        {"tag": "Investoren", "rhythm": "2 months"},
        {"tag": "Kunden", "rhythm": "4 months"},
        {"tag": "Ruhe", "rhythm": "never"},
    ]
    return default_config(
        people=people,
        relations={"key_accounts": ["rhein.example"], "visit_due_days": 60},
        **extra,
    )


def test_the_most_specific_rhythm_counts():
    rhythms = Rhythms(config())
    assert rhythms.of(person("Lena@Hafen.example")).rhythm.code == "6w"  # her own
    assert rhythms.of(person("tom@hafen.example")).rhythm.code == "3m"  # the organisation's
    assert rhythms.of(person("ida@ost.hafen.example")).rhythm.code == "1m"  # longest domain
    both = person("maja@elb.example", tags=("Kunden", "investoren"))
    assert rhythms.of(both).rhythm.code == "2m"  # the shortest of its tags
    assert rhythms.of(person("kim@rhein.example")).kind == "key account"
    assert rhythms.of(person("kim@rhein.example")).rhythm.days == 60
    assert rhythms.of(person("nobody@else.example")) is None


def test_never_switches_a_rhythm_off():
    rhythms = Rhythms(config())
    assert rhythms.of(person("x@elb.example", tags=("Kunden", "Ruhe"))) is None


def test_a_default_rhythm_for_everyone_else():
    rhythms = Rhythms(config(keep_in_touch={"default_rhythm": "jährlich"}))
    rule = rhythms.of(person("nobody@else.example"))
    assert rule is not None and rule.rhythm.code == "1y" and rule.kind == "default"


def test_the_command_wins_over_the_config_and_survives_a_bad_stored_value():
    store = Store(":memory:")
    now = datetime(2026, 12, 1, tzinfo=ZoneInfo("Europe/Berlin"))
    set_rhythm(store, "lena@hafen.example", Rhythm(2, "w"), now)
    set_rhythm(store, "#Kunden", Rhythm(1, "m"), now)
    store.conn.execute("INSERT INTO rhythms VALUES ('person:bad@x.example', 'soon', '')")
    rhythms = Rhythms(config(), commanded(store))
    assert rhythms.of(person("lena@hafen.example")).rhythm.code == "2w"
    assert rhythms.of(person("lena@hafen.example")).origin == "planner people rhythm"
    assert rhythms.of(person("x@elb.example", tags=("kunden",))).rhythm.code == "1m"
    set_rhythm(store, "lena@hafen.example", None, now)
    assert Rhythms(config(), commanded(store)).of(person("lena@hafen.example")).rhythm.code == "6w"


def test_targets_of_the_command():
    assert target_of("Lena@Hafen.example") == ("person", "lena@hafen.example")
    assert target_of("#Investoren") == ("tag", "investoren")
    assert target_of("tag:Beirat") == ("tag", "beirat")
    assert target_of("@hafen.example") == ("organisation", "hafen.example")
    with pytest.raises(UsageError, match="names no person"):
        target_of("Lena Hansen")


TODAY = date(2026, 11, 30)
EVERY_2M = Rhythms(default_config(people=[{"domain": "x.example", "rhythm": "2 months"}]))
RULE = EVERY_2M.of(person("a@x.example"))


def test_never_met_and_never_contacted_is_due_today():
    found = standing(RULE, TODAY, last_in_person=None, last_contact=None, first_contact=None)
    assert found.due == TODAY and found.overdue_days == 0


def test_met_only_by_video_is_due_one_rhythm_after_the_first_call():
    """Bug (found by trying the product): "never · 83 d overdue" beside "every 90 days", due on
    the day of the first call whatever the rhythm; a changed rhythm changed nothing."""
    found = standing(
        RULE,
        TODAY,
        last_in_person=None,
        last_contact=date(2026, 11, 20),
        first_contact=date(2026, 6, 2),
    )
    assert found.last_in_person is None and found.last_contact == date(2026, 11, 20)
    assert found.due == date(2026, 8, 2) and found.overdue_days == 120
    weekly = Rhythms(default_config(people=[{"domain": "x.example", "rhythm": "alle 14 Tage"}]))
    found = standing(
        weekly.of(person("a@x.example")),
        TODAY,
        last_in_person=None,
        last_contact=date(2026, 11, 20),
        first_contact=date(2026, 6, 2),
    )
    assert found.due == date(2026, 6, 16) and found.overdue_days == 167
    soon = standing(
        RULE, TODAY, last_in_person=None, last_contact=None, first_contact=date(2026, 11, 1)
    )
    assert soon.due == date(2027, 1, 1) and soon.overdue_days == -32 and not soon.overdue


def test_met_in_person_yesterday_is_due_in_two_months():
    yesterday = date(2026, 11, 29)
    found = standing(
        RULE,
        TODAY,
        last_in_person=yesterday,
        last_contact=yesterday,
        first_contact=date(2025, 1, 1),
    )
    assert found.due == date(2027, 1, 29) and found.overdue_days == -60 and not found.overdue


def test_without_a_rhythm_nothing_is_due_but_the_order_still_holds():
    old = standing(
        None, TODAY, last_in_person=date(2025, 1, 1), last_contact=None, first_contact=None
    )
    recent = standing(
        None, TODAY, last_in_person=date(2026, 11, 1), last_contact=None, first_contact=None
    )
    overdue = standing(
        RULE, TODAY, last_in_person=date(2026, 1, 1), last_contact=None, first_contact=None
    )
    assert old.due is None and old.overdue_days is None
    assert sorted([recent, old, overdue], key=lambda s: s.rank()) == [overdue, old, recent]
