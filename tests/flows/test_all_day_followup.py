"""Issue 28: an all-day invitation (a trade fair over three days) stays one through follow-up.
``planner invite`` says its days before it writes, ``planner invites`` and ``--list`` show
them (never ``00:00–00:00``), the table within 80 columns, and the ready command to send it
again keeps the days: run as given, it writes DATE values that icalendar and vobject both read
as the same days. English and German; a timed invitation in a typed zone beside it keeps its
hours."""

from __future__ import annotations

import json
import shlex
from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject
from click.testing import CliRunner

from planner.cli import main
from tests.cli.test_tables_80 import problems

CONFIG = '[user]\nemail = "lea@kranich.example"\nname = "Lea"\ntimezone = "Europe/Berlin"\n'
CONFIG += 'language = "{lang}"\n'
TO = "Jürgen Müller <juergen@müller.example>"
SAID = {
    "en": ("Wednesday, March 10, 2027 – Friday, March 12, 2027 (3 days)",
           "Wednesday, March 10, 2027, 09:00–10:00 (America/New_York)",
           "all day"),
    "de": ("Mittwoch, 10. März 2027 – Freitag, 12. März 2027 (3 Tage)",
           "Mittwoch, 10. März 2027, 09:00–10:00 (America/New_York)",
           "ganztägig"),
}  # fmt: skip


def invoke(config: Path, *args: str) -> tuple[str, str]:
    result = CliRunner().invoke(main, [*args, "--config", str(config)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def days_read(data: bytes) -> list[tuple[date, date]]:
    """DTSTART and DTEND as icalendar and as vobject read them."""
    first = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    second = vobject.readOne(data.decode()).vevent
    return [
        (first.decoded("DTSTART"), first.decoded("DTEND")),
        (second.dtstart.value, second.dtend.value),
    ]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_all_day_invitation_keeps_its_days_through_follow_up(tmp_path, lang):
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(lang=lang), encoding="utf-8")
    fair, timed = SAID[lang][:2]
    _out, said = invoke(
        config,
        "invite",
        "--to",
        TO,
        "--title",
        "transport logistic",
        "--date",
        "2027-03-10",
        "--days",
        "3",
        "--out",
        str(tmp_path / "f.ics"),
    )
    assert fair in said and "00:00" not in said
    _out, said = invoke(config, "invite", "--to", TO, "--title", "Abstimmung",
                        "--start", "2027-03-10 09:00 America/New_York",
                        "--out", str(tmp_path / "t.ics"))  # fmt: skip
    assert timed in said

    table, _err = invoke(config, "invites", "--offline", "--now", "2027-03-01T09:00")
    assert SAID[lang][2] in " ".join(table.split()) and "00:00–00:00" not in table
    assert "15:00–16:00" in table  # the timed one in the user's zone
    assert not problems(table), "\n".join(problems(table))

    data, _err = invoke(config, "invites", "--offline", "--now", "2027-03-01T09:00",
                        "--format", "json")  # fmt: skip
    states = {s["title"]: s for s in json.loads(data)["invitations"]}
    state = states["transport logistic"]
    # written, not sent: the command sends each as written (its days, its time), no change
    for each in states.values():
        assert each["command"] == f"planner invite --again {each['uid']} --send"
    assert state["all_day"]

    listed, _err = invoke(config, "invite", "--list")
    fair_line = next(line for line in listed.splitlines() if "transport logistic" in line)
    assert f"2027-03-10–2027-03-12, {SAID[lang][2]}" in fair_line and "00:00" not in fair_line

    again = shlex.split(state["command"])[1:]
    assert again[-1] == "--send"
    invoke(config, *again[:-1], "--out", str(tmp_path / "again.ics"))
    for read in days_read((tmp_path / "again.ics").read_bytes()):
        assert read == (date(2027, 3, 10), date(2027, 3, 13))
