"""The tools and how one call runs: in its workspace, errors as :class:`PlannerError`, a write
tool in two steps.

A **read tool** is a function ``(ws: Workspace, **inputs) -> Answer``; a **write tool** a
function ``(ws: Workspace, **inputs) -> Action`` that only describes what it would do. The
decorators register them; the server (:mod:`planner.assist.server`) exposes every registered
tool with the function's typed inputs, its docstring as the description and its result model
as the output schema, and gives a write tool one more input, ``confirm``. Adding a tool is one
decorated function, e.g. a future ``mark`` (a correction) or ``offer``::

    @write_tool("Correct a judgement")
    def mark(ws: Workspace, uid: str, mode: Mode) -> Action:
        \"\"\"Record that meeting UID is in person / virtual / …\"\"\"
        correction = flows.corrections.prepare(ws.config, ws.state, uid, mode)
        return Action(step=..., content=correction.to_json(), perform=correction.save)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from planner.assist.inputs import check_dates, tool_words
from planner.assist.outputs import Answer, WriteStep
from planner.assist.workspace import Settings, Workspace, open_workspace
from planner.errors import PlannerError
from planner.i18n import _


@dataclass(frozen=True)
class Action:
    """What a write tool would do: the dry run to show (who, when, where), the content its
    confirmation token is bound to, and the deed, which returns one line saying what it did.
    ``blocked`` says why it cannot be done here (no token is given then)."""

    step: WriteStep
    content: Mapping[str, Any]
    perform: Callable[[], str]
    blocked: str = ""


@dataclass(frozen=True)
class ToolSpec:
    """One tool: its name, a title for people, its function; ``week`` names the input that
    chooses the week (the demo's calendars are generated around it); ``online`` marks a tool
    that may reach other services (calendar APIs, geocoding, mail)."""

    name: str
    title: str
    function: Callable[..., Any]
    writes: bool = False
    week: str | None = None
    online: bool = True
    destructive: bool = False  # may change or undo what exists (a sent meeting), not only add


TOOLS: dict[str, ToolSpec] = {}


def read_tool(
    title: str, *, week: str | None = None, online: bool = True
) -> Callable[[Callable[..., Answer]], Callable[..., Answer]]:
    """Register a read tool (it may keep state, as the commands do: saved proposals, the
    ledger, answers seen in the calendars; it never writes into a calendar or sends)."""

    def register(function: Callable[..., Answer]) -> Callable[..., Answer]:
        TOOLS[function.__name__] = ToolSpec(
            function.__name__, title, function, week=week, online=online
        )
        return function

    return register


def write_tool(
    title: str, *, week: str | None = None, destructive: bool = False
) -> Callable[[Callable[..., Action]], Callable[..., Action]]:
    """Register a two-step write tool; ``destructive``: it can change or cancel what exists
    (the tool annotations tell the assistant so), not only add."""

    def register(function: Callable[..., Action]) -> Callable[..., Action]:
        TOOLS[function.__name__] = ToolSpec(
            function.__name__, title, function, True, week, destructive=destructive
        )
        return function

    return register


def run(spec: ToolSpec, settings: Settings, inputs: dict[str, Any]) -> Answer:
    """One call of ``spec`` with ``inputs``; raises :class:`planner.errors.PlannerError`."""
    check_dates(inputs)
    chosen = inputs.get(spec.week) if spec.week else None
    first_day = chosen - timedelta(days=chosen.weekday()) if isinstance(chosen, date) else None
    with open_workspace(settings, first_day) as ws:
        if spec.writes:
            answer: Answer = two_step(spec, ws, dict(inputs))
        else:
            answer = spec.function(ws, **inputs)
    answer.warnings = [tool_words(w) for w in dict.fromkeys([*answer.warnings, *ws.warnings])]
    return answer


def two_step(spec: ToolSpec, ws: Workspace, inputs: dict[str, Any]) -> WriteStep:
    """Without ``confirm``: the dry run and a token for exactly this action. With it: the
    action, once, if the token is this install's, unexpired, unspent and for this action."""
    from planner.assist.confirm import Confirmations, install_key
    from planner.paths import data_dir

    token = inputs.pop("confirm", None)
    action: Action = spec.function(ws, **inputs)
    if action.blocked:
        from planner.errors import UsageError

        if token:
            raise UsageError(action.blocked)
        return action.step.model_copy(update={"warnings": [action.blocked]})
    scope = "demo" if ws.demo else str(ws.config.path or "")
    content = {"tool": spec.name, "scope": scope, **action.content}
    tokens = Confirmations(install_key(data_dir()), max_age=ws.settings.confirm_seconds)
    if not token:
        confirm, expires = tokens.issue(spec.name, content)
        return action.step.model_copy(update={"confirm": confirm, "expires_at": expires})
    tokens.redeem(spec.name, token, content, ws.state)
    try:
        result = action.perform()
    except PlannerError as exc:
        spent = _("the confirmation is spent: to try again, call the tool without `confirm`")
        exc.hint = f"{exc.hint}; {spent}" if exc.hint else spent
        raise
    return action.step.model_copy(update={"done": True, "result": result})
