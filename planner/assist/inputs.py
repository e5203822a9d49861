"""The tools' inputs at the boundary, in the tool's own words.

- :func:`rejected`: an argument of the wrong type or range is one sentence naming the input and
  what it accepts ("days must be a whole number from 1 to 60 (not 0)"), read from the tool's
  input schema; the SDK checks the arguments before a tool runs and gave pydantic's multi-line
  report with a link;
- :func:`check_dates`: every date and time given lies in the years planner computes with (a
  year 9999 or 1 ended in an ``OverflowError``);
- :func:`upcoming_week`, :func:`mailbox`: what a tool that looks ahead asks of its week and its
  counterpart;
- :func:`tool_words`: the flows are shared with the commands and their messages name the
  command's options (``--to``, ``--start``); a tool's error names its inputs instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from planner.errors import UsageError
from planner.i18n import _

FIRST_YEAR, LAST_YEAR = 1970, 2200


def rejected(schema: Mapping[str, Any], errors: list[Mapping[str, Any]]) -> str:
    """One sentence for the SDK's validation ``errors`` of arguments to a tool whose input
    schema is ``schema``: each input named once, with what it accepts."""
    said: dict[str, str] = {}
    for error in errors:
        name = str(error["loc"][0]) if error.get("loc") else ""
        if name not in said:
            said[name] = _sentence(name, error, schema)
    return "; ".join(said.values())


def _sentence(name: str, error: Mapping[str, Any], schema: Mapping[str, Any]) -> str:
    shown_name = f"`{name}`"
    if error.get("type") == "missing":
        return _("{input} is required", input=shown_name)
    prop = _resolved(schema.get("properties", {}).get(name, {}), schema)
    accepts = _accepts(prop)
    if not accepts:
        return _("{input} is not valid: {reason}", input=shown_name, reason=error.get("msg", ""))
    value = error.get("input")
    if isinstance(value, str | int | float | bool) and len(str(value)) <= 40:
        shown = value if isinstance(value, str) else str(value).lower()
        return _("{input} must be {accepts} (not {value})", input=shown_name, accepts=accepts,
                 value=repr(shown) if isinstance(value, str) else shown)  # fmt: skip
    return _("{input} must be {accepts}", input=shown_name, accepts=accepts)


def _resolved(prop: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The property's schema without its null alternative and with its reference followed."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    chosen = options[0] if len(options) == 1 else prop
    if "$ref" in chosen:
        found = schema.get("$defs", {}).get(chosen["$ref"].rsplit("/", 1)[-1], {})
        return {**found, **{k: v for k, v in chosen.items() if k != "$ref"}}
    return chosen


def _accepts(prop: Mapping[str, Any]) -> str:
    """What a property accepts, in words; "" when its schema says nothing plain."""
    if "enum" in prop:
        return _("one of {values}", values=", ".join(str(v) for v in prop["enum"]))
    kind, low, high = prop.get("type"), prop.get("minimum"), prop.get("maximum")
    if kind == "integer":
        if low is not None and high is not None:
            return _("a whole number from {low} to {high}", low=low, high=high)
        return _("a whole number")
    if kind == "number":
        if "exclusiveMinimum" in prop and high is not None:
            return _("a number above {low} up to {high}", low=prop["exclusiveMinimum"], high=high)
        return _("a number")
    if kind == "boolean":
        return _("true or false")
    if kind == "array":
        return _("a list of texts")
    if kind == "string":
        return {
            "date": _("a date (ISO 8601, e.g. 2027-03-15)"),
            "date-time": _("a date and time (ISO 8601, e.g. 2027-03-15T12:30)"),
        }.get(prop.get("format", ""), _("a text"))
    return ""


def check_dates(inputs: Mapping[str, Any]) -> None:
    """Every date or time among ``inputs`` lies between 1970 and 2200."""
    for name, value in inputs.items():
        if isinstance(value, date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise UsageError(
                _("{input} {value} is out of range; give a date between {first} and {last}",
                  input=f"`{name}`", value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
            )  # fmt: skip


def upcoming_week(day: date | None, now: datetime, name: str = "week_of") -> None:
    """A week to meet in has not passed yet: proposals and offers look ahead."""
    if day is not None and day + timedelta(days=6 - day.weekday()) < now.date():
        raise UsageError(
            _("{input} {day} lies in a week that is over", input=f"`{name}`", day=day.isoformat()),
            hint=_(
                "give a day of this week or a later one, or leave {input} out", input=f"`{name}`"
            ),
        )


def mailbox(text: str | None, name: str) -> None:
    """``text`` is an address ("Name <address>" too) when given."""
    from planner.people.addresses import is_email
    from planner.people.names import parse_mailbox

    if text is not None and not text.strip():
        raise UsageError(_("{input} is required", input=f"`{name}`"))
    if text is not None and not is_email(parse_mailbox(text.strip())[1]):
        raise UsageError(
            _(
                "{option} '{value}' is not an e-mail address",
                option=f"`{name}`",
                value=text.strip(),
            ),
            hint=_("give an address such as anna@example.com"),
        )  # fmt: skip


#: the commands' options as the tools call them, longest first (a phrase before its option)
INPUTS = (
    ("--hold: ", ""),
    ("--week 2027-W12", "`week_of` 2027-03-22"),
    ("(--week)", "(`week_of`)"),
    ("(--near)", "(`near`)"),
    ("--to EMAIL", "`to`"),
    ("--proposal N", "`proposal`"),
    ("--hold CALENDAR", "`calendar`"),
    ("--duration", "`duration_minutes`"),
    ("--proposal", "`proposal`"),
    ("--update", "`update_uid`"),
    ("--cancel", "`cancel_uid`"),
    ("--start", "`start`"),
    ("--title", "`title`"),
    ("--venue", "`venue`"),
    ("--location", "`location`"),
    ("--agenda", "`agenda`"),
    ("--to", "`to`"),
    ("--with", "`with_email`"),
    ("--for", "`meeting_uid`"),
    ("--zone", "`zone`"),
    ("--week", "`week_of`"),
    ("--near", "`near`"),
    ("--hold", "`calendar`"),
)
_OPTION = re.compile(  # an option ends where its word does: --to is not --total
    "|".join(re.escape(cli) + (r"(?![\w-])" if cli[-1].isalnum() else "") for cli, _t in INPUTS)
)


#: the commands that are tools, as the tools are called
TOOLS = {"week": "week_plan", "agenda": "agenda", "contacts": "contacts", "propose": "propose",
         "venues": "venues", "invites": "invitations", "offer": "offer"}  # fmt: skip
_COMMAND = re.compile("'planner (" + "|".join([*TOOLS, "invite"]) + r")\b[^']*'")


def tool_words(message: str) -> str:
    """``message`` with the commands that are tools named as tools ('planner invite --list'
    is the invitations tool) and the commands' options as the tools' inputs."""
    words = dict(INPUTS)
    message = _COMMAND.sub(lambda found: _("the `{tool}` tool", tool=_tool(found)), message)
    return _OPTION.sub(lambda found: words[found.group(0)], message)


def _tool(found: re.Match[str]) -> str:
    command, text = found.group(1), found.group(0)
    if command == "invite":  # its list is the invitations tool, the rest the invite tool
        return "invitations" if "--list" in text else "invite"
    return TOOLS[command]
