"""Bad config values and options end in one clear line with exit status 2, never in
"unexpected …" or a hang (issue 14). Each case failed before."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from planner.cli import main

BASE = '[user]\nemail = "anna@example.com"\ntimezone = "Europe/Berlin"\n'


def run(tmp_path, config: str, *args: str):
    path = tmp_path / "config.toml"
    path.write_text(config, encoding="utf-8")
    return CliRunner().invoke(main, [*args[:1], "--config", str(path), *args[1:]])


@pytest.mark.parametrize(
    ("section", "line", "words"),
    [
        ("venues", "radius_km = inf", "finite"),
        ("venues", "radius_km = nan", "finite"),
        ("venues", "radius_km = 1e308", "between 0 and 200"),
        ("relations", "lookback_days = 1000000000000", "between 1 and 3650"),
        ("slots", "days_ahead = 100000000", "between 1 and 366"),
        ("smtp", "port = 70000", "between 1 and 65535"),
        ("smtp", 'sender = "a@example.com\\r\\nBcc: eve@example.com"', "one line"),
        ("invite", "default_duration = 99999999999", "between 5 and 10080"),
        ("windows.lunch", "duration = -5", "between 5 and 720"),
        ("travel", "speed_kmh = -inf", "finite"),
    ],
)
def test_bad_config_numbers_and_header_text_are_one_clear_line(tmp_path, section, line, words):
    result = run(tmp_path, f"{BASE}[{section}]\n{line}\n", "invite", "--list")
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "unexpected" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["invite", "--to", "b@example.com", "--title", "x", "--start", "2026-12-08T12:00",
          "--duration", "999999999999"], "--duration"),
        (["invite", "--to", "b@example.com", "--title", "x", "--start", "9999-12-31T23:30"],
         "out of range"),
        (["invite", "--to", "b@example.com", "--title", "x", "--start", "0001-01-01T00:00"],
         "out of range"),
        (["invite", "--proposal", "0"], "--proposal"),
        (["invite", "--to", "b@example.com\r\nBcc: eve@example.com", "--title", "x",
          "--start", "2026-12-08T12:00"], "not an e-mail address"),
    ],
)  # fmt: skip
def test_bad_options_are_one_clear_line(tmp_path, args, words):
    result = run(tmp_path, BASE, *args)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert "unexpected" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("radius", ["inf", "nan", "-1", "1e309"])
def test_venue_radius_must_be_finite_and_in_range(radius):
    result = CliRunner().invoke(
        main, ["venues", "--demo", "--near", "Marienplatz", "--radius", radius]
    )
    assert result.exit_code == 2, result.output
    assert "--radius" in result.output
    assert "unexpected" not in result.output


def test_a_start_in_the_past_and_a_duplicate_attendee_are_accepted_with_a_note(tmp_path):
    args = ["invite", "--to", "b@example.com", "--to", "B@example.com", "--title", "x",
            "--start", "2020-01-08T12:00"]  # fmt: skip
    result = run(tmp_path, BASE, *args)
    assert result.exit_code == 0, result.output
    assert "starts in the past" in result.output
    assert "b@example.com given more than once" in result.output
