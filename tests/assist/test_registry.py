"""A new tool is one decorated function: served with its typed inputs, its docstring and its
result model, in two steps when it writes. ``planner mcp`` without the SDK is one line naming
the extra, and ``planner --help`` does not load the SDK."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
from click.testing import CliRunner
from mcp import Client
from pydantic import Field

from planner.assist import registry
from planner.assist.outputs import Answer, WriteStep
from planner.assist.server import build, tools
from planner.assist.workspace import Settings, Workspace
from planner.cli import main


class Echo(Answer):
    text: str


def shout(ws: Workspace, text: Annotated[str, Field(max_length=20)]) -> Echo:
    """Repeat the text in capitals, in the user's language setting (a test tool)."""
    return Echo(text=text.upper() + " " + ws.config.user["language"])


def note(ws: Workspace, text: str, path: str) -> registry.Action:
    """Append a line to a file (a test tool standing in for a future mark or offer)."""

    def perform() -> str:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
        return f"noted in {path}"

    step = WriteStep(done=False, action=f"append '{text}'", who=[], start=None, end=None,
                     where=path, title=text)  # fmt: skip
    return registry.Action(step, {"text": text, "path": path}, perform)


def test_a_tool_is_one_function(monkeypatch, tmp_path):
    monkeypatch.setitem(registry.TOOLS, "shout", registry.ToolSpec("shout", "Shout", shout))
    monkeypatch.setitem(
        registry.TOOLS, "note", registry.ToolSpec("note", "Note", note, writes=True)
    )
    target = tmp_path / "notes.txt"

    async def session():
        async with Client(build(Settings(demo=True))) as client:
            listed = {t.name: t for t in (await client.list_tools()).tools}
            loud = await client.call_tool("shout", {"text": "hallo"})
            too_long = await client.call_tool("shout", {"text": "x" * 21})
            dry = await client.call_tool("note", {"text": "Kaffee", "path": str(target)})
            exists_after_dry = target.exists()
            token = dry.structured_content["confirm"]
            done = await client.call_tool(
                "note", {"text": "Kaffee", "path": str(target), "confirm": token}
            )
            again = await client.call_tool(
                "note", {"text": "Kaffee", "path": str(target), "confirm": token}
            )
            return listed, loud, too_long, exists_after_dry, done, again

    listed, loud, too_long, exists_after_dry, done, again = asyncio.run(session())
    assert listed["shout"].input_schema["properties"]["text"]["maxLength"] == 20
    assert listed["shout"].output_schema["properties"]["text"]["type"] == "string"
    assert "confirm" in listed["note"].input_schema["properties"]
    assert loud.structured_content["text"] == "HALLO en"
    assert too_long.is_error
    assert not exists_after_dry
    assert done.structured_content["done"] is True
    assert again.is_error and "used already" in again.content[0].text
    assert target.read_text(encoding="utf-8") == "Kaffee\n"


def test_an_unexpected_failure_is_one_line(monkeypatch):
    def broken(ws: Workspace) -> Echo:
        """Fails (a test tool)."""
        raise KeyError("surprise")

    monkeypatch.setitem(registry.TOOLS, "broken", registry.ToolSpec("broken", "B", broken))

    async def session():
        async with Client(build(Settings(demo=True))) as client:
            return await client.call_tool("broken", {})

    result = asyncio.run(session())
    text = result.content[0].text
    assert result.is_error and "unexpected KeyError" in text and "\n" not in text


def test_without_the_sdk_the_command_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "mcp", None)  # as if not installed
    result = CliRunner().invoke(main, ["mcp"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "planner: error: planner mcp needs the Model Context Protocol SDK, which is not "
        "installed (install it with: pip install 'planner[mcp]')"
    ]


def test_help_does_not_load_the_sdk():
    code = (
        "import sys\nfrom planner.cli import main\n"
        "for args in (['--help'], ['mcp', '--help']):\n"
        "    try:\n        main(args, standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "heavy = ('mcp', 'pydantic', 'itsdangerous', 'sphinx')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "--confirm-within" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("tool", ["invite", "hold"])
def test_write_tools_describe_their_two_steps(tool):
    doc = tools()[tool].function.__doc__ or ""
    assert "confirm" in doc and "dry run" in doc
