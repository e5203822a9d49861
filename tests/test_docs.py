"""Docs that cannot drift: the README's set-up commands and command list, and the example config
that documents every key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from planner.cli import COMMANDS, main
from planner.config import CALENDAR_FIELDS, SECTIONS, from_mapping
from providers.base import provider_class

ROOT = Path(__file__).resolve().parents[1]


def test_readme_begins_with_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block and text.index("```sh") < 200, "README must open with the set-up block"
    commands = [line for line in block.group(1).splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("planner week --demo")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "# run the tests" in script
    assert "# run the tests" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_command():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"planner {name}" in text, name


def test_readme_command_help_is_current():
    """The README's command reference is the `--help` text of each command."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- commands:start -->", "<!-- commands:end -->"
    assert start in text and end in text
    assert text.split(start)[1].split(end)[0].strip() == command_reference().strip(), (
        "README's command section is out of date: run python -m tests.test_docs"
    )


def test_english_help_after_german_in_one_process_is_the_readme_s():
    """A process that showed every command in German first (the tests, a server answering in
    both languages) still shows the English help word for word: nothing of the German run
    stays on a command, not even what click named when the module was imported."""
    import subprocess
    import sys

    script = (
        "from click.testing import CliRunner\n"
        "from planner.cli import COMMANDS, main\n"
        "from tests.test_docs import command_reference\n"
        "for name in COMMANDS:\n"
        "    CliRunner().invoke(main, ['--lang', 'de', name, '--help'], terminal_width=100)\n"
        "print(command_reference(), end='')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "DATEI" not in done.stdout and "Optionen" not in done.stdout
    assert done.stdout == command_reference()


def command_reference() -> str:
    parts = []
    for name in COMMANDS:
        result = CliRunner().invoke(main, [name, "--help"], terminal_width=100)
        assert result.exit_code == 0, result.output
        usage = result.output.replace("Usage: main ", "Usage: planner ")
        parts.append(f"### planner {name}\n\n```\n{usage.rstrip()}\n```\n")
    return "\n".join(parts)


def test_example_config_is_valid_and_documents_every_key():
    data = tomllib.loads((ROOT / "config.example.toml").read_text(encoding="utf-8"))
    config = from_mapping(data, "config.example.toml")
    flat = {}
    for name, table in data.items():
        if name in ("calendars", "sync", "addressbooks"):
            continue
        for key, value in table.items():
            if isinstance(value, dict):
                flat[f"{name}.{key}"] = value
            else:
                flat.setdefault(name, {})[key] = value
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    for section, fields in SECTIONS.items():
        for key, field in fields.items():
            if field.secret:
                assert f"# {key}: never here" in text, f"[{section}] {key}"
            else:
                assert key in flat.get(section, {}), f"[{section}] {key} is not documented"
    providers = {entry["provider"]: entry for entry in data["calendars"]}
    assert set(providers) >= {"ics", "google", "outlook", "caldav"}
    for name, entry in providers.items():
        for key, field in provider_class(name).options.items():
            if field.secret:
                assert f"# {key}: never here" in text, f"{name}: {key}"
            elif key not in entry and not (name == "ics" and key == "url"):
                raise AssertionError(f"[[calendars]] {name}: key '{key}' is not documented")
        assert set(CALENDAR_FIELDS) - {"enabled", "role"} <= set(entry)  # common: documented once
    assert {"enabled", "role"} <= set(data["calendars"][0])
    assert len(config.calendars) == 4
    from planner.config import SYNC_FIELDS

    assert set(SYNC_FIELDS) <= set(data["sync"][0]), "a [[sync]] key is not documented"
    assert len(config.syncs) == 1
    from planner.config.sections import ADDRESS_BOOK_FIELDS
    from providers.addressbooks.base import provider_class as book_class

    books = {entry["provider"]: entry for entry in data["addressbooks"]}
    assert set(books) == {"vcard", "carddav", "google", "outlook"}
    for name, entry in books.items():
        for key, field in book_class(name).options.items():
            if field.secret:
                assert f"# {key}: never here" in text, f"{name}: {key}"
            else:
                assert key in entry, f"[[addressbooks]] {name}: key '{key}' is not documented"
    assert set(ADDRESS_BOOK_FIELDS) <= set(data["addressbooks"][0])
    assert len(config.addressbooks) == 4


if __name__ == "__main__":  # regenerate the README's command reference
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split("<!-- commands:start -->")
    _, tail = rest.split("<!-- commands:end -->")
    readme.write_text(
        f"{head}<!-- commands:start -->\n{command_reference()}<!-- commands:end -->{tail}",
        encoding="utf-8",
    )


def test_readme_python_api_example_runs_as_written(tmp_path, monkeypatch):
    """The README's Python API example, executed as written against a config with a calendar."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    code = text.split("## Python API")[1].split("```python\n")[1].split("```")[0]
    calendar = tmp_path / "work.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTAMP:20261101T000000Z\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
        "SUMMARY:Kick-off\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.toml"
    config.write_text(
        '[user]\nname = "A"\nemail = "a@example.com"\ntimezone = "Europe/Berlin"\n'
        f'[[calendars]]\nname = "work"\nprovider = "ics"\npath = "{calendar}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PLANNER_CONFIG", str(config))
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert "plan" in namespace and "events" in namespace
