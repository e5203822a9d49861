"""The official SDK's client driving ``planner mcp`` as an assistant does: a subprocess on stdio,
started with the test's HOME, data dir and config (never the user's)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

PLANNER = Path(sys.executable).parent / "planner"  # the console script an assistant starts
ENV = ("HOME", "PLANNER_DATA_DIR", "PLANNER_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
       "XDG_CACHE_HOME",
       # the code under test: a worktree's tests drive the worktree's planner, not the one
       # the virtualenv has installed (an editable install of another checkout)
       "PYTHONPATH",
       # a clock moved for the whole run (libfaketime) moves the server's too
       "LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC")  # fmt: skip
T = TypeVar("T")


@contextlib.asynccontextmanager
async def planner_server(
    *args: str, env: dict[str, str] | None = None, log: Path | None = None
) -> AsyncIterator[Client]:
    """``planner mcp ARGS`` as a subprocess, its stderr kept in ``log``."""
    environment = {name: os.environ[name] for name in ENV if name in os.environ}
    environment.update(env or {})
    params = StdioServerParameters(command=str(PLANNER), args=["mcp", *args], env=environment)
    log = log or Path(os.environ["HOME"]) / "server.log"
    with log.open("a", encoding="utf-8") as errlog:
        async with Client(stdio_client(params, errlog=errlog), read_timeout_seconds=180) as client:
            yield client


def run(test: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(test())  # type: ignore[arg-type]


async def call(client: Client, tool: str, arguments: dict[str, Any] | None = None) -> Any:
    """The structured result of a tool that must succeed."""
    result = await client.call_tool(tool, arguments or {})
    assert not result.is_error, f"{tool}: {result.content[0].text}"  # type: ignore[union-attr]
    assert result.structured_content is not None, tool
    # the text content carries the same data for clients that read only text
    assert json.loads(result.content[0].text) == result.structured_content  # type: ignore[union-attr]
    return result.structured_content


async def error(client: Client, tool: str, arguments: dict[str, Any] | None = None) -> str:
    """The one-line error of a tool call that must fail."""
    result = await client.call_tool(tool, arguments or {})
    assert result.is_error, f"{tool} did not fail: {result.structured_content}"
    text: str = result.content[0].text  # type: ignore[union-attr]
    assert "\n" not in text.strip() and "Traceback" not in text, text
    return text
