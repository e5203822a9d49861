"""Control characters from calendar text never reach the terminal or a Markdown file
(issue 14): a title that sets the terminal title, rings the bell or clears the screen."""

from __future__ import annotations

from click.testing import CliRunner

from planner.cli import main
from planner.render.safe import neutral, neutral_keeping_colour

EVIL = "Lunch\x1b]0;pwned\x07 \x1b[2J\x9b31m\u202eevil"
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
    "DTSTART;TZID=Europe/Berlin:20261208T123000\r\nDTEND;TZID=Europe/Berlin:20261208T133000\r\n"
    f"SUMMARY:{EVIL}\r\nLOCATION:Caf\x1bé\r\n"
    "ATTENDEE:mailto:bob@acme.example\r\nORGANIZER:mailto:anna@example.com\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def clean(text: str) -> bool:
    without_colour = neutral_keeping_colour(text).replace("\x1b[", "")
    return not any(c in without_colour for c in "\x1b\x07\x9b\u202e")


def test_neutral_makes_controls_visible():
    assert neutral("a\x1b]0;x\x07b\n\tc") == "a␛]0;x␇b\n\tc"
    assert neutral("\x9b\u202e") == "U+009BU+202E"


def test_classify_table_shows_no_raw_control_characters(tmp_path):
    path = tmp_path / "c.ics"
    path.write_text(ICS, encoding="utf-8")
    args = ["classify", str(path), "--from", "2026-12-01", "--to", "2026-12-31",
            "--timezone", "Europe/Berlin"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Lunch␛]0;pwned" in result.output  # (rich itself drops the BEL)
    assert not any(c in result.output for c in "\x1b\x07\x9b\u202e")


def test_markdown_week_shows_no_raw_control_characters(tmp_path):
    path = tmp_path / "c.ics"
    path.write_text(ICS, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nemail = "anna@example.com"\ntimezone = "Europe/Berlin"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{path}"\n',
        encoding="utf-8",
    )
    args = ["week", "--config", str(config), "--week", "2026-W50", "--format", "markdown"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Lunch␛]0;pwned␇" in result.output
    assert not any(c in result.output for c in "\x1b\x07\x9b\u202e")


def test_colour_output_keeps_only_rich_colour_sequences():
    assert neutral_keeping_colour("\x1b[1mbold\x1b[0m\x1b]0;t\x07") == "\x1b[1mbold\x1b[0m␛]0;t␇"
    assert clean("\x1b[1mok\x1b[0m")
