"""An unknown provider in several tables is one problem (QA session a, defect 5): five
``[[calendars]]`` with ``provider = "ical"`` gave one line of ~600 characters that repeated the
same sentence five times. Now the tables are named once, with the provider meant."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language

USER = '[user]\nemail = "me@firm.example"\ntimezone = "Europe/Berlin"\n'


def week(tmp_path: Path, text: str, *args: str) -> tuple[int, str]:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "week", "--config", str(config)])
    set_language("en")
    return result.exit_code, result.output


def tables(provider: str, names: list[str], kind: str = "calendars") -> str:
    return "".join(
        f'[[{kind}]]\nname = "{n}"\nprovider = "{provider}"\npath = "/x/{n}.ics"\n' for n in names
    )


def test_one_unknown_provider_in_five_tables_is_said_once_with_the_name_meant(tmp_path):
    names = ["exchange", "google", "icloud", "thunderbird", "team"]
    code, said = week(tmp_path, USER + tables("ical", names))
    assert code == 2
    (line,) = said.strip().splitlines()
    assert line.endswith(
        "[[calendars]] 'exchange', 'google', 'icloud', 'thunderbird', 'team' key 'provider': "
        "unknown provider 'ical' (did you mean 'ics'?)"
    )
    assert line.count("unknown provider") == 1 and len(line) < 250


def test_more_tables_are_counted_and_other_names_listed(tmp_path):
    names = [f"c{n}" for n in range(7)]
    code, said = week(tmp_path, USER + tables("zzz", names))
    assert code == 2
    assert "[[calendars]] 'c0', 'c1', 'c2', 'c3', 'c4' and 2 more key 'provider'" in said
    assert "unknown provider 'zzz' (installed: " in said and said.count("unknown provider") == 1


def test_each_unknown_provider_is_its_own_problem(tmp_path):
    text = USER + tables("ical", ["a", "b"]) + tables("gmail", ["c"])
    code, said = week(tmp_path, text)
    assert code == 2
    assert "[[calendars]] 'a', 'b' key 'provider': unknown provider 'ical'" in said
    assert (
        "[[calendars]] 'c' key 'provider': unknown provider 'gmail' (did you mean 'google'?)"
        in said
    )


def test_in_german_the_problem_is_said_once_too(tmp_path):
    code, said = week(tmp_path, USER + tables("ical", ["a", "b", "c"]), "--lang", "de")
    assert code == 2
    assert said.count("'ical'") == 1 and "'a', 'b', 'c'" in said and "'ics'" in said


def test_built_in_providers_are_known_without_a_look_at_the_entry_points(tmp_path, monkeypatch):
    """Reading the installed packages' entry points costs ~40 ms of every command's start:
    only a name that is no built-in provider is looked for there."""
    from planner import registry
    from planner.config.loader import load

    def scanned(group: str = registry.GROUP) -> dict[str, str]:
        raise AssertionError(f"entry points read for {group}")

    monkeypatch.setattr(registry, "_scan", scanned)
    config = tmp_path / "config.toml"
    config.write_text(
        USER + tables("ics", ["work"]) + tables("vcard", ["book"], kind="addressbooks"),
        encoding="utf-8",
    )
    assert [c.provider for c in load(config).calendars] == ["ics"]
