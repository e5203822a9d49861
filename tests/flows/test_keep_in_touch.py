"""Keep in touch, from a fresh home: a vCard file and a second address book (a real Radicale,
the Google People fake, the Graph fake) with people in Hamburg, Berlin and Köln, a year of
calendar history and next week's trip to Hamburg (see :mod:`tests.flows.touch_scenario`).

The trip view must list the right people in the right order, its proposals must lie inside the
trip's free time near its base, and the weekly plan (terminal, Markdown, HTML, JSON, mail) must
show the section."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from planner import api
from planner.config import load
from planner.flows.people_flow import people_report, trips_report
from planner.meet.geo import distance_km
from planner.model import Geo
from planner.render import render_week
from planner.store import open_store
from tests.flows.touch_scenario import (
    CONTACTS_BOOK,
    NOW,
    TRIP_MONDAY,
    at,
    trip,
    write_home,
)
from tests.providers.vcards import vcard

HOTEL = Geo(53.5573, 10.0055)  # An der Alster 72, the trip's base


def _toml(options: dict) -> str:
    lines = []
    for key, value in options.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{key} = {json.dumps(value)}")
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines)


@pytest.fixture
def radicale_book(tmp_path_factory, monkeypatch):
    from tests.providers.radicale_server import (
        PASSWORD_ENV,
        make_addressbook,
        put_card,
        radicale_server,
    )

    with radicale_server(tmp_path_factory.mktemp("radicale-touch")) as server:
        url = make_addressbook(server, "Kontakte", "kontakte")
        for contact in CONTACTS_BOOK:
            put_card(server, url, f"{contact.id}.vcf", vcard(contact))
        monkeypatch.setenv(PASSWORD_ENV, server.password)
        options = {"url": server.url, "username": server.username, "password_env": PASSWORD_ENV}
        yield f'[[addressbooks]]\nname = "dav"\nprovider = "carddav"\n{_toml(options)}\n'


@pytest.fixture
def google_book():
    from tests.fakes.google_people import FakePeople

    with FakePeople() as fake:
        for contact in CONTACTS_BOOK:
            fake.put(contact)
        fake.write_token_for("google-contacts")
        yield (
            '[[addressbooks]]\nname = "google-contacts"\nprovider = "google"\n'
            f'api_url = "{fake.url}"\n'
        )


@pytest.fixture
def graph_book(graph):
    from planner.config.schema import SourceConfig
    from providers.addressbooks.outlook import OutlookContactsProvider
    from providers.base import ProviderContext

    for contact in CONTACTS_BOOK:
        graph.put_contact(contact)
    keys = ("client_id", "tenant", "graph_url", "authority")
    options = {k: v for k, v in graph.source_options().items() if k in keys}
    OutlookContactsProvider.sign_in(
        SourceConfig(
            "outlook-contacts", "outlook", {**options, "http_client": graph.msal_http_client()}
        ),
        ProviderContext(tz=NOW.tzinfo),
        prompt=lambda text: None,
    )
    return f'[[addressbooks]]\nname = "outlook-contacts"\nprovider = "outlook"\n{_toml(options)}\n'


BOOKS = ["radicale_book", "google_book", "graph_book"]


def home(tmp_path, book: str):
    return load(write_home(tmp_path / "files", book=book))


@pytest.mark.slow
@pytest.mark.parametrize("book", BOOKS)
def test_the_trip_view_lists_the_right_people_in_the_right_order(tmp_path, request, book):
    config = home(tmp_path, request.getfixturevalue(book))
    (view,) = trips_report(config, open_store(), now=NOW)
    assert view.trip.city == "Hamburg"
    assert view.trip.base == "An der Alster 72, 20099 Hamburg"  # the hotel
    assert view.trip.start == at(TRIP_MONDAY + timedelta(days=1), 8, 20)  # the flight lands
    assert view.trip.end == at(TRIP_MONDAY + timedelta(days=3), 18)  # the flight back leaves
    # Lena: met in March (the organisation's rhythm, quarterly; Tom of the same organisation
    # counts once); Ole: never met in person, video since 2 June (every 2 months: due one
    # rhythm after the first call, 2 August); Maja: never met nor called, an investor (6
    # weeks): due today. Jonas (Berlin) and Kim (Köln) are not near.
    assert [r.person.name for r in view.people] == ["Lena Hansen", "Ole Brandt", "Maja Kruse"]
    assert [r.standing.overdue_days for r in view.people] == [159, 120, 0]


@pytest.mark.slow
@pytest.mark.parametrize("book", BOOKS)
def test_trip_proposals_lie_in_its_free_time_near_its_base(tmp_path, request, book):
    config = home(tmp_path, request.getfixturevalue(book))
    (view,) = trips_report(config, open_store(), now=NOW)
    proposals = [p.proposal for p in view.picks]
    assert len(proposals) == 3 and all(proposals)
    busy = [(e.start, e.end) for e in trip()]
    for proposal in proposals:
        assert view.trip.start <= proposal.start and proposal.end <= view.trip.end
        assert all(proposal.end <= s or proposal.start >= e for s, e in busy), proposal
        assert distance_km(proposal.venue.geo, HOTEL) <= float(config["venues"]["radius_km"])
        assert "Near An der Alster 72" in proposal.reasons[0]
    starts = sorted((p.start, p.end) for p in proposals)
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:], strict=False)), "never two at once"
    # the times held for the others are the user's: nobody's calendar but the user's was seen
    assert not any(
        "both calendars" in r or "all calendars" in r for p in proposals for r in p.reasons
    )


@pytest.mark.slow
@pytest.mark.parametrize("book", BOOKS)
def test_the_weekly_plan_shows_the_section(tmp_path, request, book):
    config = home(tmp_path, request.getfixturevalue(book))
    plan = api.plan_week(config, TRIP_MONDAY, now=NOW, store=open_store())
    section = plan.keep_in_touch
    assert section is not None
    assert [p.row.person.name for p in section.picks] == ["Lena Hansen", "Ole Brandt", "Maja Kruse"]
    assert all(p.proposal is not None for p in section.picks)
    table = render_week(plan, "table", width=120)
    assert "Keep in touch" in table and "Ole Brandt" in table
    assert "planner invite --to ole@nordreederei.example" in table
    markdown = render_week(plan, "markdown")
    assert "## Keep in touch" in markdown and "**Maja Kruse" in markdown
    html = render_week(plan, "html")
    assert 'class="keep"' in html and "Lena Hansen" in html
    data = json.loads(render_week(plan, "json"))
    people = data["keep_in_touch"]["people"]
    assert [p["name"] for p in people] == ["Lena Hansen", "Ole Brandt", "Maja Kruse"]
    assert people[1]["proposal"]["venue"]["name"] and people[1]["rhythm"] == "2m"
    assert data["keep_in_touch"]["trips"][0]["city"] == "Hamburg"


def test_the_weekly_mail_carries_the_section(tmp_path):
    from datetime import UTC, datetime

    from planner.render.week_mail import week_message

    config = home(tmp_path, "")
    plan = api.plan_week(config, TRIP_MONDAY, now=NOW, store=open_store())
    message = week_message(
        week="2026-W50",
        text=render_week(plan, "markdown"),
        html=render_week(plan, "html"),
        sender="anna@berger-consulting.example",
        sender_name="Anna Berger",
        to="anna@berger-consulting.example",
        date=datetime(2026, 11, 30, tzinfo=UTC),
    )
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Keep in touch" in text and "Ole Brandt" in text
    assert 'class="keep"' in html


def test_planner_people_lists_everyone_with_a_rhythm_by_how_overdue(tmp_path):
    config = home(tmp_path, "")
    report = people_report(config, open_store(), now=NOW)
    rows = {r.person.name: r for r in report.rows}
    assert list(rows) == ["Lena Hansen", "Tom Weber", "Ole Brandt", "Jonas Müller", "Kim Schäfer"]
    ole, lena, tom = rows["Ole Brandt"], rows["Lena Hansen"], rows["Tom Weber"]
    # met only by video: contact, but no meeting in person
    assert ole.standing.last_in_person is None and ole.standing.last_contact is not None
    # the organisation's rhythm: meeting Lena in March counts for Tom too
    assert tom.standing.rule.kind == "organisation" and tom.standing.last_in_person == (
        lena.standing.last_in_person
    )
    # met in person yesterday: a key account (every 60 days), due in two months
    kim = rows["Kim Schäfer"]
    assert kim.standing.overdue_days == -59 and kim.standing.rule.kind == "key account"
    # the next chance: next week's trip to Hamburg
    assert (
        ole.trip is not None
        and ole.trip.city == "Hamburg"
        and "trip to Hamburg" in (ole.next_chance(config.tz))
    )
    assert round(ole.distance_km) == 612 and ole.city == "Hamburg"
    assert rows["Jonas Müller"].city == "Berlin" and rows["Jonas Müller"].trip is None


def test_a_person_with_two_cities_is_found_on_a_trip_to_either(tmp_path):
    """Ole works in Hamburg and lives in Lübeck: a day in Lübeck finds him as well."""
    extra_trip = """
[[calendars]]
name = "luebeck"
provider = "ics"
path = "{path}"
"""
    from tests.flows.touch_scenario import calendar_ics, meeting

    day = TRIP_MONDAY + timedelta(days=14)
    visit = meeting("luebeck", "Kundentermin Lübeck", at(day, 10), 120, "Am Markt 1, 23552 Lübeck")
    path = tmp_path / "luebeck.ics"
    path.write_bytes(calendar_ics([visit]))
    config = load(write_home(tmp_path / "files", extra=extra_trip.format(path=path)))
    views = trips_report(config, open_store(), now=NOW, proposals=False)
    luebeck = next(v for v in views if v.trip.city == "Lübeck")
    assert [r.person.name for r in luebeck.people] == ["Ole Brandt"]
    assert luebeck.trip.base == "Am Markt 1, 23552 Lübeck"  # the client's office


def test_without_venues_there_the_reason_is_given(tmp_path):
    config = home(tmp_path, "")
    from dataclasses import replace

    sections = dict(config.sections)
    sections["venues"] = {**sections["venues"], "files": []}  # only the Munich sample
    config = replace(config, sections=sections)
    (view,) = trips_report(config, open_store(), now=NOW)
    assert view.picks and all("No venue is known around Hamburg" in p.note for p in view.picks)
    # the time still stands, in the trip's free time, the place to be chosen near the base;
    # the area is named as `planner propose` and the week's proposals name it: the city
    for pick in view.picks:
        assert pick.proposal is not None and pick.proposal.venue.source == "area"
        assert pick.proposal.venue.name == "Hamburg"
        assert pick.proposal.venue.geo == view.trip.base_geo
        assert view.trip.start <= pick.proposal.start < view.trip.end


def test_someone_far_away_without_a_trip_gets_the_reason(tmp_path):
    """Ten weeks on, the Hamburg trip is past and everyone due lives far away: no proposal,
    and each pick says why."""
    config = home(tmp_path, "")
    later = NOW + timedelta(days=70)
    monday = later.date() + timedelta(days=7 - later.weekday())
    plan = api.plan_week(config, monday, now=later, store=open_store())
    picks = plan.keep_in_touch.picks
    assert picks and all(p.proposal is None for p in picks)
    assert all("and no trip there is planned" in p.note for p in picks)
    assert any("lives in Hamburg, 612 km away" in p.note for p in picks)


def test_the_section_proposes_over_the_events_around_it_as_over_all(tmp_path, monkeypatch):
    """The keep-in-touch planner sees only the events around the week and its trips (the
    history before is left out for speed); what it proposes is the same as over every event."""
    from planner.flows import trip_view
    from planner.meet.days import AROUND

    config = load(write_home(tmp_path / "files"))
    windowed = api.plan_week(config, TRIP_MONDAY, now=NOW, store=open_store()).keep_in_touch
    counts: list[tuple[int, int]] = []
    original = trip_view.planner_for

    def over_everything(circle, events, catalog, geocoder, supply=None, window=None):
        first, last = window[0] - AROUND[0], window[1] + AROUND[1]
        counts.append((len(events), sum(e.end > first and e.start < last for e in events)))
        return original(circle, events, catalog, geocoder, supply)

    monkeypatch.setattr(trip_view, "planner_for", over_everything)
    everything = api.plan_week(config, TRIP_MONDAY, now=NOW, store=open_store()).keep_in_touch
    assert windowed is not None and windowed.picks
    assert all(p.proposal is not None for p in windowed.picks)
    assert windowed == everything
    (total, around), *_ = counts
    assert around < total  # there was history to leave out


def test_a_rhythm_for_someone_not_yet_met_lists_them_with_the_table_ahead(tmp_path):
    """A rhythm set for a prospect met next week for the first time is not lost: they are
    listed as never met, and the next chance is the lunch with them in person, not the
    call before it."""
    from click.testing import CliRunner

    from planner.cli import main
    from tests.flows.touch_scenario import Contact, calendar_ics, history, meeting, trip

    config_path = write_home(tmp_path / "files")
    new = Contact("nina", "Nina Roth", ("nina.roth@prospect.example",), "Prospect AG", (), ())
    call = meeting("nina-call", "Kennenlernen Prospect", NOW + timedelta(days=2), 30,
                   "https://zoom.us/j/987654321", new)  # fmt: skip
    lunch = meeting("nina-lunch", "Mittagessen mit Nina Roth", NOW + timedelta(days=9), 90,
                    "Brenner Grill, Maximilianstraße 15, 80539 München", new)  # fmt: skip
    (tmp_path / "files" / "work.ics").write_bytes(calendar_ics(history() + trip() + [call, lunch]))
    said = CliRunner().invoke(main, ["people", "rhythm", "nina.roth@prospect.example",
                                     "every 4 weeks", "--config", str(config_path)])  # fmt: skip
    assert said.exit_code == 0, said.output
    report = people_report(load(config_path), open_store(), now=NOW)
    (nina,) = [r for r in report.rows if r.person.name == "Nina Roth"]
    assert nina.standing.last_in_person is None and nina.standing.last_contact is None
    assert nina.planned is not None and nina.planned.title == "Mittagessen mit Nina Roth"
    assert nina.planned_in_person


def test_someone_known_only_to_be_abroad_gets_no_coffee_at_home(tmp_path):
    """Urs, met twice by video, with an address at a .ch domain and nothing else: Zürich is
    assumed for him, so the week proposes no coffee in Munich ("Free in both calendars"), but
    says he is abroad and to meet on the next trip there."""
    from click.testing import CliRunner

    from planner.cli import main
    from planner.model import Contact
    from tests.flows.touch_scenario import calendar_ics, history, meeting, trip

    config_path = write_home(tmp_path / "files")
    urs = Contact("urs", "Urs Keller", ("urs.keller@helvetia-handel.ch",), "", (), ())
    zoom = "https://zoom.us/j/555666777"
    calls = [meeting(f"urs-{n}", "Abstimmung Helvetia", NOW - timedelta(days=days), 30, zoom, urs)
             for n, days in enumerate((120, 90))]  # fmt: skip
    (tmp_path / "files" / "work.ics").write_bytes(calendar_ics(history() + trip() + calls))
    said = CliRunner().invoke(main, ["people", "rhythm", "urs.keller@helvetia-handel.ch",
                                     "every 6 weeks", "--config", str(config_path)])  # fmt: skip
    assert said.exit_code == 0, said.output
    plan = api.plan_week(load(config_path), NOW.date(), now=NOW, store=open_store())
    picks = {p.row.person.name: p for p in plan.keep_in_touch.picks}
    urs_pick = picks["Urs Keller"]
    assert urs_pick.proposal is None and "abroad" in urs_pick.note
    report = people_report(load(config_path), open_store(), now=NOW)
    (row,) = [r for r in report.rows if r.person.name == "Urs Keller"]
    assert row.abroad == "Zürich" and not row.places
