"""Every option that takes an e-mail address refuses what is none (QA session a, defect 4):
``planner propose --with notanemail`` printed proposals to meet "notanemail". One check
(planner.cli.types.EMAIL, by planner.people.addresses.is_email) for every such option; the
error is one line naming the option and the value, exit status 2, nothing done."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.i18n import set_language

CASES = [
    (["propose", "--with", "notanemail"], "--with 'notanemail'"),
    (["propose", "--with", "anna@example.com", "--with", "bob@"], "--with 'bob@'"),
    (["offer", "--with", "notanemail"], "--with 'notanemail'"),
    (["offer", "--with", "Anna Muster <anna@nowhere>"], "--with 'Anna Muster <anna@nowhere>'"),
    (["invite", "--to", "notanemail"], "--to 'notanemail'"),
    (["mark", "--with", "notanemail", "--mode", "virtual"], "--with 'notanemail'"),
    (["week", "--mail", "--to", "notanemail"], "--to 'notanemail'"),
]


@pytest.mark.parametrize(("args", "named"), CASES, ids=lambda a: " ".join(a))
def test_a_value_that_is_no_address_is_one_line_and_exit_2(args, named, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"planner: error: {named} is not an e-mail address")
    assert "Proposals" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["anna@example.com", "Anna Muster <anna@example.com>",
                                   "jürgen@bücher.example"])  # fmt: skip
def test_addresses_pass(value):
    from planner.cli.types import EMAIL

    assert EMAIL.convert(value, None, None) == value


@pytest.mark.parametrize("who", ["anna@nowhere", "a b@example.com", "anna@@example.com"])
def test_people_rhythm_refuses_an_address_that_is_none(who):
    from planner.errors import UsageError
    from planner.people.rhythm import target_of

    with pytest.raises(UsageError, match="is not an e-mail address"):
        target_of(who)


def test_in_german_the_option_and_value_are_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(main, ["propose", "--lang", "de", "--with", "notanemail"])
    set_language("en")
    assert result.exit_code == 2
    assert "--with 'notanemail'" in result.output and "Traceback" not in result.output
