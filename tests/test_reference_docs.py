"""The reference docs cannot drift: the committed pages of docs/reference are what
``scripts/reference_docs.py`` makes from the code now; every command, option, config key and
tool is in them with a description; the whole site builds with Sphinx, every cross-reference
of the docstrings resolving; the assistant's config snippet is the same everywhere."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIX = "run: python scripts/reference_docs.py"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "reference_docs", ROOT / "scripts" / "reference_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


reference = _generator()


@pytest.fixture(scope="module")
def stale_pages() -> str:
    """What the generator, run as the user runs it (a fresh process), finds out of date. In this
    process click may have cached a command's help option from a test that invoked it alone."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "reference_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("page", sorted(reference.PAGES))
def test_the_committed_page_is_current(page, stale_pages):
    assert (ROOT / "docs" / "reference" / page).is_file(), f"docs/reference/{page}; {FIX}"
    assert page not in stale_pages, f"docs/reference/{page} is out of date; {FIX}"


def undocumented_options(commands) -> list[str]:
    """Commands without help and options without help text ("planner week --mail")."""
    found = []
    for path, command in commands:
        name = " ".join(["planner", *path])
        if not (command.help or command.short_help):
            found.append(name)
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden and not param.help:
                found.append(f"{name} {param.opts[0]}")
    return found


def test_every_command_and_option_has_help_and_is_in_the_reference():
    commands = list(reference.commands())
    assert undocumented_options(commands) == []
    page = (ROOT / "docs" / "reference" / "cli.rst").read_text(encoding="utf-8")
    sections = re.split(r"\n\.\. _cli-[\w-]+:\n", page)[1:]
    assert len(sections) == len(commands)
    for (path, command), section in zip(commands, sections, strict=True):
        assert section.startswith(f"\n{' '.join(['planner', *path])}\n"), section[:80]
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert any(opt in section for opt in param.opts), (path, param.opts)


def test_an_option_without_help_is_caught():
    @click.command(help="A command.")
    @click.option("--quiet-one", is_flag=True)
    @click.option("--said", help="Documented.")
    def command(quiet_one: bool, said: str) -> None: ...

    @click.command()
    def silent() -> None: ...

    found = undocumented_options([(["x"], command), (["y"], silent)])
    assert found == ["planner x --quiet-one", "planner y"]


def test_every_config_key_has_a_meaning_in_the_reference():
    comments = reference.example_comments()
    page = (ROOT / "docs" / "reference" / "config.rst").read_text(encoding="utf-8")
    tables = reference.config_tables()
    assert {title for title, _t, _f in tables} >= {"[user]", "[smtp]", "[[sync]]", "[[people]]"}
    missing = [
        f"{title} {key}"
        for title, table, fields in tables
        for key in fields
        if not reference.describe(table, key, comments)
    ]
    assert missing == [], f"explain these keys in config.example.toml: {missing}"
    for title, _table, fields in tables:
        section = page.split(f"\n{title}\n", 1)[1].split("\n.. list-table::", 2)[1]
        for key in fields:
            assert f"   * - ``{key}``" in section, (title, key)


def test_a_key_without_a_comment_is_caught(tmp_path, monkeypatch):
    example = tmp_path / "config.example.toml"
    example.write_text(
        '[user]\nname = "A"    # shown as organizer\nemail = "a@example.com"\n', encoding="utf-8"
    )
    monkeypatch.setattr(reference, "EXAMPLE", example)
    comments = reference.example_comments()
    assert reference.describe("user", "name", comments) == "shown as organizer"
    assert reference.describe("user", "email", comments) == ""


def test_every_tool_is_in_the_reference():
    from planner.assist.server import tools

    page = (ROOT / "docs" / "reference" / "tools.rst").read_text(encoding="utf-8")
    for name, spec in tools().items():
        assert f".. _tool-{name}:" in page and spec.title in page, name


@pytest.mark.slow
def test_the_docs_build_without_a_warning(tmp_path):
    """Sphinx, nitpicky and warnings as errors: a docstring naming a function that is gone, or
    a page that does not parse, fails the build."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-E", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(ROOT / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    from planner import api

    html = (tmp_path / "html" / "api.html").read_text(encoding="utf-8")
    for name in api.__all__:
        assert f'id="planner.api.{name}"' in html or f"{name}</span>" in html, name
    for page in ("reference/cli.html", "reference/config.html", "reference/tools.html"):
        assert (tmp_path / "html" / page).is_file()


def test_the_assistant_snippet_is_the_same_in_the_readme_and_the_docs():
    docs = json.loads((ROOT / "docs" / "assistant.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Using planner from an AI assistant", 1)[1]
    snippet = json.loads(block.split("```json\n", 1)[1].split("```", 1)[0])
    assert snippet == docs
    server = snippet["mcpServers"]["planner"]
    assert server["args"][0] == "mcp" and Path(server["command"]).name == "planner"
