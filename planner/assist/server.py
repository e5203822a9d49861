"""The Model Context Protocol server: every registered tool (:mod:`planner.assist.registry`) on
the official SDK's :class:`mcp.server.mcpserver.MCPServer`, served on stdin/stdout.

Each tool keeps its function's typed inputs (a write tool gains ``confirm``), its docstring as
description and its result model as output schema. A :class:`planner.errors.PlannerError`
becomes the tool's error result with the one line the CLI would print; anything else becomes
one line too, and its traceback goes to stderr (which assistants keep as the server's log).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Annotated, Any

from planner.assist.inputs import tool_words
from planner.assist.outputs import WriteStep
from planner.assist.registry import TOOLS, ToolSpec, run
from planner.assist.workspace import Settings
from planner.errors import PlannerError
from planner.i18n import _

INSTRUCTIONS = """\
planner reads the user's calendars, tells which meetings are in person and which are virtual,
remembers whom the user has met, and proposes times and venues to meet in person. Start with
week_plan or agenda; propose gives proposals for a counterpart, each with an `id` that stays the
same in every listing. invite, hold and offer act in two steps: the first call is a dry run with a
`confirm` token; show the user who, when and where, and only when the user agrees call again
with the same arguments and that token."""

CONFIRM_HELP = (
    "The token from this tool's dry run, to carry the action out (once). Leave it out for the "
    "dry run."
)

log = logging.getLogger("planner.assist")


def tools() -> dict[str, ToolSpec]:
    """Every tool, the modules that define them loaded (they register their tools)."""
    from planner.assist import offering, reading, writing  # noqa: F401

    return TOOLS


def build(settings: Settings) -> Any:
    """The MCP server with every tool; nothing runs until it is served."""
    from importlib.metadata import version

    from mcp.server.mcpserver import MCPServer
    from mcp.types import ToolAnnotations

    server: Any = _server_class(MCPServer)(
        "planner", instructions=INSTRUCTIONS, version=version("planner"), log_level="WARNING"
    )
    for spec in tools().values():
        server.add_tool(
            bind(spec, settings),
            name=spec.name,
            title=spec.title,
            description=inspect.cleandoc(spec.function.__doc__ or ""),
            annotations=ToolAnnotations(
                title=spec.title,
                read_only_hint=not spec.writes,
                destructive_hint=spec.destructive,
                idempotent_hint=not spec.writes,
                open_world_hint=spec.online,
            ),
            structured_output=True,
        )
    return server


def _server_class(base: type) -> type:
    """The SDK's server, its check of the arguments reported in one sentence naming the input
    (:func:`planner.assist.inputs.rejected`) instead of pydantic's multi-line report: the SDK
    checks them against the input schema before the tool's function runs."""
    from mcp.server.mcpserver.exceptions import ToolError
    from pydantic import ValidationError

    from planner.assist.inputs import rejected

    class Server(base):  # type: ignore[misc,valid-type]
        async def call_tool(self, name: str, arguments: dict[str, Any], context: Any = None) -> Any:
            try:
                return await super().call_tool(name, arguments, context)
            except ToolError as exc:
                if not isinstance(exc.__cause__, ValidationError):
                    raise
                schema = next(t.input_schema for t in await self.list_tools() if t.name == name)
                sentence = rejected(schema, exc.__cause__.errors())
                raise ToolError(f"Error executing tool {name}: {sentence}") from exc.__cause__

    return Server


def bind(spec: ToolSpec, settings: Settings) -> Callable[..., Any]:
    """The function the SDK registers: ``spec``'s inputs without the workspace (plus
    ``confirm`` for a write tool), its result model, errors as the SDK's ``ToolError``."""
    from mcp.server.mcpserver.exceptions import ToolError
    from pydantic import Field

    signature = inspect.signature(spec.function, eval_str=True)
    parameters = list(signature.parameters.values())[1:]
    returns = signature.return_annotation
    if spec.writes:
        confirm = Annotated[str | None, Field(description=CONFIRM_HELP)]
        parameters.append(
            inspect.Parameter("confirm", inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation=confirm)
        )  # fmt: skip
        returns = WriteStep

    def call(**inputs: Any) -> Any:
        try:
            return run(spec, settings, inputs)
        except PlannerError as exc:
            raise ToolError(tool_words(str(exc))) from None
        except Exception as exc:  # the last line of defence, as in the CLI: one line
            log.exception("%s failed", spec.name)
            raise ToolError(
                _("unexpected {error}: {message} (the server's log has the details; report it)",
                  error=type(exc).__name__, message=exc)
            ) from None  # fmt: skip

    call.__name__ = spec.name
    call.__doc__ = spec.function.__doc__
    call.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters, return_annotation=returns
    )
    return call


def serve(settings: Settings) -> None:
    """Serve on stdin/stdout until the assistant closes the connection."""
    handler = logging.StreamHandler()  # stderr: stdout carries the protocol
    handler.setFormatter(logging.Formatter("planner: %(levelname)s: %(message)s"))
    logger = logging.getLogger("planner")
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    build(settings).run("stdio")
